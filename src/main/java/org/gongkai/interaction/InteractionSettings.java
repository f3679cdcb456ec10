package org.gongkai.interaction;

/**
 * An agency's periods for messages, in working days except the reopening window (calendar days after the
 * reply). Defaults: 5 working days to reply to every type (the common 政府网站 practice: seed 004 reports replies
 * 「均在5个工作日内完成」), 2 to review, at most 5 more on extension.
 */
public record InteractionSettings(long agencyId, int consultationDays, int suggestionDays, int complaintDays, int helpDays,
		int reviewDays, int maxExtensionDays, int reopenWindowDays) {

	public static InteractionSettings defaults(long agencyId) {
		return new InteractionSettings(agencyId, 5, 5, 5, 5, 2, 5, 15);
	}

	/** The reply period of a message type, in working days from acceptance. */
	public int replyDays(MessageType type) {
		return switch (type) {
			case CONSULTATION -> consultationDays;
			case SUGGESTION -> suggestionDays;
			case COMPLAINT -> complaintDays;
			case HELP -> helpDays;
		};
	}
}
