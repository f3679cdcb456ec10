package org.gongkai.oversight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The yearly check of training against the plan.
 * <ul>
 * <li>At least two sessions a year: seed 001 item 16 (制定专项业务培训计划) with the county plans the research read
 * (oversight-rules §4.1, 临沂市卫健委 2021 「定期培训不少于2次，于3月、7月或12月进行」) and seed 000 (沂源县农业农村局 2021:
 * 「本年度计划安排2次学习培训」). The minimum is configurable ({@code gongkai.oversight.training.min-sessions}).</li>
 * <li>A planned session is due once its planned month is over (at the end of the month's last day); the shortfall on a
 * day is the planned sessions due by then minus the sessions held in the plan's year up to that day, never below 0.</li>
 * </ul>
 */
public final class TrainingRules {

	/** The default minimum number of sessions a year. */
	public static final int DEFAULT_MIN_SESSIONS = 2;

	private TrainingRules() {
	}

	/** Whether a session planned for {@code month} of {@code year} is due at the end of {@code on}. */
	public static boolean due(int year, int month, LocalDate on) {
		return !on.isBefore(YearMonth.of(year, month).atEndOfMonth());
	}

	/** How many of the planned months are due at the end of {@code on}. */
	public static int dueCount(int year, List<Integer> plannedMonths, LocalDate on) {
		return (int) plannedMonths.stream().filter(m -> due(year, m, on)).count();
	}

	/** Planned sessions due minus sessions held, never below 0. */
	public static int shortfall(int due, long held) {
		return (int) Math.max(0, due - held);
	}
}
