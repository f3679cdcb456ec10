package org.gongkai.participation;

import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of open meetings, their agenda, decided items, links, attendance, materials and applications ({@code pt_meeting*}). */
@Repository
class Meetings {

	private final JdbcClient jdbc;

	Meetings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- meetings -------------------------------------------------------------------------------------

	long insert(Meeting m) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_meeting (agency_id, title, meeting_type, starts_at, meeting_date, place, advance_notice, live_url, "
				+ "invited_categories, seats, approved_count, apply_deadline, status, published_at, withdrawn_reason, withdrawn_at, "
				+ "outcome_published_at, contacts_erased, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(m.agencyId(), m.title(), m.type().name(), ts(m.startsAt()), m.meetingDate(), m.place(), m.advanceNotice(),
					m.liveUrl(), AttendanceCategory.encode(m.invited()), m.seats(), m.approvedCount(), ts(m.applyDeadline()),
					m.status().name(), ts(m.publishedAt()), m.withdrawnReason(), ts(m.withdrawnAt()),
					ts(m.outcomePublishedAt()), m.contactsErased(), 0, ts(m.createdAt()), ts(m.updatedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Saves a meeting read with {@link #lock}; the approved count is changed only by {@link #takeSeat}. */
	void update(Meeting m) {
		jdbc.sql("UPDATE pt_meeting SET title = ?, meeting_type = ?, starts_at = ?, meeting_date = ?, place = ?, advance_notice = ?, "
				+ "live_url = ?, invited_categories = ?, seats = ?, apply_deadline = ?, status = ?, published_at = ?, "
				+ "withdrawn_reason = ?, withdrawn_at = ?, outcome_published_at = ?, contacts_erased = ?, version = version + 1, "
				+ "updated_at = ? WHERE id = ?")
			.params(m.title(), m.type().name(), ts(m.startsAt()), m.meetingDate(), m.place(), m.advanceNotice(), m.liveUrl(),
					AttendanceCategory.encode(m.invited()), m.seats(), ts(m.applyDeadline()), m.status().name(),
					ts(m.publishedAt()), m.withdrawnReason(), ts(m.withdrawnAt()), ts(m.outcomePublishedAt()),
					m.contactsErased(), ts(m.updatedAt()), m.id())
			.update();
	}

	Optional<Meeting> find(long id) {
		return jdbc.sql("SELECT * FROM pt_meeting WHERE id = ?").param(id).query(Meetings::meeting).optional();
	}

	/** Reads a meeting for change, holding its row until the transaction ends. */
	Optional<Meeting> lock(long id) {
		return jdbc.sql("SELECT * FROM pt_meeting WHERE id = ? FOR UPDATE").param(id).query(Meetings::meeting).optional();
	}

	/**
	 * Takes one seat in a single conditional statement: false when every seat is already taken, so concurrent approvals
	 * never exceed the seats.
	 */
	boolean takeSeat(long meetingId) {
		return jdbc.sql("UPDATE pt_meeting SET approved_count = approved_count + 1 WHERE id = ? AND approved_count < seats")
			.param(meetingId)
			.update() == 1;
	}

	/** Meetings of the given agencies (all when null), newest meeting day first. */
	List<Meeting> ofAgencies(List<Long> agencyIds, MeetingStatus status, int offset, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM pt_meeting WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (agencyIds != null) {
			if (agencyIds.isEmpty()) {
				return List.of();
			}
			sql.append(" AND agency_id IN (").append(marks(agencyIds.size())).append(")");
			params.addAll(agencyIds);
		}
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status.name());
		}
		sql.append(" ORDER BY meeting_date DESC, starts_at DESC, id DESC LIMIT ? OFFSET ?");
		params.add(limit);
		params.add(offset);
		return jdbc.sql(sql.toString()).params(params).query(Meetings::meeting).list();
	}

	/**
	 * One page of the public meetings ({@link MeetingRules#isPublic}: published, and announced or begun) of the given
	 * agencies, filtered by type and year of the meeting day: upcoming ones (starting after {@code now}) first,
	 * soonest first, then held ones, newest first.
	 */
	List<Meeting> published(List<Long> agencyIds, MeetingType type, Integer meetingYear, Instant now, int offset, int limit) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		String where = publicWhere(agencyIds, type, meetingYear, now, params);
		params.add(ts(now));
		params.add(ts(now));
		params.add(limit);
		params.add(offset);
		return jdbc.sql("SELECT * FROM pt_meeting WHERE " + where
				+ " ORDER BY CASE WHEN starts_at > ? THEN 0 ELSE 1 END, CASE WHEN starts_at > ? THEN starts_at END ASC, starts_at DESC, id DESC"
				+ " LIMIT ? OFFSET ?")
			.params(params)
			.query(Meetings::meeting)
			.list();
	}

