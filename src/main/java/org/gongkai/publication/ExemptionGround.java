package org.gongkai.publication;

/**
 * The grounds for 不予公开 (条例 Arts. 14–16), one per reason row of annual-report table 三(三)
 * (domain-rules.md §1.4 and §2.3).
 */
public enum ExemptionGround {

	STATE_SECRET("属于国家秘密", "第十四条", "r3_1"),
	PROHIBITED_BY_LAW("其他法律行政法规禁止公开", "第十四条", "r3_2"),
	ENDANGERS_SECURITY("危及“三安全一稳定”", "第十四条", "r3_3"),
	THIRD_PARTY_INTERESTS("保护第三方合法权益", "第十五条", "r3_4"),
	INTERNAL_AFFAIRS("属于三类内部事务信息", "第十六条第一款", "r3_5"),
	PROCESS_INFORMATION("属于四类过程性信息", "第十六条第二款", "r3_6"),
	ENFORCEMENT_CASE_FILE("属于行政执法案卷", "第十六条第二款", "r3_7"),
	ADMINISTRATIVE_INQUIRY("属于行政查询事项", "第三十六条第七项", "r3_8");

	private final String label;

	private final String article;

	private final String reportRow;

	ExemptionGround(String label, String article, String reportRow) {
		this.label = label;
		this.article = article;
		this.reportRow = reportRow;
	}

	public String label() {
		return label;
	}

	/** The article of 《政府信息公开条例》 the ground rests on. */
	public String article() {
		return article;
	}

	/** The annual-report row key of table 三(三). */
	public String reportRow() {
		return reportRow;
	}
}
