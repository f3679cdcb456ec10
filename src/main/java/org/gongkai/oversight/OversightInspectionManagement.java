package org.gongkai.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.calendar.DueDate;
import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Rows;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly inspections by the supervisor (seed 000: 「每季度组织一次，主要结合大项工作进度，检查信息发布是否及时全面、发布程序
 * 是否规范」): a round over a scope of units, each unit's 督察表 (工作任务 | 完成情况 | 存在问题 | 整改措施 | 整改责任主体 | 整改期限,
 * oversight-rules §3.2), findings with a rectification deadline in working days ({@link OversightFindingRules}), the
 * unit's rectification report, and the re-check: passed closes the finding (销号), not passed keeps it open with a new
 * deadline (「逐条整改、销号管理」, §3.3).
 */
@Service
@Transactional
public class OversightInspectionManagement {

	/** Who reports a unit's rectification. */
	static final Role[] UNIT_STAFF = { Role.AGENCY_ADMIN, Role.EDITOR };

	private final JdbcClient jdbc;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final WorkingDayCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int rectificationDays;

	OversightInspectionManagement(JdbcClient jdbc, AgencyAccess access, AgencyDirectory agencies, WorkingDayCalendar calendar,
			ApplicationEventPublisher events, Clock clock,
			@Value("${gongkai.oversight.rectification-days:" + OversightFindingRules.DEFAULT_DAYS + "}") int rectificationDays) {
		this.jdbc = jdbc;
		this.access = access;
		this.agencies = agencies;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
		this.rectificationDays = rectificationDays;
	}

