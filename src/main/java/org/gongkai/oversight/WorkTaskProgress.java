package org.gongkai.oversight;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A monthly progress report of one unit on one task.
 *
 * @param month the first day of the month reported on
 * @param percentDone the share done, 0 to 100, when the unit gives one
 */
public record WorkTaskProgress(long id, long taskUnitId, LocalDate month, String content, Integer percentDone,
		WorkTaskProgressState state, String evidenceKey, String evidenceName, String reportedBy, Instant reportedAt) {
}
