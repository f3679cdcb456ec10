package org.gongkai.report;

import org.springframework.stereotype.Service;

/** Writes of annual reports: drafting, the workflow, publication, corrections and imports. */
@Service
public class AnnualReportManagement {

	public ReportWork start(long agencyId, int year) {
		throw new UnsupportedOperationException("not yet");
	}

	public ReportWork saveText(long reportId, long revision, ReportTextInput input) {
		throw new UnsupportedOperationException("not yet");
	}

	public ReportWork refresh(long reportId) {
		throw new UnsupportedOperationException("not yet");
	}

	public ReportWork submit(long reportId) {
		throw new UnsupportedOperationException("not yet");
	}

	public ReportWork review(long reportId, String note) {
		throw new UnsupportedOperationException("not yet");
	}

	public ReportWork sendBack(long reportId, String reason) {
		throw new UnsupportedOperationException("not yet");
	}

	public ReportWork approve(long reportId, String note) {
		throw new UnsupportedOperationException("not yet");
	}

	public ReportWork publish(long reportId) {
		throw new UnsupportedOperationException("not yet");
	}

	public ReportWork correct(long agencyId, int year, String reason) {
		throw new UnsupportedOperationException("not yet");
	}

	public ReportSummary importHistory(ReportImportInput input) {
		throw new UnsupportedOperationException("not yet");
	}
}
