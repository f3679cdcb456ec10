package org.gongkai.participation;

import static org.gongkai.platform.Rows.date;
import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of consultations, their comments and the adoption feedback ({@code pt_consultation*}). */
@Repository
class ConsultationStore {

	private static final String COLUMNS = "agency_id, title, draft, basis, explanation, opens_on, closes_on, short_reason,"
			+ " channel_email, channel_post, channel_fax, channel_phone, decision_id, name_rule, contact_rule, comments_public,"
			+ " lifecycle, published_at, closed_early_on, closed_early_at, closed_early_reason, withdrawn_at, withdrawal_reason,"
			+ " main_changes, feedback_published_at, created_by, created_at, updated_at";

	private final JdbcClient jdbc;

	ConsultationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- consultations -------------------------------------------------------------------------------------

	long insert(Consultation c) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_consultation (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(values(c))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(Consultation c) {
		Object[] v = values(c);
		Object[] all = java.util.Arrays.copyOf(v, v.length + 1);
		all[v.length] = c.id();
		jdbc.sql("UPDATE pt_consultation SET agency_id = ?, title = ?, draft = ?, basis = ?, explanation = ?, opens_on = ?,"
				+ " closes_on = ?, short_reason = ?, channel_email = ?, channel_post = ?, channel_fax = ?, channel_phone = ?,"
				+ " decision_id = ?, name_rule = ?, contact_rule = ?, comments_public = ?, lifecycle = ?, published_at = ?,"
				+ " closed_early_on = ?, closed_early_at = ?, closed_early_reason = ?, withdrawn_at = ?, withdrawal_reason = ?, main_changes = ?,"
				+ " feedback_published_at = ?, created_by = ?, created_at = ?, updated_at = ? WHERE id = ?")
			.params(all)
			.update();
	}

	private static Object[] values(Consultation c) {
		return new Object[] { c.agencyId(), c.title(), c.draft(), c.basis(), c.explanation(), c.opensOn(), c.closesOn(),
				c.shortReason(), c.channelEmail(), c.channelPost(), c.channelFax(), c.channelPhone(), c.decisionId(),
				c.nameRule().name(), c.contactRule().name(), c.commentsPublic(), c.lifecycle(), ts(c.publishedAt()),
				c.closedEarlyOn(), ts(c.closedEarlyAt()), c.closedEarlyReason(), ts(c.withdrawnAt()), c.withdrawalReason(), c.mainChanges(),
				ts(c.feedbackPublishedAt()), c.createdBy(), ts(c.createdAt()), ts(c.updatedAt()) };
	}

	Optional<Consultation> find(long id) {
		return jdbc.sql("SELECT * FROM pt_consultation WHERE id = ?").param(id).query(ConsultationStore::row).optional();
	}

	/** The consultation, locked for a change in this transaction. */
	Optional<Consultation> lock(long id) {
		return jdbc.sql("SELECT * FROM pt_consultation WHERE id = ? FOR UPDATE").param(id).query(ConsultationStore::row).optional();
	}

	/** The columns of a list row: everything but the long texts (draft, basis, explanation, main changes). */
	private static final String SUMMARY = "id, agency_id, title, opens_on, closes_on, short_reason, channel_email, channel_post,"
			+ " channel_fax, channel_phone, decision_id, name_rule, contact_rule, comments_public, lifecycle, published_at,"
			+ " closed_early_on, closed_early_at, closed_early_reason, withdrawn_at, withdrawal_reason, feedback_published_at,"
			+ " created_by, created_at, updated_at";

	/** 0 open, 1 not started, 2 ended (with or without feedback), as {@link ConsultationRules#status} on :today. */
	private static final String RANK = "CASE WHEN feedback_published_at IS NOT NULL OR closed_early_on IS NOT NULL"
			+ " OR closes_on < :today THEN 2 WHEN opens_on > :today THEN 1 ELSE 0 END";

	private static final String EFFECTIVE_END = "CASE WHEN closed_early_on IS NOT NULL AND closed_early_on < closes_on"
			+ " THEN closed_early_on ELSE closes_on END";

	/**
	 * A page of published consultations (not withdrawn) as list rows without the long texts, of one agency or all,
	 * optionally of one state on {@code today}: open ones first (the nearest closing first), then those not started (the
	 * nearest opening first), then ended ones (the latest ending first). {@code CLOSED} includes those with published
	 * feedback unless {@code exact}.
	 */
	List<Consultation> publicPage(Long agencyId, ConsultationStatus only, boolean exact, LocalDate today, long offset, int limit) {
		String sql = "SELECT " + SUMMARY + " FROM pt_consultation" + where(agencyId, only, exact) + " ORDER BY " + RANK + ", CASE WHEN "
				+ RANK + " = 0 THEN closes_on END, CASE WHEN " + RANK + " = 1 THEN opens_on END, CASE WHEN " + RANK + " = 2 THEN "
				+ EFFECTIVE_END + " END DESC, id DESC LIMIT :limit OFFSET :offset";
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param("today", today).param("limit", limit).param("offset", offset);
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		return spec.query(ConsultationStore::summaryRow).list();
	}

	/**
	 * Published consultations whose state changed with the day {@code today}: opened today, or ended yesterday at the
	 * end of their last day (an early close is a staff step with its own event); feedback not yet published.
	 */
	List<Consultation> openedOrClosedOn(LocalDate today) {
		return jdbc.sql("SELECT " + SUMMARY + " FROM pt_consultation WHERE lifecycle = 'PUBLISHED' AND feedback_published_at IS NULL"
				+ " AND ((opens_on = :today AND closed_early_on IS NULL) OR (closes_on = :yesterday AND closed_early_on IS NULL))"
				+ " ORDER BY id")
			.param("today", today)
			.param("yesterday", today.minusDays(1))
			.query(ConsultationStore::summaryRow)
			.list();
	}

	/** How many consultations {@link #publicPage} pages through. */
	long publicCount(Long agencyId, ConsultationStatus only, boolean exact, LocalDate today) {
		JdbcClient.StatementSpec spec = jdbc.sql("SELECT COUNT(*) FROM pt_consultation" + where(agencyId, only, exact))
			.param("today", today);
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		return spec.query(Long.class).single();
	}

	private static String where(Long agencyId, ConsultationStatus only, boolean exact) {
		StringBuilder w = new StringBuilder(" WHERE lifecycle = 'PUBLISHED'");
		if (agencyId != null) {
			w.append(" AND agency_id = :agency");
		}
		if (only != null) {
			w.append(switch (only) {
				case OPEN -> " AND " + RANK + " = 0";
				case NOT_STARTED -> " AND " + RANK + " = 1";
				case CLOSED -> exact ? " AND feedback_published_at IS NULL AND " + RANK + " = 2" : " AND " + RANK + " = 2";
				case FEEDBACK_PUBLISHED -> " AND feedback_published_at IS NOT NULL";
				default -> " AND 1 = 0";
			});
		}
		return w.toString();
	}

	/** Every consultation of the given agencies as list rows without the long texts, newest first. */
	List<Consultation> ofAgencies(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + SUMMARY + " FROM pt_consultation WHERE agency_id IN (:ids) ORDER BY created_at DESC, id DESC")
			.param("ids", agencyIds)
			.query(ConsultationStore::summaryRow)
			.list();
	}

