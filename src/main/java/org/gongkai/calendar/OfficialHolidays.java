package org.gongkai.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/** Reads the shipped data file {@code calendar/official-holidays.json} (2024–2026, with their notices). */
final class OfficialHolidays {

	static final String RESOURCE = "/calendar/official-holidays.json";

	record Range(String name, LocalDate from, LocalDate to) {
	}

	record Year(int year, String source, LocalDate noticeDate, List<Range> holidays, List<LocalDate> makeupWorkdays) {
	}

	record DataFile(String comment, List<Year> years) {
	}

	private OfficialHolidays() {
	}

	static List<CalendarYear> load() {
		try (InputStream in = OfficialHolidays.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing " + RESOURCE);
			}
			DataFile file = JsonMapper.builder().build().readValue(in, DataFile.class);
			return file.years().stream().map(OfficialHolidays::toYear).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static CalendarYear toYear(Year y) {
		List<ArrangedDay> days = new ArrayList<>();
		for (Range r : y.holidays()) {
			for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) {
				if (d.getYear() == y.year()) {
					days.add(new ArrangedDay(d, DayKind.HOLIDAY, r.name()));
				}
			}
		}
		y.makeupWorkdays().forEach(d -> days.add(new ArrangedDay(d, DayKind.MAKEUP_WORKDAY, null)));
		return new CalendarYear(y.year(), y.source(), y.noticeDate(), days);
	}
}
