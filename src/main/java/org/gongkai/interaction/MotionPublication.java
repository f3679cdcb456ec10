package org.gongkai.interaction;

/**
 * How a reply is published (国办发〔2014〕46号): replies on matters of public interest in full in principle, complex
 * cases as a summary, and replies that cannot be published not at all — the latter two with a reason.
 */
public enum MotionPublication {

	FULL("全文公开"),
	SUMMARY("摘要公开"),
	NOT_PUBLISHED("不予公开");

	private final String label;

	MotionPublication(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isPublic() {
		return this != NOT_PUBLISHED;
	}
}
