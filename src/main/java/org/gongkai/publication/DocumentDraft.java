package org.gongkai.publication;

import java.time.LocalDate;
import java.util.List;

/**
 * The editable content of an item, as a drafter, the console form or the OA system supplies it.
 * Raw input: {@link DocumentManagement} validates it.
 *
 * @param catalogNodes codes of the agency's catalogue nodes
 */
public record DocumentDraft(String title, String summary, String body, String issuingOrgan, String documentNumber,
		LocalDate writtenOn, LocalDate formedOn, String theme, String documentType, String keywords, Boolean normative,
		Boolean governmentRule, List<String> catalogNodes, DisclosureAttribute attribute, ExemptionGround exemptionGround,
		String exemptionReason, String repostSource, String repostSourceUrl, LocalDate repostOriginalOn) {

	public DocumentDraft {
		catalogNodes = catalogNodes == null ? List.of() : List.copyOf(catalogNodes);
	}
}
