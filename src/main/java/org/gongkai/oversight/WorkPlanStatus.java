package org.gongkai.oversight;

/** Where a work plan stands: drafted by the supervisor, issued to the units (印发), or closed at the year's end. */
public enum WorkPlanStatus {

	DRAFT("草稿"), ISSUED("已印发"), CLOSED("已结束");

	private final String label;

	WorkPlanStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
