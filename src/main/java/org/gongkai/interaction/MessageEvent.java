package org.gongkai.interaction;

import java.time.Instant;

/** One step in a message's history; {@code senderVisible} steps are shown on the sender's tracking page. */
public record MessageEvent(long id, long messageId, Instant at, String actor, String action, String note,
		boolean senderVisible) {
}
