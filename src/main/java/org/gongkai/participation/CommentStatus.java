package org.gongkai.participation;

/** A comment's moderation: pending, accepted as a valid comment (有效意见), or rejected with a reason. */
public enum CommentStatus {

	PENDING("待审核"), ACCEPTED("有效意见"), REJECTED("未采用（审核不通过）");

	private final String label;

	CommentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
