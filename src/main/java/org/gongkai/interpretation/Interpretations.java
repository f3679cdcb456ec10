package org.gongkai.interpretation;

import static org.gongkai.platform.Rows.date;
import static org.gongkai.platform.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of interpretations with their policies, sections, Q&A pairs, files and history (tables {@code int_*}). */
@Repository
class Interpretations {

	private static final String COLUMNS = "agency_id, title, form, summary, body, theme, interpreting_unit_id, interpreter, "
			+ "interpreter_title, principal_leader, follow_up, media_outlet, event_at, event_place, participants, media_url, "
			+ "transcript, repost_source, repost_source_url, repost_original_on, status, published_on, published_at, due_on, "
			+ "due_provisional, late, documents_public, returned_reason, withdrawn_reason, created_by, created_at, updated_at";

	private final JdbcClient jdbc;

	Interpretations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Interpretation i) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO int_interpretation (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(values(i))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeParts(id, i);
		return id;
	}

	void update(Interpretation i) {
		List<Object> params = values(i);
		params.add(i.id());
		jdbc.sql("UPDATE int_interpretation SET " + String.join(" = ?, ", COLUMNS.split(", ")) + " = ? WHERE id = ?")
			.params(params)
			.update();
		jdbc.sql("DELETE FROM int_interpretation_document WHERE interpretation_id = ?").param(i.id()).update();
		jdbc.sql("DELETE FROM int_section WHERE interpretation_id = ?").param(i.id()).update();
		jdbc.sql("DELETE FROM int_qa WHERE interpretation_id = ?").param(i.id()).update();
		writeParts(i.id(), i);
	}

	private void writeParts(long id, Interpretation i) {
		int order = 0;
		for (Long doc : i.documentIds()) {
			jdbc.sql("INSERT INTO int_interpretation_document (interpretation_id, document_id, sort_order) VALUES (?,?,?)")
				.params(id, doc, order++)
				.update();
		}
		for (Map.Entry<InterpretationSection, String> s : i.sections().entrySet()) {
			jdbc.sql("INSERT INTO int_section (interpretation_id, section_key, body) VALUES (?,?,?)")
				.params(id, s.getKey().name(), s.getValue())
				.update();
		}
		int position = 1;
		for (Interpretation.QaPair pair : i.qa()) {
			jdbc.sql("INSERT INTO int_qa (interpretation_id, position, question, answer) VALUES (?,?,?,?)")
				.params(id, position++, pair.question(), pair.answer())
				.update();
		}
	}

	private static List<Object> values(Interpretation i) {
		List<Object> v = new ArrayList<>();
		v.add(i.agencyId());
		v.add(i.title());
		v.add(i.form().name());
		v.add(i.summary());
		v.add(i.body());
		v.add(i.theme());
		v.add(i.interpretingUnitId());
		v.add(i.interpreter());
		v.add(i.interpreterTitle());
		v.add(i.principalLeader());
		v.add(i.followUp());
		v.add(i.mediaOutlet());
		v.add(ts(i.eventAt()));
		v.add(i.eventPlace());
		v.add(i.participants());
		v.add(i.mediaUrl());
		v.add(i.transcript());
		v.add(i.repostSource());
		v.add(i.repostSourceUrl());
		v.add(i.repostOriginalOn());
		v.add(i.status().name());
		v.add(i.publishedOn());
		v.add(ts(i.publishedAt()));
		v.add(i.dueOn());
		v.add(i.dueProvisional());
		v.add(i.late());
		v.add(i.documentsPublic());
		v.add(i.returnedReason());
		v.add(i.withdrawnReason());
		v.add(i.createdBy());
		v.add(ts(i.createdAt()));
		v.add(ts(i.updatedAt()));
		return v;
	}

	Optional<Interpretation> findById(long id) {
		return jdbc.sql("SELECT * FROM int_interpretation WHERE id = ?").param(id).query(this::row).optional().map(this::withParts);
	}

	Optional<Interpretation> findByIdForUpdate(long id) {
		return jdbc.sql("SELECT * FROM int_interpretation WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this::row)
			.optional()
			.map(this::withParts);
	}

	/** Interpretations linked to a policy, in any status, oldest first. */
	List<Interpretation> ofDocument(long documentId) {
		return jdbc.sql("SELECT i.* FROM int_interpretation i JOIN int_interpretation_document d ON d.interpretation_id = i.id "
				+ "WHERE d.document_id = ? ORDER BY i.id")
			.param(documentId)
			.query(this::row)
			.list()
			.stream()
			.map(this::withParts)
			.toList();
	}

	/** One page of interpretations matching the filter, newest first, and the total. */
	Page page(Filter f, int offset, int limit) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (f.publicOnly()) {
			where.append(" AND i.status = 'PUBLISHED' AND i.documents_public = TRUE");
		}
		if (f.statuses() != null && !f.statuses().isEmpty()) {
			where.append(" AND i.status IN (").append(String.join(",", f.statuses().stream().map(s -> "?").toList())).append(")");
			f.statuses().forEach(s -> params.add(s.name()));
		}
		if (f.agencyIds() != null) {
			if (f.agencyIds().isEmpty()) {
				return new Page(List.of(), 0);
			}
			where.append(" AND i.agency_id IN (").append(String.join(",", f.agencyIds().stream().map(a -> "?").toList())).append(")");
			params.addAll(f.agencyIds());
		}
		if (f.form() != null) {
			where.append(" AND i.form = ?");
			params.add(f.form().name());
		}
		if (f.theme() != null) {
			where.append(" AND (i.theme = ? OR i.theme LIKE ?)");
			params.add(f.theme());
			params.add(f.theme() + "/%");
		}
		if (f.documentId() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM int_interpretation_document x WHERE x.interpretation_id = i.id AND x.document_id = ?)");
			params.add(f.documentId());
		}
		if (f.text() != null) {
			where.append(" AND LOWER(i.title) LIKE ?");
			params.add("%" + f.text().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM int_interpretation i" + where).params(params).query(Long.class).single();
		if (limit == 0) {
			return new Page(List.of(), total);
		}
		List<Object> paged = new ArrayList<>(params);
		paged.add(limit);
		paged.add(offset);
		List<Interpretation> items = jdbc
			.sql("SELECT i.* FROM int_interpretation i" + where
					+ " ORDER BY COALESCE(i.published_at, i.updated_at) DESC, i.id DESC LIMIT ? OFFSET ?")
			.params(paged)
			.query(this::row)
			.list()
			.stream()
			.map(this::withParts)
			.toList();
		return new Page(items, total);
	}

	record Filter(boolean publicOnly, Collection<Long> agencyIds, Collection<InterpretationStatus> statuses,
			InterpretationForm form, String theme, Long documentId, String text) {
	}

	record Page(List<Interpretation> items, long total) {
	}

	/** Published interpretations whose due date was counted into a year not loaded at the time. */
	List<Interpretation> withProvisionalDue() {
		return jdbc.sql("SELECT * FROM int_interpretation WHERE due_provisional = TRUE AND status = 'PUBLISHED'")
			.query(this::row)
			.list()
			.stream()
			.map(this::withParts)
			.toList();
	}

	/** Ids and agencies of the public interpretations, for the sitemap. */
	List<long[]> publicIds() {
		return jdbc.sql("SELECT agency_id, id FROM int_interpretation WHERE status = 'PUBLISHED' AND documents_public = TRUE")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/** Published interpretations of agencies in a year, by form, and how many by principal leaders. */
	Map<InterpretationForm, Long> publishedByForm(Collection<Long> agencyIds, LocalDate from, LocalDate to) {
		Map<InterpretationForm, Long> counts = new EnumMap<>(InterpretationForm.class);
		if (agencyIds.isEmpty()) {
			return counts;
		}
		List<Object> params = new ArrayList<>(agencyIds);
		params.add(from);
		params.add(to);
		jdbc.sql("SELECT form, COUNT(*) FROM int_interpretation WHERE agency_id IN ("
				+ String.join(",", agencyIds.stream().map(a -> "?").toList())
				+ ") AND status IN ('PUBLISHED', 'WITHDRAWN') AND published_on BETWEEN ? AND ? GROUP BY form")
			.params(params)
			.query((rs, n) -> counts.put(InterpretationForm.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	long principalLeaderCount(long agencyId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT COUNT(*) FROM int_interpretation WHERE agency_id = ? AND principal_leader = TRUE "
				+ "AND status IN ('PUBLISHED', 'WITHDRAWN') AND published_on BETWEEN ? AND ?")
			.params(agencyId, from, to)
			.query(Long.class)
			.single();
	}

	long countByStatus(Collection<Long> agencyIds, InterpretationStatus status) {
		if (agencyIds.isEmpty()) {
			return 0;
		}
		List<Object> params = new ArrayList<>(agencyIds);
		params.add(status.name());
		return jdbc.sql("SELECT COUNT(*) FROM int_interpretation WHERE agency_id IN ("
				+ String.join(",", agencyIds.stream().map(a -> "?").toList()) + ") AND status = ?")
			.params(params)
			.query(Long.class)
			.single();
	}

	// ---- files and history --------------------------------------------------------------------------

	long insertMedia(InterpretationMedia m) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO int_media (interpretation_id, kind, file_name, content_type, size_bytes, storage_key, alt_text, "
				+ "description, sort_order, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
			.params(m.interpretationId(), m.kind().name(), m.fileName(), m.contentType(), m.size(), m.storageKey(),
					m.altText(), m.description(), m.sortOrder(), m.uploadedBy(), ts(m.uploadedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<InterpretationMedia> media(long interpretationId) {
		return jdbc.sql("SELECT * FROM int_media WHERE interpretation_id = ? ORDER BY sort_order, id")
			.param(interpretationId)
			.query((rs, n) -> new InterpretationMedia(rs.getLong("id"), rs.getLong("interpretation_id"),
					MediaKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("content_type"),
					rs.getLong("size_bytes"), rs.getString("storage_key"), rs.getString("alt_text"),
					rs.getString("description"), rs.getInt("sort_order"), rs.getString("uploaded_by"),
					instant(rs.getTimestamp("uploaded_at"))))
			.list();
	}

	void deleteMedia(long interpretationId, long mediaId) {
		jdbc.sql("DELETE FROM int_media WHERE interpretation_id = ? AND id = ?").params(interpretationId, mediaId).update();
	}

	void addHistory(long id, Instant at, String actor, String action, InterpretationStatus from, InterpretationStatus to,
			String note) {
		jdbc.sql("INSERT INTO int_history (interpretation_id, occurred_at, actor, action, from_status, to_status, note) "
				+ "VALUES (?,?,?,?,?,?,?)")
			.params(id, ts(at), actor, action, from == null ? null : from.name(), to == null ? null : to.name(), note)
			.update();
	}

	record HistoryEntry(Instant at, String actor, String action, InterpretationStatus from, InterpretationStatus to,
			String note) {
	}

	List<HistoryEntry> history(long id) {
		return jdbc.sql("SELECT * FROM int_history WHERE interpretation_id = ? ORDER BY id")
			.param(id)
			.query((rs, n) -> new HistoryEntry(instant(rs.getTimestamp("occurred_at")), rs.getString("actor"),
					rs.getString("action"), status(rs.getString("from_status")), status(rs.getString("to_status")),
					rs.getString("note")))
			.list();
	}

	// ---- mapping ------------------------------------------------------------------------------------

	private Interpretation withParts(Interpretation i) {
		List<Long> docs = jdbc.sql("SELECT document_id FROM int_interpretation_document WHERE interpretation_id = ? ORDER BY sort_order")
			.param(i.id())
			.query(Long.class)
			.list();
		Map<InterpretationSection, String> sections = new EnumMap<>(InterpretationSection.class);
		jdbc.sql("SELECT section_key, body FROM int_section WHERE interpretation_id = ?")
			.param(i.id())
			.query((rs, n) -> sections.put(InterpretationSection.valueOf(rs.getString(1)), rs.getString(2)))
			.list();
		List<Interpretation.QaPair> qa = jdbc.sql("SELECT question, answer FROM int_qa WHERE interpretation_id = ? ORDER BY position")
			.param(i.id())
			.query((rs, n) -> new Interpretation.QaPair(rs.getString(1), rs.getString(2)))
			.list();
		return new Interpretation(i.id(), i.agencyId(), i.title(), i.form(), i.summary(), i.body(), i.theme(),
				i.interpretingUnitId(), i.interpreter(), i.interpreterTitle(), i.principalLeader(), i.followUp(),
				i.mediaOutlet(), i.eventAt(), i.eventPlace(), i.participants(), i.mediaUrl(), i.transcript(),
				i.repostSource(), i.repostSourceUrl(), i.repostOriginalOn(), i.status(), i.publishedOn(), i.publishedAt(),
				i.dueOn(), i.dueProvisional(), i.late(), i.documentsPublic(), i.returnedReason(), i.withdrawnReason(), i.createdBy(),
				i.createdAt(), i.updatedAt(), docs, sections, qa);
	}

	private Interpretation row(ResultSet rs, int n) throws SQLException {
		return new Interpretation(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"),
				InterpretationForm.valueOf(rs.getString("form")), rs.getString("summary"), rs.getString("body"),
				rs.getString("theme"), rs.getLong("interpreting_unit_id"), rs.getString("interpreter"),
				rs.getString("interpreter_title"), rs.getBoolean("principal_leader"), rs.getBoolean("follow_up"),
				rs.getString("media_outlet"), instant(rs.getTimestamp("event_at")), rs.getString("event_place"),
				rs.getString("participants"), rs.getString("media_url"), rs.getString("transcript"),
				rs.getString("repost_source"), rs.getString("repost_source_url"), date(rs, "repost_original_on"),
				InterpretationStatus.valueOf(rs.getString("status")), date(rs, "published_on"),
				instant(rs.getTimestamp("published_at")), date(rs, "due_on"), rs.getBoolean("due_provisional"),
				rs.getBoolean("late"),
				rs.getBoolean("documents_public"), rs.getString("returned_reason"), rs.getString("withdrawn_reason"),
				rs.getString("created_by"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
				List.of(), Map.of(), List.of());
	}

	private static InterpretationStatus status(String s) {
		return s == null ? null : InterpretationStatus.valueOf(s);
	}

	static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
