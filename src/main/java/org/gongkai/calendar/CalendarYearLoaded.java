package org.gongkai.calendar;

/**
 * A year's holiday arrangement was loaded or changed: due dates counted provisionally into that year (on
 * weekends alone) can now be counted for real, and owners of stored due dates recompute them.
 */
public record CalendarYearLoaded(int year) {
}
