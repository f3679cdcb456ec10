package org.gongkai.participation;

import java.util.List;

/**
 * One question of a poll, in the poll's order.
 *
 * @param minChoices for a multiple-choice question, the fewest options to tick when any is ticked (null: 1)
 * @param maxChoices for a multiple-choice question, the most options to tick (null: all)
 * @param maxLength for a free-text question, the longest answer in characters
 */
public record PollQuestion(long id, long pollId, int sortOrder, PollQuestionKind kind, String prompt, boolean required,
		Integer minChoices, Integer maxChoices, Integer maxLength, List<PollOption> options) {

	public PollQuestion {
		options = options == null ? List.of() : List.copyOf(options);
	}

	/** The field name of this question on forms and in field errors. */
	public String field() {
		return "q" + id;
	}

	/** A short description of the rule for the form: 「可多选，至少选2项、最多选3项」. */
	public String rule() {
		return switch (kind) {
			case SINGLE -> "单选";
			case MULTIPLE -> {
				StringBuilder s = new StringBuilder("可多选");
				if (minChoices != null && minChoices > 1) {
					s.append("，至少选").append(minChoices).append("项");
				}
				if (maxChoices != null) {
					s.append("，最多选").append(maxChoices).append("项");
				}
				yield s.toString();
			}
			case TEXT -> "不超过" + maxLength + "字";
		};
	}
}
