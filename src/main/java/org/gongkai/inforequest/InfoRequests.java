package org.gongkai.inforequest;

import static org.gongkai.platform.Rows.date;
import static org.gongkai.platform.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

/** Storage of requests, their consultations, history, files and remedies (tables {@code req_*}). */
@Repository
class InfoRequests {

	private static final String COLUMNS = "agency_id, tracking_code, channel, applicant_type, applicant_name, id_type, id_number, contact_person, phone, email, address, postcode, description, provision_form, obtain_method, entered_for_applicant, submitted_at, received_on, status, handler, due_on, due_rule, due_provisional, overdue_since, correction_requested_on, correction_items, correction_period_days, correction_due_on, correction_received_on, extension_days, extension_reason, extension_approved_by, extension_approved_on, extension_notice_on, custom_due_on, custom_due_reason, custom_due_notice_on, fee_method, fee_quantity, fee_amount, fee_notice_on, fee_pay_by, fee_paid_on, outcome, replied_on, reply_basis, reply_reason, reply_content, responsible_agency, reconsideration_notice, delivery_channel, delivered_on, closed_on, version, created_by, created_at, updated_at";

	private final JdbcClient jdbc;

	InfoRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(InfoRequest r) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO req_request (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)").params(values(r)).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Saves a request read with {@link #lock}; the version guards against a write from a stale read. */
	void update(InfoRequest r) {
		List<Object> params = values(r);
		params.add(r.id());
		int n = jdbc.sql("UPDATE req_request SET " + String.join(" = ?, ", COLUMNS.split(", ")) + " = ? WHERE id = ?")
			.params(params)
			.update();
		if (n != 1) {
			throw new IllegalStateException("request " + r.id() + " was not updated");
		}
	}

	private static List<Object> values(InfoRequest r) {
		List<Object> v = new ArrayList<>();
		v.add(r.agencyId());
		v.add(r.trackingCode());
		v.add(r.channel() == null ? null : r.channel().name());
		v.add(r.applicantType() == null ? null : r.applicantType().name());
		v.add(r.applicantName());
		v.add(r.idType() == null ? null : r.idType().name());
		v.add(r.idNumber());
		v.add(r.contactPerson());
		v.add(r.phone());
		v.add(r.email());
		v.add(r.address());
		v.add(r.postcode());
		v.add(r.description());
		v.add(r.provisionForm() == null ? null : r.provisionForm().name());
		v.add(r.obtainMethod() == null ? null : r.obtainMethod().name());
		v.add(r.enteredForApplicant());
		v.add(ts(r.submittedAt()));
		v.add(r.receivedOn());
		v.add(r.status() == null ? null : r.status().name());
		v.add(r.handler());
		v.add(r.dueOn());
		v.add(r.dueRule());
		v.add(r.dueProvisional());
		v.add(r.overdueSince());
		v.add(r.correctionRequestedOn());
		v.add(r.correctionItems());
		v.add(r.correctionPeriodDays());
		v.add(r.correctionDueOn());
		v.add(r.correctionReceivedOn());
		v.add(r.extensionDays());
		v.add(r.extensionReason());
		v.add(r.extensionApprovedBy());
		v.add(r.extensionApprovedOn());
		v.add(r.extensionNoticeOn());
		v.add(r.customDueOn());
		v.add(r.customDueReason());
		v.add(r.customDueNoticeOn());
		v.add(r.feeMethod() == null ? null : r.feeMethod().name());
		v.add(r.feeQuantity());
		v.add(r.feeAmount());
		v.add(r.feeNoticeOn());
		v.add(r.feePayBy());
		v.add(r.feePaidOn());
		v.add(r.outcome() == null ? null : r.outcome().name());
		v.add(r.repliedOn());
		v.add(r.replyBasis());
		v.add(r.replyReason());
		v.add(r.replyContent());
		v.add(r.responsibleAgency());
		v.add(r.reconsiderationNotice());
		v.add(r.deliveryChannel() == null ? null : r.deliveryChannel().name());
		v.add(r.deliveredOn());
		v.add(r.closedOn());
		v.add(r.version());
		v.add(r.createdBy());
		v.add(ts(r.createdAt()));
		v.add(ts(r.updatedAt()));
		return v;
	}

	Optional<InfoRequest> find(long id) {
		return jdbc.sql("SELECT * FROM req_request WHERE id = ?").param(id).query(this::row).optional();
	}

	Optional<InfoRequest> lock(long id) {
		return jdbc.sql("SELECT * FROM req_request WHERE id = ? FOR UPDATE").param(id).query(this::row).optional();
	}

