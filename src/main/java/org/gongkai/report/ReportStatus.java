package org.gongkai.report;

/**
 * Where a report version stands: drafted by the agency's editor, reviewed, approved by the leader in charge (the
 * 第一责任人), published in the agency's 年度报告 column. A published version never changes again; a correction is
 * a new version.
 */
public enum ReportStatus {

	DRAFT("草稿"), IN_REVIEW("待审核"), REVIEWED("已审核待批准"), APPROVED("已批准待发布"), PUBLISHED("已发布");

	private final String label;

	ReportStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
