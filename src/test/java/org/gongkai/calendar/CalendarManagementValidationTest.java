package org.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.gongkai.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class CalendarManagementValidationTest {

	@Test
	void aMakeupWorkdayMustBeAWeekendDay() {
		List<ArrangedDay> days = List.of(new ArrangedDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
				new ArrangedDay(LocalDate.of(2027, 1, 4), DayKind.MAKEUP_WORKDAY, null));
		assertThatThrownBy(() -> CalendarManagement.validate(2027, "通知", null, days))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("2027-01-04 不是周六或周日");
	}

	@Test
	void everyDayMustBelongToTheYearAndAppearOnce() {
		List<ArrangedDay> days = List.of(new ArrangedDay(LocalDate.of(2026, 12, 31), DayKind.HOLIDAY, null),
				new ArrangedDay(LocalDate.of(2027, 1, 2), DayKind.HOLIDAY, null),
				new ArrangedDay(LocalDate.of(2027, 1, 2), DayKind.MAKEUP_WORKDAY, null));
		InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions
			.catchThrowable(() -> CalendarManagement.validate(2027, "通知", null, days));
		assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::message)
			.anyMatch(m -> m.contains("2026-12-31 不属于2027年"))
			.anyMatch(m -> m.contains("2027-01-02 重复出现"));
	}

	@Test
	void theSourceNoticeIsRequired() {
		assertThatThrownBy(() -> CalendarManagement.validate(2027, " ", null,
				List.of(new ArrangedDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, null))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("请填写所依据的通知");
	}

	@Test
	void dateListsAcceptNamesAndRejectGarbage() {
		assertThat(CalendarManagement.parseDateList("2027-01-01 元旦\n2027-02-06，2027-02-07", DayKind.HOLIDAY, "holidays"))
			.containsExactly(new ArrangedDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
					new ArrangedDay(LocalDate.of(2027, 2, 6), DayKind.HOLIDAY, null),
					new ArrangedDay(LocalDate.of(2027, 2, 7), DayKind.HOLIDAY, null));
		assertThatThrownBy(() -> CalendarManagement.parseDateList("2027-13-01", DayKind.HOLIDAY, "holidays"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("不是有效日期");
	}
}
