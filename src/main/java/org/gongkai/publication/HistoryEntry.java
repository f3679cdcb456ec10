package org.gongkai.publication;

import java.time.Instant;

/** One step of an item's life, with the review gates where the step was a review. */
public record HistoryEntry(Instant at, String actor, String action, DocumentStatus from, DocumentStatus to,
		Boolean political, Boolean legal, Boolean secrecy, Boolean text, String note) {
}
