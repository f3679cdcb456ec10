package org.gongkai.report;

import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.NodeEntries;
import org.gongkai.platform.NodeEntriesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The published reports listed in the agency's 年度报告 column (政府信息公开工作年度报告, one of the four level-one
 * columns of 国办公开办函〔2019〕61号): one entry per year, its latest published version, marked when imported
 * from an earlier system or corrected. When a version is published the column page is rewritten.
 */
@Component
class ReportNodeEntries implements NodeEntries.Contributor {

	private final AnnualReportQueries queries;

	private final AgencyDirectory agencies;

	private final ApplicationEventPublisher events;

	ReportNodeEntries(AnnualReportQueries queries, AgencyDirectory agencies, ApplicationEventPublisher events) {
		this.queries = queries;
		this.agencies = agencies;
		this.events = events;
	}

	@Override
	public List<NodeEntries.NodeEntry> entries(long agencyId, String nodeCode) {
		if (!ReportPages.NODE.equals(nodeCode)) {
			return List.of();
		}
		Agency agency = agencies.findById(agencyId).orElse(null);
		if (agency == null) {
			return List.of();
		}
		return queries.publishedYears(agencyId)
			.stream()
			.sorted(java.util.Comparator.comparingInt(ReportSummary::year).reversed())
			.map(v -> new NodeEntries.NodeEntry(ReportView.titleOf(agency.name(), v.year()),
					ReportPages.yearPath(agency, v.year()), v.publishedOn(), note(v)))
			.toList();
	}

	/** 「2021年版格式」, 「2019年版格式·历史导入」, 「2021年版格式·已更正（第2版）」. */
	static String note(ReportSummary v) {
		return v.format().code() + "年版格式" + (v.imported() ? "·历史导入" : "")
				+ (v.version() > 1 ? "·已更正（第" + v.version() + "版）" : "");
	}

	@ApplicationModuleListener
	public void on(AnnualReportPublished event) {
		events.publishEvent(new NodeEntriesChanged(event.agencyId(), ReportPages.NODE));
	}
}
