package org.gongkai.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
			+ " lifecycle, published_at, closed_early_on, closed_early_at, withdrawn_at, withdrawal_reason, main_changes,"
			+ " feedback_published_at, created_by, created_at, updated_at";

	private final JdbcClient jdbc;

	ConsultationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- consultations -------------------------------------------------------------------------------------

	long insert(Consultation c) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_consultation (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
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
				+ " closed_early_on = ?, closed_early_at = ?, withdrawn_at = ?, withdrawal_reason = ?, main_changes = ?,"
				+ " feedback_published_at = ?, created_by = ?, created_at = ?, updated_at = ? WHERE id = ?")
			.params(all)
			.update();
	}

	private static Object[] values(Consultation c) {
		return new Object[] { c.agencyId(), c.title(), c.draft(), c.basis(), c.explanation(), c.opensOn(), c.closesOn(),
				c.shortReason(), c.channelEmail(), c.channelPost(), c.channelFax(), c.channelPhone(), c.decisionId(),
				c.nameRule().name(), c.contactRule().name(), c.commentsPublic(), c.lifecycle(), ts(c.publishedAt()),
				c.closedEarlyOn(), ts(c.closedEarlyAt()), ts(c.withdrawnAt()), c.withdrawalReason(), c.mainChanges(),
				ts(c.feedbackPublishedAt()), c.createdBy(), ts(c.createdAt()), ts(c.updatedAt()) };
	}

	Optional<Consultation> find(long id) {
		return jdbc.sql("SELECT * FROM pt_consultation WHERE id = ?").param(id).query(ConsultationStore::row).optional();
	}

	/** The consultation, locked for a change in this transaction. */
	Optional<Consultation> lock(long id) {
		return jdbc.sql("SELECT * FROM pt_consultation WHERE id = ? FOR UPDATE").param(id).query(ConsultationStore::row).optional();
	}

	/** Published consultations (not withdrawn), of one agency or of all; newest first. */
	List<Consultation> published(Long agencyId) {
		String sql = "SELECT * FROM pt_consultation WHERE lifecycle = 'PUBLISHED'"
				+ (agencyId == null ? "" : " AND agency_id = ?") + " ORDER BY opens_on DESC, id DESC";
		JdbcClient.StatementSpec spec = jdbc.sql(sql);
		if (agencyId != null) {
			spec = spec.param(agencyId);
		}
		return spec.query(ConsultationStore::row).list();
	}

	/** Every consultation of the given agencies, newest first. */
	List<Consultation> ofAgencies(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM pt_consultation WHERE agency_id IN (:ids) ORDER BY created_at DESC, id DESC")
			.param("ids", agencyIds)
			.query(ConsultationStore::row)
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
				date(rs, "closed_early_on"), instant(rs, "closed_early_at"), instant(rs, "withdrawn_at"),
				rs.getString("withdrawal_reason"), rs.getString("main_changes"), instant(rs, "feedback_published_at"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	// ---- comments ------------------------------------------------------------------------------------------

	long insertComment(Comment c) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_consultation_comment (consultation_id, article_no, content, commenter_name, commenter_contact,"
				+ " channel, status, submitted_at) VALUES (?,?,?,?,?,?,?,?)")
			.params(c.consultationId(), c.article(), c.content(), c.name(), c.contact(), c.channel(), c.status().name(),
					ts(c.submittedAt()))
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
				instant(rs, "submitted_at"));
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

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}
}
