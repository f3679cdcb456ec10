package org.gongkai.search;

import java.util.Set;

/** Facet filters; an empty set means "any". Values within one set are alternatives (OR); sets combine with AND. */
public record SearchFilter(Set<String> kinds, Set<Long> agencyIds, Set<String> themes, Set<Integer> years) {

	public static final SearchFilter NONE = new SearchFilter(Set.of(), Set.of(), Set.of(), Set.of());

	public SearchFilter {
		kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
		agencyIds = agencyIds == null ? Set.of() : Set.copyOf(agencyIds);
		themes = themes == null ? Set.of() : Set.copyOf(themes);
		years = years == null ? Set.of() : Set.copyOf(years);
	}
}
