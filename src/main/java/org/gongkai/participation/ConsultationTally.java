package org.gongkai.participation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The counts of 意见收集和采纳情况, computed from the comment records: received, waiting for moderation, accepted after
 * moderation (有效意见), rejected, and of the accepted ones adopted, partly adopted, not adopted and not yet answered.
 */
public record ConsultationTally(long received, long pending, long accepted, long rejected, long adopted, long partlyAdopted,
		long notAdopted, long unanswered) {

	static ConsultationTally of(List<Comment> comments, List<AdoptionFeedback> feedbacks) {
		java.util.Map<Long, AdoptionFeedbackOutcome> outcomes = new java.util.HashMap<>();
		feedbacks.forEach(f -> outcomes.put(f.id(), f.outcome()));
		long pending = 0, accepted = 0, rejected = 0, adopted = 0, partly = 0, not = 0, unanswered = 0;
		for (Comment c : comments) {
			switch (c.status()) {
				case PENDING -> pending++;
				case REJECTED -> rejected++;
				case ACCEPTED -> {
					accepted++;
					AdoptionFeedbackOutcome o = c.feedbackId() == null ? null : outcomes.get(c.feedbackId());
					if (o == null) {
						unanswered++;
					}
					else {
						switch (o) {
							case ADOPTED -> adopted++;
							case PARTLY_ADOPTED -> partly++;
							case NOT_ADOPTED -> not++;
						}
					}
				}
			}
		}
		return new ConsultationTally(comments.size(), pending, accepted, rejected, adopted, partly, not, unanswered);
	}

	/** (采纳 + 部分采纳) / 有效意见 in percent, one decimal; null without valid comments. */
	public BigDecimal rate() {
		return ConsultationRules.adoptionRate(adopted, partlyAdopted, accepted);
	}

	public String rateText() {
		return ConsultationRules.rateText(rate());
	}

	/** 收到意见12条（有效意见10条），采纳5条，部分采纳2条，采纳率70.0%. */
	public String oneLiner() {
		return ConsultationRules.oneLiner(received, accepted, adopted, partlyAdopted);
	}
}
