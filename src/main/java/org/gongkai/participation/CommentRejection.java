package org.gongkai.participation;

/** Why a comment is not accepted in moderation; {@code OTHER} needs a note. */
public enum CommentRejection {

	SPAM("广告/垃圾信息"), ABUSE("辱骂攻击"), IRRELEVANT("与征求意见无关"), DUPLICATE("重复提交"), OTHER("其他");

	private final String label;

	CommentRejection(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
