package org.gongkai.publication;

/** 有效性 of an item, above all of normative documents and rules (domain-rules.md §4.2, §6.5). */
public enum Validity {

	IN_FORCE("有效"), LAPSED("失效"), REPEALED("废止");

	private final String label;

	Validity(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
