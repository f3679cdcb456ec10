package org.gongkai.participation;

import java.time.Instant;

/** A file attached to a consultation's draft (the text as issued, a table, a map), kept in the file store. */
public record ConsultationAttachment(long id, long consultationId, String fileName, String contentType, long sizeBytes,
		String storageKey, String createdBy, Instant createdAt) {
}
