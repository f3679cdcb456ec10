package org.gongkai.interaction;

import java.time.Instant;
import java.time.LocalDate;

/** A face-to-face consultation (面商) of the lead unit with the proposers, in a handling round. */
public record MotionConsultation(long id, long motionId, int round, LocalDate heldOn, MotionConsultationForm form,
		String participants, String summary, String createdBy, Instant createdAt) {
}
