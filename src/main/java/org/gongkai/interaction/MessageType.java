package org.gongkai.interaction;

/** The kinds of public message; each has its own reply period in working days ({@link InteractionSettings}). */
public enum MessageType {

	CONSULTATION("咨询"), SUGGESTION("建议"), COMPLAINT("投诉"), HELP("求助");

	private final String label;

	MessageType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
