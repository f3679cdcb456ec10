package org.gongkai.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a rendering of one report version needs (portal page, Word, PDF, Excel, API): who, which year, which
 * format, the edited sections and the table cells. Built by the report service; renderers take nothing else.
 *
 * @param version 1 for the first published text; a correction is version 2 and so on
 * @param correctionNote for a correction, what was corrected (shown on the page); null otherwise
 * @param imported true when the version was imported from an earlier system rather than composed here
 */
public record ReportView(long reportId, long agencyId, String agencyCode, String agencyName, int year,
		ReportFormat format, int version, ReportStatus status, LocalDate publishedOn, String correctionNote,
		boolean imported, List<SectionText> sections, ReportCells cells) {

	/** An edited section (一, 五 or 六) with its text; 六 may carry titled parts. */
	public record SectionText(ReportLayout.Section section, String text, List<Part> parts) {
	}

	/** A titled part of a section, e.g. 六's 「（一）信息处理费收取情况」. */
	public record Part(String title, String text) {
	}

	/** The document title as printed: 「沂源县发展和改革局2025年政府信息公开工作年度报告」. */
	public String title() {
		return titleOf(agencyName, year);
	}

	/** The title of an agency's report for a year, as printed. */
	public static String titleOf(String agencyName, int year) {
		return agencyName + year + "年政府信息公开工作年度报告";
	}

	public ReportLayout.Tables tables() {
		return ReportLayout.of(format);
	}
}
