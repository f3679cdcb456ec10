package org.gongkai.participation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A poll's results: the number of participants and, per question, how many chose each option (with the share of
 * participants, one decimal) or, for a free-text question, only how many wrote something — free text is never
 * published.
 */
public record PollResults(long participants, List<QuestionResult> questions) {

	/** One option's count; {@code percent} is of all participants, so a multiple-choice question may exceed 100 in sum. */
	public record OptionResult(long optionId, String label, long count, BigDecimal percent) {

		/** The share as shown: 「33.3%」. */
		public String percentText() {
			return percent.toPlainString() + "%";
		}

		/** The bar's width in the chart, 0 to 100. */
		public double barWidth() {
			return percent.doubleValue();
		}
	}

	/**
	 * One question's result.
	 *
	 * @param answered how many participants answered the question
	 */
	public record QuestionResult(PollQuestion question, long answered, List<OptionResult> options) {

		/** The chart's text alternative. */
		public String chartLabel() {
			StringBuilder s = new StringBuilder(question.prompt()).append("：");
			for (int i = 0; i < options.size(); i++) {
				OptionResult o = options.get(i);
				s.append(i == 0 ? "" : "；").append(o.label()).append(' ').append(o.count()).append("人，占").append(o.percentText());
			}
			return s.toString();
		}
	}

	static BigDecimal percent(long count, long of) {
		if (of == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
	}
}
