package org.gongkai.participation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A poll (民意调查) as stored: its agency, title, purpose, the days it is open (both inclusive, in China), the
 * identity rule that keeps one answer per person, when the public sees the results, an optional reference to a
 * major decision or a consultation, and its publication, early closing and withdrawal. Its state is computed
 * by {@link PollRules#status}.
 *
 * @param closedEarlyOn the day staff ended the poll before {@code closesOn}; answers are refused from then on
 */
public record Poll(long id, long agencyId, String title, String description, LocalDate opensOn, LocalDate closesOn,
		PollIdentityRule identityRule, PollResultsVisibility resultsVisibility, String withheldReason, String refKind,
		Long refId, Instant publishedAt, LocalDate closedEarlyOn, Instant withdrawnAt, String withdrawalReason,
		String createdBy, Instant createdAt, Instant updatedAt) {

	public boolean published() {
		return publishedAt != null;
	}

	public boolean withdrawn() {
		return withdrawnAt != null;
	}

	/** On the portal: published and not withdrawn. */
	public boolean isPublic() {
		return published() && !withdrawn();
	}

	/** The last day answers were or are accepted: the early closing day's eve, or {@code closesOn}. */
	public LocalDate endsOn() {
		if (closedEarlyOn == null) {
			return closesOn;
		}
		LocalDate eve = closedEarlyOn.minusDays(1);
		return eve.isBefore(opensOn) ? opensOn : (eve.isBefore(closesOn) ? eve : closesOn);
	}
}
