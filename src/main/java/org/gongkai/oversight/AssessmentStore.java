package org.gongkai.oversight;

import static org.gongkai.platform.Rows.date;
import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;
import org.gongkai.oversight.AssessmentRun.Line;
import org.gongkai.oversight.AssessmentRun.Manual;
import org.gongkai.oversight.AssessmentRun.Sheet;
import org.gongkai.oversight.AssessmentRun.Status;
import org.gongkai.oversight.AssessmentScheme.GradeBand;
import org.gongkai.oversight.AssessmentScheme.Item;
import org.gongkai.oversight.AssessmentScheme.Kind;
import org.gongkai.oversight.AssessmentScheme.Measure;
import org.gongkai.oversight.AssessmentScheme.Rule;
import org.gongkai.platform.CountedRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The assessment tables: ov_scheme and ov_scheme_item, ov_assessment_run with its sheets, lines, line records and
 * manual entries. Writes to a run's sheets and manual entries are guarded by {@code status = 'DRAFT'} in their SQL,
 * so a final run stays as it was even if a service forgot to check.
 */
@Repository
class AssessmentStore {

	private final JdbcClient jdbc;

	AssessmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- schemes ------------------------------------------------------------------------------------------

	record SchemeHeader(long ownerAgencyId, String name, int year, Set<AgencyLevel> levels, Set<AgencyType> types,
			List<GradeBand> grades, String templateCode, String sourceTitle, String sourceUrl, String sourceDate,
			String note) {
	}

