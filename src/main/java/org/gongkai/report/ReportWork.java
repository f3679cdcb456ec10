package org.gongkai.report;

import java.util.List;

/**
 * A report version as staff work on it: the view (cells live while in draft, frozen from approval on), the revision
 * for optimistic saving, the problems the checks found, the workflow history, the deadline and the facts the drafted
 * text was made from.
 */
public record ReportWork(ReportView view, long revision, List<ReportProblem> problems, List<ReportEvent> history,
		ReportDeadline deadline, ReportFacts facts) {

	public boolean hasBlockingProblems() {
		return problems.stream().anyMatch(ReportProblem::blocking);
	}
}
