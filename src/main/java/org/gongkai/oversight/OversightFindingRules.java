package org.gongkai.oversight;

import java.time.LocalDate;

import org.gongkai.calendar.DueDate;
import org.gongkai.calendar.WorkingDayCalendar;

/**
 * The rectification deadline of a finding, in working days through the calendar (from the day after the finding,
 * 《民法典》 Art. 201 as the calendar counts). Default 5 working days: the 长沙望城区 2023 Q3 problem list gave 5 days to
 * fix and report back (oversight-rules §3.3, O29); configurable with {@code gongkai.oversight.rectification-days}. A
 * finding is overdue when it is past its deadline and its rectification is still awaited (a rectification reported
 * and waiting for the re-check is not overdue; a failed re-check gives a new deadline).
 */
public final class OversightFindingRules {

	/** The default number of working days to rectify a finding. */
	public static final int DEFAULT_DAYS = 5;

	private OversightFindingRules() {
	}

	public static DueDate deadline(WorkingDayCalendar calendar, LocalDate foundOn, int workingDays) {
		return calendar.addWorkingDaysProvisionally(foundOn, workingDays);
	}

	public static boolean overdue(OversightFinding f, LocalDate today) {
		return f.status() == OversightFindingStatus.OPEN && today.isAfter(f.dueOn());
	}
}
