package org.gongkai.publication;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.catalog.NodeKind;
import org.gongkai.catalog.Themes;
import org.gongkai.organisation.Agency;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SiteSettings;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;


/**
 * Renders the public pages of items — the item page with its metadata table, catalogue node lists
 * with filters and paging, Atom feeds — from public data only, through the platform's one renderer.
 */
@Component
class PublicationPages {

	static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter PUB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final PageRenderer renderer;

	private final PublicationQueries queries;

	private final Catalog catalog;

	private final Themes themes;

	private final SiteSettings site;

	private final OnRequestCatalog onRequest;

	private final NormativeDocuments normative;

	private final NodeListCache cache;

	private final org.springframework.beans.factory.ObjectProvider<DocumentRelations> relations;

	private final org.gongkai.platform.AgencyColumns columns;

	private final org.gongkai.platform.NodeEntries entries;

	PublicationPages(PageRenderer renderer, PublicationQueries queries, Catalog catalog, Themes themes, SiteSettings site,
			OnRequestCatalog onRequest, NormativeDocuments normative, NodeListCache cache,
			org.springframework.beans.factory.ObjectProvider<DocumentRelations> relations,
			org.gongkai.platform.AgencyColumns columns, org.gongkai.platform.NodeEntries entries) {
		this.entries = entries;
		this.columns = columns;
		this.relations = relations;
		this.cache = cache;
		this.normative = normative;
		this.renderer = renderer;
		this.queries = queries;
		this.catalog = catalog;
		this.themes = themes;
		this.site = site;
		this.onRequest = onRequest;
	}

	/** List filters from the query string; all optional. */
	record Filters(Integer year, String theme, String documentType, Validity validity, int page) {

		static final Filters NONE = new Filters(null, null, null, null, 1);

		boolean isEmpty() {
			return year == null && theme == null && documentType == null && validity == null && page <= 1;
		}

		String query(int toPage) {
			StringBuilder q = new StringBuilder();
			if (year != null) {
				q.append("&year=").append(year);
			}
			if (theme != null) {
				q.append("&theme=").append(java.net.URLEncoder.encode(theme, java.nio.charset.StandardCharsets.UTF_8));
			}
			if (documentType != null) {
				q.append("&type=").append(java.net.URLEncoder.encode(documentType, java.nio.charset.StandardCharsets.UTF_8));
			}
			if (validity != null) {
				q.append("&validity=").append(validity.name());
			}
			q.append("&page=").append(toPage);
			return "?" + q.substring(1);
		}
	}

	Optional<String> documentPage(Agency agency, long id) {
		return queries.publicDocument(id).filter(d -> d.agencyId() == agency.id()).map(doc -> {
			Map<String, Object> model = base(agency);
			CatalogNode node = doc.nodeIds().stream()
				.map(catalog::nodeById)
				.flatMap(Optional::stream)
				.filter(n -> catalog.ancestry(n).stream().noneMatch(CatalogNode::hidden))
				.findFirst()
				.orElse(null);
			model.put("doc", doc);
			model.put("ancestry", node == null ? List.of() : catalog.ancestry(node));
			model.put("current", node == null ? Catalog.STATUTORY : catalog.ancestry(node).get(0).code());
			model.put("attachments", queries.attachments(id)
				.stream()
				.map(a -> Map.of("name", a.fileName(), "size", a.sizeLabel(), "href", PublicationPaths.attachment(agency, a)))
				.toList());
			model.put("pubDate", doc.publishedAt() == null ? doc.publishedOn() + " 00:00"
					: PUB_DATE.format(doc.publishedAt().atZone(Zones.CHINA)));
			model.put("repostLag", null);
			model.put("related", relations.orderedStream()
				.map(r -> Map.of("key", r.key(), "heading", r.heading(), "links", r.publicLinks(id)))
				.filter(m -> !((List<?>) m.get("links")).isEmpty())
				.toList());
			return renderer.render("publication/document", model);
		});
	}

	CatalogView view(Agency agency) {
		return cache.view(agency.id(), () -> new CatalogView(catalog.tree(agency.id()), queries.publishedCountByNode(agency.id())));
	}

	/** A fresh view, bypassing the cache (the static writer runs right after a change). */
	CatalogView freshView(Agency agency) {
		cache.evict(agency.id());
		return view(agency);
	}

	Optional<String> nodePage(Agency agency, String nodeCode, Filters filters) {
		return nodePage(agency, view(agency), nodeCode, filters);
	}

