package org.gongkai.oversight;

import java.time.Instant;

/**
 * A unit's January source review of the items it made or obtained in {@code year}, or its November self-check of the
 * items still not public in {@code year}; submitted to the supervisor when every item is decided.
 */
public record SourceReview(long id, long agencyId, SourceReviewKind kind, int year, boolean submitted, String summary,
		String submittedBy, Instant submittedAt, String createdBy) {

	public String title() {
		return kind == SourceReviewKind.JANUARY ? year + "年度信息源头梳理" : year + "年11月未公开信息自查";
	}
}
