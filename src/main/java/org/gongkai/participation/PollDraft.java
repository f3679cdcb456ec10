package org.gongkai.participation;

/**
 * A poll's own fields as staff type them (console form or API): every value a string, checked by
 * {@link PollManagement}, so that a wrong entry is a field error and is shown back as it was.
 *
 * @param agency the agency's code
 * @param opensOn first day open, {@code YYYY-MM-DD}
 * @param closesOn last day open, {@code YYYY-MM-DD}
 * @param identityRule {@code MOBILE} or {@code RESIDENT_ID}
 * @param resultsVisibility {@code AFTER_CLOSE} (default), {@code LIVE} or {@code WITHHELD}
 * @param refKind {@code decision} or {@code consultation}, or empty for none
 */
public record PollDraft(String agency, String title, String description, String opensOn, String closesOn,
		String identityRule, String resultsVisibility, String withheldReason, String refKind, String refId) {
}
