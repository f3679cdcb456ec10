package org.gongkai.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One year's official arrangement and the notice it came from. */
public record CalendarYear(int year, String source, LocalDate noticeDate, List<ArrangedDay> days) {

	public CalendarYear {
		days = List.copyOf(days);
	}

	public List<LocalDate> holidays() {
		return days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).map(ArrangedDay::date).sorted().toList();
	}

	public List<LocalDate> makeupWorkdays() {
		return days.stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).map(ArrangedDay::date).sorted().toList();
	}

	Set<LocalDate> holidaySet() {
		return days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).map(ArrangedDay::date).collect(Collectors.toSet());
	}

	Set<LocalDate> makeupSet() {
		return days.stream()
			.filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY)
			.map(ArrangedDay::date)
			.collect(Collectors.toSet());
	}
}