	public int rectificationDays() {
		return rectificationDays;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	// ---- rounds -------------------------------------------------------------------------------------------

	/** Opens a round: the supervising agency, the quarter, the units inspected (each within the supervisor's grant). */
	public OversightInspection create(long agencyId, String title, Integer year, Integer quarter, LocalDate inspectedOn,
			List<Long> unitIds) {
		Actor actor = access.require(agencyId, Role.SUPERVISOR);
		List<FieldProblem> problems = new ArrayList<>();
		String t = Texts.trimToNull(title);
		if (t == null || t.length() > 200) {
			problems.add(new FieldProblem("title", "请填写督查名称（200字以内）"));
		}
		if (year == null || year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "请填写年度"));
		}
		if (quarter == null || quarter < 1 || quarter > 4) {
			problems.add(new FieldProblem("quarter", "请选择季度（1至4）"));
		}
		if (inspectedOn == null) {
			problems.add(new FieldProblem("inspectedOn", "请填写督查日期"));
		}
		List<Long> units = unitIds == null ? List.of() : unitIds.stream().distinct().toList();
		if (units.isEmpty()) {
			problems.add(new FieldProblem("units", "请至少选择一个被督查单位"));
		}
		for (long u : units) {
			if (!access.allows(actor, u, Role.SUPERVISOR)) {
				problems.add(new FieldProblem("units", "“" + agencies.requireById(u).name() + "”不在您的督查范围内"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_inspection (agency_id, title, report_year, quarter, inspected_on, status, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)")
			.params(agencyId, t, year, quarter, inspectedOn, actor.username(), Rows.ts(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (long u : units) {
			jdbc.sql("INSERT INTO ov_inspection_unit (inspection_id, agency_id) VALUES (?, ?)").params(id, u).update();
		}
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "inspection.created", "OversightInspection", id,
				"督查：" + t, null, units.size() + "个单位"));
		return require(id);
	}

	/** Adds a line to a unit's 督察表. */
	public OversightInspectionRow addRow(long inspectionId, long unitId, String task, Boolean done, String note) {
		OversightInspection round = requireOpen(inspectionId);
		Actor actor = requireSupervisor(round, unitId);
		List<FieldProblem> problems = new ArrayList<>();
		String t = Texts.trimToNull(task);
		if (t == null || t.length() > 500) {
			problems.add(new FieldProblem("task", "请填写工作任务或检查项（500字以内）"));
		}
		if (done == null) {
			problems.add(new FieldProblem("done", "请选择完成情况"));
		}
		String n = Texts.trimToNull(note);
		if (n != null && n.length() > 1000) {
			problems.add(new FieldProblem("completionNote", "完成情况说明请在1000字以内"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int order = jdbc.sql("SELECT COUNT(*) FROM ov_inspection_row WHERE inspection_id = ? AND agency_id = ?")
			.params(inspectionId, unitId).query(Integer.class).single() + 1;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_inspection_row (inspection_id, agency_id, task, completion, completion_note, sort_order) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(inspectionId, unitId, t, done ? "DONE" : "NOT_DONE", n, order)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), unitId, "inspection.row-added", "OversightInspection",
				inspectionId, "督察表：" + t, null, done ? "已完成" : "未完成"));
		return rows(inspectionId, unitId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Records a problem found at a unit, with the measures required, who rectifies and the deadline: {@code dueOn}
	 * when given, else {@link #rectificationDays()} working days from today.
	 */
	public OversightFinding addFinding(long inspectionId, long unitId, Long rowId, String problem, String measures,
			String responsible, LocalDate dueOn) {
		OversightInspection round = requireOpen(inspectionId);
		Actor actor = requireSupervisor(round, unitId);
		List<FieldProblem> problems = new ArrayList<>();
		String p = Texts.trimToNull(problem);
		if (p == null || p.length() > 1000) {
			problems.add(new FieldProblem("problem", "请填写存在的问题（1000字以内）"));
		}
		String m = Texts.trimToNull(measures);
		if (m != null && m.length() > 1000) {
			problems.add(new FieldProblem("measures", "整改措施请在1000字以内"));
		}
		String r = Texts.trimToNull(responsible);
		if (r != null && r.length() > 200) {
			problems.add(new FieldProblem("responsible", "整改责任主体请在200字以内"));
		}
		LocalDate today = today();
		if (dueOn != null && !dueOn.isAfter(today)) {
			problems.add(new FieldProblem("dueOn", "整改期限应晚于今天"));
		}
		if (rowId != null && rows(inspectionId, unitId).stream().noneMatch(x -> x.id() == rowId)) {
			problems.add(new FieldProblem("rowId", "督察表中没有这一项"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		DueDate due = dueOn != null ? new DueDate(dueOn, false)
				: OversightFindingRules.deadline(calendar, today, rectificationDays);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_finding (inspection_id, row_id, agency_id, problem, measures, responsible, found_on, due_on, "
				+ "due_provisional, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")
			.params(inspectionId, rowId, unitId, p, m, r, today, due.date(), due.provisional())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		step(id, actor, "found", p, due.date());
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), unitId, "finding.found", "OversightFinding", id,
				"督查发现问题：" + p, null, "整改期限 " + due.date()));
		return requireFinding(id);
	}

	/** The unit reports its rectification; the finding waits for the supervisor's re-check. */
	public OversightFinding answer(long findingId, String rectification) {
		OversightFinding f = lockFinding(findingId);
		Actor actor = access.require(f.agencyId(), UNIT_STAFF);
		if (f.status() != OversightFindingStatus.OPEN) {
			throw new DomainException(f.status() == OversightFindingStatus.PASSED ? "该问题已销号" : "整改情况已报送，等待复查");
		}
		String text = Texts.trimToNull(rectification);
		if (text == null || text.length() > 2000) {
			throw InvalidInputException.of("rectification", "请填写整改情况（2000字以内）");
		}
		LocalDate today = today();
		update(f, "UPDATE ov_finding SET status = 'ANSWERED', rectification = ?, rectified_on = ?", text, today);
		step(findingId, actor, "answered", text, null);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), f.agencyId(), "finding.answered", "OversightFinding",
				findingId, "报送整改情况：" + f.problem() + (today.isAfter(f.dueOn()) ? "（逾期）" : ""),
				f.status().label(), OversightFindingStatus.ANSWERED.label()));
		return requireFinding(findingId);
	}

	/**
	 * The supervisor re-checks a reported rectification: passed closes the finding (销号); not passed sends it back
	 * with a note and a new deadline ({@code newDueOn}, else {@link #rectificationDays()} working days from today).
	 */
	public OversightFinding recheck(long findingId, boolean passed, String note, LocalDate newDueOn) {
		OversightFinding f = lockFinding(findingId);
		Actor actor = access.require(f.agencyId(), Role.SUPERVISOR);
		if (f.status() != OversightFindingStatus.ANSWERED) {
			throw new DomainException(f.status() == OversightFindingStatus.PASSED ? "该问题已销号" : "单位尚未报送整改情况，不能复查");
		}
		String n = Texts.trimToNull(note);
		if (n != null && n.length() > 2000) {
			throw InvalidInputException.of("note", "复查意见请在2000字以内");
		}
		LocalDate today = today();
		if (passed) {
			update(f, "UPDATE ov_finding SET status = 'PASSED', closed_on = ?", today);
			step(findingId, actor, "passed", n, null);
		}
		else {
			if (n == null) {
				throw InvalidInputException.of("note", "复查未通过时请写明仍存在的问题");
			}
			if (newDueOn != null && !newDueOn.isAfter(today)) {
				throw InvalidInputException.of("newDueOn", "新的整改期限应晚于今天");
			}
			DueDate due = newDueOn != null ? new DueDate(newDueOn, false)
					: OversightFindingRules.deadline(calendar, today, rectificationDays);
			update(f, "UPDATE ov_finding SET status = 'OPEN', due_on = ?, due_provisional = ?, rechecks = rechecks + 1",
					due.date(), due.provisional());
			step(findingId, actor, "failed", n, due.date());
		}
		OversightFinding after = requireFinding(findingId);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), f.agencyId(), passed ? "finding.passed" : "finding.failed",
				"OversightFinding", findingId, (passed ? "复查通过，销号：" : "复查未通过：") + f.problem(), f.status().label(),
				after.status().label()));
		return after;
	}

