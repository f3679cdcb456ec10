package org.gongkai.interaction;

/** The proposers' opinion of the handling (办理结果征询意见表), entered by staff from the returned form. */
public enum MotionFeedback {

	SATISFIED("满意"),
	BASICALLY_SATISFIED("基本满意"),
	UNSATISFIED("不满意");

	private final String label;

	MotionFeedback(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
