package org.gongkai.search;

import java.time.Instant;
import java.util.List;

/** A group of words that mean the same (社保 / 社会保险); a query with one of them also finds the others. */
public record SynonymGroup(long id, List<String> terms, String updatedBy, Instant updatedAt) {

	public SynonymGroup {
		terms = List.copyOf(terms);
	}

	/** The words joined for display, e.g. {@code 社保 / 社会保险}. */
	public String display() {
		return String.join(" / ", terms);
	}
}
