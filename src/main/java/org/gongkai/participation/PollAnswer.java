package org.gongkai.participation;

import java.util.List;
import java.util.Map;

/**
 * One person's answer to a poll.
 *
 * @param identity the mobile number or ID number of the poll's identity rule; only its fingerprint is kept
 * @param choices per question id, the option ids ticked
 * @param texts per question id, the free text written
 */
public record PollAnswer(String identity, Map<Long, List<Long>> choices, Map<Long, String> texts) {

	public PollAnswer {
		choices = choices == null ? Map.of() : choices;
		texts = texts == null ? Map.of() : texts;
	}
}
