package org.gongkai.participation;

import java.time.Instant;

/** A material published with a meeting: an attachment in the file store or a link (https). */
record MeetingMaterial(long id, long meetingId, String title, String fileKey, String fileName, String contentType,
		Long sizeBytes, String url, Instant createdAt) {

	public boolean isFile() {
		return fileKey != null;
	}
}
