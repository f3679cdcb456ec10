package org.gongkai.interpretation;

import java.time.Instant;
import java.util.List;

/**
 * A hot topic of public concern (社会关切): where it was detected, when, and the policies it is about.
 * Topics are internal; what the public sees is the published {@link ConcernResponse}.
 */
public record ConcernTopic(long id, long agencyId, String title, Source source, String sourceNote, String description,
		Instant detectedAt, Status status, String createdBy, Instant createdAt, List<Long> documentIds) {

	public ConcernTopic {
		documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
	}

	/** Where the concern surfaced (seed 003 (四): messages, media, inspections). */
	public enum Source {
		MESSAGE("网民留言"), HOTLINE("热线电话"), MEDIA("媒体报道"), NETWORK("网络舆情监测"), INSPECTION("督查检查"),
		DEPUTY("人大代表、政协委员关注"), OTHER("其他");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum Status {
		OPEN("待回应"), RESPONDED("已回应"), CLOSED("已关闭");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
