package org.gongkai.interaction;

import static org.gongkai.platform.Rows.date;
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

/** Storage of motions, their co-units, consultations, replies, history and the years' arrangements ({@code ia_motion*}). */
@Repository
class Motions {

	private static final String COLUMNS = "motion_year, kind, number, session_label, title, content, proposers, proposer_contact, lead_agency_id, assigned_on, explicit_due_on, due_on, due_rule, status, round, reply_category, reply_content, replied_on, reply_late, replied_by, first_replied_on, first_reply_late, publish_due_on, publish_due_provisional, publication, publication_reason, publication_summary, published_text, published_on, published_at, published_round, publication_late, publication_by, is_public, withdrawn_reason, withdrawn_at, feedback, feedback_note, feedback_on, rehandle_reason, closed_on, missed_due_on, rehandled_on, version, created_by, created_at, updated_at";

	private static final int COLUMN_COUNT = COLUMNS.split(", ").length;

	/** One page of a list and the number of items in all pages. */
	record Page<T>(List<T> items, int page, int size, long total) {

		int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	private final JdbcClient jdbc;

	Motions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- motions ------------------------------------------------------------------------------------------

	long insert(Motion m) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ia_motion (" + COLUMNS + ") VALUES (" + "?,".repeat(COLUMN_COUNT - 1) + "?)")
			.params(values(m))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Saves a motion read with {@link #lock}; the version guards against a write from a stale read. */
	void update(Motion m, int readVersion) {
		List<Object> params = values(m);
		params.add(m.id());
		params.add(readVersion);
		int n = jdbc.sql("UPDATE ia_motion SET " + String.join(" = ?, ", COLUMNS.split(", ")) + " = ? WHERE id = ? AND version = ?")
			.params(params)
			.update();
		if (n != 1) {
			throw new IllegalStateException("motion " + m.id() + " was changed concurrently");
		}
	}

	private static List<Object> values(Motion m) {
		List<Object> v = new ArrayList<>(COLUMN_COUNT + 2);
		v.add(m.year());
		v.add(m.kind().name());
		v.add(m.number());
		v.add(m.sessionLabel());
		v.add(m.title());
		v.add(m.content());
		v.add(m.proposers());
		v.add(m.proposerContact());
		v.add(m.leadUnit());
		v.add(m.assignedOn());
		v.add(m.explicitDueOn());
		v.add(m.dueOn());
		v.add(m.dueRule());
		v.add(m.status().name());
		v.add(m.round());
		v.add(m.replyCategory() == null ? null : m.replyCategory().name());
		v.add(m.replyContent());
		v.add(m.repliedOn());
		v.add(m.replyLate());
		v.add(m.repliedBy());
		v.add(m.firstRepliedOn());
		v.add(m.firstReplyLate());
		v.add(m.publishDueOn());
		v.add(m.publishDueProvisional());
		v.add(m.publication() == null ? null : m.publication().name());
		v.add(m.publicationReason());
		v.add(m.publicationSummary());
		v.add(m.publishedText());
		v.add(m.publishedOn());
		v.add(ts(m.publishedAt()));
		v.add(m.publishedRound());
		v.add(m.publicationLate());
		v.add(m.publicationBy());
		v.add(m.isPublic());
		v.add(m.withdrawnReason());
		v.add(ts(m.withdrawnAt()));
		v.add(m.feedback() == null ? null : m.feedback().name());
		v.add(m.feedbackNote());
		v.add(m.feedbackOn());
		v.add(m.rehandleReason());
		v.add(m.closedOn());
		v.add(m.missedDueOn());
		v.add(m.rehandledOn());
		v.add(m.version());
		v.add(m.createdBy());
		v.add(ts(m.createdAt()));
		v.add(ts(m.updatedAt()));
		return v;
	}

	Optional<Motion> find(long id) {
		return jdbc.sql("SELECT * FROM ia_motion WHERE id = ?").param(id).query(this::row).optional();
	}

	/** Reads a motion for change; only ever inside a read-write transaction. */
	Optional<Motion> lock(long id) {
		return jdbc.sql("SELECT * FROM ia_motion WHERE id = ? FOR UPDATE").param(id).query(this::row).optional();
	}

	boolean numberTaken(int year, MotionKind kind, String number) {
		return jdbc.sql("SELECT COUNT(*) FROM ia_motion WHERE motion_year = ? AND kind = ? AND number = ?")
			.params(year, kind.name(), number)
			.query(Long.class)
			.single() > 0;
	}

	/** The staff queue: motions led or co-handled by one of {@code agencyIds}, optionally filtered; by deadline. */
	List<Motion> queue(Collection<Long> agencyIds, Integer year, MotionKind kind, MotionStatus status, boolean openOnly,
			int page, int size) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT * FROM ia_motion m WHERE (m.lead_agency_id IN (:ids)"
				+ " OR EXISTS (SELECT 1 FROM ia_motion_unit u WHERE u.motion_id = m.id AND u.agency_id IN (:ids)))");
		List<String> conditions = new ArrayList<>();
		if (year != null) {
			conditions.add("m.motion_year = :year");
		}
		if (kind != null) {
			conditions.add("m.kind = :kind");
		}
		if (status != null) {
			conditions.add("m.status = :status");
		}
		else if (openOnly) {
			conditions.add("m.status <> 'CLOSED'");
		}
		conditions.forEach(c -> sql.append(" AND ").append(c));
		sql.append(" ORDER BY CASE WHEN m.status IN ('REGISTERED','HANDLING','REHANDLING') THEN 0 ELSE 1 END, m.due_on, m.id"
				+ " LIMIT :limit OFFSET :offset");
		JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("ids", agencyIds);
		if (year != null) {
			spec = spec.param("year", year);
		}
		if (kind != null) {
			spec = spec.param("kind", kind.name());
		}
		if (status != null) {
			spec = spec.param("status", status.name());
		}
		return spec.param("limit", size).param("offset", (long) (page - 1) * size).query(this::row).list();
	}

