package org.gongkai.powers;

/**
 * The kind of an enforcement decision. A {@code LICENCE} is a licence decision (LicenceDecision, 行政许可决定) and a
 * {@code PENALTY} a penalty decision (PenaltyDecision, 行政处罚决定): together the 双公示 decisions. Compulsory measures
 * (行政强制) and other enforcement decisions are published under 118号's general rule.
 */
public enum DecisionKind {

	LICENCE("行政许可", "许可决定书文号", "许可类别", "许可内容"),
	PENALTY("行政处罚", "处罚决定书文号", "处罚种类", "违法事实和处罚内容"),
	COMPULSORY_MEASURE("行政强制", "行政强制决定书文号", "强制措施种类", "强制措施内容"),
	OTHER_ENFORCEMENT("其他行政执法", "执法决定文号", "执法类别", "执法结论");

	private final String label;

	private final String numberLabel;

	private final String categoryLabel;

	private final String contentLabel;

	DecisionKind(String label, String numberLabel, String categoryLabel, String contentLabel) {
		this.label = label;
		this.numberLabel = numberLabel;
		this.categoryLabel = categoryLabel;
		this.contentLabel = contentLabel;
	}

	public String label() {
		return label;
	}

	public String numberLabel() {
		return numberLabel;
	}

	public String categoryLabel() {
		return categoryLabel;
	}

	public String contentLabel() {
		return contentLabel;
	}
}
