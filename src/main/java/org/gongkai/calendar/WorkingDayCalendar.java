package org.gongkai.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

/**
 * The official working-day calendar: every statutory day count in the platform goes through here.
 * The loaded years are held in memory and re-read after a change, and at most a minute after a
 * change made on another node of a cluster.
 */
@Service
public class WorkingDayCalendar {

	private static final Duration REFRESH = Duration.ofMinutes(1);

	private final CalendarYears years;

	private final CalendarProperties properties;

	private final Clock clock;

	private volatile WorkingDays snapshot;

	private volatile Instant loadedAt = Instant.MIN;

	/** Bumped by every refresh: a snapshot read before a change is not installed after it. */
	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

	WorkingDayCalendar(CalendarYears years, CalendarProperties properties, Clock clock) {
		this.years = years;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether the day is an official working day. Throws {@link YearNotLoadedException} for a year not loaded. */
	public boolean isWorkingDay(LocalDate day) {
		return days().isWorkingDay(day);
	}

	/**
	 * The day on which a period of {@code n} working days that starts with {@code from} ends, counting
	 * from the day after {@code from} (《民法典》 Art. 201). {@code n == 0} gives {@code from}.
	 *
	 * @throws YearNotLoadedException when the count reaches into a year whose notice is not loaded
	 */
	public LocalDate addWorkingDays(LocalDate from, int n) {
		return days().add(from, n, false).date();
	}

	/**
	 * As {@link #addWorkingDays(LocalDate, int)}, but a year not loaded is counted on weekends alone
	 * and the result is marked provisional instead of refused.
	 */
	public DueDate addWorkingDaysProvisionally(LocalDate from, int n) {
		return days().add(from, n, true);
	}

	/** The number of working days after {@code from} up to and including {@code to} (negative if {@code to} is earlier). */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return days().between(from, to);
	}

	public Set<Integer> loadedYears() {
		return new TreeSet<>(days().loadedYears());
	}

	public Optional<CalendarYear> year(int year) {
		return years.find(year);
	}

	/** Drops the in-memory snapshot so the next call re-reads the database. */
	void refresh() {
		generation.incrementAndGet();
		loadedAt = Instant.MIN;
	}

	private WorkingDays days() {
		Instant now = clock.instant();
		WorkingDays current = snapshot;
		if (current == null || loadedAt.plus(REFRESH).isBefore(now)) {
			synchronized (this) {
				if (snapshot == null || loadedAt.plus(REFRESH).isBefore(now)) {
					long before = generation.get();
					WorkingDays read = new WorkingDays(years.findAll(), properties.countStartDay());
					snapshot = read;
					// a change committed while reading leaves the snapshot stale: read again on the next call
					loadedAt = generation.get() == before ? now : Instant.MIN;
				}
				current = snapshot;
			}
		}
		return current;
	}
}
