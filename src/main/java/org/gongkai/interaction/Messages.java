package org.gongkai.interaction;

import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of messages, replies, supervisions, history, mailboxes and settings (tables {@code ia_*}). */
@Repository
class Messages {

	private static final String COLUMNS = "tracking_code, agency_id, mailbox_id, handling_agency_id, type, channel, title, content, sender_name, sender_phone, sender_email, public_allowed, status, submitted_at, submitted_on, review_due_on, accepted_on, accepted_by, rejection_reason, rejection_note, rejected_on, due_on, due_provisional, extension_days, extension_reason, extended_by, first_replied_on, first_reply_late, replied_on, reopened_on, reopen_reason, hidden_reason, hidden_by, rating, rating_note, rated_at, tracking_failures, version, updated_at";

	private static final int COLUMN_COUNT = COLUMNS.split(", ").length;

	private final JdbcClient jdbc;

	Messages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- messages ------------------------------------------------------------------------------------

	long insert(Message m) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ia_message (" + COLUMNS + ") VALUES (" + "?,".repeat(COLUMN_COUNT - 1) + "?)")
			.params(values(m))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Saves a message read with {@link #lock}; the version rises by one. */
	void update(Message m) {
		List<Object> params = values(m);
		params.set(params.size() - 2, m.version() + 1);
		params.add(m.id());
		params.add(m.version());
		int n = jdbc.sql("UPDATE ia_message SET " + String.join(" = ?, ", COLUMNS.split(", ")) + " = ? WHERE id = ? AND version = ?")
			.params(params)
			.update();
		if (n != 1) {
			throw new IllegalStateException("message " + m.id() + " changed while it was being saved");
		}
	}

	private static List<Object> values(Message m) {
		List<Object> v = new ArrayList<>();
		v.add(m.trackingCode());
		v.add(m.agencyId());
		v.add(m.mailboxId());
		v.add(m.handlingAgencyId());
		v.add(m.type().name());
		v.add(m.channel().name());
		v.add(m.title());
		v.add(m.content());
		v.add(m.senderName());
		v.add(m.senderPhone());
		v.add(m.senderEmail());
		v.add(m.publicAllowed());
		v.add(m.status().name());
		v.add(ts(m.submittedAt()));
		v.add(m.submittedOn());
		v.add(m.reviewDueOn());
		v.add(m.acceptedOn());
		v.add(m.acceptedBy());
		v.add(m.rejectionReason() == null ? null : m.rejectionReason().name());
		v.add(m.rejectionNote());
		v.add(m.rejectedOn());
		v.add(m.dueOn());
		v.add(m.dueProvisional());
		v.add(m.extensionDays());
		v.add(m.extensionReason());
		v.add(m.extendedBy());
		v.add(m.firstRepliedOn());
		v.add(m.firstReplyLate());
		v.add(m.repliedOn());
		v.add(m.reopenedOn());
		v.add(m.reopenReason());
		v.add(m.hiddenReason());
		v.add(m.hiddenBy());
		v.add(m.rating() == null ? null : m.rating().name());
		v.add(m.ratingNote());
		v.add(ts(m.ratedAt()));
		v.add(m.trackingFailures());
		v.add(m.version());
		v.add(ts(m.updatedAt()));
		return v;
	}

	Optional<Message> find(long id) {
		return jdbc.sql("SELECT * FROM ia_message WHERE id = ?").param(id).query(Messages::message).optional();
	}

	/** Reads a message for change, holding its row until the transaction ends. */
	Optional<Message> lock(long id) {
		return jdbc.sql("SELECT * FROM ia_message WHERE id = ? FOR UPDATE").param(id).query(Messages::message).optional();
	}

	Optional<Message> findByCode(String code) {
		return jdbc.sql("SELECT * FROM ia_message WHERE tracking_code = ?").param(code).query(Messages::message).optional();
	}

	boolean codeExists(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM ia_message WHERE tracking_code = ?").param(code).query(Long.class).single() > 0;
	}

	/** The same sender sent the same text since {@code since}: a double submission. */
	boolean duplicateSince(String phone, String content, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM ia_message WHERE sender_phone = ? AND content = ? AND submitted_at >= ?")
			.params(phone, content, ts(since))
			.query(Long.class)
			.single() > 0;
	}

	/** A wrong verifier for this tracking code; the tenth in a row locks the code for an hour. */
	void trackingFailed(long id, Instant now) {
		jdbc.sql("UPDATE ia_message SET tracking_failures = tracking_failures + 1 WHERE id = ?").param(id).update();
		jdbc.sql("UPDATE ia_message SET tracking_failures = 0, tracking_locked_until = ? WHERE id = ? AND tracking_failures >= 10")
			.params(ts(now.plus(java.time.Duration.ofHours(1))), id)
			.update();
	}

	void trackingSucceeded(long id) {
		jdbc.sql("UPDATE ia_message SET tracking_failures = 0 WHERE id = ? AND tracking_failures > 0").param(id).update();
	}

	/** Whether the tracking code is locked after repeated wrong verifiers. */
	boolean trackingLocked(long id, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM ia_message WHERE id = ? AND tracking_locked_until > ?")
			.params(id, ts(now))
			.query(Integer.class)
			.single() > 0;
	}

	/** Messages waiting for review (their review dates are recounted when a year is loaded). */
	List<Message> awaitingReview() {
		return jdbc.sql("SELECT * FROM ia_message WHERE status = 'SUBMITTED' ORDER BY id").query(Messages::message).list();
	}

	void updateReplyDue(long replyId, LocalDate dueOn, boolean late) {
		jdbc.sql("UPDATE ia_reply SET due_on = ?, late = ? WHERE id = ?").params(dueOn, late, replyId).update();
	}

	/** A staff queue: messages received by or assigned to the given agencies. */
	List<Message> queue(Collection<Long> agencyIds, MessageStatus status, MessageType type, boolean openOnly, long offset,
			int limit) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT * FROM ia_message WHERE (agency_id IN (:ids) OR handling_agency_id IN (:ids))");
		if (status != null) {
			sql.append(" AND status = :status");
		}
		if (type != null) {
			sql.append(" AND type = :type");
		}
		if (openOnly) {
			sql.append(" AND status IN ('SUBMITTED', 'ACCEPTED', 'REOPENED')");
		}
		sql.append(" ORDER BY submitted_at DESC, id DESC LIMIT :limit OFFSET :offset");
		var spec = jdbc.sql(sql.toString()).param("ids", agencyIds).param("limit", limit).param("offset", offset);
		if (status != null) {
			spec = spec.param("status", status.name());
		}
		if (type != null) {
			spec = spec.param("type", type.name());
		}
		return spec.query(Messages::message).list();
	}

