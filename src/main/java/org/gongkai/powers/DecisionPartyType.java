package org.gongkai.powers;

/** Who a decision concerns (行政相对人). A natural person's name is masked and the ID number published masked
 * (first six and last four characters kept). */
public enum DecisionPartyType {

	NATURAL_PERSON("自然人"), LEGAL_PERSON("法人"), INDIVIDUAL_BUSINESS("个体工商户"), OTHER_ORGANISATION("非法人组织");

	private final String label;

	DecisionPartyType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether a unified social credit code (统一社会信用代码) is required for this party. */
	public boolean requiresCreditCode() {
		return this == LEGAL_PERSON || this == OTHER_ORGANISATION;
	}
}
