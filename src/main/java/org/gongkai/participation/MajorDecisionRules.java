package org.gongkai.participation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.gongkai.participation.MajorDecision.StageRecord;
import org.gongkai.participation.MajorDecisionStage.Outcome;

/**
 * The order of the statutory procedure of a major administrative decision, from 《重大行政决策程序暂行条例》
 * (国务院令第713号, in force 2019-09-01) and the county's rule (seed 000, 三(一)2): 「把公众参与、专家论证、风险评估
 * 作为重大行政决策合法性审查的必要条件。决策草案经法制审查合格后，方可进入集体讨论决定环节」.
 * <ul>
 * <li>Art. 3 ¶3: the catalogue of decision matters is published and may be adjusted.</li>
 * <li>Arts. 14–17: public participation, except where the law exempts the matter (the item records the ground).</li>
 * <li>Arts. 19–21: expert argument, required for professional or technical matters (marked per item).</li>
 * <li>Arts. 22–24: risk assessment, required where social stability or public safety may be harmed (marked per item).</li>
 * <li>Arts. 25–28: legality review before the draft goes to the deciding organ; Art. 25 ¶2: a draft not reviewed, or
 * found unlawful, may not be submitted for discussion. Art. 26: the draft goes to review with the account of the
 * statutory procedure performed, so the required earlier stages come first.</li>
 * <li>Arts. 30–31: collective discussion and decision at an executive or plenary meeting.</li>
 * <li>Art. 32: the decision is published; Arts. 34–35: execution; Art. 36: post-evaluation.</li>
 * </ul>
 * A stage may be recorded more than once (a new legality review after an unlawful finding); the latest record of a stage
 * counts. Records are ordered by completion date, then by the order they were recorded in: a collective discussion counts
 * only when it comes after the latest legality review, and a required earlier stage only when it has a record on or
 * before that review.
 */
final class MajorDecisionRules {

	static final String LAW = "《重大行政决策程序暂行条例》";

	private MajorDecisionRules() {
	}

	/** The stages that must be recorded before the legality review: public participation unless exempt, and the optional stages the item requires. */
	static List<MajorDecisionStage> requiredBeforeReview(MajorDecision d) {
		List<MajorDecisionStage> out = new ArrayList<>();
		if (!d.participationExempt()) {
			out.add(MajorDecisionStage.PUBLIC_PARTICIPATION);
		}
		if (d.expertRequired()) {
			out.add(MajorDecisionStage.EXPERT_ARGUMENT);
		}
		if (d.riskRequired()) {
			out.add(MajorDecisionStage.RISK_ASSESSMENT);
		}
		return out;
	}

	/** The latest record of a stage. */
	static Optional<StageRecord> latest(List<StageRecord> done, MajorDecisionStage stage) {
		return done.stream()
			.filter(s -> s.stage() == stage)
			.max(Comparator.comparing(StageRecord::completedOn).thenComparing(StageRecord::id));
	}

	/** Whether the latest legality review found the draft lawful. */
	static boolean lawful(List<StageRecord> done) {
		return latest(done, MajorDecisionStage.LEGALITY_REVIEW).map(s -> s.outcome() == Outcome.LEGAL).orElse(false);
	}

	/** The order of two records: by completion date, then by the order they were recorded in. */
	private static final Comparator<StageRecord> ORDER = Comparator.comparing(StageRecord::completedOn).thenComparing(StageRecord::id);

	/**
	 * Whether the latest collective discussion adopted the draft (通过 or 原则通过) and came after the latest legality
	 * review: a discussion of a draft reviewed again afterwards decided on another draft (Art. 25 ¶2).
	 */
	static boolean adopted(List<StageRecord> done) {
		Optional<StageRecord> discussion = latest(done, MajorDecisionStage.COLLECTIVE_DISCUSSION);
		return discussion.map(s -> s.outcome() == Outcome.PASSED || s.outcome() == Outcome.PASSED_IN_PRINCIPLE).orElse(false)
				&& !discussedBeforeReview(done);
	}

	/** Whether the latest collective discussion came before the latest legality review. */
	static boolean discussedBeforeReview(List<StageRecord> done) {
		Optional<StageRecord> discussion = latest(done, MajorDecisionStage.COLLECTIVE_DISCUSSION);
		Optional<StageRecord> review = latest(done, MajorDecisionStage.LEGALITY_REVIEW);
		return discussion.isPresent() && review.isPresent() && ORDER.compare(discussion.get(), review.get()) < 0;
	}

	/**
	 * The required earlier stages, by label, that have no record on or before the latest legality review: a stage
	 * recorded only afterwards was not part of the draft the review examined (Art. 26), so the draft goes to review again.
	 */
	static List<String> notReviewed(MajorDecision d, List<StageRecord> done) {
		Optional<StageRecord> review = latest(done, MajorDecisionStage.LEGALITY_REVIEW);
		List<String> out = new ArrayList<>();
		if (review.isEmpty()) {
			return out;
		}
		for (MajorDecisionStage s : requiredBeforeReview(d)) {
			boolean before = done.stream().anyMatch(r -> r.stage() == s && !r.completedOn().isAfter(review.get().completedOn()));
			if (!before) {
				out.add(s.label());
			}
		}
		return out;
	}