	/** Every motion of a year (the statistics are counted in Java over these). */
	List<Motion> ofYear(int year) {
		return jdbc.sql("SELECT * FROM ia_motion WHERE motion_year = ? ORDER BY id").param(year).query(this::row).list();
	}

	List<Integer> years() {
		return jdbc.sql("SELECT DISTINCT motion_year FROM ia_motion ORDER BY motion_year DESC").query(Integer.class).list();
	}

	/** Motions of the year still awaiting a reply whose deadline follows the year's arrangement. */
	List<Long> followingArrangement(int year) {
		return jdbc.sql("SELECT id FROM ia_motion WHERE motion_year = ? AND explicit_due_on IS NULL AND round = 1"
				+ " AND status IN ('REGISTERED','HANDLING')").param(year).query(Long.class).list();
	}

	/** Replied motions whose publication limit was counted provisionally. */
	List<Long> provisionalPublishDue() {
		return jdbc.sql("SELECT id FROM ia_motion WHERE publish_due_provisional = TRUE").query(Long.class).list();
	}

	/** Motions of the units still awaiting a reply, for the dashboard. */
	List<Motion> awaitingReply(Collection<Long> leadUnits) {
		if (leadUnits.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM ia_motion WHERE lead_agency_id IN (:ids) AND status IN ('REGISTERED','HANDLING','REHANDLING')")
			.param("ids", leadUnits)
			.query(this::row)
			.list();
	}

	/** Replied motions of the units whose latest reply may still need a publication decision. */
	List<Motion> awaitingPublicationDecision(Collection<Long> leadUnits) {
		if (leadUnits.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM ia_motion WHERE lead_agency_id IN (:ids) AND replied_on IS NOT NULL"
				+ " AND status IN ('REPLIED','CLOSED') AND (published_round IS NULL OR published_round < round)")
			.param("ids", leadUnits)
			.query(this::row)
			.list();
	}

	// ---- public reads -------------------------------------------------------------------------------------

	/**
	 * A public motion's row: the category, date and timeliness of the reply are those of the published round (a later
	 * reply may be awaiting its own publication decision), and the fields never shown publicly are left out.
	 */
	private static final String PUBLIC_SELECT = "SELECT m.id, " + java.util.Arrays.stream(COLUMNS.split(", ")).map(c -> switch (c) {
		case "reply_category" -> "COALESCE(r.category, m.reply_category) AS reply_category";
		case "replied_on" -> "COALESCE(r.replied_on, m.replied_on) AS replied_on";
		case "reply_late" -> "COALESCE(r.late, m.reply_late) AS reply_late";
		case "reply_content", "proposer_contact", "replied_by" -> "NULL AS " + c;
		default -> "m." + c;
	}).collect(java.util.stream.Collectors.joining(", "))
			+ " FROM ia_motion m LEFT JOIN ia_motion_reply r ON r.motion_id = m.id AND r.round = m.published_round";

	Page<Motion> publicPage(Integer year, MotionKind kind, Long agencyId, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE m.is_public = TRUE");
		if (year != null) {
			where.append(" AND m.motion_year = :year");
		}
		if (kind != null) {
			where.append(" AND m.kind = :kind");
		}
		if (agencyId != null) {
			where.append(" AND m.lead_agency_id = :agency");
		}
		JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) FROM ia_motion m" + where);
		JdbcClient.StatementSpec list = jdbc.sql(PUBLIC_SELECT + where
				+ " ORDER BY m.published_at DESC, m.id DESC LIMIT :limit OFFSET :offset");
		if (year != null) {
			count = count.param("year", year);
			list = list.param("year", year);
		}
		if (kind != null) {
			count = count.param("kind", kind.name());
			list = list.param("kind", kind.name());
		}
		if (agencyId != null) {
			count = count.param("agency", agencyId);
			list = list.param("agency", agencyId);
		}
		long total = count.query(Long.class).single();
		List<Motion> items = list.param("limit", size).param("offset", (long) (page - 1) * size).query(this::row).list();
		return new Page<>(items, page, size, total);
	}