	List<Consultation> referencingDecision(long decisionId) {
		return jdbc.sql("SELECT * FROM pt_consultation WHERE decision_id = ? ORDER BY id DESC")
			.param(decisionId)
			.query(ConsultationStore::row)
			.list();
	}

	private static Consultation row(ResultSet rs, int n) throws SQLException {
		long decision = rs.getLong("decision_id");
		Long decisionId = rs.wasNull() ? null : decision;
		return new Consultation(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"), rs.getString("draft"),
				rs.getString("basis"), rs.getString("explanation"), date(rs, "opens_on"), date(rs, "closes_on"),
				rs.getString("short_reason"), rs.getString("channel_email"), rs.getString("channel_post"),
				rs.getString("channel_fax"), rs.getString("channel_phone"), decisionId,
				ConsultationFieldRule.valueOf(rs.getString("name_rule")), ConsultationFieldRule.valueOf(rs.getString("contact_rule")),
				rs.getBoolean("comments_public"), rs.getString("lifecycle"), instant(rs, "published_at"),
				date(rs, "closed_early_on"), instant(rs, "closed_early_at"), rs.getString("closed_early_reason"),
				instant(rs, "withdrawn_at"),
				rs.getString("withdrawal_reason"), rs.getString("main_changes"), instant(rs, "feedback_published_at"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	/** A list row: the long texts are left null (see {@link #SUMMARY}). */
	private static Consultation summaryRow(ResultSet rs, int n) throws SQLException {
		long decision = rs.getLong("decision_id");
		Long decisionId = rs.wasNull() ? null : decision;
		return new Consultation(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"), null, null, null,
				date(rs, "opens_on"), date(rs, "closes_on"), rs.getString("short_reason"), rs.getString("channel_email"),
				rs.getString("channel_post"), rs.getString("channel_fax"), rs.getString("channel_phone"), decisionId,
				ConsultationFieldRule.valueOf(rs.getString("name_rule")), ConsultationFieldRule.valueOf(rs.getString("contact_rule")),
				rs.getBoolean("comments_public"), rs.getString("lifecycle"), instant(rs, "published_at"),
				date(rs, "closed_early_on"), instant(rs, "closed_early_at"), rs.getString("closed_early_reason"),
				instant(rs, "withdrawn_at"), rs.getString("withdrawal_reason"), null, instant(rs, "feedback_published_at"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	// ---- comments ------------------------------------------------------------------------------------------

	/**
	 * The tallies of the given consultations from one grouped query: comments per consultation, state and the outcome
	 * of their answer. A consultation without comments is absent.
	 */
	java.util.Map<Long, ConsultationTally> tallies(Collection<Long> consultationIds) {
		java.util.Map<Long, long[]> counts = new java.util.HashMap<>();
		if (consultationIds.isEmpty()) {
			return java.util.Map.of();
		}
		jdbc.sql("SELECT c.consultation_id, c.status, f.outcome, COUNT(*) AS n FROM pt_consultation_comment c"
				+ " LEFT JOIN pt_consultation_feedback f ON f.id = c.feedback_id WHERE c.consultation_id IN (:ids)"
				+ " GROUP BY c.consultation_id, c.status, f.outcome")
			.param("ids", consultationIds)
			.query(rs -> {
				// received, pending, accepted, rejected, adopted, partly, not, unanswered
				long[] t = counts.computeIfAbsent(rs.getLong("consultation_id"), k -> new long[8]);
				long n = rs.getLong("n");
				t[0] += n;
				switch (CommentStatus.valueOf(rs.getString("status"))) {
					case PENDING -> t[1] += n;
					case REJECTED -> t[3] += n;
					case ACCEPTED -> {
						t[2] += n;
						String outcome = rs.getString("outcome");
						int i = outcome == null ? 7 : switch (AdoptionFeedbackOutcome.valueOf(outcome)) {
							case ADOPTED -> 4;
							case PARTLY_ADOPTED -> 5;
							case NOT_ADOPTED -> 6;
						};
						t[i] += n;
					}
				}
			});
		java.util.Map<Long, ConsultationTally> out = new java.util.HashMap<>();
		counts.forEach((id, t) -> out.put(id, new ConsultationTally(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7])));
		return out;
	}

	long insertComment(Comment c) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_consultation_comment (consultation_id, article_no, content, commenter_name, commenter_contact,"
				+ " channel, status, moderated_by, moderated_at, submitted_at, received_on) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
			.params(c.consultationId(), c.article(), c.content(), c.name(), c.contact(), c.channel(), c.status().name(),
					c.moderatedBy(), ts(c.moderatedAt()), ts(c.submittedAt()), c.receivedOn())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Comment> comment(long id) {
		return jdbc.sql("SELECT * FROM pt_consultation_comment WHERE id = ?").param(id).query(ConsultationStore::commentRow).optional();
	}

	List<Comment> comments(long consultationId) {
		return jdbc.sql("SELECT * FROM pt_consultation_comment WHERE consultation_id = ? ORDER BY submitted_at, id")
			.param(consultationId)
			.query(ConsultationStore::commentRow)
			.list();
	}

	/** Whether the same text was sent on the consultation since the given moment. */
	boolean duplicateSince(long consultationId, String content, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM pt_consultation_comment WHERE consultation_id = ? AND content = ? AND submitted_at >= ?")
			.params(consultationId, content, ts(since))
			.query(Long.class)
			.single() > 0;
	}

	void moderate(long commentId, CommentStatus status, CommentRejection reason, String note, String by, Instant at) {
		jdbc.sql("UPDATE pt_consultation_comment SET status = ?, rejection_reason = ?, rejection_note = ?, moderated_by = ?,"
				+ " moderated_at = ? WHERE id = ?")
			.params(status.name(), reason == null ? null : reason.name(), note, by, ts(at), commentId)
			.update();
	}

	void assignFeedback(long commentId, Long feedbackId) {
		jdbc.sql("UPDATE pt_consultation_comment SET feedback_id = ? WHERE id = ?").params(feedbackId, commentId).update();
	}

	/** Pending comments per consultation, for the given consultations. */
	java.util.Map<Long, Long> pendingCounts() {
		java.util.Map<Long, Long> out = new java.util.HashMap<>();
		jdbc.sql("SELECT consultation_id, COUNT(*) AS n FROM pt_consultation_comment WHERE status = 'PENDING' GROUP BY consultation_id")
			.query(rs -> {
				out.put(rs.getLong("consultation_id"), rs.getLong("n"));
			});
		return out;
	}

	private static Comment commentRow(ResultSet rs, int n) throws SQLException {
		int article = rs.getInt("article_no");
		Integer articleNo = rs.wasNull() ? null : article;
		long feedback = rs.getLong("feedback_id");
		Long feedbackId = rs.wasNull() ? null : feedback;
		String reason = rs.getString("rejection_reason");
		return new Comment(rs.getLong("id"), rs.getLong("consultation_id"), articleNo, rs.getString("content"),
				rs.getString("commenter_name"), rs.getString("commenter_contact"), rs.getString("channel"),
				CommentStatus.valueOf(rs.getString("status")), reason == null ? null : CommentRejection.valueOf(reason),
				rs.getString("rejection_note"), rs.getString("moderated_by"), instant(rs, "moderated_at"), feedbackId,
				instant(rs, "submitted_at"), date(rs, "received_on"));
	}

	// ---- feedback ------------------------------------------------------------------------------------------

	long insertFeedback(AdoptionFeedback f) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_consultation_feedback (consultation_id, topic, outcome, reason, created_by, created_at)"
				+ " VALUES (?,?,?,?,?,?)")
			.params(f.consultationId(), f.topic(), f.outcome().name(), f.reason(), f.createdBy(), ts(f.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<AdoptionFeedback> feedback(long id) {
		return jdbc.sql("SELECT * FROM pt_consultation_feedback WHERE id = ?").param(id).query(ConsultationStore::feedbackRow).optional();
	}

	List<AdoptionFeedback> feedbacks(long consultationId) {
		return jdbc.sql("SELECT * FROM pt_consultation_feedback WHERE consultation_id = ? ORDER BY id")
			.param(consultationId)
			.query(ConsultationStore::feedbackRow)
			.list();
	}

	void deleteFeedback(long id) {
		jdbc.sql("UPDATE pt_consultation_comment SET feedback_id = NULL WHERE feedback_id = ?").param(id).update();
		jdbc.sql("DELETE FROM pt_consultation_feedback WHERE id = ?").param(id).update();
	}

	private static AdoptionFeedback feedbackRow(ResultSet rs, int n) throws SQLException {
		return new AdoptionFeedback(rs.getLong("id"), rs.getLong("consultation_id"), rs.getString("topic"),
				AdoptionFeedbackOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"), rs.getString("created_by"),
				instant(rs, "created_at"));
	}

	// ---- attachments ---------------------------------------------------------------------------------------

	long insertAttachment(ConsultationAttachment a) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_consultation_attachment (consultation_id, file_name, content_type, size_bytes, storage_key,"
				+ " created_by, created_at) VALUES (?,?,?,?,?,?,?)")
			.params(a.consultationId(), a.fileName(), a.contentType(), a.sizeBytes(), a.storageKey(), a.createdBy(),
					ts(a.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ConsultationAttachment> attachment(long id) {
		return jdbc.sql("SELECT * FROM pt_consultation_attachment WHERE id = ?").param(id).query(ConsultationStore::attachmentRow).optional();
	}

	List<ConsultationAttachment> attachments(long consultationId) {
		return jdbc.sql("SELECT * FROM pt_consultation_attachment WHERE consultation_id = ? ORDER BY id")
			.param(consultationId)
			.query(ConsultationStore::attachmentRow)
			.list();
	}

	void deleteAttachment(long id) {
		jdbc.sql("DELETE FROM pt_consultation_attachment WHERE id = ?").param(id).update();
	}

	private static ConsultationAttachment attachmentRow(ResultSet rs, int n) throws SQLException {
		return new ConsultationAttachment(rs.getLong("id"), rs.getLong("consultation_id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("storage_key"), rs.getString("created_by"),
				instant(rs, "created_at"));
	}

	// ---- helpers -------------------------------------------------------------------------------------------

}
