package org.gongkai.oversight;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a unit's monthly self-check is due. Seed 000 (a county bureau's 政务公开 work plan): 「日常检查以自查为主，每月组织
 * 一次，每月末由单位、科室自行组织，对存在的问题自行整改」; the 洪雅县 circular (oversight-rules §3.3) requires every unit
 * to report its monthly disclosure status 「于每月25日前」. The day is configurable
 * ({@code gongkai.oversight.self-check-day}, default 25); a month shorter than the day is due on its last day.
 */
public final class SelfCheckRules {

	/** The default report day of the month. */
	public static final int DEFAULT_DAY = 25;

	private SelfCheckRules() {
	}

	/** The due day of the self-check of {@code month}. */
	public static LocalDate dueOn(YearMonth month, int day) {
		int d = Math.max(1, Math.min(day, month.lengthOfMonth()));
		return month.atDay(d);
	}

	/** Reported after the due day, or not yet reported and the due day is past. */
	public static boolean late(LocalDate dueOn, LocalDate submittedOn, LocalDate today) {
		return submittedOn != null ? submittedOn.isAfter(dueOn) : today.isAfter(dueOn);
	}
}
