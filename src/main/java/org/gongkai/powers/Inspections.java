package org.gongkai.powers;

import static org.gongkai.platform.Rows.date;
import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of the random-inspection items, pools, plans, draws, snapshots and results ({@code pw_insp*}). */
@Repository
class Inspections {

	private final JdbcClient jdbc;

	Inspections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- items ---------------------------------------------------------------------------------------------

	long insertItem(InspectionItem i) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pw_insp_item (agency_id, name, object_type, basis, method, frequency, department, active, created_by,"
				+ " created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
			.params(i.agencyId(), i.name(), i.objectType(), i.basis(), i.method(), i.frequency(), i.department(), i.active(),
					i.createdBy(), ts(i.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<InspectionItem> item(long id) {
		return jdbc.sql("SELECT * FROM pw_insp_item WHERE id = ?").param(id).query(this::itemRow).optional();
	}

	List<InspectionItem> items(long agencyId) {
		return jdbc.sql("SELECT * FROM pw_insp_item WHERE agency_id = ? AND active = TRUE ORDER BY id")
			.param(agencyId)
			.query(this::itemRow)
			.list();
	}

	List<InspectionItem> planItems(long planId) {
		return jdbc.sql("SELECT i.* FROM pw_insp_item i JOIN pw_insp_plan_item p ON p.item_id = i.id WHERE p.plan_id = ? ORDER BY i.id")
			.param(planId)
			.query(this::itemRow)
			.list();
	}

	void addPlanItem(long planId, long itemId) {
		jdbc.sql("INSERT INTO pw_insp_plan_item (plan_id, item_id) VALUES (?, ?)").params(planId, itemId).update();
	}

	private InspectionItem itemRow(ResultSet rs, int n) throws SQLException {
		return new InspectionItem(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"), rs.getString("object_type"),
				rs.getString("basis"), rs.getString("method"), rs.getString("frequency"), rs.getString("department"),
				rs.getBoolean("active"), rs.getString("created_by"), instant(rs, "created_at"));
	}

	// ---- pools ---------------------------------------------------------------------------------------------

	long insertInspector(InspectionInspector i) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pw_insp_inspector (agency_id, name, certificate_no, unit_name, area, active, created_by, created_at)"
				+ " VALUES (?,?,?,?,?,?,?,?)")
			.params(i.agencyId(), i.name(), i.certificateNo(), i.unitName(), i.area(), i.active(), i.createdBy(), ts(i.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean certificateTaken(long agencyId, String certificateNo) {
		return jdbc.sql("SELECT COUNT(*) FROM pw_insp_inspector WHERE agency_id = ? AND certificate_no = ?")
			.params(agencyId, certificateNo)
			.query(Long.class)
			.single() > 0;
	}

	/** The active inspectors of an agency, by id. */
	List<InspectionInspector> inspectors(long agencyId) {
		return jdbc.sql("SELECT * FROM pw_insp_inspector WHERE agency_id = ? AND active = TRUE ORDER BY id")
			.param(agencyId)
			.query((rs, n) -> new InspectionInspector(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"),
					rs.getString("certificate_no"), rs.getString("unit_name"), rs.getString("area"), rs.getBoolean("active"),
					rs.getString("created_by"), instant(rs, "created_at")))
			.list();
	}

	long insertEntity(InspectionEntity e) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pw_insp_entity (agency_id, name, credit_code, address, category, risk_grade, entity_kind, active,"
				+ " created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
			.params(e.agencyId(), e.name(), e.creditCode(), e.address(), e.category(), e.riskGrade(), e.kind().name(), e.active(),
					e.createdBy(), ts(e.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean creditCodeTaken(long agencyId, String creditCode) {
		return jdbc.sql("SELECT COUNT(*) FROM pw_insp_entity WHERE agency_id = ? AND credit_code = ?")
			.params(agencyId, creditCode)
			.query(Long.class)
			.single() > 0;
	}

	/** The active entities of an agency, optionally of one category, by id. */
	List<InspectionEntity> entities(long agencyId, String category) {
		String sql = "SELECT * FROM pw_insp_entity WHERE agency_id = :agency AND active = TRUE"
				+ (category != null ? " AND category = :category" : "") + " ORDER BY id";
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param("agency", agencyId);
		if (category != null) {
			spec = spec.param("category", category);
		}
		return spec.query((rs, n) -> new InspectionEntity(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"),
				rs.getString("credit_code"), rs.getString("address"), rs.getString("category"), rs.getString("risk_grade"),
				kind(rs.getString("entity_kind")), rs.getBoolean("active"), rs.getString("created_by"), instant(rs, "created_at"))).list();
	}

	/** The agency of a pool entry ({@code pw_insp_inspector} or {@code pw_insp_entity}) in the given state, if any. */
	Optional<Long> poolAgency(String pool, long id, boolean active) {
		return jdbc.sql("SELECT agency_id FROM " + table(pool) + " WHERE id = ? AND active = ?")
			.params(id, active)
			.query(Long.class)
			.optional();
	}

	/** Takes an entry out of its pool; draws already made keep it in their snapshot. */
	void retire(String pool, long id) {
		jdbc.sql("UPDATE " + table(pool) + " SET active = FALSE WHERE id = ?").param(id).update();
	}

	/** Puts a retired entry back into its pool (its certificate number or credit code stays unique). */
	void reactivate(String pool, long id) {
		jdbc.sql("UPDATE " + table(pool) + " SET active = TRUE WHERE id = ?").param(id).update();
	}

	/** The retired entries of an agency's pool, newest first, for the console. */
	List<InspectionInspector> retiredInspectors(long agencyId) {
		return jdbc.sql("SELECT * FROM pw_insp_inspector WHERE agency_id = ? AND active = FALSE ORDER BY id DESC LIMIT 200")
			.param(agencyId)
			.query((rs, n) -> new InspectionInspector(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"),
					rs.getString("certificate_no"), rs.getString("unit_name"), rs.getString("area"), rs.getBoolean("active"),
					rs.getString("created_by"), instant(rs, "created_at")))
			.list();
	}

	List<InspectionEntity> retiredEntities(long agencyId) {
		return jdbc.sql("SELECT * FROM pw_insp_entity WHERE agency_id = ? AND active = FALSE ORDER BY id DESC LIMIT 200")
			.param(agencyId)
			.query((rs, n) -> new InspectionEntity(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"),
					rs.getString("credit_code"), rs.getString("address"), rs.getString("category"), rs.getString("risk_grade"),
					kind(rs.getString("entity_kind")), rs.getBoolean("active"), rs.getString("created_by"),
					instant(rs, "created_at")))
			.list();
	}

	private static String table(String pool) {
		return InspectionCandidate.INSPECTOR.equals(pool) ? "pw_insp_inspector" : "pw_insp_entity";
	}

	private static InspectionEntityKind kind(String value) {
		return value == null ? null : InspectionEntityKind.valueOf(value);
	}

	// ---- plans ---------------------------------------------------------------------------------------------

	long insertPlan(InspectionPlan p) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pw_insp_plan (agency_id, title, period_from, period_to, entity_category, entity_count,"
				+ " inspectors_per_entity, entropy_source, status, version, created_by, created_at, updated_at)"
				+ " VALUES (?,?,?,?,?,?,?,?,?,0,?,?,?)")
			.params(p.agencyId(), p.title(), p.periodFrom(), p.periodTo(), p.entityCategory(), p.entityCount(),
					p.inspectorsPerEntity(), p.entropySource(), p.status().name(), p.createdBy(), ts(p.createdAt()),
					ts(p.updatedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<InspectionPlan> plan(long id) {
		return jdbc.sql("SELECT * FROM pw_insp_plan WHERE id = ?").param(id).query(this::planRow).optional();
	}

	/** Reads a plan for change; only ever inside a read-write transaction. */
	Optional<InspectionPlan> lockPlan(long id) {
		return jdbc.sql("SELECT * FROM pw_insp_plan WHERE id = ? FOR UPDATE").param(id).query(this::planRow).optional();
	}

	void setStatus(InspectionPlan p, InspectionPlanStatus status, Instant publishedAt, Instant resultsPublishedAt, Instant now) {
		int n = jdbc.sql("UPDATE pw_insp_plan SET status = ?, published_at = ?, results_published_at = ?, version = version + 1,"
				+ " updated_at = ? WHERE id = ? AND version = ?")
			.params(status.name(), ts(publishedAt), ts(resultsPublishedAt), ts(now), p.id(), p.version())
			.update();
		if (n != 1) {
			throw new IllegalStateException("plan " + p.id() + " was changed concurrently");
		}
	}

	/** Plans of the agencies, newest first (the console). */
	List<InspectionPlan> plans(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM pw_insp_plan WHERE agency_id IN (:ids) ORDER BY created_at DESC, id DESC LIMIT 500")
			.param("ids", agencyIds)
			.query(this::planRow)
			.list();
	}

	/** One page of the public plans, of one agency or all, newest first. */
	List<InspectionPlan> publicPlans(Long agencyId, Collection<Long> excludedAgencyIds, int offset, int limit) {
		String sql = "SELECT * FROM pw_insp_plan WHERE status <> 'DRAFT'" + (agencyId != null ? " AND agency_id = :agency" : "")
				+ (excludedAgencyIds.isEmpty() ? "" : " AND agency_id NOT IN (:excluded)")
				+ " ORDER BY published_at DESC, id DESC LIMIT :limit OFFSET :offset";
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param("limit", limit).param("offset", offset);
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		if (!excludedAgencyIds.isEmpty()) {
			spec = spec.param("excluded", excludedAgencyIds);
		}
		return spec.query(this::planRow).list();
	}

	/** How many public plans there are, of one agency or all. */
	long countPublicPlans(Long agencyId, Collection<Long> excludedAgencyIds) {
		String sql = "SELECT COUNT(*) FROM pw_insp_plan WHERE status <> 'DRAFT'" + (agencyId != null ? " AND agency_id = :agency" : "")
				+ (excludedAgencyIds.isEmpty() ? "" : " AND agency_id NOT IN (:excluded)");
		JdbcClient.StatementSpec spec = jdbc.sql(sql);
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		if (!excludedAgencyIds.isEmpty()) {
			spec = spec.param("excluded", excludedAgencyIds);
		}
		return spec.query(Long.class).single();
	}

	private InspectionPlan planRow(ResultSet rs, int n) throws SQLException {
		return new InspectionPlan(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"), date(rs, "period_from"),
				date(rs, "period_to"), rs.getString("entity_category"), rs.getInt("entity_count"),
				rs.getInt("inspectors_per_entity"), rs.getString("entropy_source"),
				InspectionPlanStatus.valueOf(rs.getString("status")), instant(rs, "published_at"),
				instant(rs, "results_published_at"), rs.getInt("version"), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	// ---- draws ---------------------------------------------------------------------------------------------

	long insertDraw(InspectionDraw d) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pw_insp_draw (plan_id, agency_id, seq, drawn_at, public_entropy, nonce_hex, seed, algorithm,"
				+ " entity_count, inspectors_per_entity, superseded, redraw_reason, drawn_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(d.planId(), d.agencyId(), d.seq(), ts(d.drawnAt()), d.publicEntropy(), d.nonceHex(), d.seed(), d.algorithm(),
					d.entityCount(), d.inspectorsPerEntity(), d.superseded(), d.redrawReason(), d.drawnBy())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void supersede(long drawId) {
		jdbc.sql("UPDATE pw_insp_draw SET superseded = TRUE WHERE id = ?").param(drawId).update();
	}

	/** The plan of a draw (never changes once drawn). */
	Optional<Long> drawPlanId(long drawId) {
		return jdbc.sql("SELECT plan_id FROM pw_insp_draw WHERE id = ?").param(drawId).query(Long.class).optional();
	}

	/** Whether any pick of the draw has a recorded result. */
	boolean anyResult(long drawId) {
		return jdbc.sql("SELECT COUNT(*) FROM pw_insp_draw_pick WHERE draw_id = ? AND outcome IS NOT NULL")
			.param(drawId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<InspectionDraw> draw(long id) {
		return jdbc.sql("SELECT * FROM pw_insp_draw WHERE id = ?").param(id).query(this::drawRow).optional();
	}

	/** Every draw of a plan, first first. */
	List<InspectionDraw> draws(long planId) {
		return jdbc.sql("SELECT * FROM pw_insp_draw WHERE plan_id = ? ORDER BY seq").param(planId).query(this::drawRow).list();
	}

	/** The ids of draws of public plans after {@code afterId}, a page at a time, for the sitemap. */
	List<Long> publicDrawIds(long afterId, int limit) {
		return jdbc.sql("SELECT d.id FROM pw_insp_draw d JOIN pw_insp_plan p ON p.id = d.plan_id WHERE p.status <> 'DRAFT'"
				+ " AND d.id > ? ORDER BY d.id LIMIT ?")
			.params(afterId, limit)
			.query(Long.class)
			.list();
	}

	private InspectionDraw drawRow(ResultSet rs, int n) throws SQLException {
		return new InspectionDraw(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("agency_id"), rs.getInt("seq"),
				instant(rs, "drawn_at"), rs.getString("public_entropy"), rs.getString("nonce_hex"), rs.getString("seed"),
				rs.getString("algorithm"), rs.getInt("entity_count"), rs.getInt("inspectors_per_entity"),
				rs.getBoolean("superseded"), rs.getString("redraw_reason"), rs.getString("drawn_by"));
	}

	void insertCandidate(InspectionCandidate c) {
		jdbc.sql("INSERT INTO pw_insp_draw_candidate (draw_id, pool, pos_no, candidate_key, source_id, name, detail, category,"
				+ " risk_grade, entity_kind, area) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
			.params(c.drawId(), c.pool(), c.position(), c.key(), c.sourceId(), c.name(), c.detail(), c.category(), c.riskGrade(),
					c.kind() == null ? null : c.kind().name(), c.area())
			.update();
	}

	/** A draw's snapshot of one pool, in its stored order. */
	List<InspectionCandidate> candidates(long drawId, String pool) {
		return jdbc.sql("SELECT * FROM pw_insp_draw_candidate WHERE draw_id = ? AND pool = ? ORDER BY pos_no")
			.params(drawId, pool)
			.query((rs, n) -> new InspectionCandidate(rs.getLong("draw_id"), rs.getString("pool"), rs.getInt("pos_no"),
					rs.getString("candidate_key"), rs.getLong("source_id"), rs.getString("name"), rs.getString("detail"),
					rs.getString("category"), rs.getString("risk_grade"), kind(rs.getString("entity_kind")),
					rs.getString("area")))
			.list();
	}

	void insertPick(long drawId, int rank, String entityKey, List<String> inspectorKeys) {
		jdbc.sql("INSERT INTO pw_insp_draw_pick (draw_id, rank_no, entity_key, inspector_keys) VALUES (?,?,?,?)")
			.params(drawId, rank, entityKey, String.join(",", inspectorKeys))
			.update();
	}

	List<InspectionPick> picks(long drawId) {
		return jdbc.sql("SELECT * FROM pw_insp_draw_pick WHERE draw_id = ? ORDER BY rank_no")
			.param(drawId)
			.query((rs, n) -> new InspectionPick(rs.getLong("draw_id"), rs.getInt("rank_no"), rs.getString("entity_key"),
					Arrays.asList(rs.getString("inspector_keys").split(",")),
					rs.getString("outcome") == null ? null : InspectionOutcome.valueOf(rs.getString("outcome")),
					rs.getString("outcome_note"), date(rs, "checked_on"), rs.getString("recorded_by"), instant(rs, "recorded_at")))
			.list();
	}

	int recordResult(long drawId, int rank, InspectionOutcome outcome, String note, LocalDate checkedOn, String by, Instant at) {
		return jdbc.sql("UPDATE pw_insp_draw_pick SET outcome = ?, outcome_note = ?, checked_on = ?, recorded_by = ?, recorded_at = ?"
				+ " WHERE draw_id = ? AND rank_no = ?")
			.params(outcome.name(), note, checkedOn, by, ts(at), drawId, rank)
			.update();
	}

	// ---- mapping -------------------------------------------------------------------------------------------

}
