package org.gongkai.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A government information item (政府信息) with the metadata of domain-rules.md §4.2 and §9.2.
 *
 * @param indexNumber 索引号: assigned on approval, unique, never changed afterwards
 * @param formedOn 生成日期 (formed or changed): the Art. 26 clock starts here
 * @param publishBy the Art. 26 due date computed from {@code formedOn}, stored with {@code publishByRule}
 * @param nodeIds the catalogue nodes the item is filed under
 */
public record Document(long id, long agencyId, String externalId, String indexNumber, String title, String summary,
		String body, String issuingOrgan, String documentNumber, LocalDate writtenOn, LocalDate formedOn,
		LocalDate publishedOn, Instant publishedAt, String theme, String documentType, String keywords, Validity validity,
		LocalDate validityChangedOn, String validityNote, boolean normative, boolean governmentRule,
		DisclosureAttribute attribute, ExemptionGround exemptionGround, String exemptionReason, DocumentStatus status,
		LocalDate publishBy, String publishByRule, String returnedReason, String withdrawnReason,
		String personalDataConfirmation, String repostSource, String repostSourceUrl, LocalDate repostOriginalOn,
		String correctionNote, int version, String createdBy, Instant createdAt, Instant updatedAt, List<Long> nodeIds) {

	public Document {
		nodeIds = nodeIds == null ? List.of() : List.copyOf(nodeIds);
	}

	public boolean isPublic() {
		return status.isPublic();
	}

	public boolean isRepost() {
		return repostSource != null && !repostSource.isBlank();
	}

	Document with(DocumentStatus newStatus) {
		return new Document(id, agencyId, externalId, indexNumber, title, summary, body, issuingOrgan, documentNumber,
				writtenOn, formedOn, publishedOn, publishedAt, theme, documentType, keywords, validity, validityChangedOn,
				validityNote, normative, governmentRule, attribute, exemptionGround, exemptionReason, newStatus, publishBy,
				publishByRule, returnedReason, withdrawnReason, personalDataConfirmation, repostSource, repostSourceUrl,
				repostOriginalOn, correctionNote, version, createdBy, createdAt, updatedAt, nodeIds);
	}
}
