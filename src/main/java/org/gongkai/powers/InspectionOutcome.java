package org.gongkai.powers;

/** The result of inspecting one drawn entity. */
public enum InspectionOutcome {

	NO_PROBLEM("未发现问题"),
	RECTIFICATION_ORDERED("发现问题已责令整改"),
	TRANSFERRED("移送处理"),
	NOT_FOUND("未检查到对象");

	private final String label;

	InspectionOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
