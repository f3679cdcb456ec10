package org.gongkai.interaction;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The inspection rule on unanswered messages, in one place. 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号),
 * single-veto item 互动回应差: 「监测时间点前1年内，对网民留言应及时答复处理的政务咨询类栏目…存在超过3个月未回应有效留言的现象」
 * (domain-rules §3.2). A valid message is any message not rejected at review; its age counts in calendar
 * days from submission, because the inspector sees the date the sender wrote. The platform warns at 30 days
 * and alarms at 60 (domain-rules §9.3 self-check monitors; design choices, not rules).
 */
public final class InteractionRules {

	/** Days of age at which the dashboard starts warning about an unanswered valid message. */
	public static final int WARN_AGE_DAYS = 30;

	/** Days of age at which an unanswered valid message is an alarm (the self-check monitor's level). */
	public static final int ALARM_AGE_DAYS = 60;

	/** The veto period: three months. */
	public static final int VETO_MONTHS = 3;

	private InteractionRules() {
	}

	/** The first day on which a message submitted on {@code submittedOn} and still unanswered fails the site. */
	public static LocalDate vetoDay(LocalDate submittedOn) {
		return submittedOn.plusMonths(VETO_MONTHS).plusDays(1);
	}

	/**
	 * Since when a message has waited for an answer: its submission, or, once answered and reopened by the sender,
	 * the day of the follow-up question (the message was answered before, so the first wait is over).
	 */
	public static LocalDate waitingSince(Message m) {
		return m.status() == MessageStatus.REOPENED && m.reopenedOn() != null ? m.reopenedOn() : m.submittedOn();
	}

	/** Calendar days a message has waited. */
	public static long ageDays(LocalDate submittedOn, LocalDate today) {
		return ChronoUnit.DAYS.between(submittedOn, today);
	}

	/** How close an unanswered valid message is to the veto. */
	public static Level level(Message m, LocalDate today) {
		if (!m.status().awaitingReply()) {
			return Level.NONE;
		}
		LocalDate since = waitingSince(m);
		if (!today.isBefore(vetoDay(since))) {
			return Level.VETO;
		}
		long age = ageDays(since, today);
		if (age >= ALARM_AGE_DAYS) {
			return Level.ALARM;
		}
		return age >= WARN_AGE_DAYS ? Level.WARNING : Level.NONE;
	}

	public enum Level {
		NONE, WARNING, ALARM, VETO
	}
}
