package org.gongkai.publication;

import org.gongkai.catalog.CatalogNode;
import org.gongkai.organisation.Agency;

/** Public addresses of items, catalogue nodes, attachments and feeds. */
public final class PublicationPaths {

	private PublicationPaths() {
	}

	public static String document(Agency agency, long documentId) {
		return "/agencies/" + agency.code() + "/documents/" + documentId + "/";
	}

	public static String attachment(Agency agency, Attachment a) {
		return document(agency, a.documentId()) + "files/" + a.safeName();
	}

	public static String node(Agency agency, CatalogNode node) {
		return "/agencies/" + agency.code() + "/" + node.code() + "/";
	}

	public static String onRequestIssue(Agency agency, long issueId) {
		return "/agencies/" + agency.code() + "/on-request/" + issueId + "/";
	}

	public static String normative(Agency agency) {
		return "/agencies/" + agency.code() + "/normative/";
	}

	public static String cleanup(Agency agency, long roundId) {
		return "/agencies/" + agency.code() + "/cleanup/" + roundId + "/";
	}

	public static String agencyFeed(Agency agency) {
		return "/agencies/" + agency.code() + "/feed.atom";
	}

	public static String nodeFeed(Agency agency, CatalogNode node) {
		return node(agency, node) + "feed.atom";
	}
}
