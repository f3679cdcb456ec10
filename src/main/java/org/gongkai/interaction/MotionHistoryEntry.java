package org.gongkai.interaction;

import java.time.Instant;

/** One step in a motion's history, as the console shows it. */
public record MotionHistoryEntry(Instant at, String actor, String action, String note) {
}
