package org.gongkai.calendar;

import java.time.LocalDate;

/**
 * A computed deadline. {@code provisional} is true when the count reached into a year whose
 * holiday notice was not loaded and weekends alone were used there: the date may still move.
 */
public record DueDate(LocalDate date, boolean provisional) {
}
