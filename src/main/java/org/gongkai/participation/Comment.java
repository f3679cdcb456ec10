package org.gongkai.participation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One comment of the public on a consultation: on the whole draft ({@code article} null) or on one article (its number
 * in the draft, from 1). The commenter's name and contact are personal data and never public; only the drafting
 * agency's staff see them. {@code receivedOn} is the day a comment sent by e-mail, letter, fax or telephone reached the
 * agency (recorded by staff), null for the online form and the API.
 */
public record Comment(long id, long consultationId, Integer article, String content, String name, String contact,
		String channel, CommentStatus status, CommentRejection rejectionReason, String rejectionNote, String moderatedBy,
		Instant moderatedAt, Long feedbackId, Instant submittedAt, LocalDate receivedOn) {

	/** The channels of comments staff record from outside the platform (announced on the consultation's page). */
	static final java.util.List<String> OFFLINE_CHANNELS = java.util.List.of("EMAIL", "POST", "FAX", "PHONE");

	/** 网上 / 接口 / 电子邮件 / 信函 / 传真 / 电话. */
	public String channelLabel() {
		return switch (channel) {
			case "WEB" -> "网上提交";
			case "API" -> "接口提交";
			case "EMAIL" -> "电子邮件";
			case "POST" -> "信函";
			case "FAX" -> "传真";
			case "PHONE" -> "电话";
			default -> channel;
		};
	}
}
