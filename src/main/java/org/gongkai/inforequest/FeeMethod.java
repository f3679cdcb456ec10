package org.gongkai.inforequest;

/** 国办函〔2020〕109号 Art. 3: per application or per volume — one of the two, never both on one application. */
public enum FeeMethod {
	PER_APPLICATION("按件计收"), PER_VOLUME("按量计收");

	private final String label;

	FeeMethod(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
