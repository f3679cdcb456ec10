package org.gongkai.platform;

import java.time.Instant;

/**
 * Published, inside the changing transaction, by every application service that changes data.
 * The audit module records it append-only in the same transaction, so a change and its audit
 * entry commit or roll back together.
 *
 * @param agencyId the agency whose record changed (null for platform-wide records)
 * @param action a stable machine name, e.g. {@code agency.created}
 * @param subjectType the kind of record, e.g. {@code Agency}
 * @param summary a one-line Chinese description
 * @param before a short summary of the state before (null on creation)
 * @param after a short summary of the state after (null on deletion)
 */
public record ChangeRecorded(Instant at, String actor, Long actorAgencyId, Long agencyId, String action,
		String subjectType, String subjectId, String summary, String before, String after) {

	public static ChangeRecorded of(Actor actor, Instant at, Long agencyId, String action, String subjectType,
			Object subjectId, String summary, String before, String after) {
		return new ChangeRecorded(at, actor.username(), actor.agencyId(), agencyId, action, subjectType,
				String.valueOf(subjectId), summary, before, after);
	}
}
