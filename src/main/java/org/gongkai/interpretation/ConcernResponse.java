package org.gongkai.interpretation;

import java.time.Duration;
import java.time.Instant;

/** The authoritative response to a topic of public concern (回应关切), published by the approving leader. */
public record ConcernResponse(long id, long topicId, long agencyId, String title, String body, String channel,
		Status status, Instant publishedAt, String withdrawnReason, String createdBy, Instant createdAt) {

	public enum Status {
		DRAFT("草稿"), PUBLISHED("已发布"), WITHDRAWN("已撤回");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean isPublic() {
		return status == Status.PUBLISHED;
	}

	/** From the topic's detection to this response, in Chinese ("18小时", "2天5小时"). */
	public static String elapsedLabel(Instant detectedAt, Instant respondedAt) {
		if (detectedAt == null || respondedAt == null) {
			return null;
		}
		long hours = Math.max(0, Duration.between(detectedAt, respondedAt).toHours());
		if (hours < 1) {
			return "不到1小时";
		}
		return hours < 24 ? hours + "小时" : hours / 24 + "天" + (hours % 24 == 0 ? "" : hours % 24 + "小时");
	}
}