	/** How many meetings {@link #published} pages through. */
	int countPublished(List<Long> agencyIds, MeetingType type, Integer meetingYear, Instant now) {
		if (agencyIds.isEmpty()) {
			return 0;
		}
		List<Object> params = new ArrayList<>();
		String where = publicWhere(agencyIds, type, meetingYear, now, params);
		return jdbc.sql("SELECT COUNT(*) FROM pt_meeting WHERE " + where).params(params).query(Integer.class).single();
	}

	private static String publicWhere(List<Long> agencyIds, MeetingType type, Integer meetingYear, Instant now, List<Object> params) {
		StringBuilder sql = new StringBuilder("status = 'PUBLISHED' AND (advance_notice = TRUE OR starts_at <= ?)");
		params.add(ts(now));
		sql.append(" AND agency_id IN (").append(marks(agencyIds.size())).append(")");
		params.addAll(agencyIds);
		if (type != null) {
			sql.append(" AND meeting_type = ?");
			params.add(type.name());
		}
		if (meetingYear != null) {
			sql.append(" AND meeting_date >= ? AND meeting_date < ?");
			params.add(Date.valueOf(LocalDate.of(meetingYear, 1, 1)));
			params.add(Date.valueOf(LocalDate.of(meetingYear + 1, 1, 1)));
		}
		return sql.toString();
	}

	/** The number of decided items per meeting, for lists (one query). */
	Map<Long, Integer> decidedCounts(List<Long> meetingIds) {
		Map<Long, Integer> out = new java.util.HashMap<>();
		if (meetingIds.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT meeting_id, COUNT(*) AS n FROM pt_meeting_decided WHERE meeting_id IN (" + marks(meetingIds.size())
				+ ") GROUP BY meeting_id")
			.params(new ArrayList<Object>(meetingIds))
			.query((rs, n) -> out.put(rs.getLong("meeting_id"), rs.getInt("n")))
			.list();
		return out;
	}

	/** The meetings among these with a public agenda item open to applications (one query). */
	java.util.Set<Long> withOpenItems(List<Long> meetingIds) {
		if (meetingIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT meeting_id FROM pt_meeting_item WHERE is_public = TRUE AND open_to_applications = TRUE "
				+ "AND meeting_id IN (" + marks(meetingIds.size()) + ")")
			.params(new ArrayList<Object>(meetingIds))
			.query(Long.class)
			.list());
	}

