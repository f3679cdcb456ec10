package org.gongkai.oversight;

/** Where one responsible unit's item of a task stands: to be claimed, claimed with measures, or closed (销号). */
public enum WorkTaskUnitStatus {

	ASSIGNED("待认领"), CLAIMED("推进中"), CLOSED("已销号");

	private final String label;

	WorkTaskUnitStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
