package org.gongkai.interpretation;

import org.gongkai.organisation.Agency;

/** Public addresses of interpretations, responses to public concern, their files, lists and feeds. */
public final class InterpretationPaths {

	static final String COLUMN = "interpretations";

	static final String CONCERN_COLUMN = "concerns";

	private InterpretationPaths() {
	}

	public static String siteList() {
		return "/interpretations/";
	}

	public static String siteFeed() {
		return "/interpretations/feed.atom";
	}

	public static String agencyList(Agency agency) {
		return "/agencies/" + agency.code() + "/" + COLUMN + "/";
	}

	public static String agencyFeed(Agency agency) {
		return agencyList(agency) + "feed.atom";
	}

	public static String item(Agency agency, long id) {
		return agencyList(agency) + id + "/";
	}

	static String media(Agency agency, InterpretationMedia m) {
		return item(agency, m.interpretationId()) + "files/" + m.safeName();
	}

	public static String concernList() {
		return "/concerns/";
	}

	public static String agencyConcernList(Agency agency) {
		return "/agencies/" + agency.code() + "/" + CONCERN_COLUMN + "/";
	}

	public static String concern(Agency agency, long responseId) {
		return agencyConcernList(agency) + responseId + "/";
	}
}
