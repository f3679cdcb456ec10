package org.gongkai.calendar;

import java.time.LocalDate;

/** One day of a year's holiday arrangement; {@code name} is the holiday (元旦, 春节 …) it belongs to. */
public record ArrangedDay(LocalDate date, DayKind kind, String name) {
}
