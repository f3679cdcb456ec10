package org.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadline arithmetic over the shipped 2024–2026 arrangements (domain-rules.md §7). */
class WorkingDaysTest {

	private static final Map<Integer, CalendarYear> SHIPPED = OfficialHolidays.load()
		.stream()
		.collect(Collectors.toMap(CalendarYear::year, Function.identity()));

	private final WorkingDays days = new WorkingDays(SHIPPED, false);

	private static LocalDate d(String s) {
		return LocalDate.parse(s);
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({
			// every vector of domain-rules.md §7.4
			"2025-01-20, 7, 2025-02-05", "2025-01-20, 20, 2025-02-21", "2024-12-31, 20, 2025-02-05",
			"2024-09-20, 20, 2024-10-23", "2025-09-25, 20, 2025-10-29", "2025-09-25, 40, 2025-11-26",
			"2026-01-05, 20, 2026-02-02", "2026-02-10, 20, 2026-03-16" })
	void domainRulesVectors(String from, int n, String due) {
		assertThat(days.add(d(from), n, false)).isEqualTo(new DueDate(d(due), false));
	}

	@Test
	void theTriggerDayIsNotCountedCivilCodeArticle201() {
		// Monday 2026-03-02 + 1 working day is Tuesday, not Monday itself
		assertThat(days.add(d("2026-03-02"), 1, false).date()).isEqualTo(d("2026-03-03"));
	}

	@Test
	void zeroDaysIsTheTriggerDayItself() {
		assertThat(days.add(d("2026-02-16"), 0, false).date()).isEqualTo(d("2026-02-16"));
	}

	@Test
	void aPeriodEndingInAHolidayRunsToTheNextWorkingDayArticle203() {
		// 2026-09-29 (Tue) + 2 → 09-30 (Wed), then 10-01..10-07 off, 10-08 (Thu)
		assertThat(days.add(d("2026-09-29"), 2, false).date()).isEqualTo(d("2026-10-08"));
	}

	@Test
	void aMakeupSaturdayCountsAsAWorkingDay() {
		// 2026-02-13 (Fri) + 1 → 02-14 is the 调休 Saturday
		assertThat(days.isWorkingDay(d("2026-02-14"))).isTrue();
		assertThat(days.add(d("2026-02-13"), 1, false).date()).isEqualTo(d("2026-02-14"));
	}

	@Test
	void aTriggerOnAHolidayStillCountsFromTheNextWorkingDay() {
		// received on 2026-10-03 (a holiday): the first working day counted is 10-08
		assertThat(days.add(d("2026-10-03"), 1, false).date()).isEqualTo(d("2026-10-08"));
	}

	@Test
	void aTriggerOnAFridayCountsFromMonday() {
		assertThat(days.add(d("2026-03-06"), 1, false).date()).isEqualTo(d("2026-03-09"));
	}

	@Test
	void newYearsEve2024WasAnOrdinaryWorkingDay() {
		// the 2024 notice only "encouraged" rest on 除夕 (9 Feb); it is an official working day
		assertThat(days.isWorkingDay(d("2024-02-09"))).isTrue();
	}

	@Test
	void weekendsOutsideMakeupDaysAreOff() {
		assertThat(days.isWorkingDay(d("2026-03-07"))).isFalse();
		assertThat(days.isWorkingDay(d("2026-03-08"))).isFalse();
	}

	@Test
	void aCountReachingAnUnloadedYearIsRefused() {
		assertThatThrownBy(() -> days.add(d("2026-12-20"), 20, false)).isInstanceOf(YearNotLoadedException.class)
			.hasMessageContaining("2027年");
		assertThatThrownBy(() -> days.isWorkingDay(d("2023-06-01"))).isInstanceOf(YearNotLoadedException.class);
	}

	@Test
	void aCountReachingAnUnloadedYearMayBeProvisionalOnRequest() {
		DueDate due = days.add(d("2026-12-20"), 20, true);
		assertThat(due.provisional()).isTrue();
		// 12-21..12-31: 9 weekdays; then 2027 on weekends alone: 01-01 (Fri) … the 20th is 01-15 (Fri)
		assertThat(due.date()).isEqualTo(d("2027-01-15"));
	}

	@Test
	void aCountInsideLoadedYearsIsNotProvisionalEvenWhenAllowed() {
		assertThat(days.add(d("2026-01-05"), 20, true)).isEqualTo(new DueDate(d("2026-02-02"), false));
	}

	@Test
	void countingTheStartDayIsAPolicyChoice() {
		WorkingDays inclusive = new WorkingDays(SHIPPED, true);
		// Monday 2026-03-02 counted as day 1: +5 ends Friday 03-06 rather than Monday 03-09
		assertThat(inclusive.add(d("2026-03-02"), 5, false).date()).isEqualTo(d("2026-03-06"));
		assertThat(days.add(d("2026-03-02"), 5, false).date()).isEqualTo(d("2026-03-09"));
		// a non-working start day is not counted even then
		assertThat(inclusive.add(d("2026-03-07"), 1, false).date()).isEqualTo(d("2026-03-09"));
	}

	@Test
	void workingDaysBetweenIsTheInverseOfAdd() {
		LocalDate from = d("2025-09-25");
		LocalDate due = days.add(from, 20, false).date();
		assertThat(days.between(from, due)).isEqualTo(20);
		assertThat(days.between(due, from)).isEqualTo(-20);
		assertThat(days.between(from, from)).isZero();
		// the whole 2026 National Day week holds no working day
		assertThat(days.between(d("2026-09-30"), d("2026-10-07"))).isZero();
	}

	@Test
	void negativeCountsAreRejected() {
		assertThatThrownBy(() -> days.add(d("2026-01-05"), -1, false)).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "{0}: weekday holidays and make-up days match §7.3")
	@CsvSource(delimiter = '|', value = {
			"2024|2024-01-01,2024-02-12,2024-02-13,2024-02-14,2024-02-15,2024-02-16,2024-04-04,2024-04-05,2024-05-01,2024-05-02,2024-05-03,2024-06-10,2024-09-16,2024-09-17,2024-10-01,2024-10-02,2024-10-03,2024-10-04,2024-10-07|2024-02-04,2024-02-18,2024-04-07,2024-04-28,2024-05-11,2024-09-14,2024-09-29,2024-10-12",
			"2025|2025-01-01,2025-01-28,2025-01-29,2025-01-30,2025-01-31,2025-02-03,2025-02-04,2025-04-04,2025-05-01,2025-05-02,2025-05-05,2025-06-02,2025-10-01,2025-10-02,2025-10-03,2025-10-06,2025-10-07,2025-10-08|2025-01-26,2025-02-08,2025-04-27,2025-09-28,2025-10-11",
			"2026|2026-01-01,2026-01-02,2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-02-23,2026-04-06,2026-05-01,2026-05-04,2026-05-05,2026-06-19,2026-09-25,2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07|2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10" })
	void shippedDataMatchesTheMachineReadableLists(int year, String weekdayHolidays, String makeups) {
		CalendarYear y = SHIPPED.get(year);
		List<LocalDate> onWeekdays = y.holidays()
			.stream()
			.filter(x -> x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY)
			.toList();
		assertThat(onWeekdays).containsExactlyElementsOf(List.of(weekdayHolidays.split(",")).stream().map(LocalDate::parse).toList());
		assertThat(y.makeupWorkdays()).containsExactlyElementsOf(List.of(makeups.split(",")).stream().map(LocalDate::parse).toList());
		assertThat(y.source()).startsWith("《国务院办公厅关于" + year + "年部分节假日安排的通知》");
	}

	@Test
	void everyMakeupDayIsAWeekendDay() {
		SHIPPED.values().forEach(y -> y.makeupWorkdays()
			.forEach(m -> assertThat(m.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)));
	}
}
