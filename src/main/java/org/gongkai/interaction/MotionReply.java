package org.gongkai.interaction;

import java.time.Instant;
import java.time.LocalDate;

/** One reply to the proposers: round 1, or round 2 after an unsatisfied feedback. */
public record MotionReply(long id, long motionId, int round, MotionCategory category, String content, LocalDate repliedOn,
		LocalDate dueOn, boolean late, String repliedBy, Instant repliedAt) {
}
