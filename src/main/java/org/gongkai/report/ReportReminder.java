package org.gongkai.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder the daily sweep recorded for an agency whose report is not yet published.
 *
 * @param daysLeft days before the deadline when recorded (30, 14, 7, 3, 1), negative when overdue
 */
public record ReportReminder(long agencyId, int year, LocalDate dueOn, int daysLeft, Instant at, String message) {
}