	int countQueue(Collection<Long> agencyIds, MessageStatus status, MessageType type, boolean openOnly) {
		if (agencyIds.isEmpty()) {
			return 0;
		}
		StringBuilder sql = new StringBuilder(
				"SELECT COUNT(*) FROM ia_message WHERE (agency_id IN (:ids) OR handling_agency_id IN (:ids))");
		if (status != null) {
			sql.append(" AND status = :status");
		}
		if (type != null) {
			sql.append(" AND type = :type");
		}
		if (openOnly) {
			sql.append(" AND status IN ('SUBMITTED', 'ACCEPTED', 'REOPENED')");
		}
		var spec = jdbc.sql(sql.toString()).param("ids", agencyIds);
		if (status != null) {
			spec = spec.param("status", status.name());
		}
		if (type != null) {
			spec = spec.param("type", type.name());
		}
		return spec.query(Long.class).single().intValue();
	}

	/** Every message awaiting an answer (the sweep and the 3-month watch). */
	List<Message> awaitingReply() {
		return jdbc.sql("SELECT * FROM ia_message WHERE status IN ('SUBMITTED', 'ACCEPTED', 'REOPENED') ORDER BY submitted_on, id")
			.query(Messages::message)
			.list();
	}

	/** Messages whose due date was counted provisionally (a year without its holiday notice). */
	List<Message> provisional() {
		return jdbc.sql("SELECT * FROM ia_message WHERE due_provisional = TRUE").query(Messages::message).list();
	}