	Optional<String> nodePage(Agency agency, CatalogView view, String nodeCode, Filters filters) {
		Optional<CatalogNode> found = view.node(nodeCode);
		if (found.isEmpty() || found.get().hidden() || found.get().kind() == NodeKind.GUIDE) {
			return Optional.empty();
		}
		CatalogNode node = found.get();
		List<CatalogNode> ancestry = view.ancestry(node);
		if (ancestry.stream().anyMatch(CatalogNode::hidden)) {
			return Optional.empty();
		}
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		model.put("columns", columns.of(agency.id()));
		model.put("node", node);
		model.put("ancestry", ancestry);
		model.put("current", ancestry.get(0).code());
		model.put("filters", filters);
		List<Map<String, Object>> children = new ArrayList<>();
		for (CatalogNode child : view.children(node.id())) {
			if (child.hidden()) {
				continue;
			}
			long count = view.count(child.id());
			if (count > 0 || child.emptyExplanation() != null) {
				Map<String, Object> c = new HashMap<>();
				c.put("node", child);
				c.put("count", count);
				c.put("href", PublicationPaths.node(agency, child));
				children.add(c);
			}
		}
		model.put("children", children);
		// other modules' public records of this column (the annual reports), above its documents on its first page
		model.put("entries", filters.isEmpty() ? entries.of(agency.id(), node.code()) : List.of());
		if (node.kind() == NodeKind.ON_REQUEST) {
			model.put("issues", onRequest.issues(agency.id()));
		}
		Set<Long> subtree = view.subtree(node.id());
		boolean unfiltered = filters.year() == null && filters.theme() == null && filters.documentType() == null
				&& filters.validity() == null;
		Long knownTotal = !unfiltered ? null : view.count(node.id()) == 0 ? Long.valueOf(0)
				: Long.valueOf(cache.total(agency.id(), node.id(), () -> view, () -> queries.publicCount(agency.id(), subtree)));
		PublicationQueries.Page page = knownTotal != null && knownTotal == 0
				? new PublicationQueries.Page(List.of(), 0, 1, PAGE_SIZE)
				: queries.publicPage(new DocumentQuery(List.of(agency.id()), subtree, filters.year(), filters.theme(),
						filters.documentType(), filters.validity(), null, null, null, null), filters.page(), PAGE_SIZE,
						knownTotal);
		model.put("page", page);
		model.put("themes", themes.topLevel());
		model.put("types", themes.documentTypes());
		model.put("validities", Validity.values());
		model.put("feed", PublicationPaths.nodeFeed(agency, node));
		model.put("nodePath", PublicationPaths.node(agency, node));
		List<Map<String, String>> pager = new ArrayList<>();
		int pages = page.pages();
		if (pages > 1) {
			java.util.TreeSet<Integer> shown = new java.util.TreeSet<>(List.of(1, pages));
			for (int p = Math.max(1, page.page() - 2); p <= Math.min(pages, page.page() + 2); p++) {
				shown.add(p);
			}
			for (int p : shown) {
				pager.add(Map.of("label", String.valueOf(p), "href", filters.query(p), "current", String.valueOf(p == page.page())));
			}
		}
		model.put("pager", pager);
		model.put("prev", page.page() > 1 ? filters.query(page.page() - 1) : null);
		model.put("next", page.page() < page.pages() ? filters.query(page.page() + 1) : null);
		return Optional.of(renderer.render("publication/node", model));
	}

	Optional<String> onRequestIssuePage(Agency agency, long issueId) {
		return onRequest.issue(agency.id(), issueId).map(issue -> {
			Map<String, Object> model = base(agency);
			model.put("issue", issue);
			model.put("current", Catalog.ON_REQUEST);
			return renderer.render("publication/on-request-issue", model);
		});
	}

	/** The public normative-document page: ledger of published items, issuing bodies, cleanup results. */
	String normativePage(Agency agency) {
		Map<String, Object> model = base(agency);
		model.put("current", Catalog.STATUTORY);
		model.put("ledger", normative.ledger(agency.id()).stream().filter(d -> d.status() == DocumentStatus.PUBLISHED).toList());
		model.put("bodies", normative.issuingBodies(agency.id()));
		model.put("rounds", normative.rounds(agency.id()).stream().filter(NormativeDocuments.Round::concluded).toList());
		return renderer.render("publication/normative", model);
	}

	Optional<String> cleanupPage(Agency agency, long roundId) {
		return normative.round(agency.id(), roundId).filter(NormativeDocuments.Round::concluded).map(round -> {
			Map<String, Object> model = base(agency);
			model.put("current", Catalog.STATUTORY);
			model.put("round", round);
			model.put("items", normative.publicItems(roundId));
			return renderer.render("publication/cleanup", model);
		});
	}

	String agencyFeed(Agency agency) {
		PublicationQueries.Page page = queries.publicPage(DocumentQuery.published(List.of(agency.id())), 1, 50);
		return feed(agency.name() + "政府信息公开", PublicationPaths.agencyFeed(agency), "/agencies/" + agency.code() + "/", agency,
				page.items());
	}

	Optional<String> nodeFeed(Agency agency, String nodeCode) {
		return nodeFeed(agency, view(agency), nodeCode);
	}

	Optional<String> nodeFeed(Agency agency, CatalogView view, String nodeCode) {
		return view.node(nodeCode)
			.filter(n -> n.kind() != NodeKind.GUIDE && view.ancestry(n).stream().noneMatch(CatalogNode::hidden))
			.map(node -> {
			Set<Long> subtree = view.subtree(node.id());
			PublicationQueries.Page page = queries.publicPage(
					new DocumentQuery(List.of(agency.id()), subtree, null, null, null, null, null, null, null, null), 1, 50);
			return feed(agency.name() + " - " + node.title(), PublicationPaths.nodeFeed(agency, node),
					PublicationPaths.node(agency, node), agency, page.items());
		});
	}

	private String feed(String title, String selfPath, String alternatePath, Agency agency, List<DocumentSummary> items) {
		return org.gongkai.platform.AtomFeeds.write(site.domain(), title, selfPath, alternatePath, agency.name(),
				agency.updatedAt(), items.stream()
					.map(s -> new org.gongkai.platform.AtomFeeds.Entry(s.title(), PublicationPaths.document(agency, s.id()),
							"urn:gongkai:document:" + s.id(), s.publishedOn().atStartOfDay(Zones.CHINA).toInstant(),
							agency.name(), s.summary()))
					.toList());
	}

	private Map<String, Object> base(Agency agency) {
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		model.put("columns", columns.of(agency.id()));
		return model;
	}
}
