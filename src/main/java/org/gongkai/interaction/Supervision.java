package org.gongkai.interaction;

import java.time.Instant;
import java.time.LocalDate;

/** A supervision (督办) of a message by the supervising office, with its own deadline. */
public record Supervision(long id, long messageId, long agencyId, String note, LocalDate dueOn, String createdBy,
		Instant createdAt, LocalDate resolvedOn, Boolean late) {

	public boolean open() {
		return resolvedOn == null;
	}
}
