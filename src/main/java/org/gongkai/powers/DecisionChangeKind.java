package org.gongkai.powers;

/** Why a published decision is withdrawn: 《行政处罚法》 Art. 48's four cases. */
public enum DecisionChangeKind {

	CHANGED("依法变更"), REVOKED("依法撤销"), DECLARED_UNLAWFUL("确认违法"), DECLARED_VOID("确认无效");

	private final String label;

	DecisionChangeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
