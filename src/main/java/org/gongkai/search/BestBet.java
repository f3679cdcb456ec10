package org.gongkai.search;

import java.time.Instant;
import java.util.List;

/**
 * An answer an administrator pins above the results (a service guide, an application form) for the queries that equal
 * or contain one of its {@code terms} (folded).
 *
 * @param url an absolute path on the site ({@code /agencies/…}) or an {@code https://} address
 */
public record BestBet(long id, List<String> terms, String title, String url, String description, int sortOrder,
		boolean active, String updatedBy, Instant updatedAt) {

	public BestBet {
		terms = List.copyOf(terms);
	}

	/** True when the folded query equals or contains one of the terms. */
	public boolean answers(String foldedQuery) {
		return active && foldedQuery != null && !foldedQuery.isEmpty()
				&& terms.stream().anyMatch(t -> !t.isEmpty() && foldedQuery.contains(t));
	}

	public String termsDisplay() {
		return String.join(" / ", terms);
	}
}
