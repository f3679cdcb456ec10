package org.gongkai.inforequest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A consultation that pauses the reply clock (条例 Art. 33 ¶3): of a third party whose rights disclosure may
 * harm (Art. 32), or of another agency that made the information with this one (Art. 34). Each answers within
 * 15 working days.
 *
 * @param overrideReason for an objection: the major public interest for which the agency still discloses
 * @param overrideNoticeOn the day the third party was told in writing of that decision (Art. 32)
 */
public record Consultation(long id, long requestId, Kind kind, String party, LocalDate sentOn, LocalDate answerDueOn,
		LocalDate answeredOn, Answer answer, String answerNote, String overrideReason, LocalDate overrideNoticeOn,
		String createdBy, Instant createdAt) {

	public enum Kind {
		THIRD_PARTY("征求第三方意见"), AGENCY("征求其他机关意见");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum Answer {
		CONSENT("同意公开"), OBJECTION("不同意公开"), NO_ANSWER("逾期未答复");

		private final String label;

		Answer(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * The last paused day: the answer day, or — without an answer — the end of the 15 working days, after which
	 * silence counts (Art. 32: the agency decides; Art. 34: consent).
	 */
	public LocalDate pauseEnd() {
		return answeredOn != null && answeredOn.isBefore(answerDueOn) ? answeredOn : answerDueOn;
	}

	public boolean isOpen(LocalDate today) {
		return answeredOn == null && !today.isAfter(answerDueOn);
	}

	/** A third party's objection that still blocks disclosure: no public-interest override with its notice. */
	public boolean blocksDisclosure() {
		return kind == Kind.THIRD_PARTY && answer == Answer.OBJECTION && (overrideReason == null || overrideNoticeOn == null);
	}
}
