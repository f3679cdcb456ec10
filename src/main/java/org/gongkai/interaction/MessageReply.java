package org.gongkai.interaction;

import java.time.Instant;
import java.time.LocalDate;

/** One reply to a message: round 1 is the answer, round 2 the answer after the sender reopened it. */
public record MessageReply(long id, long messageId, int round, long agencyId, String content, LocalDate repliedOn,
		Instant repliedAt, LocalDate dueOn, boolean late, String repliedBy) {
}
