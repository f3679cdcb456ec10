package org.gongkai.participation;

/** Where an application to attend a meeting stands. */
enum AttendanceStatus {

	SUBMITTED("待审核"), APPROVED("已同意列席"), REFUSED("未同意列席"),

	/** Still waiting when the meeting was withdrawn: no longer to be decided. */
	LAPSED("会议已撤回，申请失效");

	private final String label;

	AttendanceStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
