package org.gongkai.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results. The facet counts are drill-sideways: each dimension is counted under the query and the other
 * dimensions' filters, so a selected type still shows how many results the other types have. Facet values are sorted
 * by count, descending (years by year, descending).
 */
public record SearchResults(long total, List<SearchHit> hits, Map<Facet, List<FacetCount>> facets) {

	/** Immutable, so that one answer can be cached and shared by concurrent requests. */
	public SearchResults {
		hits = List.copyOf(hits);
		facets = Map.copyOf(facets);
	}
}
