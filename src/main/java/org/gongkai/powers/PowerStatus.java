package org.gongkai.powers;

/** Whether an item is on the current list, or was removed (取消) by an adjustment. */
public enum PowerStatus {

	CURRENT("现行"), REMOVED("已取消");

	private final String label;

	PowerStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
