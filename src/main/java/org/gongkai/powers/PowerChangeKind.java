package org.gongkai.powers;

/** The kind of an adjustment of the power list (清单动态调整). */
public enum PowerChangeKind {

	ADDED("新增"), ADJUSTED("调整"), REMOVED("取消");

	private final String label;

	PowerChangeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
