package org.gongkai.interaction;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A public message to an agency's board or to a leader's mailbox. {@code agencyId} is the agency that received
 * it and reviews it; {@code handlingAgencyId} the agency it is assigned to (转办), the receiver until then.
 * The sender's name, phone and e-mail are personal data: shown only to the staff who handle the message.
 */
public record Message(long id, String trackingCode, long agencyId, Long mailboxId, long handlingAgencyId, MessageType type,
		MessageChannel channel, String title, String content, String senderName, String senderPhone, String senderEmail,
		boolean publicAllowed, MessageStatus status, Instant submittedAt, LocalDate submittedOn, LocalDate reviewDueOn,
		LocalDate acceptedOn, String acceptedBy, RejectionReason rejectionReason, String rejectionNote, LocalDate rejectedOn,
		LocalDate dueOn, boolean dueProvisional, int extensionDays, String extensionReason, String extendedBy,
		LocalDate firstRepliedOn, Boolean firstReplyLate, LocalDate repliedOn, LocalDate reopenedOn, String reopenReason,
		String hiddenReason, String hiddenBy, Rating rating, String ratingNote, Instant ratedAt, int trackingFailures,
		int version, Instant updatedAt) {

	/** Shown on public surfaces: replied, the sender allowed it, and staff did not withhold it. */
	public boolean isPublic() {
		return repliedOn != null && publicAllowed && hiddenReason == null
				&& (status == MessageStatus.REPLIED || status == MessageStatus.REOPENED);
	}

	/** Past its reply date and still unanswered. */
	public boolean overdue(LocalDate today) {
		return status.awaitingReply() && dueOn != null && today.isAfter(dueOn);
	}

	/** Still waiting to be reviewed after the review period. */
	public boolean reviewOverdue(LocalDate today) {
		return status == MessageStatus.SUBMITTED && today.isAfter(reviewDueOn);
	}

	/** A changed copy: {@code change} edits a mutable {@link Builder} of this message. */
	Message with(java.util.function.Consumer<Builder> change) {
		Builder b = new Builder(this);
		change.accept(b);
		return b.build();
	}

	/** A mutable copy of a message, for building changed versions of the immutable record. */
	static final class Builder {

		long id;

		String trackingCode;

		long agencyId;

		Long mailboxId;

		long handlingAgencyId;

		MessageType type;

		MessageChannel channel;

		String title;

		String content;

		String senderName;

		String senderPhone;

		String senderEmail;

		boolean publicAllowed;

		MessageStatus status;

		Instant submittedAt;

		LocalDate submittedOn;

		LocalDate reviewDueOn;

		LocalDate acceptedOn;

		String acceptedBy;

		RejectionReason rejectionReason;

		String rejectionNote;

		LocalDate rejectedOn;

		LocalDate dueOn;

		boolean dueProvisional;

		int extensionDays;

		String extensionReason;

		String extendedBy;

		LocalDate firstRepliedOn;

		Boolean firstReplyLate;

		LocalDate repliedOn;

		LocalDate reopenedOn;

		String reopenReason;

		String hiddenReason;

		String hiddenBy;

		Rating rating;

		String ratingNote;

		Instant ratedAt;

		int trackingFailures;

		int version;

		Instant updatedAt;

		Builder(Message m) {
			this.id = m.id();
			this.trackingCode = m.trackingCode();
			this.agencyId = m.agencyId();
			this.mailboxId = m.mailboxId();
			this.handlingAgencyId = m.handlingAgencyId();
			this.type = m.type();
			this.channel = m.channel();
			this.title = m.title();
			this.content = m.content();
			this.senderName = m.senderName();
			this.senderPhone = m.senderPhone();
			this.senderEmail = m.senderEmail();
			this.publicAllowed = m.publicAllowed();
			this.status = m.status();
			this.submittedAt = m.submittedAt();
			this.submittedOn = m.submittedOn();
			this.reviewDueOn = m.reviewDueOn();
			this.acceptedOn = m.acceptedOn();
			this.acceptedBy = m.acceptedBy();
			this.rejectionReason = m.rejectionReason();
			this.rejectionNote = m.rejectionNote();
			this.rejectedOn = m.rejectedOn();
			this.dueOn = m.dueOn();
			this.dueProvisional = m.dueProvisional();
			this.extensionDays = m.extensionDays();
			this.extensionReason = m.extensionReason();
			this.extendedBy = m.extendedBy();
			this.firstRepliedOn = m.firstRepliedOn();
			this.firstReplyLate = m.firstReplyLate();
			this.repliedOn = m.repliedOn();
			this.reopenedOn = m.reopenedOn();
			this.reopenReason = m.reopenReason();
			this.hiddenReason = m.hiddenReason();
			this.hiddenBy = m.hiddenBy();
			this.rating = m.rating();
			this.ratingNote = m.ratingNote();
			this.ratedAt = m.ratedAt();
			this.trackingFailures = m.trackingFailures();
			this.version = m.version();
			this.updatedAt = m.updatedAt();
		}

		Message build() {
			return new Message(id, trackingCode, agencyId, mailboxId, handlingAgencyId, type, channel, title, content, senderName, senderPhone, senderEmail, publicAllowed, status, submittedAt, submittedOn, reviewDueOn, acceptedOn, acceptedBy, rejectionReason, rejectionNote, rejectedOn, dueOn, dueProvisional, extensionDays, extensionReason, extendedBy, firstRepliedOn, firstReplyLate, repliedOn, reopenedOn, reopenReason, hiddenReason, hiddenBy, rating, ratingNote, ratedAt, trackingFailures, version, updatedAt);
		}
	}
}