	private static final String PUBLIC_WHERE = " WHERE m.replied_on IS NOT NULL AND m.public_allowed = TRUE AND m.hidden_reason IS NULL AND m.status IN ('REPLIED', 'REOPENED')";

	/** Public messages, newest reply first; {@code agencyId} matches the receiving or the handling agency. */
	List<Message> publicMessages(Long agencyId, MessageType type, Long mailboxId, long offset, int limit) {
		StringBuilder sql = new StringBuilder("SELECT m.* FROM ia_message m" + PUBLIC_WHERE);
		appendPublicFilters(sql, agencyId, type, mailboxId);
		sql.append(" ORDER BY m.replied_on DESC, m.id DESC LIMIT :limit OFFSET :offset");
		var spec = publicParams(jdbc.sql(sql.toString()), agencyId, type, mailboxId).param("limit", limit).param("offset", offset);
		return spec.query(Messages::message).list();
	}

	int countPublic(Long agencyId, MessageType type, Long mailboxId) {
		StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ia_message m" + PUBLIC_WHERE);
		appendPublicFilters(sql, agencyId, type, mailboxId);
		return publicParams(jdbc.sql(sql.toString()), agencyId, type, mailboxId).query(Long.class).single().intValue();
	}

	/** The ids and agencies of every public message (sitemap, search rebuild). */
	List<long[]> publicIds() {
		return jdbc.sql("SELECT m.id, m.handling_agency_id FROM ia_message m" + PUBLIC_WHERE + " ORDER BY m.id")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	private static void appendPublicFilters(StringBuilder sql, Long agencyId, MessageType type, Long mailboxId) {
		if (agencyId != null) {
			sql.append(" AND (m.agency_id = :agency OR m.handling_agency_id = :agency)");
		}
		if (type != null) {
			sql.append(" AND m.type = :type");
		}
		if (mailboxId != null) {
			sql.append(" AND m.mailbox_id = :mailbox");
		}
	}

	private static JdbcClient.StatementSpec publicParams(JdbcClient.StatementSpec spec, Long agencyId, MessageType type,
			Long mailboxId) {
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		if (type != null) {
			spec = spec.param("type", type.name());
		}
		if (mailboxId != null) {
			spec = spec.param("mailbox", mailboxId);
		}
		return spec;
	}

	/** Messages submitted from {@code from} (inclusive) to {@code to} (exclusive): the cohort of a statistics period. */
	List<Message> submittedBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT * FROM ia_message WHERE submitted_on >= ? AND submitted_on < ? ORDER BY id")
			.params(from, to)
			.query(Messages::message)
			.list();
	}

	static Message message(ResultSet rs, int row) throws SQLException {
		String rejection = rs.getString("rejection_reason");
		String rating = rs.getString("rating");
		long mailbox = rs.getLong("mailbox_id");
		Long mailboxId = rs.wasNull() ? null : mailbox;
		boolean late = rs.getBoolean("first_reply_late");
		Boolean firstLate = rs.wasNull() ? null : late;
		return new Message(rs.getLong("id"), rs.getString("tracking_code"), rs.getLong("agency_id"), mailboxId,
				rs.getLong("handling_agency_id"), MessageType.valueOf(rs.getString("type")),
				MessageChannel.valueOf(rs.getString("channel")), rs.getString("title"), rs.getString("content"),
				rs.getString("sender_name"), rs.getString("sender_phone"), rs.getString("sender_email"),
				rs.getBoolean("public_allowed"), MessageStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"),
				date(rs, "submitted_on"), date(rs, "review_due_on"), date(rs, "accepted_on"), rs.getString("accepted_by"),
				rejection == null ? null : RejectionReason.valueOf(rejection), rs.getString("rejection_note"),
				date(rs, "rejected_on"), date(rs, "due_on"), rs.getBoolean("due_provisional"), rs.getInt("extension_days"),
				rs.getString("extension_reason"), rs.getString("extended_by"), date(rs, "first_replied_on"), firstLate,
				date(rs, "replied_on"), date(rs, "reopened_on"), rs.getString("reopen_reason"), rs.getString("hidden_reason"),
				rs.getString("hidden_by"), rating == null ? null : Rating.valueOf(rating), rs.getString("rating_note"),
				instant(rs, "rated_at"), rs.getInt("tracking_failures"), rs.getInt("version"), instant(rs, "updated_at"));
	}

