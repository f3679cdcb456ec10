package org.gongkai.search;

import java.util.Set;
import java.util.stream.Collectors;

/** Facet filters; an empty set means "any". Values within one set are alternatives (OR); sets combine with AND. */
public record SearchFilter(Set<String> kinds, Set<Long> agencyIds, Set<String> themes, Set<Integer> years) {

	public static final SearchFilter NONE = new SearchFilter(Set.of(), Set.of(), Set.of(), Set.of());

	public SearchFilter {
		kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
		agencyIds = agencyIds == null ? Set.of() : Set.copyOf(agencyIds);
		themes = themes == null ? Set.of() : Set.copyOf(themes);
		years = years == null ? Set.of() : Set.copyOf(years);
	}

	/** The values of the facet's filter, as text (as the index holds them); empty when it does not filter. */
	public Set<String> values(Facet facet) {
		Set<?> values = switch (facet) {
			case TYPE -> kinds;
			case AGENCY -> agencyIds;
			case THEME -> themes;
			case YEAR -> years;
		};
		return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
	}

	/** Whether the facet's filter restricts anything. */
	public boolean has(Facet facet) {
		return !values(facet).isEmpty();
	}

	/** Whether any facet's filter restricts anything. */
	public boolean any() {
		return !kinds.isEmpty() || !agencyIds.isEmpty() || !themes.isEmpty() || !years.isEmpty();
	}
}
