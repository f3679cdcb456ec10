package org.gongkai.publication;

import java.time.LocalDate;

/** A line of a list: what list pages, feeds and the list API show of an item. */
public record DocumentSummary(long id, long agencyId, String indexNumber, String title, String summary,
		LocalDate publishedOn, String documentNumber, Validity validity, String theme, String documentType,
		DocumentStatus status, LocalDate formedOn, LocalDate publishBy) {
}