	/** The marker left where a sender's name and contact were erased after the retention period. */
	static final String ERASED = "（已删除）";

	/**
	 * Erases the sender's name, phone and e-mail of every finished message (answered or rejected) whose last
	 * answer is before {@code cutoff}; the message and its replies stay as the record. Returns how many.
	 */
	int eraseSendersFinishedBefore(LocalDate cutoff) {
		return jdbc.sql("UPDATE ia_message SET sender_name = ?, sender_phone = ?, sender_email = NULL WHERE status IN ('REPLIED', 'REJECTED') AND COALESCE(replied_on, rejected_on) < ? AND sender_name <> ?")
			.params(ERASED, ERASED, cutoff, ERASED)
			.update();
	}

	// ---- replies -------------------------------------------------------------------------------------

	void insertReply(MessageReply r) {
		jdbc.sql("INSERT INTO ia_reply (message_id, round, agency_id, content, replied_on, replied_at, due_on, late, replied_by) VALUES (?,?,?,?,?,?,?,?,?)")
			.params(r.messageId(), r.round(), r.agencyId(), r.content(), r.repliedOn(), ts(r.repliedAt()), r.dueOn(), r.late(),
					r.repliedBy())
			.update();
	}

	List<MessageReply> replies(long messageId) {
		return jdbc.sql("SELECT * FROM ia_reply WHERE message_id = ? ORDER BY round")
			.param(messageId)
			.query((rs, n) -> new MessageReply(rs.getLong("id"), rs.getLong("message_id"), rs.getInt("round"),
					rs.getLong("agency_id"), rs.getString("content"), date(rs, "replied_on"), instant(rs, "replied_at"),
					date(rs, "due_on"), rs.getBoolean("late"), rs.getString("replied_by")))
			.list();
	}

	// ---- supervision ---------------------------------------------------------------------------------

