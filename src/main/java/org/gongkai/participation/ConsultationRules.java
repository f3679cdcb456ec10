package org.gongkai.participation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The legal rules of consultations on drafts, in one place.
 * <ul>
 * <li>《重大行政决策程序暂行条例》 Art. 14 ¶2: 「公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以
 * 说明」 — a period shorter than {@link #MIN_PERIOD_DAYS} days needs a reason, published with the consultation.</li>
 * <li>Art. 15: 「对社会各方面提出的意见进行归纳整理、研究论证，充分采纳合理意见，完善决策草案」 — similar comments are grouped and
 * answered (采纳 / 部分采纳 / 不予采纳, a reason for the latter two), and the adoption feedback is published only when
 * every valid comment is answered.</li>
 * <li>《山东省农业农村厅2020年政务公开工作实施方案》 (seed 002) (三)1, on 决策预公开: 「公布决策草案及其说明等相关材料，明确提出
 * 征求意见的方式和期限，并及时公开意见收集采纳情况」 — the draft, basis and explanation, the channels and the period are
 * published, and afterwards the summary 意见收集和采纳情况 with its counts and rate.</li>
 * <li>《2019年沂源县政务公开工作方案》 (seed 003), on the 预公开 column: 「区分征集状态、标注起止时间」 — each consultation shows
 * 未开始 / 征集中 / 已结束 / 已反馈 and its first and last day.</li>
 * <li>Art. 14 ¶2 again, for ending early: the public was promised the announced period; ending it before the announced
 * last day shortens it just as a shorter announced period does, so an early close always needs a reason, published
 * next to the actual end ({@link #needsEarlyCloseReason}).</li>
 * <li>《中华人民共和国民法典》 Art. 201 ¶1: 「按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算」 — a consultation
 * published on its own first day (say at 17:00) does not get that day whole: for the 30-day rule the period is then
 * counted from the next day ({@link #countedFrom}).</li>
 * </ul>
 * The period is in calendar days, both ends included, in China time: a consultation is open from the first minute of
 * {@code opensOn} to the last minute of {@code closesOn}.
 */
public final class ConsultationRules {

	/** Art. 14 ¶2: the period is normally at least 30 days. */
	public static final int MIN_PERIOD_DAYS = 30;

	/** The longest period the platform accepts (a year); longer is almost certainly a typing error. */
	public static final int MAX_PERIOD_DAYS = 366;

	private ConsultationRules() {
	}

	/** The length of the period in days, both ends included. */
	public static long periodDays(LocalDate opensOn, LocalDate closesOn) {
		return ChronoUnit.DAYS.between(opensOn, closesOn) + 1;
	}

	/** Art. 14 ¶2: a shorter period must be explained in public. */
	public static boolean needsShortReason(LocalDate opensOn, LocalDate closesOn) {
		return periodDays(opensOn, closesOn) < MIN_PERIOD_DAYS;
	}

	/**
	 * 民法典 Art. 201 ¶1: the first day the 30-day rule counts from when the consultation is published on {@code today}.
	 * Published before its first day, the period runs from {@code opensOn}; published on its first day, that day is not
	 * counted and the period runs from the next day.
	 */
	public static LocalDate countedFrom(LocalDate opensOn, LocalDate today) {
		return today.isBefore(opensOn) ? opensOn : today.plusDays(1);
	}

	/**
	 * Art. 14 ¶2: whether publishing on {@code today} needs the public reason for a short period, the period being
	 * counted by {@link #countedFrom}.
	 */
	public static boolean needsShortReasonAtPublish(LocalDate opensOn, LocalDate closesOn, LocalDate today) {
		LocalDate from = countedFrom(opensOn, today);
		return from.isAfter(closesOn) || needsShortReason(from, closesOn);
	}

	/**
	 * Art. 14 ¶2: ending a consultation before its announced last day always needs a reason, shown publicly with the
	 * actual end. Staff can only end an open consultation, so on any day it may be ended it is an early end.
	 */
	public static boolean needsEarlyCloseReason(LocalDate today, LocalDate closesOn) {
		return !today.isAfter(closesOn);
	}

	/** The state on the given day (China time). */
	public static ConsultationStatus status(Consultation c, LocalDate today) {
		if (c.withdrawn()) {
			return ConsultationStatus.WITHDRAWN;
		}
		if (!c.published()) {
			return ConsultationStatus.DRAFT;
		}
		if (c.feedbackPublishedAt() != null) {
			return ConsultationStatus.FEEDBACK_PUBLISHED;
		}
		if (c.closedEarlyOn() != null || today.isAfter(c.closesOn())) {
			return ConsultationStatus.CLOSED;
		}
		if (today.isBefore(c.opensOn())) {
			return ConsultationStatus.NOT_STARTED;
		}
		return ConsultationStatus.OPEN;
	}

	/** The countdown shown while open: 「今天截止」 on the last day, else 「距征集截止还有N天」. */
	public static String countdown(LocalDate closesOn, LocalDate today) {
		long days = ChronoUnit.DAYS.between(today, closesOn);
		return days <= 0 ? "今天截止" : "距征集截止还有" + days + "天";
	}

	/** The adoption rate (采纳 + 部分采纳) / 有效意见, as a percentage with one decimal; null without valid comments. */
	public static BigDecimal adoptionRate(long adopted, long partlyAdopted, long valid) {
		if (valid <= 0) {
			return null;
		}
		return BigDecimal.valueOf((adopted + partlyAdopted) * 100L).divide(BigDecimal.valueOf(valid), 1, RoundingMode.HALF_UP);
	}

	/** 「58.3%」, or 「—」 without valid comments. */
	public static String rateText(BigDecimal rate) {
		return rate == null ? "—" : rate.toPlainString() + "%";
	}

	/**
	 * The one-line adoption summary: 收到意见12条（有效意见10条），采纳5条，部分采纳2条，采纳率70.0%. The rate is over the
	 * valid comments, so their number is given next to the number received.
	 */
	public static String oneLiner(long received, long valid, long adopted, long partlyAdopted) {
		return "收到意见" + received + "条（有效意见" + valid + "条），采纳" + adopted + "条，部分采纳" + partlyAdopted + "条，采纳率"
				+ rateText(adoptionRate(adopted, partlyAdopted, valid));
	}
}
