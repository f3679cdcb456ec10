package org.gongkai.participation;

/**
 * One participation record as another kind of record, the column or a staff picker sees it: enough to name it and
 * link to it, never its content.
 *
 * @param kind the kind's key ({@link ParticipationKind#kind()})
 * @param id the record's id within its kind
 * @param agencyId the agency that owns the record
 * @param title the record's title as published
 * @param path the record's public address ({@code /participation/...}); meaningful only when {@code isPublic}
 * @param isPublic whether the record is on the portal now: a link to a record that is not is never shown in public
 * @param status the record's state as the public reads it (征集中, 已反馈, 已决策, ...)
 * @param note one line the column shows under the title: a countdown, the adoption figures, the meeting date; may
 *     be empty
 */
record ParticipationLink(String kind, long id, long agencyId, String title, String path, boolean isPublic, String status,
		String note) {

	ParticipationLink {
		note = note == null ? "" : note;
		status = status == null ? "" : status;
	}
}