	/** Closes a round: no more lines or findings; open findings keep their life. */
	public OversightInspection close(long inspectionId) {
		OversightInspection round = requireOpen(inspectionId);
		Actor actor = access.require(round.agencyId(), Role.SUPERVISOR);
		jdbc.sql("UPDATE ov_inspection SET status = 'CLOSED' WHERE id = ?").param(inspectionId).update();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), round.agencyId(), "inspection.closed", "OversightInspection",
				inspectionId, "督查结束：" + round.title(), "进行中", "已结束"));
		return require(inspectionId);
	}

	// ---- reading ------------------------------------------------------------------------------------------

	/** A round, for its supervisors and the staff of a unit inspected. */
	@Transactional(readOnly = true)
	public OversightInspection view(long id) {
		OversightInspection round = require(id);
		Actor actor = Actors.require();
		if (!access.allows(actor, round.agencyId(), Role.SUPERVISOR)
				&& round.unitIds().stream().noneMatch(u -> access.allows(actor, u, Role.values()))) {
			throw DomainException.forbidden("您没有查看该督查的权限");
		}
		return round;
	}

	/** Whether the actor runs this round (supervisor of its agency). */
	public boolean supervises(Actor actor, OversightInspection round) {
		return access.allows(actor, round.agencyId(), Role.SUPERVISOR);
	}

	/** Rounds the actor runs or whose units the actor works for, newest first. */
	@Transactional(readOnly = true)
	public List<OversightInspection> rounds(Actor actor) {
		return jdbc.sql("SELECT id FROM ov_inspection ORDER BY report_year DESC, quarter DESC, id DESC")
			.query(Long.class)
			.list()
			.stream()
			.map(this::require)
			.filter(r -> access.allows(actor, r.agencyId(), Role.SUPERVISOR)
					|| r.unitIds().stream().anyMatch(u -> access.allows(actor, u, Role.values())))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<OversightInspectionRow> rows(long inspectionId, long unitId) {
		return jdbc.sql("SELECT * FROM ov_inspection_row WHERE inspection_id = ? AND agency_id = ? ORDER BY sort_order, id")
			.params(inspectionId, unitId)
			.query((rs, n) -> new OversightInspectionRow(rs.getLong("id"), rs.getLong("inspection_id"), rs.getLong("agency_id"),
					rs.getString("task"), "DONE".equals(rs.getString("completion")), rs.getString("completion_note"),
					rs.getInt("sort_order")))
			.list();
	}

	/** The findings of a round (of one unit when {@code unitId} is given), in order found. */
	@Transactional(readOnly = true)
	public List<OversightFinding> findings(long inspectionId, Long unitId) {
		return jdbc.sql("SELECT * FROM ov_finding WHERE inspection_id = ?" + (unitId == null ? "" : " AND agency_id = " + unitId)
				+ " ORDER BY agency_id, id")
			.param(inspectionId)
			.query(OversightInspectionManagement::finding)
			.list();
	}

	/** The findings of units, not yet closed, by deadline. */
	@Transactional(readOnly = true)
	public List<OversightFinding> openFindings(List<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM ov_finding WHERE agency_id IN (:ids) AND status <> 'PASSED' ORDER BY due_on, id")
			.param("ids", unitIds)
			.query(OversightInspectionManagement::finding)
			.list();
	}

	/** A finding with its steps, for its unit's staff and supervisors. */
	@Transactional(readOnly = true)
	public OversightFinding finding(long id) {
		OversightFinding f = requireFinding(id);
		access.require(f.agencyId(), Role.values());
		return f;
	}

	@Transactional(readOnly = true)
	public List<OversightFindingStep> steps(long findingId) {
		return jdbc.sql("SELECT * FROM ov_finding_step WHERE finding_id = ? ORDER BY id")
			.param(findingId)
			.query((rs, n) -> new OversightFindingStep(rs.getLong("id"), rs.getLong("finding_id"), Rows.instant(rs, "occurred_at"),
					rs.getString("actor"), rs.getString("action"), rs.getString("note"), Rows.date(rs, "due_on")))
			.list();
	}

	/** Findings at these units found between the two days (both included), by unit (no access check). */
	List<OversightFinding> foundBetween(List<Long> unitIds, LocalDate from, LocalDate to) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM ov_finding WHERE agency_id IN (:ids) AND found_on BETWEEN :from AND :to ORDER BY agency_id, id")
			.param("ids", unitIds)
			.param("from", from)
			.param("to", to)
			.query(OversightInspectionManagement::finding)
			.list();
	}

	/** Findings of the agency past their deadline, still awaiting rectification on {@code on} (no access check). */
	List<OversightFinding> overdue(long agencyId, LocalDate on) {
		return jdbc.sql("SELECT * FROM ov_finding WHERE agency_id = ? AND status = 'OPEN' AND due_on < ? AND found_on <= ? "
				+ "ORDER BY due_on, id")
			.params(agencyId, on, on)
			.query(OversightInspectionManagement::finding)
			.list();
	}

	/** Open findings whose deadline falls within {@code days} days after {@code on} (no access check). */
	List<OversightFinding> dueWithin(long agencyId, LocalDate on, int days) {
		return jdbc.sql("SELECT * FROM ov_finding WHERE agency_id = ? AND status = 'OPEN' AND due_on >= ? AND due_on <= ? "
				+ "AND found_on <= ? ORDER BY due_on, id")
			.params(agencyId, on, on.plusDays(days), on)
			.query(OversightInspectionManagement::finding)
			.list();
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private Actor requireSupervisor(OversightInspection round, long unitId) {
		Actor actor = access.require(round.agencyId(), Role.SUPERVISOR);
		if (!round.unitIds().contains(unitId)) {
			throw InvalidInputException.of("unit", "该单位不在本次督查范围内");
		}
		return actor;
	}

	private OversightInspection requireOpen(long id) {
		OversightInspection round = require(id);
		if (round.closed()) {
			throw new DomainException("本次督查已结束，不能再修改");
		}
		return round;
	}

	OversightInspection require(long id) {
		List<Long> units = jdbc.sql("SELECT agency_id FROM ov_inspection_unit WHERE inspection_id = ? ORDER BY agency_id")
			.param(id).query(Long.class).list();
		return jdbc.sql("SELECT * FROM ov_inspection WHERE id = ?")
			.param(id)
			.query((rs, n) -> new OversightInspection(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"),
					rs.getInt("report_year"), rs.getInt("quarter"), Rows.date(rs, "inspected_on"),
					"CLOSED".equals(rs.getString("status")), units, rs.getString("created_by")))
			.optional()
			.orElseThrow(() -> DomainException.notFound("督查不存在"));
	}

	private OversightFinding requireFinding(long id) {
		return jdbc.sql("SELECT * FROM ov_finding WHERE id = ?")
			.param(id)
			.query(OversightInspectionManagement::finding)
			.optional()
			.orElseThrow(() -> DomainException.notFound("督查发现的问题不存在"));
	}

	private OversightFinding lockFinding(long id) {
		return jdbc.sql("SELECT * FROM ov_finding WHERE id = ? FOR UPDATE")
			.param(id)
			.query(OversightInspectionManagement::finding)
			.optional()
			.orElseThrow(() -> DomainException.notFound("督查发现的问题不存在"));
	}

	private void update(OversightFinding f, String setClause, Object... params) {
		Object[] all = new Object[params.length + 2];
		System.arraycopy(params, 0, all, 0, params.length);
		all[params.length] = f.id();
		all[params.length + 1] = f.version();
		int n = jdbc.sql(setClause + ", version = version + 1 WHERE id = ? AND version = ?").params(all).update();
		if (n != 1) {
			throw new DomainException("该问题刚被他人处理，请刷新后重试");
		}
	}

	private void step(long findingId, Actor actor, String action, String note, LocalDate dueOn) {
		jdbc.sql("INSERT INTO ov_finding_step (finding_id, occurred_at, actor, action, note, due_on) VALUES (?, ?, ?, ?, ?, ?)")
			.params(findingId, Rows.ts(clock.instant()), actor.username(), action, note, dueOn)
			.update();
	}

	List<Agency> units(OversightInspection round) {
		return round.unitIds().stream().map(agencies::requireById).toList();
	}

	static OversightFinding finding(ResultSet rs, int n) throws SQLException {
		long row = rs.getLong("row_id");
		Long rowId = rs.wasNull() ? null : row;
		return new OversightFinding(rs.getLong("id"), rs.getLong("inspection_id"), rowId, rs.getLong("agency_id"),
				rs.getString("problem"), rs.getString("measures"), rs.getString("responsible"), Rows.date(rs, "found_on"),
				Rows.date(rs, "due_on"), rs.getBoolean("due_provisional"), OversightFindingStatus.valueOf(rs.getString("status")),
				rs.getString("rectification"), Rows.date(rs, "rectified_on"), Rows.date(rs, "closed_on"), rs.getInt("rechecks"),
				rs.getInt("version"));
	}
}
