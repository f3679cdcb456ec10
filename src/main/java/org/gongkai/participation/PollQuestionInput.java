package org.gongkai.participation;

import java.util.List;

/**
 * A question as staff type it. {@code options} is used when the question is added (blank lines ignored); later the
 * options change one at a time.
 *
 * @param kind {@code SINGLE}, {@code MULTIPLE} or {@code TEXT}
 */
public record PollQuestionInput(String kind, String prompt, boolean required, String minChoices, String maxChoices,
		String maxLength, List<String> options) {

	public PollQuestionInput {
		options = options == null ? List.of() : options;
	}
}
