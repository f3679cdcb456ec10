package org.gongkai.oversight;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongkai.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of work plans and tasks ({@code ov_plan}, {@code ov_task*}), explicit SQL. */
@Repository
class WorkPlanStore {

	private final JdbcClient jdbc;

	WorkPlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Date d(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	// ---- plans -------------------------------------------------------------------------------------------------

	long insertPlan(long agencyId, String title, int year, String documentNo, boolean publicPlan, LocalDate claimDeadline,
			int progressDay, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_plan (agency_id, title, plan_year, document_no, public_plan, status, claim_deadline, progress_day, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(agencyId, title, year, documentNo, publicPlan, WorkPlanStatus.DRAFT.name(), d(claimDeadline), progressDay, by,
					Rows.ts(now), Rows.ts(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updatePlan(long id, String title, int year, String documentNo, boolean publicPlan, LocalDate claimDeadline,
			int progressDay, Instant now) {
		jdbc.sql("UPDATE ov_plan SET title = ?, plan_year = ?, document_no = ?, public_plan = ?, claim_deadline = ?, progress_day = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(title, year, documentNo, publicPlan, d(claimDeadline), progressDay, Rows.ts(now), id)
			.update();
	}

	void setPlanStatus(long id, WorkPlanStatus status, LocalDate issuedOn, LocalDate closedOn, Instant now) {
		jdbc.sql("UPDATE ov_plan SET status = ?, issued_on = ?, closed_on = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(status.name(), d(issuedOn), d(closedOn), Rows.ts(now), id)
			.update();
	}

	Optional<WorkPlan> plan(long id) {
		return jdbc.sql("SELECT * FROM ov_plan WHERE id = ?").param(id).query(WorkPlanStore::plan).optional();
	}

	/** Locks the plan row, so that changes of its tasks queue up behind each other. */
	Optional<WorkPlan> lockPlan(long id) {
		return jdbc.sql("SELECT * FROM ov_plan WHERE id = ? FOR UPDATE").param(id).query(WorkPlanStore::plan).optional();
	}

	List<WorkPlan> plansOf(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM ov_plan WHERE agency_id IN (:ids) ORDER BY plan_year DESC, id DESC")
			.param("ids", agencyIds)
			.query(WorkPlanStore::plan)
			.list();
	}

	List<WorkPlan> allPlans() {
		return jdbc.sql("SELECT * FROM ov_plan ORDER BY plan_year DESC, id DESC").query(WorkPlanStore::plan).list();
	}

	List<WorkPlan> publicPlans() {
		return jdbc.sql("SELECT * FROM ov_plan WHERE public_plan = TRUE AND status <> 'DRAFT' ORDER BY plan_year DESC, id DESC")
			.query(WorkPlanStore::plan)
			.list();
	}

	private static WorkPlan plan(ResultSet rs, int n) throws SQLException {
		return new WorkPlan(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"), rs.getInt("plan_year"),
				rs.getString("document_no"), rs.getBoolean("public_plan"), WorkPlanStatus.valueOf(rs.getString("status")),
				Rows.date(rs, "claim_deadline"), rs.getInt("progress_day"), Rows.date(rs, "issued_on"),
				Rows.date(rs, "closed_on"), rs.getString("created_by"), rs.getInt("version"));
	}

	// ---- tasks -------------------------------------------------------------------------------------------------

	long insertTask(long planId, String group, String task, String requirement, String unitsText, String unresolved,
			WorkTaskDeadlineKind kind, LocalDate dueOn, int sortOrder) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_task (plan_id, group_title, task_title, requirement, units_text, units_unresolved, deadline_kind, due_on, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(planId, group, task, requirement, unitsText, unresolved, kind.name(), d(dueOn), sortOrder)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateTask(long id, String group, String task, String requirement, String unitsText, String unresolved,
			WorkTaskDeadlineKind kind, LocalDate dueOn) {
		jdbc.sql("UPDATE ov_task SET group_title = ?, task_title = ?, requirement = ?, units_text = ?, units_unresolved = ?, deadline_kind = ?, due_on = ? WHERE id = ?")
			.params(group, task, requirement, unitsText, unresolved, kind.name(), d(dueOn), id)
			.update();
	}

	/** Moves the 年底前 deadlines of a plan's tasks to the 31 December of its new year. */
	void moveYearEnd(long planId, LocalDate dueOn) {
		jdbc.sql("UPDATE ov_task SET due_on = ? WHERE plan_id = ? AND deadline_kind = 'YEAR_END'").params(d(dueOn), planId).update();
	}

	Optional<WorkTask> task(long id) {
		return jdbc.sql("SELECT * FROM ov_task WHERE id = ?").param(id).query(WorkPlanStore::task).optional();
	}

	List<WorkTask> tasks(long planId) {
		return jdbc.sql("SELECT * FROM ov_task WHERE plan_id = ? ORDER BY sort_order, id").param(planId).query(WorkPlanStore::task).list();
	}

	int nextSortOrder(long planId) {
		return jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM ov_task WHERE plan_id = ?").param(planId).query(Integer.class).single();
	}

	private static WorkTask task(ResultSet rs, int n) throws SQLException {
		return new WorkTask(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("group_title"), rs.getString("task_title"),
				rs.getString("requirement"), rs.getString("units_text"), rs.getString("units_unresolved"),
				WorkTaskDeadlineKind.valueOf(rs.getString("deadline_kind")), Rows.date(rs, "due_on"), rs.getInt("sort_order"));
	}

	// ---- unit items --------------------------------------------------------------------------------------------

	long insertUnit(long taskId, long agencyId, boolean byHand) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_task_unit (task_id, agency_id, by_hand, status) VALUES (?, ?, ?, ?)")
			.params(taskId, agencyId, byHand, WorkTaskUnitStatus.ASSIGNED.name())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void deleteUnit(long id) {
		jdbc.sql("DELETE FROM ov_task_unit WHERE id = ?").param(id).update();
	}

	Optional<WorkTaskUnit> unit(long id) {
		return jdbc.sql("SELECT * FROM ov_task_unit WHERE id = ?").param(id).query(WorkPlanStore::unit).optional();
	}

	Optional<WorkTaskUnit> lockUnit(long id) {
		return jdbc.sql("SELECT * FROM ov_task_unit WHERE id = ? FOR UPDATE").param(id).query(WorkPlanStore::unit).optional();
	}

	List<WorkTaskUnit> unitsOfTask(long taskId) {
		return jdbc.sql("SELECT * FROM ov_task_unit WHERE task_id = ? ORDER BY id").param(taskId).query(WorkPlanStore::unit).list();
	}

	List<WorkTaskUnit> unitsOfPlan(long planId) {
		return jdbc.sql("SELECT u.* FROM ov_task_unit u JOIN ov_task t ON t.id = u.task_id WHERE t.plan_id = ? ORDER BY t.sort_order, u.id")
			.param(planId)
			.query(WorkPlanStore::unit)
			.list();
	}

	/** The items of an agency in plans that are issued (not drafts), newest plan first. */
	List<WorkTaskUnit> unitsOfAgency(long agencyId) {
		return jdbc.sql("SELECT u.* FROM ov_task_unit u JOIN ov_task t ON t.id = u.task_id JOIN ov_plan p ON p.id = t.plan_id WHERE u.agency_id = ? AND p.status <> 'DRAFT' ORDER BY p.plan_year DESC, p.id DESC, t.sort_order, u.id")
			.param(agencyId)
			.query(WorkPlanStore::unit)
			.list();
	}

	void claim(long id, String measures, String office, String person, String phone, String by, Instant now, boolean first) {
		jdbc.sql("UPDATE ov_task_unit SET status = ?, measures = ?, office = ?, person = ?, phone = ?, claimed_by = ?, claimed_at = "
				+ (first ? "?" : "COALESCE(claimed_at, ?)") + ", version = version + 1 WHERE id = ?")
			.params(WorkTaskUnitStatus.CLAIMED.name(), measures, office, person, phone, by, Rows.ts(now), id)
			.update();
	}

	void close(long id, String by, Instant now, String note) {
		jdbc.sql("UPDATE ov_task_unit SET status = ?, closed_by = ?, closed_at = ?, close_note = ?, version = version + 1 WHERE id = ?")
			.params(WorkTaskUnitStatus.CLOSED.name(), by, Rows.ts(now), note, id)
			.update();
	}

	void reopen(long id, WorkTaskUnitStatus status) {
		jdbc.sql("UPDATE ov_task_unit SET status = ?, closed_by = NULL, closed_at = NULL, close_note = NULL, version = version + 1 WHERE id = ?")
			.params(status.name(), id)
			.update();
	}

	private static WorkTaskUnit unit(ResultSet rs, int n) throws SQLException {
		return new WorkTaskUnit(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("agency_id"), rs.getBoolean("by_hand"),
				WorkTaskUnitStatus.valueOf(rs.getString("status")), rs.getString("measures"), rs.getString("office"),
				rs.getString("person"), rs.getString("phone"), rs.getString("claimed_by"), Rows.instant(rs, "claimed_at"),
				rs.getString("closed_by"), Rows.instant(rs, "closed_at"), rs.getString("close_note"), rs.getInt("version"));
	}

	// ---- progress, supervision, history ------------------------------------------------------------------------

	long insertProgress(long unitId, LocalDate month, String content, Integer percent, WorkTaskProgressState state,
			String evidenceKey, String evidenceName, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_task_progress (task_unit_id, report_month, content, percent_done, progress_state, evidence_key, evidence_name, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unitId, d(month), content, percent, state.name(), evidenceKey, evidenceName, by, Rows.ts(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<WorkTaskProgress> progress(long unitId) {
		return jdbc.sql("SELECT * FROM ov_task_progress WHERE task_unit_id = ? ORDER BY report_month DESC, id DESC")
			.param(unitId)
			.query(WorkPlanStore::progress)
			.list();
	}

	Optional<WorkTaskProgress> progressReport(long id) {
		return jdbc.sql("SELECT * FROM ov_task_progress WHERE id = ?").param(id).query(WorkPlanStore::progress).optional();
	}

	/** The months (first days) each item of the plan reported on, as unit id and month pairs. */
	List<java.util.Map.Entry<Long, LocalDate>> reportedMonths(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT DISTINCT task_unit_id, report_month FROM ov_task_progress WHERE task_unit_id IN (:ids)")
			.param("ids", unitIds)
			.query((rs, n) -> java.util.Map.entry(rs.getLong("task_unit_id"), Rows.date(rs, "report_month")))
			.list();
	}

	private static WorkTaskProgress progress(ResultSet rs, int n) throws SQLException {
		int p = rs.getInt("percent_done");
		Integer percent = rs.wasNull() ? null : p;
		return new WorkTaskProgress(rs.getLong("id"), rs.getLong("task_unit_id"), Rows.date(rs, "report_month"),
				rs.getString("content"), percent, WorkTaskProgressState.valueOf(rs.getString("progress_state")),
				rs.getString("evidence_key"), rs.getString("evidence_name"), rs.getString("reported_by"),
				Rows.instant(rs, "reported_at"));
	}

	long insertSupervision(long unitId, String note, LocalDate dueOn, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_task_supervision (task_unit_id, note, due_on, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(unitId, note, d(dueOn), by, Rows.ts(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Marks the open supervision notes of an item as answered by a progress report; returns how many. */
	int answerSupervisions(long unitId, long progressId, Instant now) {
		return jdbc.sql("UPDATE ov_task_supervision SET answer_id = ?, answered_at = ? WHERE task_unit_id = ? AND answer_id IS NULL")
			.params(progressId, Rows.ts(now), unitId)
			.update();
	}

	List<WorkTaskSupervision> supervisions(long unitId) {
		return jdbc.sql("SELECT * FROM ov_task_supervision WHERE task_unit_id = ? ORDER BY created_at DESC, id DESC")
			.param(unitId)
			.query(WorkPlanStore::supervision)
			.list();
	}

	/** The open (unanswered) supervision notes of the items. */
	List<WorkTaskSupervision> openSupervisions(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM ov_task_supervision WHERE task_unit_id IN (:ids) AND answer_id IS NULL ORDER BY due_on")
			.param("ids", unitIds)
			.query(WorkPlanStore::supervision)
			.list();
	}

	private static WorkTaskSupervision supervision(ResultSet rs, int n) throws SQLException {
		long a = rs.getLong("answer_id");
		Long answer = rs.wasNull() ? null : a;
		return new WorkTaskSupervision(rs.getLong("id"), rs.getLong("task_unit_id"), rs.getString("note"),
				Rows.date(rs, "due_on"), rs.getString("created_by"), Rows.instant(rs, "created_at"), answer,
				Rows.instant(rs, "answered_at"));
	}

	void log(long taskId, Long unitId, Instant at, String actor, String action, String note) {
		jdbc.sql("INSERT INTO ov_task_log (task_id, task_unit_id, at, actor, action, note) VALUES (?, ?, ?, ?, ?, ?)")
			.params(taskId, unitId, Rows.ts(at), actor, action, note)
			.update();
	}

	List<WorkTaskLog> history(long taskId) {
		return jdbc.sql("SELECT * FROM ov_task_log WHERE task_id = ? ORDER BY at DESC, id DESC")
			.param(taskId)
			.query((rs, n) -> {
				long u = rs.getLong("task_unit_id");
				Long unit = rs.wasNull() ? null : u;
				return new WorkTaskLog(rs.getLong("id"), rs.getLong("task_id"), unit, Rows.instant(rs, "at"), rs.getString("actor"),
						rs.getString("action"), rs.getString("note"));
			})
			.list();
	}
}
