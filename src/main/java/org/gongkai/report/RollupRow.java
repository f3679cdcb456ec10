package org.gongkai.report;

/**
 * One supervised agency in the supervisor's roll-up of a report year.
 *
 * @param current the agency's current version (latest published, else the working one); null when not started
 * @param late true when the deadline passed without a published version
 * @param daysLeft days until the deadline while not published (negative when overdue); null once published
 */
public record RollupRow(long agencyId, String agencyCode, String agencyName, ReportDeadline deadline,
		ReportSummary current, boolean late, Long daysLeft) {
}
