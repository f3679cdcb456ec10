package org.gongkai.publication;

import java.time.Instant;

/** A published version that a correction replaced; kept for the record. */
public record DocumentVersion(int version, String title, String summary, String body, String note, Instant replacedAt,
		String replacedBy) {
}
