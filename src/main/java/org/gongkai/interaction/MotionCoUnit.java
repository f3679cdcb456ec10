package org.gongkai.interaction;

import java.time.Instant;
import java.time.LocalDate;

/** A co-handling unit (协办单位) of a motion and its opinion to the lead unit (协办意见), once given. */
public record MotionCoUnit(long motionId, long agencyId, String opinion, LocalDate opinionOn, String opinionBy,
		Instant opinionAt) {

	public boolean answered() {
		return opinion != null;
	}
}
