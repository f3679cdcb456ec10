package org.gongkai.participation;

/** The kind of meeting: whose collective decisions it takes (seed 003 推进会议公开; seed 002 厅长办公会). */
enum MeetingType {

	PLENARY("政府全体会议"), EXECUTIVE("政府常务会议"), OFFICE("局长办公会议/主任办公会议"), TOPICAL("专题会议"), OTHER("其他");

	private final String label;

	MeetingType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static MeetingType parse(String value) {
		if (value == null) {
			return null;
		}
		try {
			return valueOf(value.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
