package org.gongkai.oversight;

/** The life of a finding: found → rectification reported → re-checked: passed (销号) or back to rectify. */
public enum OversightFindingStatus {

	OPEN("待整改"), ANSWERED("待复查"), PASSED("已销号");

	private final String label;

	OversightFindingStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
