package org.gongkai.oversight;

import java.time.Instant;

/**
 * One person's attempt at a test: started, due (with a time limit), submitted and marked. {@code late} when it was
 * submitted after the time limit: its answers were not counted.
 */
public record TrainingAttempt(long id, long examId, long accountId, String username, String displayName, Instant startedAt,
		Instant dueAt, Instant submittedAt, boolean late, Integer correctCount, int questionCount, Integer score, Boolean passed) {

	private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(org.gongkai.platform.Zones.CHINA);

	public boolean submitted() {
		return submittedAt != null;
	}

	/** Start, submission and due time in China time, for pages. */
	public String startedLabel() {
		return SHOWN.format(startedAt);
	}

	public String submittedLabel() {
		return submittedAt == null ? null : SHOWN.format(submittedAt);
	}

	public String dueLabel() {
		return dueAt == null ? null : SHOWN.format(dueAt);
	}

	/** A given answer to one question of the test, with whether it was right. */
	public record Answer(long id, long attemptId, long examQuestionId, String given, boolean correct) {
	}
}
