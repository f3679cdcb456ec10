package org.gongkai.participation;

/** One option of a choice question, in the question's order. */
public record PollOption(long id, long questionId, int sortOrder, String label) {
}
