package org.gongkai.powers;

/**
 * Where a decision stands on the portal. {@code DRAFT}: entered, never public. {@code PUBLISHED}: public in full.
 * {@code WITHDRAWN}: changed, revoked, declared unlawful or void after publication, so only the notice of withdrawal
 * with its reason is public (or nothing, if it was never published). {@code OFFLINE}: taken offline at the end of its
 * public period.
 */
public enum DecisionStatus {

	DRAFT("未公示"), PUBLISHED("已公示"), WITHDRAWN("已撤回"), OFFLINE("公示期满已下线");

	private final String label;

	DecisionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
