package org.gongkai.oversight;

/** Where a unit's self-check of a month stands. */
public enum SelfCheckStatus {

	DRAFT("填报中"), SUBMITTED("已报送");

	private final String label;

	SelfCheckStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
