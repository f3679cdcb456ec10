package org.gongkai.powers;

/** Where a random-inspection plan stands. */
public enum InspectionPlanStatus {

	/** Being prepared, not public. */
	DRAFT("草稿"),
	/** Public before the draw, with the announced source of the public entropy. */
	PUBLISHED("已公布，待抽取"),
	/** The entities and inspectors are drawn and public. */
	DRAWN("已抽取，检查中"),
	/** The inspection results are public. */
	RESULTS_PUBLISHED("结果已公开");

	private final String label;

	InspectionPlanStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isPublic() {
		return this != DRAFT;
	}
}
