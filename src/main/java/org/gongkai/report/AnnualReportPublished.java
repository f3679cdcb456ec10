package org.gongkai.report;

/** A report version was published (portal, search and feeds listen). */
public record AnnualReportPublished(long reportId, long agencyId, int year, int version) {
}
