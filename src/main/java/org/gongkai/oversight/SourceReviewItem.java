package org.gongkai.oversight;

import java.time.LocalDate;

import org.gongkai.publication.DisclosureAttribute;
import org.gongkai.publication.DocumentStatus;

/** One item under review with its attribute and state when listed, and the unit's decision. */
public record SourceReviewItem(long id, long reviewId, long documentId, String title, String reference, LocalDate formedOn,
		DisclosureAttribute attribute, DocumentStatus documentStatus, SourceReviewDecision decision, String reason,
		String decidedBy) {

	public String attributeLabel() {
		return attribute == null ? "未定" : attribute.label();
	}
}
