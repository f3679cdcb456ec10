package org.gongkai.participation;

/** A poll's state, computed from its record and today's date in China (never stored). */
public enum PollStatus {

	DRAFT("草稿", false),
	NOT_STARTED("未开始", true),
	OPEN("进行中", true),
	CLOSED("已结束", true),
	WITHDRAWN("已撤回", false);

	private final String label;

	private final boolean isPublic;

	PollStatus(String label, boolean isPublic) {
		this.label = label;
		this.isPublic = isPublic;
	}

	public String label() {
		return label;
	}

	/** Whether a poll in this state is on the portal. */
	public boolean isPublic() {
		return isPublic;
	}
}
