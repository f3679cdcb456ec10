package org.gongkai.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of loaded years (tables {@code cal_year}, {@code cal_day}). */
@Repository
class CalendarYears {

	private final JdbcClient jdbc;

	CalendarYears(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Integer, CalendarYear> findAll() {
		Map<Integer, List<ArrangedDay>> days = new HashMap<>();
		jdbc.sql("SELECT day_date, year_no, kind, name FROM cal_day ORDER BY day_date").query(rs -> {
			days.computeIfAbsent(rs.getInt("year_no"), k -> new ArrayList<>())
				.add(new ArrangedDay(rs.getObject("day_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
						rs.getString("name")));
		});
		Map<Integer, CalendarYear> years = new HashMap<>();
		jdbc.sql("SELECT year_no, source, notice_date FROM cal_year").query(rs -> {
			int year = rs.getInt("year_no");
			years.put(year, new CalendarYear(year, rs.getString("source"), rs.getObject("notice_date", LocalDate.class),
					days.getOrDefault(year, List.of())));
		});
		return years;
	}

	Optional<CalendarYear> find(int year) {
		return Optional.ofNullable(findAll().get(year));
	}

	/** Replaces a year's arrangement as a whole. */
	void save(CalendarYear year, String by, Instant at) {
		jdbc.sql("DELETE FROM cal_day WHERE year_no = ?").param(year.year()).update();
		jdbc.sql("DELETE FROM cal_year WHERE year_no = ?").param(year.year()).update();
		jdbc.sql("INSERT INTO cal_year (year_no, source, notice_date, loaded_by, loaded_at) VALUES (?,?,?,?,?)")
			.params(year.year(), year.source(), year.noticeDate(), by, Timestamp.from(at))
			.update();
		for (ArrangedDay d : year.days()) {
			jdbc.sql("INSERT INTO cal_day (day_date, year_no, kind, name) VALUES (?,?,?,?)")
				.params(d.date(), year.year(), d.kind().name(), d.name())
				.update();
		}
	}

	Optional<String> loadedBy(int year) {
		return jdbc.sql("SELECT loaded_by FROM cal_year WHERE year_no = ?").param(year).query(String.class).optional();
	}
}
