package org.gongkai.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The deadline arithmetic over a fixed set of loaded years; immutable, so a snapshot can be shared.
 *
 * <p>Counting follows 《民法典》 Art. 201: 「开始的当日不计入，自下一日开始计算」 — the trigger day is
 * not counted unless {@code countStartDay} is set; and Art. 203: a period whose last day is a
 * holiday ends on the first working day after it, which counting only working days gives by
 * construction. A day is a working day when it is a make-up working day, or a Monday to Friday
 * that is not a public holiday (domain-rules.md §7.3).
 */
final class WorkingDays {

	/** The longest span any statutory count may cover, as a guard against runaway loops. */
	private static final int MAX_DAYS = 3650;

	private record Days(Set<LocalDate> holidays, Set<LocalDate> makeups) {
	}

	private final Map<Integer, Days> years;

	private final boolean countStartDay;

	WorkingDays(Map<Integer, CalendarYear> years, boolean countStartDay) {
		Map<Integer, Days> days = new java.util.HashMap<>();
		years.forEach((y, cy) -> days.put(y, new Days(Set.copyOf(cy.holidaySet()), Set.copyOf(cy.makeupSet()))));
		this.years = Map.copyOf(days);
		this.countStartDay = countStartDay;
	}

	Set<Integer> loadedYears() {
		return years.keySet();
	}

	/** Whether {@code day} is a working day; refused for a year not loaded. */
	boolean isWorkingDay(LocalDate day) {
		Days year = years.get(day.getYear());
		if (year == null) {
			throw new YearNotLoadedException(day.getYear());
		}
		return isWorkingDay(day, year);
	}

	DueDate add(LocalDate from, int n, boolean allowProvisional) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative");
		}
		if (n > MAX_DAYS) {
			throw new IllegalArgumentException("n is too large");
		}
		boolean[] provisional = { false };
		LocalDate day = from;
		int counted = countStartDay && n > 0 && counts(day, allowProvisional, provisional) ? 1 : 0;
		while (counted < n) {
			day = day.plusDays(1);
			if (counts(day, allowProvisional, provisional)) {
				counted++;
			}
		}
		return new DueDate(day, provisional[0]);
	}

	/** Working days d with {@code from < d <= to}; negative when {@code to} is before {@code from}. */
	int between(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -between(to, from);
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new IllegalArgumentException("span is too large");
		}
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Whether the day counts as a working day; for a year not loaded, refused or — when allowed — counted
	 * on weekends alone with {@code provisional[0]} set.
	 */
	private boolean counts(LocalDate day, boolean allowProvisional, boolean[] provisional) {
		Boolean working = workingOrNull(day);
		if (working != null) {
			return working;
		}
		if (!allowProvisional) {
			throw new YearNotLoadedException(day.getYear());
		}
		provisional[0] = true;
		return isWeekday(day);
	}

	private Boolean workingOrNull(LocalDate day) {
		Days year = years.get(day.getYear());
		return year == null ? null : isWorkingDay(day, year);
	}

	private static boolean isWorkingDay(LocalDate day, Days year) {
		if (year.makeups().contains(day)) {
			return true;
		}
		return isWeekday(day) && !year.holidays().contains(day);
	}

	private static boolean isWeekday(LocalDate day) {
		DayOfWeek dow = day.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
	}
}
