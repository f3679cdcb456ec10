package org.gongkai.participation;

/** The answer to a comment or group of comments (《重大行政决策程序暂行条例》 Art. 15: 充分采纳合理意见). */
public enum AdoptionFeedbackOutcome {

	ADOPTED("采纳"), PARTLY_ADOPTED("部分采纳"), NOT_ADOPTED("不予采纳");

	private final String label;

	AdoptionFeedbackOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** 部分采纳 and 不予采纳 must say why. */
	public boolean needsReason() {
		return this != ADOPTED;
	}
}
