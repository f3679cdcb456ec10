package org.gongkai.report;

import java.util.List;
import java.util.Optional;

import org.gongkai.platform.CountedRecord;
import org.springframework.stereotype.Service;

/** Reads of annual reports: the staff side (actor checked) and the public side (published versions only). */
@Service
public class AnnualReportQueries {

	/** Staff: the newest version of the year, any status. */
	public Optional<ReportWork> working(long agencyId, int year) {
		return Optional.empty();
	}

	public Optional<ReportWork> work(long reportId) {
		return Optional.empty();
	}

	/** Staff: every version, newest year first. */
	public List<ReportSummary> reports(long agencyId) {
		return List.of();
	}

	/** The records behind a cell (empty for imported reports). */
	public List<CountedRecord> cellRecords(long reportId, String cellKey) {
		return List.of();
	}

	/** Staff: reminders recorded for the agency, newest first. */
	public List<ReportReminder> reminders(long agencyId) {
		return List.of();
	}

	/** Public: the latest published version of every year, newest year first. */
	public List<ReportView> publishedSeries(long agencyId) {
		return List.of();
	}

	public Optional<ReportView> published(long agencyId, int year) {
		return Optional.empty();
	}

	public Optional<ReportView> publishedVersion(long agencyId, int year, int version) {
		return Optional.empty();
	}

	public List<ReportSummary> publishedVersions(long agencyId, int year) {
		return List.of();
	}
}
