package org.gongkai.participation;

import java.time.Instant;
import java.util.List;

/**
 * A member of the public's application to attend a meeting (列席申请). The name, work unit and phone are personal data:
 * staff of the meeting's agency see them; they are never public and are erased a fixed period after the meeting
 * ({@link MeetingRules#CONTACT_RETENTION_DAYS}).
 */
record AttendanceApplication(long id, long meetingId, String trackingCode, String name, AttendanceCategory category,
		String workUnit, String phone, List<Long> itemIds, String reason, AttendanceStatus status, String refusalReason,
		Instant decidedAt, String decidedBy, Instant submittedAt, Instant erasedAt) {

	AttendanceApplication {
		itemIds = List.copyOf(itemIds);
	}
}
