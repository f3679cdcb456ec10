package org.gongkai.interaction;

/** The sender's rating of a reply. */
public enum Rating {

	SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), DISSATISFIED("不满意");

	private final String label;

	Rating(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Counted as satisfied in the satisfaction rate. */
	public boolean satisfied() {
		return this != DISSATISFIED;
	}
}
