package org.gongkai.interaction;

/** The reply's category (答复类别), as the handling rules classify the result of a motion. */
public enum MotionCategory {

	A("A类：所提问题已经解决或采纳"),
	B("B类：所提问题正在解决或已列入计划逐步解决"),
	C("C类：因条件限制或其他原因留作参考");

	private final String label;

	MotionCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A and B count as adopted (采纳) in the adoption rate. */
	public boolean adopted() {
		return this != C;
	}
}
