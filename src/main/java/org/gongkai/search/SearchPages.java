package org.gongkai.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.platform.AtomFeeds;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SiteSettings;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * The public results page and its Atom feed, rendered without a session (public data only, no form token): every
 * link on the page is the same search with one thing changed, so the page works without JavaScript and any state of
 * it can be linked.
 */
@Component
class SearchPages {

	static final String PATH = "/search";

	static final String FEED = "/search/feed.atom";

	static final int FEED_SIZE = 50;

	/** One facet as shown: its title and its values as links. */
	record FacetView(String param, String title, List<FacetLink> values) {
	}

	record FacetLink(String label, long count, String href, boolean selected) {
	}

	record HitView(String kindLabel, String agencyName, LocalDate date, String titleHtml, String snippetHtml,
			String url, boolean outOfForce) {
	}

	record PageLink(int number, String href, boolean current) {
	}

	private final PageRenderer renderer;

	private final SearchService search;

	private final SiteSettings site;

	SearchPages(PageRenderer renderer, SearchService search, SiteSettings site) {
		this.renderer = renderer;
		this.search = search;
		this.site = site;
	}

	/** The page for a checked request (the form alone when there is nothing to search for). */
	String page(SearchRequest request) {
		Map<String, Object> model = base(request.q());
		model.put("request", request);
		if (request.isBlank()) {
			return renderer.render("search/results", model);
		}
		SearchService.Answer answer = search.search(request);
		model.put("answer", answer);
		model.put("hits", answer.hits()
			.stream()
			.map(h -> new HitView(h.kindLabel(), h.agencyName(), h.hit().date(), h.hit().titleHtml(),
					h.hit().snippetHtml(), h.hit().url(), h.hit().outOfForce()))
			.toList());
		model.put("facets", facets(answer));
		model.put("pageLinks", pageLinks(request, answer.pages()));
		model.put("prev", request.page() > 1 ? href(request.withPage(request.page() - 1)) : null);
		model.put("next", request.page() < answer.pages() ? href(request.withPage(request.page() + 1)) : null);
		model.put("byRelevance", href(request.withOrder(SearchOrder.RELEVANCE)));
		model.put("byDate", href(request.withOrder(SearchOrder.NEWEST)));
		model.put("didYouMeanHref", answer.didYouMean() == null ? null : href(request.withQuery(answer.didYouMean())));
		model.put("clearFilters", request.hasFilters() ? href(request.clearFilters()) : null);
		model.put("feed", FEED + "?" + request.withPage(1).queryString());
		model.put("hidden", hiddenFilters(request));
		return renderer.render("search/results", model);
	}

	/** The form again with what was wrong (400). */
	String invalid(String q, List<FieldProblem> problems) {
		Map<String, Object> model = base(q == null ? "" : q.strip());
		model.put("problems", problems);
		return renderer.render("search/results", model);
	}

	private Map<String, Object> base(String q) {
		Map<String, Object> model = new HashMap<>();
		model.put("q", q);
		model.put("pageTitle", q.isBlank() ? "站内搜索" : "搜索：" + (q.length() > 50 ? q.substring(0, 50) + "…" : q));
		model.put("action", PATH);
		model.put("request", null);
		model.put("answer", null);
		model.put("problems", List.of());
		return model;
	}

	/** The newest fifty results of the same search, as Atom. */
	String feed(SearchRequest request) {
		SearchRequest newest = new SearchRequest(request.q(), request.types(), request.agencies(), request.themes(),
				request.years(), SearchOrder.NEWEST, 1, FEED_SIZE);
		SearchService.Answer answer = search.search(newest, false);
		String query = request.withPage(1).queryString();
		String title = (request.q().isBlank() ? "站内搜索" : "搜索：" + request.q()) + " - " + site.name();
		List<AtomFeeds.Entry> entries = answer.hits()
			.stream()
			.map(h -> new AtomFeeds.Entry(h.title(), h.hit().url(), "urn:gongkai:" + h.hit().kind() + ":" + h.hit().id(),
					h.hit().date().atStartOfDay(Zones.CHINA).toInstant(),
					h.agencyName() == null ? site.host() : h.agencyName(), SearchTexts.plain(h.hit().snippetHtml())))
			.toList();
		return AtomFeeds.write(site.domain(), title, FEED + "?" + query, PATH + "?" + query, site.host(), Instant.EPOCH,
				entries);
	}

	private List<FacetView> facets(SearchService.Answer answer) {
		List<FacetView> views = new ArrayList<>();
		for (Facet f : Facet.values()) {
			List<SearchService.FacetValue> values = answer.facets().getOrDefault(f, List.of());
			if (values.isEmpty()) {
				continue;
			}
			views.add(new FacetView(f.param(), title(f), values.stream()
				.map(v -> new FacetLink(v.label(), v.count(), href(answer.request().toggle(f, v.value())), v.selected()))
				.toList()));
		}
		return views;
	}

	static String title(Facet f) {
		return switch (f) {
			case TYPE -> "信息类别";
			case AGENCY -> "发布机构";
			case THEME -> "主题分类";
			case YEAR -> "年份";
		};
	}

	/** The current filters as hidden fields, so that a new query in the page's form keeps them. */
	private static List<Map<String, String>> hiddenFilters(SearchRequest r) {
		List<Map<String, String>> list = new ArrayList<>();
		r.types().stream().sorted().forEach(v -> list.add(Map.of("name", "type", "value", v)));
		r.agencies().stream().sorted().forEach(v -> list.add(Map.of("name", "agency", "value", v)));
		r.themes().stream().sorted().forEach(v -> list.add(Map.of("name", "theme", "value", v)));
		r.years().stream().sorted().forEach(v -> list.add(Map.of("name", "year", "value", v.toString())));
		if (r.order() == SearchOrder.NEWEST) {
			list.add(Map.of("name", "sort", "value", "date"));
		}
		return list;
	}

	/** Page numbers around the current one (at most nine links), with the first and last. */
	private static List<PageLink> pageLinks(SearchRequest request, int pages) {
		List<PageLink> links = new ArrayList<>();
		if (pages <= 1) {
			return links;
		}
		int from = Math.max(1, request.page() - 4);
		int to = Math.min(pages, from + 8);
		from = Math.max(1, to - 8);
		if (from > 1) {
			links.add(new PageLink(1, href(request.withPage(1)), false));
		}
		for (int p = from; p <= to; p++) {
			links.add(new PageLink(p, href(request.withPage(p)), p == request.page()));
		}
		if (to < pages) {
			links.add(new PageLink(pages, href(request.withPage(pages)), false));
		}
		return links;
	}

	static String href(SearchRequest r) {
		String q = r.queryString();
		return q.isEmpty() ? PATH : PATH + "?" + q;
	}
}