	long insertScheme(SchemeHeader h, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_scheme (owner_agency_id, name, report_year, scope_levels, scope_types, grade_bands, "
				+ "template_code, source_title, source_url, source_date, note, created_by, created_at, updated_at, revision) "
				+ "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
			.params(h.ownerAgencyId(), h.name(), h.year(), names(h.levels()), names(h.types()), gradesText(h.grades()),
					h.templateCode(), h.sourceTitle(), h.sourceUrl(), h.sourceDate(), h.note(), by, ts(at), ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean updateScheme(long id, int revision, SchemeHeader h, Instant at) {
		return jdbc.sql("UPDATE ov_scheme SET name = ?, report_year = ?, scope_levels = ?, scope_types = ?, grade_bands = ?, "
				+ "note = ?, updated_at = ?, revision = revision + 1 WHERE id = ? AND revision = ?")
			.params(h.name(), h.year(), names(h.levels()), names(h.types()), gradesText(h.grades()), h.note(), ts(at), id,
					revision)
			.update() == 1;
	}

	/** Raises the scheme's revision (its items changed); false when it moved meanwhile. */
	boolean touchScheme(long id, int revision, Instant at) {
		return jdbc.sql("UPDATE ov_scheme SET updated_at = ?, revision = revision + 1 WHERE id = ? AND revision = ?")
			.params(ts(at), id, revision)
			.update() == 1;
	}

	long insertItem(long schemeId, Long parentId, int sortOrder, Kind kind, String title, BigDecimal points,
			Measure measure, String figureKey, Rule rule, BigDecimal unitPoints, BigDecimal cap, Long threshold) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_scheme_item (scheme_id, parent_id, sort_order, kind, title, points, measure, figure_key, "
				+ "rule_kind, unit_points, cap, threshold) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(schemeId, parentId, sortOrder, kind.name(), title, points, measure == null ? null : measure.name(),
					figureKey, rule == null ? null : rule.name(), unitPoints, cap, threshold)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void deleteItem(long schemeId, long itemId) {
		jdbc.sql("DELETE FROM ov_scheme_item WHERE scheme_id = ? AND parent_id = ?").params(schemeId, itemId).update();
		jdbc.sql("DELETE FROM ov_scheme_item WHERE scheme_id = ? AND id = ?").params(schemeId, itemId).update();
	}

	void deleteScheme(long schemeId) {
		jdbc.sql("DELETE FROM ov_scheme_item WHERE scheme_id = ? AND parent_id IS NOT NULL").params(schemeId).update();
		jdbc.sql("DELETE FROM ov_scheme_item WHERE scheme_id = ?").params(schemeId).update();
		jdbc.sql("DELETE FROM ov_scheme WHERE id = ?").params(schemeId).update();
	}

	Optional<AssessmentScheme> scheme(long id) {
		return jdbc.sql("SELECT * FROM ov_scheme WHERE id = ?").param(id).query((rs, n) -> header(rs)).optional()
			.map(this::withItems);
	}

	/** The schemes owned by the agencies given, newest year first (without their items). */
	List<AssessmentScheme> schemesOf(List<Long> ownerIds) {
		if (ownerIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM ov_scheme WHERE owner_agency_id IN (:ids) ORDER BY report_year DESC, id DESC")
			.param("ids", ownerIds)
			.query((rs, n) -> header(rs))
			.list();
	}

	private AssessmentScheme withItems(AssessmentScheme s) {
		List<Item> items = jdbc.sql("SELECT * FROM ov_scheme_item WHERE scheme_id = ? ORDER BY sort_order, id")
			.param(s.id())
			.query((rs, n) -> new Item(rs.getLong("id"), (Long) rs.getObject("parent_id", Long.class), rs.getInt("sort_order"),
					Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getBigDecimal("points"),
					rs.getString("measure") == null ? null : Measure.valueOf(rs.getString("measure")),
					rs.getString("figure_key"), rs.getString("rule_kind") == null ? null : Rule.valueOf(rs.getString("rule_kind")),
					rs.getBigDecimal("unit_points"), rs.getBigDecimal("cap"), rs.getObject("threshold", Long.class)))
			.list();
		return new AssessmentScheme(s.id(), s.ownerAgencyId(), s.name(), s.year(), s.levels(), s.types(), s.grades(),
				s.templateCode(), s.sourceTitle(), s.sourceUrl(), s.sourceDate(), s.note(), s.revision(), items);
	}

	private static AssessmentScheme header(ResultSet rs) throws SQLException {
		return new AssessmentScheme(rs.getLong("id"), rs.getLong("owner_agency_id"), rs.getString("name"),
				rs.getInt("report_year"), levels(rs.getString("scope_levels")), types(rs.getString("scope_types")),
				grades(rs.getString("grade_bands")), rs.getString("template_code"), rs.getString("source_title"),
				rs.getString("source_url"), rs.getString("source_date"), rs.getString("note"), rs.getInt("revision"), List.of());
	}

	static String names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	static Set<AgencyLevel> levels(String text) {
		Set<AgencyLevel> s = EnumSet.noneOf(AgencyLevel.class);
		Arrays.stream(text.split(",")).filter(t -> !t.isBlank()).forEach(t -> s.add(AgencyLevel.valueOf(t.trim())));
		return s;
	}

	static Set<AgencyType> types(String text) {
		Set<AgencyType> s = EnumSet.noneOf(AgencyType.class);
		Arrays.stream(text.split(",")).filter(t -> !t.isBlank()).forEach(t -> s.add(AgencyType.valueOf(t.trim())));
		return s;
	}

	static String gradesText(List<GradeBand> grades) {
		return grades.isEmpty() ? null
				: grades.stream().map(g -> g.label() + ":" + g.min().toPlainString()).collect(Collectors.joining(";"));
	}

	static List<GradeBand> grades(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<GradeBand> out = new ArrayList<>();
		for (String part : text.split(";")) {
			int c = part.lastIndexOf(':');
			out.add(new GradeBand(part.substring(0, c), new BigDecimal(part.substring(c + 1))));
		}
		return out;
	}

	// ---- runs ---------------------------------------------------------------------------------------------

	long insertRun(long schemeId, long rootAgencyId, int year, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_assessment_run (scheme_id, root_agency_id, report_year, status, created_by, created_at, revision) "
				+ "VALUES (?,?,?,'DRAFT',?,?,0)")
			.params(schemeId, rootAgencyId, year, by, ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<AssessmentRun> run(long id) {
		return jdbc.sql("SELECT * FROM ov_assessment_run WHERE id = ?").param(id).query((rs, n) -> run(rs)).optional();
	}

	List<AssessmentRun> runsOfSchemes(List<Long> schemeIds) {
		if (schemeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM ov_assessment_run WHERE scheme_id IN (:ids) ORDER BY report_year DESC, id DESC")
			.param("ids", schemeIds)
			.query((rs, n) -> run(rs))
			.list();
	}

	/** The final runs with a sheet of the agency, newest first. */
	List<AssessmentRun> finalRunsOf(long agencyId) {
		return jdbc.sql("SELECT r.* FROM ov_assessment_run r JOIN ov_assessment_sheet s ON s.run_id = r.id "
				+ "WHERE s.agency_id = ? AND r.status = 'FINAL' ORDER BY r.report_year DESC, r.id DESC")
			.param(agencyId)
			.query((rs, n) -> run(rs))
			.list();
	}

	boolean hasFinalRun(long schemeId) {
		return jdbc.sql("SELECT COUNT(*) FROM ov_assessment_run WHERE scheme_id = ? AND status = 'FINAL'")
			.param(schemeId)
			.query(Long.class)
			.single() > 0;
	}

	boolean hasRun(long schemeId) {
		return jdbc.sql("SELECT COUNT(*) FROM ov_assessment_run WHERE scheme_id = ?").param(schemeId).query(Long.class).single() > 0;
	}

	/** Marks a draft as computed now (raising its revision); false if it is final or moved. */
	boolean markComputed(long runId, LocalDate on, Instant at) {
		return jdbc.sql("UPDATE ov_assessment_run SET figures_on = ?, computed_at = ?, revision = revision + 1 "
				+ "WHERE id = ? AND status = 'DRAFT'")
			.params(on, ts(at), runId)
			.update() == 1;
	}

	boolean finalise(long runId, int revision, String by, Instant at) {
		return jdbc.sql("UPDATE ov_assessment_run SET status = 'FINAL', finalised_by = ?, finalised_at = ?, "
				+ "revision = revision + 1 WHERE id = ? AND status = 'DRAFT' AND revision = ?")
			.params(by, ts(at), runId, revision)
			.update() == 1;
	}

	void deleteDraftRun(long runId) {
		clearSheets(runId);
		jdbc.sql("DELETE FROM ov_assessment_manual WHERE run_id = ? AND run_id IN "
				+ "(SELECT id FROM ov_assessment_run WHERE status = 'DRAFT')").param(runId).update();
		jdbc.sql("DELETE FROM ov_assessment_run WHERE id = ? AND status = 'DRAFT'").param(runId).update();
	}

	private static AssessmentRun run(ResultSet rs) throws SQLException {
		return new AssessmentRun(rs.getLong("id"), rs.getLong("scheme_id"), rs.getLong("root_agency_id"),
				rs.getInt("report_year"), Status.valueOf(rs.getString("status")), date(rs, "figures_on"),
				instant(rs, "computed_at"), instant(rs, "finalised_at"), rs.getString("finalised_by"),
				rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("revision"));
	}

	// ---- sheets -------------------------------------------------------------------------------------------

	/** Removes every sheet of a draft run (before it is computed again). */
	void clearSheets(long runId) {
		String draft = " IN (SELECT s.id FROM ov_assessment_sheet s JOIN ov_assessment_run r ON r.id = s.run_id "
				+ "WHERE s.run_id = ? AND r.status = 'DRAFT')";
		jdbc.sql("DELETE FROM ov_assessment_line_record WHERE line_id IN (SELECT id FROM ov_assessment_line WHERE sheet_id"
				+ draft + ")").param(runId).update();
		jdbc.sql("DELETE FROM ov_assessment_line WHERE sheet_id" + draft).param(runId).update();
		jdbc.sql("DELETE FROM ov_assessment_sheet WHERE run_id = ? AND run_id IN "
				+ "(SELECT id FROM ov_assessment_run WHERE status = 'DRAFT')").param(runId).update();
	}

	long insertSheet(long runId, long agencyId, BigDecimal total, BigDecimal bonus, int rank, String grade) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_assessment_sheet (run_id, agency_id, total, bonus, rank_no, grade) VALUES (?,?,?,?,?,?)")
			.params(runId, agencyId, total, bonus, rank, grade)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertLine(long sheetId, long itemId, Long figureValue, BigDecimal amount, BigDecimal score, boolean capped,
			List<CountedRecord> records) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_assessment_line (sheet_id, item_id, figure_value, amount, score, capped) VALUES (?,?,?,?,?,?)")
			.params(sheetId, itemId, figureValue, amount, score, capped)
			.update(keys, "id");
		long lineId = keys.getKey().longValue();
		int i = 0;
		for (CountedRecord r : records) {
			jdbc.sql("INSERT INTO ov_assessment_line_record (line_id, sort_order, reference, title, record_date, console_url) "
					+ "VALUES (?,?,?,?,?,?)")
				.params(lineId, i++, cut(r.reference(), 200), cut(r.title(), 500), r.date(), cut(r.consoleUrl(), 500))
				.update();
		}
	}

	List<Sheet> sheets(long runId) {
		return jdbc.sql("SELECT * FROM ov_assessment_sheet WHERE run_id = ? ORDER BY rank_no, agency_id")
			.param(runId)
			.query((rs, n) -> new Sheet(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("agency_id"),
					rs.getBigDecimal("total"), rs.getBigDecimal("bonus"), rs.getInt("rank_no"), rs.getString("grade")))
			.list();
	}

	/** The lines of a sheet by item id, with their records. */
	Map<Long, Line> lines(long sheetId) {
		Map<Long, List<CountedRecord>> records = new HashMap<>();
		jdbc.sql("SELECT r.* FROM ov_assessment_line_record r JOIN ov_assessment_line l ON l.id = r.line_id "
				+ "WHERE l.sheet_id = ? ORDER BY r.line_id, r.sort_order")
			.param(sheetId)
			.query((rs, n) -> Map.entry(rs.getLong("line_id"), new CountedRecord(rs.getString("reference"),
					rs.getString("title"), date(rs, "record_date"), rs.getString("console_url"))))
			.list()
			.forEach(e -> records.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, Line> out = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM ov_assessment_line WHERE sheet_id = ? ORDER BY id")
			.param(sheetId)
			.query((rs, n) -> new Line(rs.getLong("id"), sheetId, rs.getLong("item_id"), rs.getObject("figure_value", Long.class),
					rs.getBigDecimal("amount"), rs.getBigDecimal("score"), rs.getBoolean("capped"),
					records.getOrDefault(rs.getLong("id"), List.of())))
			.list()
			.forEach(l -> out.put(l.itemId(), l));
		return out;
	}

	// ---- manual entries -----------------------------------------------------------------------------------

	List<Manual> manuals(long runId) {
		return jdbc.sql("SELECT * FROM ov_assessment_manual WHERE run_id = ? ORDER BY agency_id, item_id")
			.param(runId)
			.query((rs, n) -> new Manual(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("agency_id"),
					rs.getLong("item_id"), rs.getBigDecimal("amount"), rs.getString("note"), rs.getString("evidence_key"),
					rs.getString("evidence_name"), rs.getString("entered_by"), instant(rs, "entered_at")))
			.list();
	}

	/** Removes the manual entries of an item (and of the rows under it) in a run. */
	void deleteManualsOfItem(long runId, long itemId, List<Long> rowIds) {
		List<Long> ids = new ArrayList<>(rowIds);
		ids.add(itemId);
		jdbc.sql("DELETE FROM ov_assessment_manual WHERE run_id = :run AND item_id IN (:ids)")
			.param("run", runId)
			.param("ids", ids)
			.update();
	}

	/** Replaces the entry of a manual row for an agency in a draft run; false when the run is final. */
	boolean putManual(long runId, long agencyId, long itemId, BigDecimal amount, String note, String evidenceKey,
			String evidenceName, String by, Instant at) {
		// raising the draft's revision locks its row: a finalisation at the same time waits, then sees another revision
		if (jdbc.sql("UPDATE ov_assessment_run SET revision = revision + 1 WHERE id = ? AND status = 'DRAFT'").param(runId)
			.update() != 1) {
			return false;
		}
		jdbc.sql("DELETE FROM ov_assessment_manual WHERE run_id = ? AND agency_id = ? AND item_id = ?")
			.params(runId, agencyId, itemId)
			.update();
		jdbc.sql("INSERT INTO ov_assessment_manual (run_id, agency_id, item_id, amount, note, evidence_key, evidence_name, "
				+ "entered_by, entered_at) VALUES (?,?,?,?,?,?,?,?,?)")
			.params(runId, agencyId, itemId, amount, note, evidenceKey, evidenceName, by, ts(at))
			.update();
		return true;
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
