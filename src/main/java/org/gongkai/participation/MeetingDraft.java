package org.gongkai.participation;

import java.util.List;

/**
 * A meeting as staff typed it (console form or API): every value a string, checked by {@link MeetingManagement}, so
 * that a wrong entry comes back as a field error.
 *
 * @param startsAt the start, {@code yyyy-MM-ddTHH:mm} China time (or with an offset)
 * @param applyDeadline the end of public applications, same format; required when seats are open
 */
record MeetingDraft(String title, String type, String startsAt, String place, boolean advanceNotice, String liveUrl,
		List<String> invited, String seats, String applyDeadline) {

	MeetingDraft {
		invited = invited == null ? List.of() : List.copyOf(invited);
	}
}
