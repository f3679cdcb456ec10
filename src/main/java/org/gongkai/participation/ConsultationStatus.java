package org.gongkai.participation;

/**
 * Where a consultation stands. {@code DRAFT} and {@code WITHDRAWN} are never public; the other four are the states the
 * public reads (api-contract.md): not started, open, closed, and closed with the adoption feedback published.
 */
public enum ConsultationStatus {

	DRAFT("草稿"), NOT_STARTED("未开始"), OPEN("征集中"), CLOSED("已结束"), FEEDBACK_PUBLISHED("已反馈"), WITHDRAWN("已撤回");

	private final String label;

	ConsultationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether a consultation in this state is on the portal. */
	public boolean isPublic() {
		return this != DRAFT && this != WITHDRAWN;
	}
}