	long insertSupervision(Supervision s) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ia_supervision (message_id, agency_id, note, due_on, created_by, created_at) VALUES (?,?,?,?,?,?)")
			.params(s.messageId(), s.agencyId(), s.note(), s.dueOn(), s.createdBy(), ts(s.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Closes every open supervision of a message on the day it is answered. */
	void resolveSupervisions(long messageId, LocalDate on) {
		jdbc.sql("UPDATE ia_supervision SET resolved_on = ?, late = (due_on < ?) WHERE message_id = ? AND resolved_on IS NULL")
			.params(on, on, messageId)
			.update();
	}

	List<Supervision> supervisions(long messageId) {
		return jdbc.sql("SELECT * FROM ia_supervision WHERE message_id = ? ORDER BY id").param(messageId).query(Messages::supervision).list();
	}

	/** Open supervisions of messages handled by the given agencies. */
	List<Supervision> openSupervisions(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT s.* FROM ia_supervision s JOIN ia_message m ON m.id = s.message_id WHERE s.resolved_on IS NULL AND m.handling_agency_id IN (:ids) ORDER BY s.due_on")
			.param("ids", agencyIds)
			.query(Messages::supervision)
			.list();
	}

	private static Supervision supervision(ResultSet rs, int n) throws SQLException {
		boolean late = rs.getBoolean("late");
		Boolean l = rs.wasNull() ? null : late;
		return new Supervision(rs.getLong("id"), rs.getLong("message_id"), rs.getLong("agency_id"), rs.getString("note"),
				date(rs, "due_on"), rs.getString("created_by"), instant(rs, "created_at"), date(rs, "resolved_on"), l);
	}

	// ---- history -------------------------------------------------------------------------------------

	void addEvent(long messageId, Instant at, String actor, String action, String note, boolean senderVisible) {
		jdbc.sql("INSERT INTO ia_message_event (message_id, at, actor, action, note, sender_visible) VALUES (?,?,?,?,?,?)")
			.params(messageId, ts(at), actor, action, note, senderVisible)
			.update();
	}

	List<MessageEvent> events(long messageId, boolean senderVisibleOnly) {
		return jdbc.sql("SELECT * FROM ia_message_event WHERE message_id = ?" + (senderVisibleOnly ? " AND sender_visible = TRUE" : "")
				+ " ORDER BY at, id")
			.param(messageId)
			.query((rs, n) -> new MessageEvent(rs.getLong("id"), rs.getLong("message_id"), instant(rs, "at"),
					rs.getString("actor"), rs.getString("action"), rs.getString("note"), rs.getBoolean("sender_visible")))
			.list();
	}

	// ---- mailboxes -----------------------------------------------------------------------------------

	long insertMailbox(Mailbox m, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ia_mailbox (agency_id, name, holder, holder_title, description, active, sort_order, created_at) VALUES (?,?,?,?,?,?,?,?)")
			.params(m.agencyId(), m.name(), m.holder(), m.holderTitle(), m.description(), m.active(), m.sortOrder(), ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateMailbox(Mailbox m) {
		jdbc.sql("UPDATE ia_mailbox SET name = ?, holder = ?, holder_title = ?, description = ?, active = ?, sort_order = ? WHERE id = ?")
			.params(m.name(), m.holder(), m.holderTitle(), m.description(), m.active(), m.sortOrder(), m.id())
			.update();
	}

	Optional<Mailbox> mailbox(long id) {
		return jdbc.sql("SELECT * FROM ia_mailbox WHERE id = ?").param(id).query(Messages::mailbox).optional();
	}

	List<Mailbox> mailboxes(Long agencyId, boolean activeOnly) {
		StringBuilder sql = new StringBuilder("SELECT * FROM ia_mailbox WHERE 1 = 1");
		if (agencyId != null) {
			sql.append(" AND agency_id = :agency");
		}
		if (activeOnly) {
			sql.append(" AND active = TRUE");
		}
		sql.append(" ORDER BY sort_order, id");
		var spec = jdbc.sql(sql.toString());
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		return spec.query(Messages::mailbox).list();
	}

	private static Mailbox mailbox(ResultSet rs, int n) throws SQLException {
		return new Mailbox(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"), rs.getString("holder"),
				rs.getString("holder_title"), rs.getString("description"), rs.getBoolean("active"), rs.getInt("sort_order"));
	}

	// ---- settings ------------------------------------------------------------------------------------

	Optional<InteractionSettings> settings(long agencyId) {
		return jdbc.sql("SELECT * FROM ia_settings WHERE agency_id = ?")
			.param(agencyId)
			.query((rs, n) -> new InteractionSettings(rs.getLong("agency_id"), rs.getInt("consultation_days"),
					rs.getInt("suggestion_days"), rs.getInt("complaint_days"), rs.getInt("help_days"), rs.getInt("review_days"),
					rs.getInt("max_extension_days"), rs.getInt("reopen_window_days")))
			.optional();
	}

	void saveSettings(InteractionSettings s, String by, Instant at) {
		int n = jdbc.sql("UPDATE ia_settings SET consultation_days = ?, suggestion_days = ?, complaint_days = ?, help_days = ?, review_days = ?, max_extension_days = ?, reopen_window_days = ?, updated_by = ?, updated_at = ? WHERE agency_id = ?")
			.params(s.consultationDays(), s.suggestionDays(), s.complaintDays(), s.helpDays(), s.reviewDays(), s.maxExtensionDays(),
					s.reopenWindowDays(), by, ts(at), s.agencyId())
			.update();
		if (n == 0) {
			jdbc.sql("INSERT INTO ia_settings (agency_id, consultation_days, suggestion_days, complaint_days, help_days, review_days, max_extension_days, reopen_window_days, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
				.params(s.agencyId(), s.consultationDays(), s.suggestionDays(), s.complaintDays(), s.helpDays(), s.reviewDays(),
						s.maxExtensionDays(), s.reopenWindowDays(), by, ts(at))
				.update();
		}
	}

	// ---- helpers -------------------------------------------------------------------------------------

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}
}
