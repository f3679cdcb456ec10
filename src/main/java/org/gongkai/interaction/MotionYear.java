package org.gongkai.interaction;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One year's arrangement of suggestion and proposal handling, set by the dispatcher (交办单位).
 * <p>
 * The reply period defaults to {@value #DEFAULT_REPLY_MONTHS} calendar months from assignment: the common practice of
 * 《全国人民代表大会代表建议、批评和意见处理办法》 (replies within three months of assignment) and of the local rules
 * on CPPCC proposals. It is configurable, and a fixed date for the whole year (统一答复期限) overrides it. The
 * publication limit defaults to {@value #DEFAULT_PUBLISH_DAYS} working days after the reply, after Anhui's
 * 皖政办〔2015〕2号 (there is no national limit; 国办发〔2014〕46号 only requires publication), and is configurable.
 * Whether a face-to-face consultation (面商) must precede the reply defaults to yes.
 *
 * @param fixedDueOn a deadline for every motion of the year, overriding {@code replyMonths} (null: none)
 * @param custom whether the year was arranged (false: the defaults)
 */
public record MotionYear(int year, String suggestionSession, String proposalSession, int replyMonths, LocalDate fixedDueOn,
		int publishDays, boolean consultationRequired, boolean custom, String updatedBy, Instant updatedAt) {

	public static final int DEFAULT_REPLY_MONTHS = 3;

	public static final int DEFAULT_PUBLISH_DAYS = 20;

	public static final int MAX_REPLY_MONTHS = 12;

	public static final int MAX_PUBLISH_DAYS = 60;

	public static MotionYear defaults(int year) {
		return new MotionYear(year, null, null, DEFAULT_REPLY_MONTHS, null, DEFAULT_PUBLISH_DAYS, true, false, null, null);
	}

	/** The session label of the kind's meeting, e.g. 县十八届人大三次会议 (null when not set). */
	public String sessionOf(MotionKind kind) {
		return kind == MotionKind.SUGGESTION ? suggestionSession : proposalSession;
	}
}
