package org.gongkai.oversight;

/** A unit's answer to one item of its monthly self-check. */
public enum SelfCheckAnswerKind {

	COMPLIANT("符合"), NON_COMPLIANT("不符合"), NOT_APPLICABLE("不适用");

	private final String label;

	SelfCheckAnswerKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
