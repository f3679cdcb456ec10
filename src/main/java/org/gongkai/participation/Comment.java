package org.gongkai.participation;

import java.time.Instant;

/**
 * One comment of the public on a consultation: on the whole draft ({@code article} null) or on one article (its number
 * in the draft, from 1). The commenter's name and contact are personal data and never public.
 */
public record Comment(long id, long consultationId, Integer article, String content, String name, String contact,
		String channel, CommentStatus status, CommentRejection rejectionReason, String rejectionNote, String moderatedBy,
		Instant moderatedAt, Long feedbackId, Instant submittedAt) {
}
