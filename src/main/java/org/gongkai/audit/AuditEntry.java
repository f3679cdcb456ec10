package org.gongkai.audit;

import java.time.Instant;

/** One recorded change. Never updated or deleted. */
public record AuditEntry(long id, Instant occurredAt, String actor, Long actorAgencyId, Long agencyId, String action,
		String subjectType, String subjectId, String summary, String before, String after) {
}
