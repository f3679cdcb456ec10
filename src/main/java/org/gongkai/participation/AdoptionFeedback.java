package org.gongkai.participation;

import java.time.Instant;

/**
 * The answer to one group of similar accepted comments (a group of one answers a single comment): what the comments
 * ask for in the staff's words, the outcome, and the reason when not fully adopted.
 */
public record AdoptionFeedback(long id, long consultationId, String topic, AdoptionFeedbackOutcome outcome, String reason,
		String createdBy, Instant createdAt) {
}
