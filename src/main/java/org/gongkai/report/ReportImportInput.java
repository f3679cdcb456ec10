package org.gongkai.report;

import java.time.LocalDate;

/** An earlier year's report published outside the platform, imported as it was published (2019 or 2021 format). */
public record ReportImportInput(long agencyId, int year, ReportFormat format, ReportCells cells, String one,
		String five, String six, LocalDate publishedOn, String sourceUrl) {
}
