package org.gongkai.oversight;

import java.time.Instant;
import java.time.LocalDate;

/** One step in a finding's life: found, rectification reported, re-check passed or failed (with the new deadline). */
public record OversightFindingStep(long id, long findingId, Instant occurredAt, String actor, String action, String note,
		LocalDate dueOn) {

	public String actionLabel() {
		return switch (action) {
			case "found" -> "发现问题";
			case "answered" -> "报送整改情况";
			case "passed" -> "复查通过，销号";
			case "failed" -> "复查未通过";
			default -> action;
		};
	}
}
