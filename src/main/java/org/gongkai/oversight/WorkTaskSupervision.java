package org.gongkai.oversight;

import java.time.Instant;
import java.time.LocalDate;

/** A supervision note (督办) on one unit's task item, with its own deadline; answered by the unit's next report. */
public record WorkTaskSupervision(long id, long taskUnitId, String note, LocalDate dueOn, String createdBy,
		Instant createdAt, Long answerId, Instant answeredAt) {

	public boolean answered() {
		return answerId != null;
	}
}
