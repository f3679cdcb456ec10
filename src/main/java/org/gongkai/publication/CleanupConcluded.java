package org.gongkai.publication;

/** A normative-document cleanup round was concluded: its result page is published. */
public record CleanupConcluded(long agencyId, long roundId) {
}
