package org.gongkai.inforequest;

/**
 * Where a request stands (cf. the reference workflow of domain-rules.md §8). Consultations do not change the
 * status: they pause the clock while the request stays in hand.
 */
public enum RequestStatus {

	AWAITING_CONFIRMATION("待确认收到"), IN_PROGRESS("办理中"), AWAITING_CORRECTION("待补正"), AWAITING_PAYMENT("待缴费"),
	REPLIED("已答复"), CLOSED("已终止");

	private final String label;

	RequestStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isOpen() {
		return this != REPLIED && this != CLOSED;
	}
}
