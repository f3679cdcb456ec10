package org.gongkai.interaction;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deputy's suggestion or a CPPCC member's proposal assigned to a lead unit (主办单位) for handling, with its reply,
 * the decision on publishing the reply, and the proposers' feedback. {@code proposerContact} is for the handling
 * units only and never reaches a public page, feed or API response; {@code publishedText} is the masked text the
 * public sees (the full reply or the summary), present only while {@code isPublic}.
 *
 * @param leadUnit the lead unit's agency id
 * @param explicitDueOn a deadline the dispatcher set for this motion, overriding the year's arrangement
 * @param round 1, or 2 while and after it is handled again after an unsatisfied feedback
 * @param publishedRound the round whose reply is published (a second reply waits for a new decision)
 * @param missedDueOn the deadline of this round that had already passed when a supervisor moved it: the reply is late
 *        against it, not against the new {@code dueOn}
 * @param rehandledOn the day the dispatcher had the motion handled again (the second round)
 */
public record Motion(long id, int year, MotionKind kind, String number, String sessionLabel, String title, String content,
		String proposers, String proposerContact, long leadUnit, LocalDate assignedOn, LocalDate explicitDueOn,
		LocalDate dueOn, String dueRule, MotionStatus status, int round, MotionCategory replyCategory,
		String replyContent, LocalDate repliedOn, Boolean replyLate, String repliedBy, LocalDate firstRepliedOn,
		Boolean firstReplyLate, LocalDate publishDueOn, boolean publishDueProvisional, MotionPublication publication,
		String publicationReason, String publicationSummary, String publishedText, LocalDate publishedOn,
		Instant publishedAt, Integer publishedRound, Boolean publicationLate, String publicationBy, boolean isPublic,
		String withdrawnReason, Instant withdrawnAt, MotionFeedback feedback, String feedbackNote, LocalDate feedbackOn,
		String rehandleReason, LocalDate closedOn, LocalDate missedDueOn, LocalDate rehandledOn, int version, String createdBy, Instant createdAt, Instant updatedAt) {

	/** 第N号 with its kind, e.g. 建议第12号. */
	public String numberLabel() {
		return kind.shortLabel() + "第" + number + "号";
	}

	/** Past its reply deadline and not replied. */
	public boolean overdue(LocalDate today) {
		return status.awaitingReply() && dueOn.isBefore(today);
	}

	/** The reply deadline falls within {@code days} calendar days from today. */
	public boolean dueSoon(LocalDate today, int days) {
		return status.awaitingReply() && !dueOn.isBefore(today) && !dueOn.isAfter(today.plusDays(days));
	}

	/** The deadline a reply of this round is measured against: a deadline moved after it had passed still counts. */
	public LocalDate lateAfter() {
		return missedDueOn != null ? missedDueOn : dueOn;
	}

	/** Replied, and the latest reply has no publication decision yet. */
	public boolean awaitingPublicationDecision() {
		return repliedOn != null && (publication == null || publishedRound == null || publishedRound < round)
				&& !status.awaitingReply();
	}
}
