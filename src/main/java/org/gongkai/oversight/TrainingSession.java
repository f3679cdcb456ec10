package org.gongkai.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A training session held (培训记录): date, topic, speakers, place and method, a summary, the planned session it
 * fulfils (if any), the attendance list and the materials (oversight-rules §4.2).
 */
public record TrainingSession(long id, long agencyId, Long planItemId, LocalDate heldOn, String topic, String speakers, String place,
		TrainingMethod method, String summary, String createdBy, Instant createdAt) {

	/**
	 * One line of the attendance list: a staff member of the agency (accountId) or an external attendee by name, present
	 * or absent with the reason.
	 */
	public record Attendance(long id, long sessionId, Long accountId, String externalName, String displayName, boolean attended,
			String absenceReason) {

		public boolean external() {
			return accountId == null;
		}
	}

	/** A material of the session (slides, the printed booklet, the sign-in sheet), kept in the file store. */
	public record Material(long id, long sessionId, String fileName, String contentType, long sizeBytes, String storageKey,
			String uploadedBy, Instant uploadedAt) {
	}
}