	/** A wrong verifier for this tracking code; the tenth in a row locks the code for an hour. */
	void trackingFailed(long id, Instant now) {
		jdbc.sql("UPDATE req_request SET tracking_failures = tracking_failures + 1 WHERE id = ?").param(id).update();
		jdbc.sql("UPDATE req_request SET tracking_failures = 0, tracking_locked_until = ? WHERE id = ? AND tracking_failures >= 10")
			.params(ts(now.plus(java.time.Duration.ofHours(1))), id)
			.update();
	}

	void trackingSucceeded(long id) {
		jdbc.sql("UPDATE req_request SET tracking_failures = 0 WHERE id = ? AND tracking_failures > 0").param(id).update();
	}

	/** Whether the tracking code is locked after repeated wrong verifiers. */
	boolean trackingLocked(long id, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM req_request WHERE id = ? AND tracking_locked_until > ?")
			.params(id, ts(now))
			.query(Integer.class)
			.single() > 0;
	}

	Optional<InfoRequest> findByTrackingCode(String code) {
		return jdbc.sql("SELECT * FROM req_request WHERE tracking_code = ?").param(code).query(this::row).optional();
	}

	/** The console queue: open requests of these agencies, due first (requests without a due date last). */
	List<InfoRequest> queue(Collection<Long> agencyIds, RequestStatus status, boolean openOnly, int offset, int limit) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(agencyIds);
		StringBuilder where = new StringBuilder("agency_id IN (" + String.join(",", agencyIds.stream().map(a -> "?").toList()) + ")");
		if (status != null) {
			where.append(" AND status = ?");
			params.add(status.name());
		}
		else if (openOnly) {
			where.append(" AND status NOT IN ('REPLIED', 'CLOSED')");
		}
		params.add(limit);
		params.add(offset);
		return jdbc.sql("SELECT * FROM req_request WHERE " + where
				+ " ORDER BY CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, id LIMIT ? OFFSET ?")
			.params(params)
			.query(this::row)
			.list();
	}

	/** Open requests whose due date was counted into a year whose holiday notice was not loaded. */
	List<Long> provisionalIds() {
		return jdbc.sql("SELECT id FROM req_request WHERE due_provisional = TRUE AND status NOT IN ('REPLIED', 'CLOSED') ORDER BY id")
			.query(Long.class)
			.list();
	}

	/** Open requests of any agency whose stored facts a sweep may change (correction or fee lapsed, overdue). */
	List<Long> openIds() {
		return jdbc.sql("SELECT id FROM req_request WHERE status NOT IN ('REPLIED', 'CLOSED') ORDER BY id").query(Long.class).list();
	}

	/** How many applications this applicant made to the agency in the calendar month of {@code day}, up to its id. */
	int countThisMonth(long agencyId, String idNumber, LocalDate day, long upToId) {
		LocalDate first = day.withDayOfMonth(1);
		// the applicant's applications of the month in the order they were received
		return jdbc.sql("SELECT COUNT(*) FROM req_request WHERE agency_id = ? AND id_number = ? AND received_on BETWEEN ? AND ? "
				+ "AND (received_on < ? OR (received_on = ? AND id <= ?))")
			.params(agencyId, idNumber, first, first.plusMonths(1).minusDays(1), day, day, upToId)
			.query(Integer.class)
			.single();
	}

	/** Requests of an agency received on or before {@code to} and not closed before {@code from}: the year's cases. */
	List<InfoRequest> activeIn(long agencyId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT * FROM req_request WHERE agency_id = ? AND received_on IS NOT NULL AND received_on <= ? "
				+ "AND (closed_on IS NULL OR closed_on >= ?)")
			.params(agencyId, to, from)
			.query(this::row)
			.list();
	}

	/** Requests of the agency with a fee notice or a payment between the two days, both inclusive. */
	List<InfoRequest> withFeeIn(long agencyId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT * FROM req_request WHERE agency_id = ? AND ((fee_notice_on >= ? AND fee_notice_on <= ?) "
				+ "OR (fee_paid_on >= ? AND fee_paid_on <= ?)) ORDER BY id")
			.params(agencyId, from, to, from, to)
			.query(this::row)
			.list();
	}

	// ---- consultations --------------------------------------------------------------------------------

	long insertConsultation(Consultation c) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO req_consultation (request_id, kind, party, sent_on, answer_due_on, answered_on, answer, answer_note, "
				+ "override_reason, override_notice_on, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(c.requestId(), c.kind().name(), c.party(), c.sentOn(), c.answerDueOn(), c.answeredOn(),
					c.answer() == null ? null : c.answer().name(), c.answerNote(), c.overrideReason(), c.overrideNoticeOn(),
					c.createdBy(), ts(c.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateConsultation(Consultation c) {
		jdbc.sql("UPDATE req_consultation SET answered_on = ?, answer = ?, answer_note = ?, override_reason = ?, "
				+ "override_notice_on = ? WHERE id = ?")
			.params(c.answeredOn(), c.answer() == null ? null : c.answer().name(), c.answerNote(), c.overrideReason(),
					c.overrideNoticeOn(), c.id())
			.update();
	}

	List<Consultation> consultations(long requestId) {
		return jdbc.sql("SELECT * FROM req_consultation WHERE request_id = ? ORDER BY id")
			.param(requestId)
			.query((rs, n) -> new Consultation(rs.getLong("id"), rs.getLong("request_id"),
					Consultation.Kind.valueOf(rs.getString("kind")), rs.getString("party"), date(rs, "sent_on"),
					date(rs, "answer_due_on"), date(rs, "answered_on"), enumOf(Consultation.Answer.class, rs.getString("answer")),
					rs.getString("answer_note"), rs.getString("override_reason"), date(rs, "override_notice_on"),
					rs.getString("created_by"), instant(rs.getTimestamp("created_at"))))
			.list();
	}

	// ---- history ------------------------------------------------------------------------------------

	record Event(Instant at, String actor, String action, String note, boolean publicNote) {
	}

	void addEvent(long requestId, Instant at, String actor, String action, String note, boolean publicNote) {
		jdbc.sql("INSERT INTO req_event (request_id, occurred_at, actor, action, note, public_note) VALUES (?,?,?,?,?,?)")
			.params(requestId, ts(at), actor, action, note == null || note.length() <= 2000 ? note : note.substring(0, 2000), publicNote)
			.update();
	}

	List<Event> events(long requestId) {
		return jdbc.sql("SELECT * FROM req_event WHERE request_id = ? ORDER BY id")
			.param(requestId)
			.query((rs, n) -> new Event(instant(rs.getTimestamp("occurred_at")), rs.getString("actor"), rs.getString("action"),
					rs.getString("note"), rs.getBoolean("public_note")))
			.list();
	}

	// ---- remedies -----------------------------------------------------------------------------------

	long insertRemedy(Remedy m) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO req_remedy (request_id, agency_id, kind, filed_on, body, result, decided_on, note, created_by, "
				+ "created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
			.params(m.requestId(), m.agencyId(), m.kind().name(), m.filedOn(), m.body(), m.result().name(), m.decidedOn(),
					m.note(), m.createdBy(), ts(m.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateRemedy(Remedy m) {
		jdbc.sql("UPDATE req_remedy SET result = ?, decided_on = ?, note = ? WHERE id = ?")
			.params(m.result().name(), m.decidedOn(), m.note(), m.id())
			.update();
	}

	Optional<Remedy> remedy(long id) {
		return jdbc.sql("SELECT * FROM req_remedy WHERE id = ?").param(id).query(this::remedyRow).optional();
	}

	List<Remedy> remedies(long requestId) {
		return jdbc.sql("SELECT * FROM req_remedy WHERE request_id = ? ORDER BY id").param(requestId).query(this::remedyRow).list();
	}

	/** Remedies of an agency filed in a period. */
	List<Remedy> remediesFiled(long agencyId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT * FROM req_remedy WHERE agency_id = ? AND filed_on BETWEEN ? AND ? ORDER BY id")
			.params(agencyId, from, to)
			.query(this::remedyRow)
			.list();
	}

	private Remedy remedyRow(ResultSet rs, int n) throws SQLException {
		return new Remedy(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("agency_id"),
				Remedy.Kind.valueOf(rs.getString("kind")), date(rs, "filed_on"), rs.getString("body"),
				Remedy.Result.valueOf(rs.getString("result")), date(rs, "decided_on"), rs.getString("note"),
				rs.getString("created_by"), instant(rs.getTimestamp("created_at")));
	}

	// ---- files ----------------------------------------------------------------------------------------

	record StoredFile(long id, long requestId, String kind, String fileName, String contentType, long size, String storageKey,
			String uploadedBy, Instant uploadedAt) {
	}

	long insertFile(StoredFile f) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO req_file (request_id, kind, file_name, content_type, size_bytes, storage_key, uploaded_by, uploaded_at) "
				+ "VALUES (?,?,?,?,?,?,?,?)")
			.params(f.requestId(), f.kind(), f.fileName(), f.contentType(), f.size(), f.storageKey(), f.uploadedBy(),
					ts(f.uploadedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<StoredFile> files(long requestId) {
		return jdbc.sql("SELECT * FROM req_file WHERE request_id = ? ORDER BY id")
			.param(requestId)
			.query((rs, n) -> new StoredFile(rs.getLong("id"), rs.getLong("request_id"), rs.getString("kind"),
					rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("storage_key"),
					rs.getString("uploaded_by"), instant(rs.getTimestamp("uploaded_at"))))
			.list();
	}

	// ---- settings -------------------------------------------------------------------------------------

	Optional<RequestSettings.Setting> setting(long agencyId) {
		return jdbc.sql("SELECT fee_payment_days, fee_pauses_clock, due_soon_days FROM req_setting WHERE agency_id = ?")
			.param(agencyId)
			.query((rs, n) -> new RequestSettings.Setting(rs.getInt(1), rs.getBoolean(2), rs.getInt(3)))
			.optional();
	}

	void saveSetting(long agencyId, RequestSettings.Setting s) {
		jdbc.sql("INSERT INTO req_setting (agency_id, fee_payment_days, fee_pauses_clock, due_soon_days) VALUES (?,?,?,?) "
				+ "ON CONFLICT DO NOTHING")
			.params(agencyId, s.feePaymentDays(), s.feePausesClock(), s.dueSoonDays())
			.update();
		jdbc.sql("UPDATE req_setting SET fee_payment_days = ?, fee_pauses_clock = ?, due_soon_days = ? WHERE agency_id = ?")
			.params(s.feePaymentDays(), s.feePausesClock(), s.dueSoonDays(), agencyId)
			.update();
	}

	// ---- mapping ------------------------------------------------------------------------------------

	private InfoRequest row(ResultSet rs, int n) throws SQLException {
		return new InfoRequest(rs.getLong("id"),
				rs.getLong("agency_id"),
				rs.getString("tracking_code"),
				enumOf(SubmissionChannel.class, rs.getString("channel")),
				enumOf(ApplicantType.class, rs.getString("applicant_type")),
				rs.getString("applicant_name"),
				enumOf(IdType.class, rs.getString("id_type")),
				rs.getString("id_number"),
				rs.getString("contact_person"),
				rs.getString("phone"),
				rs.getString("email"),
				rs.getString("address"),
				rs.getString("postcode"),
				rs.getString("description"),
				enumOf(ProvisionForm.class, rs.getString("provision_form")),
				enumOf(ObtainMethod.class, rs.getString("obtain_method")),
				rs.getBoolean("entered_for_applicant"),
				instant(rs.getTimestamp("submitted_at")),
				date(rs, "received_on"),
				enumOf(RequestStatus.class, rs.getString("status")),
				rs.getString("handler"),
				date(rs, "due_on"),
				rs.getString("due_rule"),
				rs.getBoolean("due_provisional"),
				date(rs, "overdue_since"),
				date(rs, "correction_requested_on"),
				rs.getString("correction_items"),
				integer(rs, "correction_period_days"),
				date(rs, "correction_due_on"),
				date(rs, "correction_received_on"),
				rs.getInt("extension_days"),
				rs.getString("extension_reason"),
				rs.getString("extension_approved_by"),
				date(rs, "extension_approved_on"),
				date(rs, "extension_notice_on"),
				date(rs, "custom_due_on"),
				rs.getString("custom_due_reason"),
				date(rs, "custom_due_notice_on"),
				enumOf(FeeMethod.class, rs.getString("fee_method")),
				integer(rs, "fee_quantity"),
				rs.getBigDecimal("fee_amount"),
				date(rs, "fee_notice_on"),
				date(rs, "fee_pay_by"),
				date(rs, "fee_paid_on"),
				enumOf(Outcome.class, rs.getString("outcome")),
				date(rs, "replied_on"),
				rs.getString("reply_basis"),
				rs.getString("reply_reason"),
				rs.getString("reply_content"),
				rs.getString("responsible_agency"),
				rs.getString("reconsideration_notice"),
				enumOf(ObtainMethod.class, rs.getString("delivery_channel")),
				date(rs, "delivered_on"),
				date(rs, "closed_on"),
				rs.getInt("version"),
				rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("updated_at")));
	}

	static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
