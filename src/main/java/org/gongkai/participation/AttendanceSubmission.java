package org.gongkai.participation;

import java.util.List;

/** An application to attend a meeting as the public typed it (form or public API). */
record AttendanceSubmission(String name, String category, String workUnit, String phone, List<String> itemIds,
		String reason) {

	AttendanceSubmission {
		itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
	}
}
