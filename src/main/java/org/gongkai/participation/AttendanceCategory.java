package org.gongkai.participation;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may attend a government meeting as a non-voting attendee (列席人员类别): seed 000 三(一)3 (利益相关方、人大代表、政协委员、
 * 公众代表、专家学者、新闻媒体) and seed 001 item 2 (法律顾问).
 */
enum AttendanceCategory {

	STAKEHOLDER("利益相关方"), PUBLIC("公众代表"), EXPERT("专家"), MEDIA("媒体"), NPC_DEPUTY("人大代表"), CPPCC_MEMBER("政协委员"),
	LEGAL_ADVISER("法律顾问");

	private final String label;

	AttendanceCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static AttendanceCategory parse(String value) {
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

	/** Stored as comma-separated names. */
	static Set<AttendanceCategory> decode(String stored) {
		Set<AttendanceCategory> set = EnumSet.noneOf(AttendanceCategory.class);
		if (stored != null) {
			for (String s : stored.split(",")) {
				AttendanceCategory c = parse(s);
				if (c != null) {
					set.add(c);
				}
			}
		}
		return set;
	}

	static String encode(Set<AttendanceCategory> set) {
		return set.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}
}
