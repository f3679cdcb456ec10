package org.gongkai.interpretation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A policy interpretation (政策解读) and the policies it explains.
 *
 * @param agencyId the agency that owns and publishes it
 * @param interpretingUnitId the unit that interprets: by default the policy's drafting unit (谁起草谁解读)
 * @param interpreter the person who interprets (a leader, an expert, a spokesperson)
 * @param principalLeader the agency's principal leader interprets (第一解读人)
 * @param followUp a repeated interpretation while the policy is carried out: never counted late
 * @param dueOn the latest day it was due for its earliest-published policy, set on publication
 * @param dueProvisional {@code dueOn} was counted into a year whose holiday notice was not loaded (recomputed when it is)
 * @param late published after {@code dueOn} (and not a follow-up)
 * @param documentsPublic every linked policy is public; otherwise the interpretation leaves the portal
 */
public record Interpretation(long id, long agencyId, String title, InterpretationForm form, String summary, String body,
		String theme, long interpretingUnitId, String interpreter, String interpreterTitle, boolean principalLeader,
		boolean followUp, String mediaOutlet, Instant eventAt, String eventPlace, String participants, String mediaUrl,
		String transcript, String repostSource, String repostSourceUrl, LocalDate repostOriginalOn,
		InterpretationStatus status, LocalDate publishedOn, Instant publishedAt, LocalDate dueOn, boolean dueProvisional,
		boolean late,
		boolean documentsPublic, String returnedReason, String withdrawnReason, String createdBy, Instant createdAt,
		Instant updatedAt, List<Long> documentIds, Map<InterpretationSection, String> sections, List<QaPair> qa) {

	public Interpretation {
		documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
		sections = sections == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
		qa = qa == null ? List.of() : List.copyOf(qa);
	}

	/** A question and its answer in a 简明问答. */
	public record QaPair(String question, String answer) {
	}

	public boolean isPublic() {
		return status == InterpretationStatus.PUBLISHED && documentsPublic;
	}

	public boolean isRepost() {
		return repostSource != null;
	}
}
