package org.gongkai.participation;

import static org.gongkai.platform.Rows.date;
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

import org.gongkai.participation.MajorDecision.Catalog;
import org.gongkai.participation.MajorDecision.Change;
import org.gongkai.participation.MajorDecision.ChangeKind;
import org.gongkai.participation.MajorDecision.Document;
import org.gongkai.participation.MajorDecision.Method;
import org.gongkai.participation.MajorDecision.Progress;
import org.gongkai.participation.MajorDecision.StageRecord;
import org.gongkai.participation.MajorDecision.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code pt_decision*} tables: catalogues, their items, stages with documents, progress and the change history. */
@Repository
class MajorDecisions {

	private final JdbcClient jdbc;

	MajorDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- catalogues ----------------------------------------------------------------------------------------

	Optional<Catalog> catalog(long agencyId, int year) {
		return jdbc.sql("SELECT * FROM pt_decision_catalog WHERE agency_id = ? AND plan_year = ?")
			.params(agencyId, year)
			.query(this::catalogRow)
			.optional();
	}

	Optional<Catalog> catalog(long id) {
		return jdbc.sql("SELECT * FROM pt_decision_catalog WHERE id = ?").param(id).query(this::catalogRow).optional();
	}

	/** The agency's catalogue of the year, created as a draft when missing, locked; only in a read-write transaction. */
	Catalog lockCatalog(long agencyId, int year, String by, Instant now) {
		jdbc.sql("INSERT INTO pt_decision_catalog (agency_id, plan_year, status, created_by, created_at, updated_at)"
				+ " VALUES (?,?,'DRAFT',?,?,?) ON CONFLICT DO NOTHING")
			.params(agencyId, year, by, ts(now), ts(now))
			.update();
		return jdbc.sql("SELECT * FROM pt_decision_catalog WHERE agency_id = ? AND plan_year = ? FOR UPDATE")
			.params(agencyId, year)
			.query(this::catalogRow)
			.single();
	}

	Optional<Catalog> lockCatalog(long id) {
		return jdbc.sql("SELECT * FROM pt_decision_catalog WHERE id = ? FOR UPDATE").param(id).query(this::catalogRow).optional();
	}

	void publishCatalog(long id, LocalDate on, String note, Instant now) {
		jdbc.sql("UPDATE pt_decision_catalog SET status = 'PUBLISHED', published_on = ?, approval_note = ?, published_at = ?,"
				+ " updated_at = ? WHERE id = ?")
			.params(Date.valueOf(on), note, ts(now), ts(now), id)
			.update();
	}

	void touchCatalog(long id, Instant now) {
		jdbc.sql("UPDATE pt_decision_catalog SET updated_at = ? WHERE id = ?").params(ts(now), id).update();
	}

	List<Catalog> catalogs(long agencyId) {
		return jdbc.sql("SELECT * FROM pt_decision_catalog WHERE agency_id = ? ORDER BY plan_year DESC")
			.param(agencyId)
			.query(this::catalogRow)
			.list();
	}

	/** Published catalogues, of one year or of every year when {@code year} is null, of one agency or all. */
	List<Catalog> publishedCatalogs(Long agencyId, Integer year) {
		StringBuilder sql = new StringBuilder("SELECT * FROM pt_decision_catalog WHERE status = 'PUBLISHED'");
		List<Object> params = new ArrayList<>();
		if (agencyId != null) {
			sql.append(" AND agency_id = ?");
			params.add(agencyId);
		}
		if (year != null) {
			sql.append(" AND plan_year = ?");
			params.add(year);
		}
		sql.append(" ORDER BY plan_year DESC, agency_id");
		return jdbc.sql(sql.toString()).params(params).query(this::catalogRow).list();
	}

	List<Integer> publishedYears() {
		return jdbc.sql("SELECT DISTINCT plan_year FROM pt_decision_catalog WHERE status = 'PUBLISHED' ORDER BY plan_year DESC")
			.query(Integer.class)
			.list();
	}

