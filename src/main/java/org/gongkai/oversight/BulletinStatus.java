package org.gongkai.oversight;

/** A bulletin is drafted (generated, then edited) and issued; an issued bulletin no longer changes. */
public enum BulletinStatus {

	DRAFT("草稿"), ISSUED("已印发");

	private final String label;

	BulletinStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
