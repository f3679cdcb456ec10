package org.gongkai.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every figure the drafted text of sections 一, 五 and 六 uses, read from the statistics of the modules owning the
 * data ({@link ReportDrafting} never counts anything itself). Shown beside the editor so staff see where each number
 * of the draft comes from.
 *
 * @param published items proactively published in the year
 * @param publishedLate of them, published after their time limit
 * @param publishedByColumn published items by column of the agency's site
 * @param interpretations policy interpretations published; {@code interpretationsLate} after the limit
 * @param consultations draft consultations opened; {@code consultationsClosed} closed in the year
 * @param consultationsWithoutFeedback closed consultations whose adoption feedback is not published
 * @param comments comments received; {@code commentsAdopted}, {@code commentsPartlyAdopted}, {@code commentsNotAdopted}
 *        as the adoption feedback recorded them
 * @param majorDecisionMeetings major decisions put to public participation plus meetings opened to the public
 * @param messages messages (留言) received; {@code messagesReplied}, {@code messagesOnTime} replied / on time
 * @param suggestions 人大代表建议 handled; {@code proposals} 政协提案 handled; {@code motionsPublished} replies published
 * @param requestsNew information requests received; {@code requestsCarriedIn} carried in from the previous year
 * @param requestsConcluded requests concluded (table 三 总计); {@code requestsCarriedOut} carried to the next year
 * @param repliesOnTime, repliesLate replies given in the year within / after the legal time limit
 * @param feeNotices fee notices sent; {@code feesPaid} paid; {@code feesCollectedYuan} yuan collected
 * @param reconsiderations, litigations administrative reconsiderations / lawsuits about disclosure (table 四 totals)
 */
public record ReportFacts(int year, int published, int publishedOnTime, int publishedLate,
		List<ColumnCount> publishedByColumn, int rulesIssued, int normativeIssued, int normativeRepealed,
		int normativeInForce, int interpretations, int interpretationsLate, int consultations,
		int consultationsClosed, int consultationsWithoutFeedback, int comments, int commentsAdopted,
		int commentsPartlyAdopted, int commentsNotAdopted, int majorDecisionMeetings, int messages,
		int messagesReplied, int messagesOnTime, int suggestions, int proposals, int motionsPublished,
		int motionsPublishedLate, int requestsNew, int requestsCarriedIn, int requestsConcluded,
		int requestsCarriedOut, int repliesOnTime, int repliesLate, int feeNotices, int feesPaid,
		BigDecimal feesCollectedYuan, int reconsiderations, int reconsiderationsCorrected, int litigations,
		int litigationsCorrected) {

	/** Published items of one column of the agency's site. */
	public record ColumnCount(String code, String title, int count) {
	}

	/** No figures: an imported report, which was not drafted here. */
	public static ReportFacts none(int year) {
		return new ReportFacts(year, 0, 0, 0, List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0);
	}

	/** The share of messages replied on time, in percent with one decimal; null when none replied. */
	public BigDecimal messagesOnTimeRate() {
		return rate(messagesOnTime, messagesReplied);
	}

	/** The share of requests replied within the legal limit, in percent; null when none replied. */
	public BigDecimal repliesOnTimeRate() {
		return rate(repliesOnTime, repliesOnTime + repliesLate);
	}

	static BigDecimal rate(int part, int whole) {
		if (whole <= 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 1000L / whole, 1);
	}
}
