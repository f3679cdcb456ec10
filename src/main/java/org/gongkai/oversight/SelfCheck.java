package org.gongkai.oversight;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's self-check of one month (每月自查), reported to the supervisor by the due day of the month.
 *
 * @param figuresOn the day the automatic figures were computed for
 * @param submittedOn the day (China time) it was reported
 */
public record SelfCheck(long id, long agencyId, int year, int month, LocalDate dueOn, SelfCheckStatus status,
		LocalDate figuresOn, String summary, String submittedBy, Instant submittedAt, LocalDate submittedOn,
		String createdBy) {

	public String period() {
		return year + "年" + month + "月";
	}

	/** Reported after the due day, or not reported and the due day has passed. */
	public boolean late(LocalDate today) {
		return SelfCheckRules.late(dueOn, submittedOn, today);
	}
}
