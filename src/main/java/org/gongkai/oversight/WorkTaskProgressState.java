package org.gongkai.oversight;

/** How a unit rates its task in a monthly progress report. */
public enum WorkTaskProgressState {

	ON_TRACK("按计划推进"), BEHIND("进度滞后"), DONE("已完成");

	private final String label;

	WorkTaskProgressState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
