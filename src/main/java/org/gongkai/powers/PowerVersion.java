package org.gongkai.powers;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One adjustment of a power-list item: the full snapshot of its fields after the change, the kind of change, the
 * reason, the date it took effect, who made it and when. Versions are numbered from 1 and never change.
 */
public record PowerVersion(long id, long itemId, long agencyId, int versionNo, PowerChangeKind changeKind, String reason,
		LocalDate effectiveOn, PowerDetails snapshot, String changedBy, Instant changedAt) {
}
