package org.gongkai.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A search as the URL states it: the query, the facet filters (each repeatable), the order and the page. Every
 * results page, feed and API answer is a function of this alone, so any of them can be linked.
 *
 * @param q the query as typed (trimmed), or empty
 * @param types kind keys ({@code type=document})
 * @param agencies agency codes
 */
public record SearchRequest(String q, Set<String> types, Set<String> agencies, Set<String> themes, Set<Integer> years,
		SearchOrder order, int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public SearchRequest {
		q = q == null ? "" : q;
		types = Set.copyOf(new LinkedHashSet<>(types));
		agencies = Set.copyOf(agencies);
		themes = Set.copyOf(themes);
		years = Set.copyOf(years);
		order = order == null ? SearchOrder.RELEVANCE : order;
	}

	/** True when there is neither a query nor a filter: nothing to search for. */
	public boolean isBlank() {
		return q.isBlank() && types.isEmpty() && agencies.isEmpty() && themes.isEmpty() && years.isEmpty();
	}

	public boolean hasFilters() {
		return !(types.isEmpty() && agencies.isEmpty() && themes.isEmpty() && years.isEmpty());
	}

	public SearchRequest withPage(int p) {
		return new SearchRequest(q, types, agencies, themes, years, order, p, size);
	}

	public SearchRequest withOrder(SearchOrder o) {
		return new SearchRequest(q, types, agencies, themes, years, o, 1, size);
	}

	public SearchRequest withQuery(String newQuery) {
		return new SearchRequest(newQuery, types, agencies, themes, years, order, 1, size);
	}

	/** The same query without any filter, back on page 1. */
	public SearchRequest clearFilters() {
		return new SearchRequest(q, Set.of(), Set.of(), Set.of(), Set.of(), order, 1, size);
	}

	/** The same search with one facet value added or (when present) removed, back on page 1. */
	public SearchRequest toggle(Facet facet, String value) {
		Set<String> t = new LinkedHashSet<>(types);
		Set<String> a = new LinkedHashSet<>(agencies);
		Set<String> th = new LinkedHashSet<>(themes);
		Set<Integer> y = new LinkedHashSet<>(years);
		switch (facet) {
			case TYPE -> flip(t, value);
			case AGENCY -> flip(a, value);
			case THEME -> flip(th, value);
			case YEAR -> flip(y, Integer.valueOf(value));
		}
		return new SearchRequest(q, t, a, th, y, order, 1, size);
	}

	/** Whether a facet value is one of the filters. */
	public boolean selected(Facet facet, String value) {
		return switch (facet) {
			case TYPE -> types.contains(value);
			case AGENCY -> agencies.contains(value);
			case THEME -> themes.contains(value);
			case YEAR -> years.stream().anyMatch(y -> y.toString().equals(value));
		};
	}

	/** The query string ({@code q=…&type=…}) without a leading {@code ?}; the page only when it is not 1. */
	public String queryString() {
		List<String> parts = new ArrayList<>();
		if (!q.isBlank()) {
			parts.add("q=" + enc(q));
		}
		types.stream().sorted().forEach(v -> parts.add("type=" + enc(v)));
		agencies.stream().sorted().forEach(v -> parts.add("agency=" + enc(v)));
		themes.stream().sorted().forEach(v -> parts.add("theme=" + enc(v)));
		years.stream().sorted().forEach(v -> parts.add("year=" + v));
		if (order == SearchOrder.NEWEST) {
			parts.add("sort=date");
		}
		if (size != DEFAULT_SIZE) {
			parts.add("size=" + size);
		}
		if (page != 1) {
			parts.add("page=" + page);
		}
		return String.join("&", parts);
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static <T> void flip(Set<T> set, T value) {
		if (!set.remove(value)) {
			set.add(value);
		}
	}
}
