package org.gongkai.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.gongkai.platform.Zones;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A clock the test sets; the calendar and the services read it. A test brings it in with
 * {@code @Import(MovableClock.Config.class)}, autowires it and moves it with {@link #today}, {@link #at} or by setting
 * {@link #now}. It starts at {@link #DEFAULT_START} (China time) unless the test names another start with
 * {@link #startsAt}; the start matters to what the application does while the context starts (the demo county).
 */
public final class MovableClock extends Clock {

	/** The property that names the start, a local date-time in China time (2026-03-02T10:00). */
	public static final String START_PROPERTY = "gongkai.test.clock-start";

	/** Where the clock starts unless the test says otherwise. */
	public static final LocalDateTime DEFAULT_START = LocalDate.of(2026, 3, 2).atTime(10, 0);

	/** The instant the clock reads; a test may set it directly. */
	public volatile Instant now;

	public MovableClock(LocalDateTime start) {
		now = start.atZone(Zones.CHINA).toInstant();
	}

	@Override
	public ZoneId getZone() {
		return Zones.CHINA;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now, zone);
	}

	@Override
	public Instant instant() {
		return now;
	}

	/** Moves the clock to 10:00 (China time) on the given day. */
	public void today(LocalDate day) {
		now = day.atTime(10, 0).atZone(Zones.CHINA).toInstant();
	}

	/** Moves the clock to the given time of day (China time). */
	public void at(LocalDate day, int hour, int minute) {
		now = day.atTime(hour, minute).atZone(Zones.CHINA).toInstant();
	}

	/** Lets the clock start at the given local date-time (China time) instead of {@link #DEFAULT_START}. */
	public static void startsAt(DynamicPropertyRegistry registry, LocalDateTime start) {
		registry.add(START_PROPERTY, start::toString);
	}

	/** Gives the test context its own empty data directory, a new temporary directory named with the prefix. */
	public static void dataDir(DynamicPropertyRegistry registry, String prefix) throws IOException {
		String dir = Files.createTempDirectory(prefix).toString();
		registry.add("gongkai.data-dir", () -> dir);
	}

	/** The clock as the application's primary {@link Clock}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		MovableClock movableClock(Environment environment) {
			String start = environment.getProperty(START_PROPERTY);
			return new MovableClock(start == null ? DEFAULT_START : LocalDateTime.parse(start));
		}
	}
}
