package org.gongkai.oversight;

/**
 * What the unit decided on one item: in the January review it confirms the attribute or flags it for a second look;
 * in the November review it keeps the item as it is (with the reason) or converts it to proactive disclosure
 * (《条例》 Art. 18 dynamic adjustment).
 */
public enum SourceReviewDecision {

	PENDING("待处理"), CONFIRMED("属性无误"), FLAGGED("属性存疑"), KEPT("维持现状"), CONVERTED("已转为主动公开");

	private final String label;

	SourceReviewDecision(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
