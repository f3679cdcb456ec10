package org.gongkai.interpretation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What an editor enters for an interpretation. Format errors are refused when it is saved; what each form
 * needs (images, captions, pairs, the event record) when it is submitted.
 *
 * @param interpretingUnit the agency code of the interpreting unit; empty means the first policy's agency
 * @param eventAt date and time of a 发布会, 吹风会 or 在线访谈, in China time
 */
public record InterpretationDraft(String title, InterpretationForm form, String summary, String body, String theme,
		String interpretingUnit, String interpreter, String interpreterTitle, Boolean principalLeader, Boolean followUp,
		String mediaOutlet, LocalDateTime eventAt, String eventPlace, String participants, String mediaUrl,
		String transcript, String repostSource, String repostSourceUrl, LocalDate repostOriginalOn,
		List<Long> documentIds, Map<InterpretationSection, String> sections, List<Interpretation.QaPair> qa) {

	public InterpretationDraft {
		documentIds = documentIds == null ? List.of() : documentIds;
		sections = sections == null ? Map.of() : sections;
		qa = qa == null ? List.of() : qa;
	}
}