	/**
	 * Why the stage cannot be recorded now, or empty when it can: the legality review needs every required earlier
	 * stage (Art. 26 and seed 000), the collective discussion a lawful review (Art. 25 ¶2).
	 */
	static Optional<String> refuseStage(MajorDecision d, MajorDecisionStage stage, List<StageRecord> done) {
		if (!d.status().open()) {
			return Optional.of("“" + d.status().label() + "”的决策事项不能再登记决策程序");
		}
		if (stage == MajorDecisionStage.LEGALITY_REVIEW) {
			List<String> missing = missing(d, done);
			if (!missing.isEmpty()) {
				return Optional.of("尚未完成" + String.join("、", missing) + "，不能进行合法性审查：公众参与、专家论证、风险评估是合法性审查的必要条件（"
						+ LAW + "第二十六条）");
			}
		}
		if (stage == MajorDecisionStage.COLLECTIVE_DISCUSSION) {
			Optional<StageRecord> review = latest(done, MajorDecisionStage.LEGALITY_REVIEW);
			if (review.isEmpty()) {
				return Optional.of("尚未完成合法性审查，决策草案不能提交集体讨论决定（" + LAW + "第二十五条第二款）");
			}
			if (review.get().outcome() != Outcome.LEGAL) {
				return Optional.of("合法性审查意见为“不合法”，决策草案不能提交集体讨论决定；请修改草案后重新进行合法性审查（" + LAW + "第二十五条第二款）");
			}
			List<String> notReviewed = notReviewed(d, done);
			if (!notReviewed.isEmpty()) {
				return Optional.of(notReviewedMessage(notReviewed, "决策草案不能提交集体讨论决定"));
			}
		}
		return Optional.empty();
	}

	/**
	 * Why the item cannot be marked as decided, or empty: it needs a lawful legality review (Art. 25 ¶2) and a collective
	 * discussion that adopted the draft (Art. 30); the missing stage is named.
	 */
	static Optional<String> refuseTake(MajorDecision d, List<StageRecord> done) {
		if (!d.status().open()) {
			return Optional.of("“" + d.status().label() + "”的决策事项不能标记为已决策");
		}
		List<String> missing = missing(d, done);
		if (latest(done, MajorDecisionStage.LEGALITY_REVIEW).isEmpty()) {
			missing.add(MajorDecisionStage.LEGALITY_REVIEW.label());
		}
		if (latest(done, MajorDecisionStage.COLLECTIVE_DISCUSSION).isEmpty()) {
			missing.add(MajorDecisionStage.COLLECTIVE_DISCUSSION.label());
		}
		if (!missing.isEmpty()) {
			return Optional.of("尚未完成" + String.join("、", missing) + "，不能标记为已决策（" + LAW + "第二十五条、第三十条）");
		}
		if (!lawful(done)) {
			return Optional.of("合法性审查意见为“不合法”，不能标记为已决策（" + LAW + "第二十五条第二款）");
		}
		List<String> notReviewed = notReviewed(d, done);
		if (!notReviewed.isEmpty()) {
			return Optional.of(notReviewedMessage(notReviewed, "不能标记为已决策"));
		}
		if (discussedBeforeReview(done)) {
			return Optional.of("合法性审查后尚未重新集体讨论决定，不能标记为已决策（" + LAW + "第二十五条第二款）");
		}
		if (!adopted(done)) {
			return Optional.of("集体讨论决定的结果不是“通过”或“原则通过”，不能标记为已决策（" + LAW + "第三十条）");
		}
		return Optional.empty();
	}

	private static String notReviewedMessage(List<String> stages, String consequence) {
		return String.join("、", stages) + "在合法性审查之后才完成，" + consequence + "；请重新进行合法性审查（" + LAW + "第二十五条、第二十六条）";
	}

	/** The required earlier stages not recorded yet, by label. */
	static List<String> missing(MajorDecision d, List<StageRecord> done) {
		List<String> out = new ArrayList<>();
		for (MajorDecisionStage s : requiredBeforeReview(d)) {
			if (latest(done, s).isEmpty()) {
				out.add(s.label());
			}
		}
		return out;
	}

	/** The next stage the item waits for, or null when none (decided, or closed). */
	static MajorDecisionStage pending(MajorDecision d, List<StageRecord> done) {
		if (!d.status().open()) {
			return null;
		}
		for (MajorDecisionStage s : requiredBeforeReview(d)) {
			if (latest(done, s).isEmpty()) {
				return s;
			}
		}
		if (!lawful(done) || !notReviewed(d, done).isEmpty()) {
			return MajorDecisionStage.LEGALITY_REVIEW;
		}
		if (!adopted(done)) {
			return MajorDecisionStage.COLLECTIVE_DISCUSSION;
		}
		return null;
	}

	private static final String[] QUARTERS = { "第一季度", "第二季度", "第三季度", "第四季度" };

	static String plannedLabel(int year, Integer month, Integer quarter) {
		if (month != null) {
			return year + "年" + month + "月";
		}
		if (quarter != null) {
			return year + "年" + QUARTERS[quarter - 1];
		}
		return year + "年";
	}

	/** The last day of the planned month or quarter (of the year when neither). */
	static LocalDate plannedBy(int year, Integer month, Integer quarter) {
		if (month != null) {
			return YearMonth.of(year, month).atEndOfMonth();
		}
		if (quarter != null) {
			return YearMonth.of(year, quarter * 3).atEndOfMonth();
		}
		return LocalDate.of(year, 12, 31);
	}

	/** The plan is overdue once its planned time has passed without a decision (and the item is still open). */
	static boolean overdue(MajorDecision d, LocalDate today) {
		return d.status().open() && today.isAfter(d.plannedBy());
	}
}