	Optional<Motion> publicMotion(long id) {
		return jdbc.sql(PUBLIC_SELECT + " WHERE m.id = ? AND m.is_public = TRUE").param(id).query(this::row).optional();
	}

	List<Long> publicIds() {
		return jdbc.sql("SELECT id FROM ia_motion WHERE is_public = TRUE ORDER BY id").query(Long.class).list();
	}

	List<Integer> publicYears() {
		return jdbc.sql("SELECT DISTINCT motion_year FROM ia_motion WHERE is_public = TRUE ORDER BY motion_year DESC")
			.query(Integer.class)
			.list();
	}

	// ---- co-units -----------------------------------------------------------------------------------------

	List<MotionCoUnit> coUnits(long motionId) {
		return jdbc.sql("SELECT * FROM ia_motion_unit WHERE motion_id = ? ORDER BY agency_id")
			.param(motionId)
			.query((rs, n) -> new MotionCoUnit(rs.getLong("motion_id"), rs.getLong("agency_id"), rs.getString("opinion"),
					date(rs, "opinion_on"), rs.getString("opinion_by"), instant(rs, "opinion_at")))
			.list();
	}

	void addCoUnit(long motionId, long agencyId) {
		jdbc.sql("INSERT INTO ia_motion_unit (motion_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(motionId, agencyId)
			.update();
	}

	void removeCoUnit(long motionId, long agencyId) {
		jdbc.sql("DELETE FROM ia_motion_unit WHERE motion_id = ? AND agency_id = ?").params(motionId, agencyId).update();
	}

	void saveOpinion(long motionId, long agencyId, String opinion, LocalDate on, String by, Instant at) {
		jdbc.sql("UPDATE ia_motion_unit SET opinion = ?, opinion_on = ?, opinion_by = ?, opinion_at = ? WHERE motion_id = ? AND agency_id = ?")
			.params(opinion, on, by, ts(at), motionId, agencyId)
			.update();
	}

	/** Co-unit counts of a year: agency id → motions of each kind it co-handles. */
	List<long[]> coUnitCounts(int year) {
		return jdbc.sql("SELECT u.agency_id, m.kind, COUNT(*) AS n FROM ia_motion_unit u JOIN ia_motion m ON m.id = u.motion_id"
				+ " WHERE m.motion_year = ? GROUP BY u.agency_id, m.kind")
			.param(year)
			.query((rs, n) -> new long[] { rs.getLong("agency_id"),
					MotionKind.valueOf(rs.getString("kind")).ordinal(), rs.getLong("n") })
			.list();
	}

	// ---- consultations, replies, history ------------------------------------------------------------------

	List<MotionConsultation> consultations(long motionId) {
		return jdbc.sql("SELECT * FROM ia_motion_consultation WHERE motion_id = ? ORDER BY held_on, id")
			.param(motionId)
			.query((rs, n) -> new MotionConsultation(rs.getLong("id"), rs.getLong("motion_id"), rs.getInt("round"),
					date(rs, "held_on"), MotionConsultationForm.valueOf(rs.getString("form")), rs.getString("participants"),
					rs.getString("summary"), rs.getString("created_by"), instant(rs, "created_at")))
			.list();
	}

	long addConsultation(long motionId, int round, LocalDate heldOn, MotionConsultationForm form, String participants,
			String summary, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ia_motion_consultation (motion_id, round, held_on, form, participants, summary, created_by, created_at)"
				+ " VALUES (?,?,?,?,?,?,?,?)")
			.params(motionId, round, heldOn, form.name(), participants, summary, by, ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<MotionReply> replies(long motionId) {
		return jdbc.sql("SELECT * FROM ia_motion_reply WHERE motion_id = ? ORDER BY round")
			.param(motionId)
			.query((rs, n) -> new MotionReply(rs.getLong("id"), rs.getLong("motion_id"), rs.getInt("round"),
					MotionCategory.valueOf(rs.getString("category")), rs.getString("content"), date(rs, "replied_on"),
					date(rs, "due_on"), rs.getBoolean("late"), rs.getString("replied_by"), instant(rs, "replied_at")))
			.list();
	}

	void addReply(long motionId, int round, MotionCategory category, String content, LocalDate repliedOn, LocalDate dueOn,
			boolean late, String by, Instant at) {
		jdbc.sql("INSERT INTO ia_motion_reply (motion_id, round, category, content, replied_on, due_on, late, replied_by, replied_at)"
				+ " VALUES (?,?,?,?,?,?,?,?,?)")
			.params(motionId, round, category.name(), content, repliedOn, dueOn, late, by, ts(at))
			.update();
	}

	List<MotionHistoryEntry> history(long motionId) {
		return jdbc.sql("SELECT * FROM ia_motion_event WHERE motion_id = ? ORDER BY at, id")
			.param(motionId)
			.query((rs, n) -> new MotionHistoryEntry(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
					rs.getString("note")))
			.list();
	}

	void addEvent(long motionId, Instant at, String actor, String action, String note) {
		jdbc.sql("INSERT INTO ia_motion_event (motion_id, at, actor, action, note) VALUES (?,?,?,?,?)")
			.params(motionId, ts(at), actor, action, note)
			.update();
	}

	// ---- the years' arrangements --------------------------------------------------------------------------

	Optional<MotionYear> year(int year) {
		return jdbc.sql("SELECT * FROM ia_motion_year WHERE motion_year = ?")
			.param(year)
			.query((rs, n) -> new MotionYear(rs.getInt("motion_year"), rs.getString("suggestion_session"),
					rs.getString("proposal_session"), rs.getInt("reply_months"), date(rs, "fixed_due_on"),
					rs.getInt("publish_days"), rs.getBoolean("consultation_required"), true, rs.getString("updated_by"),
					instant(rs, "updated_at")))
			.optional();
	}

	List<Integer> arrangedYears() {
		return jdbc.sql("SELECT motion_year FROM ia_motion_year ORDER BY motion_year DESC").query(Integer.class).list();
	}

	void saveYear(MotionYear y) {
		int n = jdbc.sql("UPDATE ia_motion_year SET suggestion_session = ?, proposal_session = ?, reply_months = ?, fixed_due_on = ?,"
				+ " publish_days = ?, consultation_required = ?, updated_by = ?, updated_at = ? WHERE motion_year = ?")
			.params(y.suggestionSession(), y.proposalSession(), y.replyMonths(), y.fixedDueOn(), y.publishDays(),
					y.consultationRequired(), y.updatedBy(), ts(y.updatedAt()), y.year())
			.update();
		if (n == 0) {
			jdbc.sql("INSERT INTO ia_motion_year (motion_year, suggestion_session, proposal_session, reply_months, fixed_due_on,"
					+ " publish_days, consultation_required, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?)")
				.params(y.year(), y.suggestionSession(), y.proposalSession(), y.replyMonths(), y.fixedDueOn(), y.publishDays(),
						y.consultationRequired(), y.updatedBy(), ts(y.updatedAt()))
				.update();
		}
	}

	// ---- mapping ------------------------------------------------------------------------------------------

	private Motion row(ResultSet rs, int n) throws SQLException {
		return new Motion(rs.getLong("id"), rs.getInt("motion_year"), MotionKind.valueOf(rs.getString("kind")), rs.getString("number"),
				rs.getString("session_label"), rs.getString("title"), rs.getString("content"), rs.getString("proposers"),
				rs.getString("proposer_contact"), rs.getLong("lead_agency_id"), date(rs, "assigned_on"),
				date(rs, "explicit_due_on"), date(rs, "due_on"), rs.getString("due_rule"),
				MotionStatus.valueOf(rs.getString("status")), rs.getInt("round"),
				enumOf(MotionCategory.class, rs.getString("reply_category")), rs.getString("reply_content"),
				date(rs, "replied_on"), bool(rs, "reply_late"), rs.getString("replied_by"), date(rs, "first_replied_on"),
				bool(rs, "first_reply_late"), date(rs, "publish_due_on"), rs.getBoolean("publish_due_provisional"),
				enumOf(MotionPublication.class, rs.getString("publication")), rs.getString("publication_reason"),
				rs.getString("publication_summary"), rs.getString("published_text"), date(rs, "published_on"),
				instant(rs, "published_at"), integer(rs, "published_round"), bool(rs, "publication_late"),
				rs.getString("publication_by"), rs.getBoolean("is_public"), rs.getString("withdrawn_reason"),
				instant(rs, "withdrawn_at"), enumOf(MotionFeedback.class, rs.getString("feedback")),
				rs.getString("feedback_note"), date(rs, "feedback_on"), rs.getString("rehandle_reason"),
				date(rs, "closed_on"), date(rs, "missed_due_on"), date(rs, "rehandled_on"), rs.getInt("version"), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean b = rs.getBoolean(column);
		return rs.wasNull() ? null : b;
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int i = rs.getInt(column);
		return rs.wasNull() ? null : i;
	}

}
