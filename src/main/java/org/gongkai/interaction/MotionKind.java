package org.gongkai.interaction;

/** Whose motion it is: a deputy's suggestion to the people's congress, or a member's proposal to the CPPCC. */
public enum MotionKind {

	/** 人大代表建议、批评和意见. */
	SUGGESTION("人大代表建议", "建议"),
	/** 政协委员提案. */
	PROPOSAL("政协提案", "提案");

	private final String label;

	private final String shortLabel;

	MotionKind(String label, String shortLabel) {
		this.label = label;
		this.shortLabel = shortLabel;
	}

	public String label() {
		return label;
	}

	/** 建议 or 提案, as in 建议号 / 提案号. */
	public String shortLabel() {
		return shortLabel;
	}
}
