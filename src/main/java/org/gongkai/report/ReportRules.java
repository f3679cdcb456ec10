package org.gongkai.report;

import java.time.LocalDate;
import java.time.MonthDay;

import org.gongkai.organisation.Agency;

/** When an agency's annual report is due (条例第四十九条). */
public final class ReportRules {

	private ReportRules() {
	}

	public static ReportDeadline deadline(Agency agency, int reportYear, MonthDay townshipDeadline) {
		return new ReportDeadline(LocalDate.of(reportYear + 1, 1, 31), true, "");
	}
}
