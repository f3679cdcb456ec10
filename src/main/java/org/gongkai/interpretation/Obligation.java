package org.gongkai.interpretation;

import java.time.LocalDate;

/**
 * The timeliness duty of a published policy that needs interpretation: due at the latest
 * {@code dueOn}; met on {@code metOn} by the first published interpretation.
 */
public record Obligation(long documentId, long agencyId, String documentTitle, LocalDate publishedOn, LocalDate dueOn,
		boolean provisional, LocalDate metOn, Long interpretationId, boolean late, boolean waived, boolean cancelled) {

	public enum State {
		PENDING("待解读"), ON_TIME("按时解读"), LATE("逾期解读"), MISSING("逾期未解读"), WAIVED("无需解读"), CANCELLED("文件已撤回");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public State state(LocalDate today) {
		if (cancelled) {
			return State.CANCELLED;
		}
		if (metOn != null) {
			return late ? State.LATE : State.ON_TIME;
		}
		if (waived) {
			return State.WAIVED;
		}
		return today.isAfter(dueOn) ? State.MISSING : State.PENDING;
	}
}
