package org.gongkai.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A government meeting as the open-meeting record keeps it (会议公开): its announcement, who may attend and how many
 * seats are open to public application, and when its decided items were published.
 *
 * @param advanceNotice whether the meeting is announced before it is held (预告); otherwise it appears only once held
 * @param liveUrl the live stream (https only), shown from the announcement until the end of the meeting day
 * @param seats seats open to public application; {@code approvedCount} of them are taken
 * @param outcomePublishedAt when the decided items (议定事项) were published; null while they are not
 */
record Meeting(long id, long agencyId, String title, MeetingType type, Instant startsAt, LocalDate meetingDate, String place,
		boolean advanceNotice, String liveUrl, Set<AttendanceCategory> invited, int seats, int approvedCount,
		Instant applyDeadline, MeetingStatus status, Instant publishedAt, String withdrawnReason, Instant withdrawnAt,
		Instant outcomePublishedAt, boolean contactsErased, int version, Instant createdAt, Instant updatedAt) {

	Meeting {
		invited = Set.copyOf(invited);
	}

	public int seatsLeft() {
		return Math.max(0, seats - approvedCount);
	}
}
