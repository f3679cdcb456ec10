package org.gongkai.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Loading and correcting a year's arrangement; system administrators only, every change audited. */
@Service
@Transactional
public class CalendarManagement {

	private final CalendarYears years;

	private final WorkingDayCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CalendarManagement(CalendarYears years, WorkingDayCalendar calendar, ApplicationEventPublisher events,
			Clock clock) {
		this.years = years;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	/** Saves (or replaces) a year; validated as a whole, so nothing is half-saved. */
	public CalendarYear saveYear(int year, String source, LocalDate noticeDate, List<ArrangedDay> days) {
		Actor actor = Actors.require();
		if (!actor.isSystemAdmin()) {
			throw DomainException.forbidden("只有系统管理员可以维护工作日历");
		}
		CalendarYear candidate = validate(year, source, noticeDate, days);
		CalendarYear before = years.find(year).orElse(null);
		Instant now = clock.instant();
		years.save(candidate, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, null, before == null ? "calendar.year-loaded" : "calendar.year-changed",
				"CalendarYear", year, (before == null ? "录入" : "修改") + year + "年法定节假日安排（" + candidate.source() + "）",
				before == null ? null : summary(before), summary(candidate)));
		events.publishEvent(new CalendarYearLoaded(year));
		refreshAfterCommit();
		return candidate;
	}

	/** Loads a shipped year at first start, as the system. */
	void loadShipped(CalendarYear year) {
		Instant now = clock.instant();
		years.save(year, "system", now);
		events.publishEvent(ChangeRecorded.of(Actor.system(), now, null, "calendar.year-loaded", "CalendarYear",
				year.year(), "载入随平台发布的" + year.year() + "年法定节假日安排（" + year.source() + "）", null, summary(year)));
		events.publishEvent(new CalendarYearLoaded(year.year()));
		refreshAfterCommit();
	}

	static CalendarYear validate(int year, String source, LocalDate noticeDate, List<ArrangedDay> days) {
		List<FieldProblem> problems = new ArrayList<>();
		if (year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "年份应在2000至2100之间"));
		}
		if (source == null || source.isBlank()) {
			problems.add(new FieldProblem("source", "请填写所依据的通知（名称和文号）"));
		}
		Set<LocalDate> seen = new HashSet<>();
		for (ArrangedDay d : days) {
			if (d.date().getYear() != year) {
				problems.add(new FieldProblem("days", d.date() + " 不属于" + year + "年"));
			}
			if (!seen.add(d.date())) {
				problems.add(new FieldProblem("days", d.date() + " 重复出现，不能同时是放假日和上班日"));
			}
			if (d.kind() == DayKind.MAKEUP_WORKDAY && d.date().getDayOfWeek() != DayOfWeek.SATURDAY
					&& d.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
				problems.add(new FieldProblem("makeupWorkdays", d.date() + " 不是周六或周日，不能作为调休上班日"));
			}
		}
		if (days.stream().noneMatch(d -> d.kind() == DayKind.HOLIDAY)) {
			problems.add(new FieldProblem("holidays", "请至少录入一个放假日"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new CalendarYear(year, source.trim(), noticeDate, days);
	}

	/**
	 * Reads a list of dates as typed or pasted: one per line or separated by commas, each optionally
	 * followed by the holiday's name ({@code 2027-01-01 元旦}).
	 */
	public static List<ArrangedDay> parseDateList(String text, DayKind kind, String field) {
		List<ArrangedDay> out = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return out;
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (String line : text.split("[\\n,，、;；]+")) {
			String t = line.trim();
			if (t.isEmpty()) {
				continue;
			}
			String[] parts = t.split("\\s+", 2);
			try {
				LocalDate date = LocalDate.parse(parts[0]);
				out.add(new ArrangedDay(date, kind, parts.length > 1 ? parts[1].trim() : null));
			}
			catch (DateTimeParseException e) {
				problems.add(new FieldProblem(field, "“" + parts[0] + "”不是有效日期，请写成 2027-01-01 的格式"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return out;
	}

	static String summary(CalendarYear y) {
		return "放假日=" + y.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(",")) + "；调休上班日="
				+ y.makeupWorkdays().stream().map(LocalDate::toString).collect(Collectors.joining(","));
	}

	private void refreshAfterCommit() {
		calendar.refresh();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					calendar.refresh();
				}
			});
		}
	}
}
