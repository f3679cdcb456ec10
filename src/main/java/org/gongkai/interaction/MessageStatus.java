package org.gongkai.interaction;

/** Where a message stands. Only {@link #REJECTED} messages are not valid messages (有效留言). */
public enum MessageStatus {

	SUBMITTED("待审看"), ACCEPTED("办理中"), REJECTED("不予受理"), REPLIED("已答复"), REOPENED("追问办理中");

	private final String label;

	MessageStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Valid and waiting for an answer: the state the 3-month rule watches. */
	public boolean awaitingReply() {
		return this == SUBMITTED || this == ACCEPTED || this == REOPENED;
	}
}