	// ---- items ---------------------------------------------------------------------------------------------

	int nextSeq(long catalogId) {
		return jdbc.sql("SELECT COALESCE(MAX(seq_no), 0) + 1 FROM pt_decision WHERE catalog_id = ?")
			.param(catalogId)
			.query(Integer.class)
			.single();
	}

	long insert(MajorDecision d) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_decision (catalog_id, agency_id, seq_no, title, summary, unit_agency_id, unit_office, plan_month,"
				+ " plan_quarter, methods, other_method, expert_required, risk_required, participation_exempt, exempt_reason, status,"
				+ " status_reason, added_late, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(d.catalogId(), d.agencyId(), d.seq(), d.title(), d.summary(), d.unitAgencyId(), d.unitOffice(), d.planMonth(),
					d.planQuarter(), methods(d.methods()), d.otherMethod(), d.expertRequired(), d.riskRequired(),
					d.participationExempt(), d.exemptReason(), d.status().name(), d.statusReason(), d.addedLate(), d.createdBy(),
					ts(d.createdAt()), ts(d.updatedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(MajorDecision d, Instant now) {
		jdbc.sql("UPDATE pt_decision SET title = ?, summary = ?, unit_agency_id = ?, unit_office = ?, plan_month = ?,"
				+ " plan_quarter = ?, methods = ?, other_method = ?, expert_required = ?, risk_required = ?,"
				+ " participation_exempt = ?, exempt_reason = ?, version = version + 1, updated_at = ? WHERE id = ?")
			.params(d.title(), d.summary(), d.unitAgencyId(), d.unitOffice(), d.planMonth(), d.planQuarter(), methods(d.methods()),
					d.otherMethod(), d.expertRequired(), d.riskRequired(), d.participationExempt(), d.exemptReason(), ts(now),
					d.id())
			.update();
	}

	void setStatus(long id, Status status, String reason, Instant now) {
		jdbc.sql("UPDATE pt_decision SET status = ?, status_reason = ?, version = version + 1, updated_at = ? WHERE id = ?")
			.params(status.name(), reason, ts(now), id)
			.update();
	}

	void setDecision(long id, String title, String number, LocalDate on, String url, String fileKey, String fileName,
			Instant now) {
		jdbc.sql("UPDATE pt_decision SET status = 'DECIDED', status_reason = NULL, decision_title = ?, decision_number = ?,"
				+ " decided_on = ?, decision_url = ?, decision_file_key = ?, decision_file_name = ?, version = version + 1,"
				+ " updated_at = ? WHERE id = ?")
			.params(title, number, Date.valueOf(on), url, fileKey, fileName, ts(now), id)
			.update();
	}

	void setEvaluation(long id, LocalDate on, String summary, String url, String fileKey, String fileName, Instant now) {
		jdbc.sql("UPDATE pt_decision SET evaluated_on = ?, evaluation_summary = ?, evaluation_url = ?, evaluation_file_key = ?,"
				+ " evaluation_file_name = ?, version = version + 1, updated_at = ? WHERE id = ?")
			.params(Date.valueOf(on), summary, url, fileKey, fileName, ts(now), id)
			.update();
	}

	Optional<MajorDecision> find(long id) {
		return jdbc.sql("SELECT d.*, c.plan_year FROM pt_decision d JOIN pt_decision_catalog c ON c.id = d.catalog_id WHERE d.id = ?")
			.param(id)
			.query(this::decisionRow)
			.optional();
	}

	/** Reads an item for change; only inside a read-write transaction. */
	Optional<MajorDecision> lock(long id) {
		jdbc.sql("SELECT id FROM pt_decision WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
		return find(id);
	}

	List<MajorDecision> items(long catalogId) {
		return jdbc.sql("SELECT d.*, c.plan_year FROM pt_decision d JOIN pt_decision_catalog c ON c.id = d.catalog_id"
				+ " WHERE d.catalog_id = ? ORDER BY d.seq_no, d.id")
			.param(catalogId)
			.query(this::decisionRow)
			.list();
	}

	/** Every item of the given agencies' catalogues, newest year first. */
	List<MajorDecision> itemsOf(List<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT d.*, c.plan_year FROM pt_decision d JOIN pt_decision_catalog c ON c.id = d.catalog_id"
				+ " WHERE d.agency_id IN (:ids) ORDER BY c.plan_year DESC, d.agency_id, d.seq_no")
			.param("ids", agencyIds)
			.query(this::decisionRow)
			.list();
	}

	/** Items of published catalogues, of one agency or all, of one year or all. */
	List<MajorDecision> publishedItems(Long agencyId, Integer year) {
		StringBuilder sql = new StringBuilder("SELECT d.*, c.plan_year FROM pt_decision d JOIN pt_decision_catalog c"
				+ " ON c.id = d.catalog_id WHERE c.status = 'PUBLISHED'");
		List<Object> params = new ArrayList<>();
		if (agencyId != null) {
			sql.append(" AND d.agency_id = ?");
			params.add(agencyId);
		}
		if (year != null) {
			sql.append(" AND c.plan_year = ?");
			params.add(year);
		}
		sql.append(" ORDER BY c.plan_year DESC, d.agency_id, d.seq_no");
		return jdbc.sql(sql.toString()).params(params).query(this::decisionRow).list();
	}

	// ---- stages and documents ------------------------------------------------------------------------------

	long insertStage(StageRecord s) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_decision_stage (decision_id, stage, completed_on, summary, is_public, outcome, meeting_form,"
				+ " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)")
			.params(s.decisionId(), s.stage().name(), Date.valueOf(s.completedOn()), s.summary(), s.isPublic(),
					s.outcome() == null ? null : s.outcome().name(), s.meetingForm() == null ? null : s.meetingForm().name(),
					s.recordedBy(), ts(s.recordedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	long insertDocument(Document d) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_decision_doc (decision_id, stage_id, title, url, file_key, file_name, file_size)"
				+ " VALUES (?,?,?,?,?,?,?)")
			.params(d.decisionId(), d.stageId(), d.title(), d.url(), d.fileKey(), d.fileName(), d.fileSize())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Items of several catalogues, grouped by catalogue, in catalogue order. */
	Map<Long, List<MajorDecision>> itemsOfCatalogs(List<Long> catalogIds) {
		if (catalogIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT d.*, c.plan_year FROM pt_decision d JOIN pt_decision_catalog c ON c.id = d.catalog_id"
				+ " WHERE d.catalog_id IN (:ids) ORDER BY d.seq_no, d.id")
			.param("ids", catalogIds)
			.query(this::decisionRow)
			.list()
			.stream()
			.collect(Collectors.groupingBy(MajorDecision::catalogId, java.util.LinkedHashMap::new, Collectors.toList()));
	}

	/** Catalogues by id. */
	Map<Long, Catalog> catalogsById(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM pt_decision_catalog WHERE id IN (:ids)")
			.param("ids", List.copyOf(new java.util.HashSet<>(ids)))
			.query(this::catalogRow)
			.list()
			.stream()
			.collect(Collectors.toMap(Catalog::id, c -> c));
	}

	/** Deletes an item of a catalogue not yet published, with its stages and documents, and moves the items after it up. */
	void delete(MajorDecision d) {
		jdbc.sql("DELETE FROM pt_decision_doc WHERE decision_id = ?").param(d.id()).update();
		jdbc.sql("DELETE FROM pt_decision_stage WHERE decision_id = ?").param(d.id()).update();
		jdbc.sql("DELETE FROM pt_decision_progress WHERE decision_id = ?").param(d.id()).update();
		jdbc.sql("DELETE FROM pt_decision_change WHERE decision_id = ?").param(d.id()).update();
		jdbc.sql("DELETE FROM pt_decision WHERE id = ?").param(d.id()).update();
		jdbc.sql("UPDATE pt_decision SET seq_no = seq_no - 1 WHERE catalog_id = ? AND seq_no > ?").params(d.catalogId(), d.seq()).update();
	}

	/** The stages of several items, each list in the order they were completed, without their documents. */
	Map<Long, List<StageRecord>> stagesOf(List<Long> decisionIds) {
		if (decisionIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM pt_decision_stage WHERE decision_id IN (:ids) ORDER BY completed_on, id")
			.param("ids", decisionIds)
			.query(this::stageRow)
			.list()
			.stream()
			.collect(Collectors.groupingBy(StageRecord::decisionId));
	}

	/** The item's stages in the order they were completed, each with its documents. */
	List<StageRecord> stages(long decisionId) {
		List<StageRecord> stages = jdbc.sql("SELECT * FROM pt_decision_stage WHERE decision_id = ? ORDER BY completed_on, id")
			.param(decisionId)
			.query(this::stageRow)
			.list();
		Map<Long, List<Document>> docs = jdbc.sql("SELECT * FROM pt_decision_doc WHERE decision_id = ? ORDER BY id")
			.param(decisionId)
			.query(this::documentRow)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Document::stageId));
		return stages.stream().map(s -> s.withDocuments(docs.getOrDefault(s.id(), List.of()))).toList();
	}

	Optional<Document> document(long id) {
		return jdbc.sql("SELECT * FROM pt_decision_doc WHERE id = ?").param(id).query(this::documentRow).optional();
	}

	// ---- progress and changes ------------------------------------------------------------------------------

	void insertProgress(long decisionId, LocalDate on, String content, String by, Instant now) {
		jdbc.sql("INSERT INTO pt_decision_progress (decision_id, progress_on, content, recorded_by, recorded_at) VALUES (?,?,?,?,?)")
			.params(decisionId, Date.valueOf(on), content, by, ts(now))
			.update();
	}

	List<Progress> progress(long decisionId) {
		return jdbc.sql("SELECT * FROM pt_decision_progress WHERE decision_id = ? ORDER BY progress_on, id")
			.param(decisionId)
			.query((rs, n) -> new Progress(rs.getLong("id"), rs.getLong("decision_id"), rs.getDate("progress_on").toLocalDate(),
					rs.getString("content"), instant(rs, "recorded_at")))
			.list();
	}

	void insertChange(long catalogId, Long decisionId, ChangeKind kind, String title, String reason, String detail, LocalDate on,
			Instant at, String by) {
		jdbc.sql("INSERT INTO pt_decision_change (catalog_id, decision_id, change_kind, title, reason, detail, changed_on, changed_at,"
				+ " changed_by) VALUES (?,?,?,?,?,?,?,?,?)")
			.params(catalogId, decisionId, kind.name(), title, reason, detail, Date.valueOf(on), ts(at), by)
			.update();
	}

	/** Changes of several catalogues, grouped by catalogue, oldest first. */
	Map<Long, List<Change>> changesOf(List<Long> catalogIds) {
		if (catalogIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM pt_decision_change WHERE catalog_id IN (:ids) ORDER BY changed_at, id")
			.param("ids", catalogIds)
			.query(this::changeRow)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Change::catalogId, java.util.LinkedHashMap::new, Collectors.toList()));
	}

	List<Change> changes(long catalogId) {
		return jdbc.sql("SELECT * FROM pt_decision_change WHERE catalog_id = ? ORDER BY changed_at, id")
			.param(catalogId)
			.query(this::changeRow)
			.list();
	}

	/** The newest changes of published catalogues, of one agency or all. */
	List<Change> publishedChanges(Long agencyId, int limit) {
		String sql = "SELECT h.* FROM pt_decision_change h JOIN pt_decision_catalog c ON c.id = h.catalog_id"
				+ " WHERE c.status = 'PUBLISHED'" + (agencyId != null ? " AND c.agency_id = ?" : "")
				+ " ORDER BY h.changed_at DESC, h.id DESC LIMIT " + Math.max(1, limit);
		JdbcClient.StatementSpec spec = jdbc.sql(sql);
		if (agencyId != null) {
			spec = spec.param(agencyId);
		}
		return spec.query(this::changeRow).list();
	}

	// ---- rows ----------------------------------------------------------------------------------------------

	private Catalog catalogRow(ResultSet rs, int n) throws SQLException {
		Date on = rs.getDate("published_on");
		return new Catalog(rs.getLong("id"), rs.getLong("agency_id"), rs.getInt("plan_year"),
				"PUBLISHED".equals(rs.getString("status")), on == null ? null : on.toLocalDate(), rs.getString("approval_note"),
				instant(rs, "published_at"), instant(rs, "updated_at"));
	}

	private MajorDecision decisionRow(ResultSet rs, int n) throws SQLException {
		return new MajorDecision(rs.getLong("id"), rs.getLong("catalog_id"), rs.getLong("agency_id"), rs.getInt("plan_year"),
				rs.getInt("seq_no"), rs.getString("title"), rs.getString("summary"), rs.getLong("unit_agency_id"),
				rs.getString("unit_office"), integer(rs, "plan_month"), integer(rs, "plan_quarter"),
				methods(rs.getString("methods")), rs.getString("other_method"), rs.getBoolean("expert_required"),
				rs.getBoolean("risk_required"), rs.getBoolean("participation_exempt"), rs.getString("exempt_reason"),
				Status.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getBoolean("added_late"),
				rs.getString("decision_title"), rs.getString("decision_number"), date(rs, "decided_on"),
				rs.getString("decision_url"), rs.getString("decision_file_key"), rs.getString("decision_file_name"),
				date(rs, "evaluated_on"), rs.getString("evaluation_summary"), rs.getString("evaluation_url"),
				rs.getString("evaluation_file_key"), rs.getString("evaluation_file_name"), rs.getInt("version"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private StageRecord stageRow(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		String form = rs.getString("meeting_form");
		return new StageRecord(rs.getLong("id"), rs.getLong("decision_id"), MajorDecisionStage.valueOf(rs.getString("stage")),
				rs.getDate("completed_on").toLocalDate(), rs.getString("summary"), rs.getBoolean("is_public"),
				outcome == null ? null : MajorDecisionStage.Outcome.valueOf(outcome),
				form == null ? null : MajorDecisionStage.MeetingForm.valueOf(form), rs.getString("recorded_by"),
				instant(rs, "recorded_at"), List.of());
	}

	private Document documentRow(ResultSet rs, int n) throws SQLException {
		long size = rs.getLong("file_size");
		return new Document(rs.getLong("id"), rs.getLong("decision_id"), rs.getLong("stage_id"), rs.getString("title"),
				rs.getString("url"), rs.getString("file_key"), rs.getString("file_name"), rs.wasNull() ? null : size);
	}

	private Change changeRow(ResultSet rs, int n) throws SQLException {
		long decisionId = rs.getLong("decision_id");
		Long d = rs.wasNull() ? null : decisionId;
		return new Change(rs.getLong("id"), rs.getLong("catalog_id"), d, ChangeKind.valueOf(rs.getString("change_kind")),
				rs.getString("title"), rs.getString("reason"), rs.getString("detail"), rs.getDate("changed_on").toLocalDate(),
				instant(rs, "changed_at"));
	}

	private static String methods(List<Method> methods) {
		return methods.stream().map(Method::name).collect(Collectors.joining(","));
	}

	private static List<Method> methods(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Method::valueOf).toList();
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

}
