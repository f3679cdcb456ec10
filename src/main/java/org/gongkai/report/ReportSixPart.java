package org.gongkai.report;

/** The titled parts of section 六 (domain-rules.md §11): each is drafted from facts and edited by the agency. */
public enum ReportSixPart {

	FEES("（一）收取信息处理费情况"), WORK_PLAN("（二）年度政务公开工作要点落实情况"),
	MOTIONS("（三）人大代表建议和政协提案办理结果公开情况"), INNOVATION("（四）政务公开工作创新情况");

	private final String label;

	ReportSixPart(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
