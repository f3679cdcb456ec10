package org.gongkai.participation;

/** A meeting's life cycle in the console: prepared, published on the portal, or withdrawn from it. */
enum MeetingStatus {

	DRAFT("草稿"), PUBLISHED("已公开"), WITHDRAWN("已撤回");

	private final String label;

	MeetingStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
