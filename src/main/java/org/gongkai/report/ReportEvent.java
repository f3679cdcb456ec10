package org.gongkai.report;

import java.time.Instant;

/** One step of a report version's workflow history (created, submitted, reviewed, reminded, published...). */
public record ReportEvent(Instant at, String actor, String action, String note) {
}
