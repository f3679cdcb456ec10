package org.gongkai.report;

import java.time.Instant;
import java.time.LocalDate;

/** One version of an agency's report for a year, as listed. */
public record ReportSummary(long reportId, long agencyId, int year, int version, ReportStatus status,
		ReportFormat format, boolean imported, LocalDate publishedOn, Instant updatedAt) {
}
