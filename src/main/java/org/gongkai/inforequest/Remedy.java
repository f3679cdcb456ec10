package org.gongkai.inforequest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An administrative reconsideration or lawsuit about a request (条例 Art. 51; annual-report table 四): directly,
 * or after reconsideration; upheld, corrected, another result, or not yet concluded.
 */
public record Remedy(long id, long requestId, long agencyId, Kind kind, LocalDate filedOn, String body, Result result,
		LocalDate decidedOn, String note, String createdBy, Instant createdAt) {

	public enum Kind {
		RECONSIDERATION("行政复议"), LITIGATION_DIRECT("行政诉讼（未经复议直接起诉）"),
		LITIGATION_AFTER_RECONSIDERATION("行政诉讼（复议后起诉）");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum Result {
		UPHELD("结果维持"), CORRECTED("结果纠正"), OTHER("其他结果"), PENDING("尚未审结");

		private final String label;

		Result(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