	/** Published meetings of the given agencies whose start has passed and whose decided items are not yet published. */
	List<Meeting> awaitingOutcome(List<Long> agencyIds, Instant now) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(ts(now));
		params.addAll(agencyIds);
		return jdbc.sql("SELECT * FROM pt_meeting WHERE status = 'PUBLISHED' AND starts_at <= ? AND outcome_published_at IS NULL AND outcome_closed_at IS NULL "
				+ "AND agency_id IN (" + marks(agencyIds.size()) + ") ORDER BY starts_at")
			.params(params)
			.query(Meetings::meeting)
			.list();
	}

	/** Records that a held meeting has no decided item to publish, and why. */
	void closeOutcome(long id, String reason, Instant at) {
		jdbc.sql("UPDATE pt_meeting SET outcome_closed_reason = ?, outcome_closed_at = ? WHERE id = ?").params(reason, ts(at), id).update();
	}

	/** Why a held meeting has no decided item to publish; empty unless staff closed it out. */
	Optional<String> outcomeClosedReason(long id) {
		return jdbc.sql("SELECT outcome_closed_reason FROM pt_meeting WHERE id = ? AND outcome_closed_at IS NOT NULL")
			.param(id)
			.query(String.class)
			.optional();
	}

	List<Meeting> ofAgency(long agencyId) {
		return jdbc.sql("SELECT * FROM pt_meeting WHERE agency_id = ? ORDER BY meeting_date DESC, id DESC")
			.param(agencyId)
			.query(Meetings::meeting)
			.list();
	}

	/** Meetings whose applicants' contact details are due for erasure: meeting day before {@code before}. */
	List<Long> contactsDue(LocalDate before) {
		return jdbc.sql("SELECT id FROM pt_meeting WHERE contacts_erased = FALSE AND meeting_date < ?")
			.param(Date.valueOf(before))
			.query(Long.class)
			.list();
	}

	int eraseContacts(long meetingId, Instant now) {
		int n = jdbc.sql("UPDATE pt_meeting_application SET applicant_name = NULL, work_unit = NULL, phone = NULL, reason = NULL, "
				+ "erased_at = ? WHERE meeting_id = ? AND erased_at IS NULL")
			.params(ts(now), meetingId)
			.update();
		jdbc.sql("UPDATE pt_meeting SET contacts_erased = TRUE WHERE id = ?").param(meetingId).update();
		return n;
	}

	// ---- agenda ---------------------------------------------------------------------------------------

	List<MeetingItem> items(long meetingId) {
		return jdbc.sql("SELECT * FROM pt_meeting_item WHERE meeting_id = ? ORDER BY sort_order, id")
			.param(meetingId)
			.query(Meetings::item)
			.list();
	}

	long insertItem(MeetingItem i) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_meeting_item (meeting_id, sort_order, title, proposer, is_public, open_to_applications) VALUES (?,?,?,?,?,?)")
			.params(i.meetingId(), i.sortOrder(), i.title(), i.proposer(), i.isPublic(), i.openToApplications())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateItem(MeetingItem i) {
		jdbc.sql("UPDATE pt_meeting_item SET sort_order = ?, title = ?, proposer = ?, is_public = ?, open_to_applications = ? WHERE id = ?")
			.params(i.sortOrder(), i.title(), i.proposer(), i.isPublic(), i.openToApplications(), i.id())
			.update();
	}

	void deleteItem(long id) {
		jdbc.sql("UPDATE pt_meeting_decided SET item_id = NULL WHERE item_id = ?").param(id).update();
		jdbc.sql("DELETE FROM pt_meeting_item WHERE id = ?").param(id).update();
	}

	// ---- decided items and their links ------------------------------------------------------------------

	List<MeetingDecided> decided(long meetingId) {
		List<MeetingDecided.MeetingLinkRef> none = List.of();
		Map<Long, List<MeetingDecided.MeetingLinkRef>> links = jdbc
			.sql("SELECT l.decided_id, l.target_kind, l.target_id FROM pt_meeting_link l JOIN pt_meeting_decided d ON d.id = l.decided_id "
					+ "WHERE d.meeting_id = ? ORDER BY l.target_kind, l.target_id")
			.param(meetingId)
			.query((rs, n) -> Map.entry(rs.getLong(1), new MeetingDecided.MeetingLinkRef(rs.getString(2), rs.getLong(3))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return jdbc.sql("SELECT * FROM pt_meeting_decided WHERE meeting_id = ? ORDER BY sort_order, id")
			.param(meetingId)
			.query((rs, n) -> {
				long itemId = rs.getLong("item_id");
				Long item = rs.wasNull() ? null : itemId;
				long id = rs.getLong("id");
				return new MeetingDecided(id, rs.getLong("meeting_id"), item, rs.getInt("sort_order"), rs.getString("content"),
						links.getOrDefault(id, none));
			})
			.list();
	}

	long insertDecided(long meetingId, Long itemId, int sortOrder, String content) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_meeting_decided (meeting_id, item_id, sort_order, content) VALUES (?,?,?,?)")
			.params(meetingId, itemId, sortOrder, content)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateDecided(long id, Long itemId, int sortOrder, String content) {
		jdbc.sql("UPDATE pt_meeting_decided SET item_id = ?, sort_order = ?, content = ? WHERE id = ?")
			.params(itemId, sortOrder, content, id)
			.update();
	}

	void deleteDecided(long id) {
		jdbc.sql("DELETE FROM pt_meeting_link WHERE decided_id = ?").param(id).update();
		jdbc.sql("DELETE FROM pt_meeting_decided WHERE id = ?").param(id).update();
	}

	void replaceLinks(long decidedId, List<MeetingDecided.MeetingLinkRef> links) {
		jdbc.sql("DELETE FROM pt_meeting_link WHERE decided_id = ?").param(decidedId).update();
		for (MeetingDecided.MeetingLinkRef l : links) {
			jdbc.sql("INSERT INTO pt_meeting_link (decided_id, target_kind, target_id) VALUES (?,?,?)")
				.params(decidedId, l.kind(), l.targetId())
				.update();
		}
	}

	/** Meetings with a decided item referring to the record (kind, id). */
	List<Long> meetingsReferring(String kind, long targetId) {
		return jdbc.sql("SELECT DISTINCT d.meeting_id FROM pt_meeting_link l JOIN pt_meeting_decided d ON d.id = l.decided_id "
				+ "WHERE l.target_kind = ? AND l.target_id = ? ORDER BY d.meeting_id DESC")
			.params(kind, targetId)
			.query(Long.class)
			.list();
	}

	// ---- attendance summary and materials ------------------------------------------------------------------

	Map<AttendanceCategory, Integer> attendance(long meetingId) {
		Map<AttendanceCategory, Integer> out = new java.util.EnumMap<>(AttendanceCategory.class);
		jdbc.sql("SELECT category, attended FROM pt_meeting_attendance WHERE meeting_id = ?")
			.param(meetingId)
			.query((rs, n) -> Map.entry(AttendanceCategory.valueOf(rs.getString(1)), rs.getInt(2)))
			.list()
			.forEach(e -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	void replaceAttendance(long meetingId, Map<AttendanceCategory, Integer> counts) {
		jdbc.sql("DELETE FROM pt_meeting_attendance WHERE meeting_id = ?").param(meetingId).update();
		counts.forEach((c, n) -> jdbc.sql("INSERT INTO pt_meeting_attendance (meeting_id, category, attended) VALUES (?,?,?)")
			.params(meetingId, c.name(), n)
			.update());
	}

	List<MeetingMaterial> materials(long meetingId) {
		return jdbc.sql("SELECT * FROM pt_meeting_material WHERE meeting_id = ? ORDER BY id")
			.param(meetingId)
			.query(Meetings::material)
			.list();
	}

	Optional<MeetingMaterial> material(long id) {
		return jdbc.sql("SELECT * FROM pt_meeting_material WHERE id = ?").param(id).query(Meetings::material).optional();
	}

	long insertMaterial(MeetingMaterial m) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_meeting_material (meeting_id, title, file_key, file_name, content_type, size_bytes, url, created_at) VALUES (?,?,?,?,?,?,?,?)")
			.params(m.meetingId(), m.title(), m.fileKey(), m.fileName(), m.contentType(), m.sizeBytes(), m.url(), ts(m.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void deleteMaterial(long id) {
		jdbc.sql("DELETE FROM pt_meeting_material WHERE id = ?").param(id).update();
	}

	// ---- applications ---------------------------------------------------------------------------------

	long insertApplication(AttendanceApplication a) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_meeting_application (meeting_id, tracking_code, applicant_name, category, work_unit, phone, item_ids, "
				+ "reason, status, submitted_at, tracking_failures) VALUES (?,?,?,?,?,?,?,?,?,?,0)")
			.params(a.meetingId(), a.trackingCode(), a.name(), a.category().name(), a.workUnit(), a.phone(),
					a.itemIds().stream().map(String::valueOf).collect(Collectors.joining(",")), a.reason(), a.status().name(),
					ts(a.submittedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<AttendanceApplication> application(long id) {
		return jdbc.sql("SELECT * FROM pt_meeting_application WHERE id = ?").param(id).query(Meetings::application).optional();
	}

	Optional<AttendanceApplication> lockApplication(long id) {
		return jdbc.sql("SELECT * FROM pt_meeting_application WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Meetings::application)
			.optional();
	}

	Optional<AttendanceApplication> applicationByCode(String code) {
		return jdbc.sql("SELECT * FROM pt_meeting_application WHERE tracking_code = ?")
			.param(code)
			.query(Meetings::application)
			.optional();
	}

	boolean codeExists(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM pt_meeting_application WHERE tracking_code = ?").param(code).query(Long.class).single() > 0;
	}

	/** The same phone already applied to this meeting and was not refused. */
	boolean duplicate(long meetingId, String phone) {
		return jdbc.sql("SELECT COUNT(*) FROM pt_meeting_application WHERE meeting_id = ? AND phone = ? AND status <> 'REFUSED'")
			.params(meetingId, phone)
			.query(Long.class)
			.single() > 0;
	}

	List<AttendanceApplication> applications(long meetingId, AttendanceStatus status) {
		return jdbc.sql("SELECT * FROM pt_meeting_application WHERE meeting_id = ?" + (status == null ? "" : " AND status = ?")
				+ " ORDER BY submitted_at, id")
			.params(status == null ? List.of(meetingId) : List.of(meetingId, status.name()))
			.query(Meetings::application)
			.list();
	}

	/** Published meetings of the given agencies with applications waiting for a decision, soonest first (one query). */
	List<Meeting> withPendingApplications(List<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM pt_meeting m WHERE m.status = 'PUBLISHED' AND m.agency_id IN (" + marks(agencyIds.size()) + ") "
				+ "AND EXISTS (SELECT 1 FROM pt_meeting_application a WHERE a.meeting_id = m.id AND a.status = 'SUBMITTED') "
				+ "ORDER BY m.starts_at, m.id")
			.params(new ArrayList<Object>(agencyIds))
			.query(Meetings::meeting)
			.list();
	}

	/** Applications waiting for a decision per meeting (one query). */
	Map<Long, Integer> pendingCounts(List<Long> meetingIds) {
		Map<Long, Integer> out = new java.util.HashMap<>();
		if (meetingIds.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT meeting_id, COUNT(*) AS n FROM pt_meeting_application WHERE status = 'SUBMITTED' AND meeting_id IN ("
				+ marks(meetingIds.size()) + ") GROUP BY meeting_id")
			.params(new ArrayList<Object>(meetingIds))
			.query((rs, n) -> out.put(rs.getLong("meeting_id"), rs.getInt("n")))
			.list();
		return out;
	}

	/** Applications waiting for a decision of meetings of the given agencies not yet begun (only those can be approved). */
	int pendingApplications(List<Long> agencyIds, Instant now) {
		if (agencyIds.isEmpty()) {
			return 0;
		}
		List<Object> params = new ArrayList<>(agencyIds);
		params.add(ts(now));
		return jdbc.sql("SELECT COUNT(*) FROM pt_meeting_application a JOIN pt_meeting m ON m.id = a.meeting_id "
				+ "WHERE a.status = 'SUBMITTED' AND m.status = 'PUBLISHED' AND m.agency_id IN (" + marks(agencyIds.size()) + ")"
				+ " AND m.starts_at > ?")
			.params(params)
			.query(Integer.class)
			.single();
	}

	void decideApplication(long id, AttendanceStatus status, String refusalReason, Instant at, String by) {
		jdbc.sql("UPDATE pt_meeting_application SET status = ?, refusal_reason = ?, decided_at = ?, decided_by = ? WHERE id = ?")
			.params(status.name(), refusalReason, ts(at), by, id)
			.update();
	}

	/** Applications of a withdrawn meeting still waiting for a decision lapse. */
	int lapseApplications(long meetingId, Instant at) {
		return jdbc.sql("UPDATE pt_meeting_application SET status = 'LAPSED', decided_at = ? WHERE meeting_id = ? AND status = 'SUBMITTED'")
			.params(ts(at), meetingId)
			.update();
	}

	/**
	 * A wrong verifier for this code (the caller holds the row lock); the tenth in a row locks the code for an hour,
	 * and from the third lockout in a row for {@link #LONG_LOCK_HOURS} hours.
	 */
	void trackingFailed(long id, Instant now) {
		jdbc.sql("UPDATE pt_meeting_application SET tracking_failures = tracking_failures + 1 WHERE id = ?").param(id).update();
		// the first statement resets the failures, so at most one of the two applies
		jdbc.sql("UPDATE pt_meeting_application SET tracking_failures = 0, tracking_lockouts = tracking_lockouts + 1, "
				+ "tracking_locked_until = ? WHERE id = ? AND tracking_failures >= 10 AND tracking_lockouts < 2")
			.params(ts(now.plus(java.time.Duration.ofHours(1))), id)
			.update();
		jdbc.sql("UPDATE pt_meeting_application SET tracking_failures = 0, tracking_lockouts = tracking_lockouts + 1, "
				+ "tracking_locked_until = ? WHERE id = ? AND tracking_failures >= 10")
			.params(ts(now.plus(java.time.Duration.ofHours(LONG_LOCK_HOURS))), id)
			.update();
	}

	/** Hours a code stays locked from its third lockout in a row. */
	static final int LONG_LOCK_HOURS = 24;

	void trackingSucceeded(long id) {
		jdbc.sql("UPDATE pt_meeting_application SET tracking_failures = 0, tracking_lockouts = 0 WHERE id = ? "
				+ "AND (tracking_failures > 0 OR tracking_lockouts > 0)").param(id).update();
	}

	boolean trackingLocked(long id, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM pt_meeting_application WHERE id = ? AND tracking_locked_until > ?")
			.params(id, ts(now))
			.query(Integer.class)
			.single() > 0;
	}

	// ---- mapping --------------------------------------------------------------------------------------

	private static Meeting meeting(ResultSet rs, int n) throws SQLException {
		return new Meeting(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"), MeetingType.valueOf(rs.getString("meeting_type")),
				instant(rs, "starts_at"), rs.getDate("meeting_date").toLocalDate(), rs.getString("place"),
				rs.getBoolean("advance_notice"), rs.getString("live_url"),
				AttendanceCategory.decode(rs.getString("invited_categories")), rs.getInt("seats"), rs.getInt("approved_count"),
				instant(rs, "apply_deadline"), MeetingStatus.valueOf(rs.getString("status")), instant(rs, "published_at"),
				rs.getString("withdrawn_reason"), instant(rs, "withdrawn_at"), instant(rs, "outcome_published_at"),
				rs.getBoolean("contacts_erased"), rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static MeetingItem item(ResultSet rs, int n) throws SQLException {
		return new MeetingItem(rs.getLong("id"), rs.getLong("meeting_id"), rs.getInt("sort_order"), rs.getString("title"),
				rs.getString("proposer"), rs.getBoolean("is_public"), rs.getBoolean("open_to_applications"));
	}

	private static MeetingMaterial material(ResultSet rs, int n) throws SQLException {
		long size = rs.getLong("size_bytes");
		Long sizeBytes = rs.wasNull() ? null : size;
		return new MeetingMaterial(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("title"), rs.getString("file_key"),
				rs.getString("file_name"), rs.getString("content_type"), sizeBytes, rs.getString("url"), instant(rs, "created_at"));
	}

	private static AttendanceApplication application(ResultSet rs, int n) throws SQLException {
		String ids = rs.getString("item_ids");
		List<Long> itemIds = ids == null || ids.isBlank() ? List.of()
				: Arrays.stream(ids.split(",")).map(String::trim).map(Long::valueOf).toList();
		return new AttendanceApplication(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("tracking_code"),
				rs.getString("applicant_name"), AttendanceCategory.valueOf(rs.getString("category")), rs.getString("work_unit"),
				rs.getString("phone"), itemIds, rs.getString("reason"), AttendanceStatus.valueOf(rs.getString("status")),
				rs.getString("refusal_reason"), instant(rs, "decided_at"), rs.getString("decided_by"), instant(rs, "submitted_at"),
				instant(rs, "erased_at"));
	}

	private static String marks(int n) {
		return String.join(",", java.util.Collections.nCopies(n, "?"));
	}

}
