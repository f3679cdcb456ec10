package org.gongkai.inforequest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.gongkai.calendar.DueDate;
import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.calendar.YearNotLoadedException;

/**
 * The reply due date of a request (domain-rules.md §9.1 item 4): 20 working days from the receipt — or from the
 * corrected application's receipt (Art. 30) — counted from the next day, plus an approved extension (at most 20),
 * plus every working day a consultation paused the clock (Art. 33 ¶3), unless an Art. 35 deadline replaces it.
 * A count reaching into a year whose holiday notice is not loaded is provisional (weekends only) and says so.
 */
final class RequestClock {

	/** The due date with the rule that produced it; {@code date} null while the clock does not run. */
	record Due(LocalDate date, boolean provisional, String rule) {

		static final Due NOT_RUNNING = new Due(null, false, null);
	}

	private final WorkingDayCalendar calendar;

	RequestClock(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	Due due(InfoRequest r, List<Consultation> consultations) {
		return due(r, consultations, false);
	}

	/**
	 * @param feePausesClock the agency counts the days until a fee notice is paid (or lapses) out of the reply period
	 *        (unconfirmed nationally, off by default: domain-rules.md §11)
	 */
	Due due(InfoRequest r, List<Consultation> consultations, boolean feePausesClock) {
		LocalDate start = r.clockStart();
		if (start == null || r.status() == RequestStatus.AWAITING_CORRECTION) {
			return Due.NOT_RUNNING;
		}
		if (r.customDueOn() != null) {
			return new Due(r.customDueOn(), false, "条例第三十五条：另行确定的答复期限");
		}
		boolean[] provisional = { false };
		TreeSet<LocalDate> paused = new TreeSet<>();
		for (Consultation c : consultations) {
			LocalDate day = c.sentOn().isBefore(start) ? start : c.sentOn();
			while (day.isBefore(c.pauseEnd())) {
				day = day.plusDays(1);
				if (isWorkingDay(day, provisional)) {
					paused.add(day);
				}
			}
		}
		int consultationDays = paused.size();
		int feeDays = 0;
		if (feePausesClock && r.feeNoticeOn() != null) {
			LocalDate end = r.feePaidOn() != null ? r.feePaidOn() : r.feePayBy();
			LocalDate day = r.feeNoticeOn();
			while (end != null && day.isBefore(end)) {
				day = day.plusDays(1);
				if (isWorkingDay(day, provisional) && paused.add(day)) {
					feeDays++;
				}
			}
		}
		int total = RequestRules.REPLY_WORKING_DAYS + r.extensionDays() + paused.size();
		DueDate due = calendar.addWorkingDaysProvisionally(start, total);
		StringBuilder rule = new StringBuilder(r.correctionReceivedOn() != null ? "自收到补正申请之日起" : "自收到申请之日起")
			.append(RequestRules.REPLY_WORKING_DAYS).append("个工作日（条例第三十三条）");
		if (r.extensionDays() > 0) {
			rule.append("，经批准延长").append(r.extensionDays()).append("个工作日");
		}
		if (consultationDays > 0) {
			rule.append("，征求意见").append(consultationDays).append("个工作日不计入");
		}
		if (feeDays > 0) {
			rule.append("，缴费").append(feeDays).append("个工作日不计入");
		}
		boolean isProvisional = due.provisional() || provisional[0];
		if (isProvisional) {
			rule.append("（暂定：所涉年份的节假日安排尚未公布）");
		}
		rule.append("［").append(RequestRules.RULE_VERSION).append("］");
		return new Due(due.date(), isProvisional, rule.toString());
	}

	/** The last day the one correction request may be made (Art. 30: within 7 working days of receipt). */
	DueDate correctionNoticeBy(LocalDate receivedOn) {
		return calendar.addWorkingDaysProvisionally(receivedOn, RequestRules.CORRECTION_NOTICE_WORKING_DAYS);
	}

	DueDate addWorkingDays(LocalDate from, int days) {
		return calendar.addWorkingDaysProvisionally(from, days);
	}

	private boolean isWorkingDay(LocalDate day, boolean[] provisional) {
		try {
			return calendar.isWorkingDay(day);
		}
		catch (YearNotLoadedException e) {
			provisional[0] = true;
			return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
		}
	}
}
