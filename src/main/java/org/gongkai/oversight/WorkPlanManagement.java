package org.gongkai.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work plan and its tasks (issue 11, item 1): the supervisor (or a department's administrator for its own plan)
 * drafts the plan, imports or enters the task table and issues it; each responsible unit's administrators and editors
 * claim their items with measures, office, person and phone by the claim deadline and report progress monthly; the
 * supervisor adds supervision notes (督办) and closes items once done (销号), reopening them with a reason. Every change
 * is recorded ({@link ChangeRecorded}) and kept in the task's history. Rules: {@link WorkTaskRules}.
 */
@Service
@Transactional
public class WorkPlanManagement {

	/** Who keeps a plan: its agency's supervisor (subtree) or administrator. */
	static final Role[] PLANNERS = { Role.SUPERVISOR, Role.AGENCY_ADMIN };

	/** Who acts for a responsible unit. */
	static final Role[] UNIT_STAFF = { Role.AGENCY_ADMIN, Role.EDITOR };

	static final int MAX_TITLE = 200;

	static final int MAX_HEADING = 300;

	static final int MAX_TEXT = 4000;

	static final long MAX_EVIDENCE = 10L * 1024 * 1024;

	/** What a plan is made of. */
	public record PlanInput(String title, Integer year, String documentNo, boolean publicPlan, LocalDate claimDeadline,
			Integer progressDay) {
	}

	/** One task row as entered or imported; {@code deadline} as written (a date, 年底前, 持续推进; empty is 年底前). */
	public record TaskInput(String group, String task, String requirement, String units, String deadline) {
	}

	/** A claim: 具体工作措施, 责任科室, 责任人, 联系方式. */
	public record ClaimInput(String measures, String office, String person, String phone) {
	}

	/** An attachment to a progress report (optional). */
	public record Evidence(String fileName, byte[] content) {
	}

	private final WorkPlanStore store;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final FileStore files;

	private final Clock clock;

	private final int defaultProgressDay;

	WorkPlanManagement(WorkPlanStore store, AgencyDirectory agencies, AgencyAccess access, ApplicationEventPublisher events,
			FileStore files, Clock clock, @Value("${gongkai.oversight.progress-day:25}") int defaultProgressDay) {
		this.store = store;
		this.agencies = agencies;
		this.access = access;
		this.events = events;
		this.files = files;
		this.clock = clock;
		this.defaultProgressDay = defaultProgressDay < 1 || defaultProgressDay > 31 ? WorkTaskRules.DEFAULT_PROGRESS_DAY
				: defaultProgressDay;
	}

	int defaultProgressDay() {
		return defaultProgressDay;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	// ---- plans -------------------------------------------------------------------------------------------------

	public WorkPlan createPlan(long agencyId, PlanInput input) {
		agencies.requireById(agencyId);
		Actor actor = access.require(agencyId, PLANNERS);
		PlanInput in = checked(input);
		Instant now = clock.instant();
		long id = store.insertPlan(agencyId, in.title(), in.year(), in.documentNo(), in.publicPlan(), in.claimDeadline(),
				in.progressDay(), actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "oversight.plan.created", "WorkPlan", id,
				"新建工作计划：" + in.title(), null, in.year() + "年"));
		return store.plan(id).orElseThrow();
	}

	public WorkPlan changePlan(long planId, PlanInput input) {
		WorkPlan plan = plannerPlan(planId);
		if (plan.status() == WorkPlanStatus.CLOSED) {
			throw new DomainException("该工作计划已结束，不能再修改");
		}
		PlanInput in = checked(input);
		if (in.year() != plan.year() && plan.status() != WorkPlanStatus.DRAFT) {
			throw InvalidInputException.of("year", "已印发的工作计划不能修改年度");
		}
		Instant now = clock.instant();
		if (in.year() != plan.year()) {
			store.moveYearEnd(planId, LocalDate.of(in.year(), 12, 31));
		}
		store.updatePlan(planId, in.title(), in.year(), in.documentNo(), in.publicPlan(), in.claimDeadline(), in.progressDay(), now);
		events.publishEvent(ChangeRecorded.of(Actors.require(), now, plan.agencyId(), "oversight.plan.changed", "WorkPlan", planId,
				"修改工作计划：" + in.title(), plan.title() + (plan.publicPlan() ? "（公开）" : ""), in.title() + (in.publicPlan() ? "（公开）" : "")));
		if (plan.visibleToPublic() || (in.publicPlan() && plan.status() != WorkPlanStatus.DRAFT)) {
			events.publishEvent(new PublicPagesChanged(plan.agencyId()));
		}
		return store.plan(planId).orElseThrow();
	}

	/** Issues the plan (印发): its units see their items and the claim deadline runs. A plan without tasks is refused. */
	public WorkPlan issue(long planId) {
		WorkPlan plan = plannerPlan(planId);
		if (plan.status() != WorkPlanStatus.DRAFT) {
			throw new DomainException("只有草稿状态的工作计划可以印发");
		}
		List<WorkTask> tasks = store.tasks(planId);
		if (tasks.isEmpty()) {
			throw new DomainException("工作计划还没有任务，请先导入或添加任务分解表");
		}
		long withoutUnit = tasks.stream().filter(t -> store.unitsOfTask(t.id()).isEmpty()).count();
		if (withoutUnit > 0) {
			throw new DomainException("有" + withoutUnit + "项任务还没有确定责任单位，请先为其指定责任单位");
		}
		Instant now = clock.instant();
		store.setPlanStatus(planId, WorkPlanStatus.ISSUED, today(), null, now);
		events.publishEvent(ChangeRecorded.of(Actors.require(), now, plan.agencyId(), "oversight.plan.issued", "WorkPlan", planId,
				"印发工作计划：" + plan.title(), WorkPlanStatus.DRAFT.label(), WorkPlanStatus.ISSUED.label()));
		if (plan.publicPlan()) {
			events.publishEvent(new PublicPagesChanged(plan.agencyId()));
		}
		return store.plan(planId).orElseThrow();
	}

	/** Closes an issued plan at the end of its year: no more claims or reports. */
	public WorkPlan closePlan(long planId) {
		WorkPlan plan = plannerPlan(planId);
		if (plan.status() != WorkPlanStatus.ISSUED) {
			throw new DomainException("只有已印发的工作计划可以结束");
		}
		Instant now = clock.instant();
		store.setPlanStatus(planId, WorkPlanStatus.CLOSED, plan.issuedOn(), today(), now);
		events.publishEvent(ChangeRecorded.of(Actors.require(), now, plan.agencyId(), "oversight.plan.closed", "WorkPlan", planId,
				"结束工作计划：" + plan.title(), WorkPlanStatus.ISSUED.label(), WorkPlanStatus.CLOSED.label()));
		return store.plan(planId).orElseThrow();
	}

	private PlanInput checked(PlanInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.trimToNull(in.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "请填写计划名称"));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "计划名称不超过" + MAX_TITLE + "字"));
		}
		Integer year = in.year();
		if (year == null || year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "请填写年度，如 " + today().getYear()));
		}
		String documentNo = Texts.trimToNull(in.documentNo());
		if (documentNo != null && documentNo.length() > 100) {
			problems.add(new FieldProblem("documentNo", "文号不超过100字"));
		}
		int day = in.progressDay() == null ? defaultProgressDay : in.progressDay();
		if (day < 1 || day > 31) {
			problems.add(new FieldProblem("progressDay", "每月报送进展的日期应为1到31之间的整数"));
		}
		if (in.claimDeadline() != null && year != null && in.claimDeadline().getYear() != year) {
			problems.add(new FieldProblem("claimDeadline", "认领截止日期应在计划年度内"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new PlanInput(title, year, documentNo, in.publicPlan(), in.claimDeadline(), day);
	}

	// ---- tasks -------------------------------------------------------------------------------------------------

	public WorkTask addTask(long planId, TaskInput input) {
		WorkPlan plan = editablePlan(planId);
		List<Agency> candidates = candidates(plan);
		Row row = row(plan, input, "", candidates);
		long id = insert(plan, row, store.nextSortOrder(planId));
		return store.task(id).orElseThrow();
	}

	public WorkTask changeTask(long taskId, TaskInput input) {
		WorkTask task = store.task(taskId).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		WorkPlan plan = editablePlan(task.planId());
		Row row = row(plan, input, "", candidates(plan));
		store.updateTask(taskId, row.input().group(), row.input().task(), row.input().requirement(), row.input().units(),
				row.unresolved(), row.deadline().kind(), row.deadline().dueOn());
		List<WorkTaskUnit> existing = store.unitsOfTask(taskId);
		Set<Long> named = row.agencies().stream().map(Agency::id).collect(Collectors.toSet());
		for (WorkTaskUnit u : existing) {
			if (!u.byHand() && u.status() == WorkTaskUnitStatus.ASSIGNED && !named.contains(u.agencyId())) {
				store.deleteUnit(u.id());
			}
		}
		Set<Long> have = existing.stream().map(WorkTaskUnit::agencyId).collect(Collectors.toSet());
		for (Agency a : row.agencies()) {
			if (!have.contains(a.id())) {
				store.insertUnit(taskId, a.id(), false);
			}
		}
		Instant now = clock.instant();
		Actor actor = Actors.require();
		store.log(taskId, null, now, actor.username(), "changed", null);
		events.publishEvent(ChangeRecorded.of(actor, now, plan.agencyId(), "oversight.task.changed", "WorkTask", taskId,
				"修改任务：" + abbreviate(row.input().requirement()), abbreviate(task.requirement()), abbreviate(row.input().requirement())));
		return store.task(taskId).orElseThrow();
	}

	/** Assigns a unit by hand (a part of 责任单位 the text did not resolve, or one more unit). */
	public WorkTaskUnit assignUnit(long taskId, long agencyId) {
		WorkTask task = store.task(taskId).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		WorkPlan plan = plannerPlan(task.planId());
		if (plan.status() == WorkPlanStatus.CLOSED) {
			throw new DomainException("该工作计划已结束");
		}
		Agency agency = candidates(plan).stream().filter(a -> a.id() == agencyId).findFirst()
			.orElseThrow(() -> InvalidInputException.of("agency", "只能指定本计划所辖范围内的单位"));
		if (store.unitsOfTask(taskId).stream().anyMatch(u -> u.agencyId() == agencyId)) {
			throw InvalidInputException.of("agency", agency.name() + "已是该任务的责任单位");
		}
		long id = store.insertUnit(taskId, agencyId, true);
		Instant now = clock.instant();
		Actor actor = Actors.require();
		store.log(taskId, id, now, actor.username(), "unit.assigned", agency.name());
		events.publishEvent(ChangeRecorded.of(actor, now, plan.agencyId(), "oversight.task.unit-assigned", "WorkTask", taskId,
				"指定责任单位：" + agency.name(), null, agency.name()));
		return store.unit(id).orElseThrow();
	}

	/** Removes a unit that has not claimed the task yet. */
	public void removeUnit(long unitId) {
		WorkTaskUnit unit = store.unit(unitId).orElseThrow(() -> DomainException.notFound("该责任单位不存在"));
		WorkTask task = store.task(unit.taskId()).orElseThrow();
		WorkPlan plan = plannerPlan(task.planId());
		if (unit.status() != WorkTaskUnitStatus.ASSIGNED) {
			throw new DomainException("该单位已认领任务，不能移除");
		}
		store.deleteUnit(unitId);
		String name = agencies.requireById(unit.agencyId()).name();
		Instant now = clock.instant();
		Actor actor = Actors.require();
		store.log(task.id(), null, now, actor.username(), "unit.removed", name);
		events.publishEvent(ChangeRecorded.of(actor, now, plan.agencyId(), "oversight.task.unit-removed", "WorkTask", task.id(),
				"移除责任单位：" + name, name, null));
	}

	/**
	 * Imports the rows of a task table into the plan, all or nothing, after its existing tasks. Claims written in the
	 * rows (the measures and contact cells of a filled-in table) are recorded for the units they name.
	 */
	public int importTable(long planId, List<WorkPlanWorkbook.Line> lines) {
		WorkPlan plan = editablePlan(planId);
		List<Agency> candidates = candidates(plan);
		List<FieldProblem> problems = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		List<Map<Long, ClaimInput>> claims = new ArrayList<>();
		for (WorkPlanWorkbook.Line line : lines) {
			String where = line.where();
			try {
				Row row = row(plan, new TaskInput(line.group(), line.task(), line.requirement(), line.units(), line.deadline()), where,
						candidates);
				rows.add(row);
				claims.add(WorkPlanWorkbook.claims(line, row.agencies(), where));
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
		}
		if (lines.isEmpty()) {
			problems.add(new FieldProblem("file", "工作簿中没有任务行"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int order = store.nextSortOrder(planId);
		Actor actor = Actors.require();
		Instant now = clock.instant();
		for (int i = 0; i < rows.size(); i++) {
			long taskId = insert(plan, rows.get(i), order + i);
			for (Map.Entry<Long, ClaimInput> c : claims.get(i).entrySet()) {
				WorkTaskUnit unit = store.unitsOfTask(taskId).stream().filter(u -> u.agencyId() == c.getKey()).findFirst().orElseThrow();
				ClaimInput in = c.getValue();
				store.claim(unit.id(), in.measures(), in.office(), in.person(), in.phone(), actor.username(), now, true);
				store.log(taskId, unit.id(), now, actor.username(), "claimed", "随任务分解表导入");
			}
		}
		events.publishEvent(ChangeRecorded.of(actor, now, plan.agencyId(), "oversight.plan.imported", "WorkPlan", planId,
				"导入任务分解表：" + rows.size() + "项任务", null, rows.size() + "项"));
		return rows.size();
	}

	private record Row(TaskInput input, WorkTaskRules.Deadline deadline, List<Agency> agencies, String unresolved) {
	}

	private Row row(WorkPlan plan, TaskInput in, String where, List<Agency> candidates) {
		List<FieldProblem> problems = new ArrayList<>();
		String group = Texts.trimToNull(in.group());
		String task = Texts.trimToNull(in.task());
		String requirement = Texts.trimToNull(in.requirement());
		String units = Texts.trimToNull(in.units());
		if (group != null && group.length() > MAX_HEADING) {
			problems.add(new FieldProblem("group", where + "工作任务（一级）不超过" + MAX_HEADING + "字"));
		}
		if (task != null && task.length() > MAX_HEADING) {
			problems.add(new FieldProblem("task", where + "工作任务（二级）不超过" + MAX_HEADING + "字"));
		}
		if (requirement == null) {
			problems.add(new FieldProblem("requirement", where + "请填写工作要求"));
		}
		else if (requirement.length() > MAX_TEXT) {
			problems.add(new FieldProblem("requirement", where + "工作要求不超过" + MAX_TEXT + "字"));
		}
		if (units == null) {
			problems.add(new FieldProblem("units", where + "请填写责任单位"));
		}
		else if (units.length() > 1000) {
			problems.add(new FieldProblem("units", where + "责任单位不超过1000字"));
		}
		WorkTaskRules.Deadline deadline = null;
		try {
			deadline = WorkTaskRules.deadline(in.deadline(), plan.year(), "deadline");
		}
		catch (InvalidInputException e) {
			problems.add(new FieldProblem("deadline", where + e.problems().get(0).message()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		WorkTaskUnitResolver.Resolution r = WorkTaskUnitResolver.resolve(units, candidates);
		return new Row(new TaskInput(group, task, requirement, units, in.deadline()), deadline, r.agencies(), r.unresolved());
	}

	private long insert(WorkPlan plan, Row row, int order) {
		TaskInput in = row.input();
		long id = store.insertTask(plan.id(), in.group(), in.task(), in.requirement(), in.units(), row.unresolved(),
				row.deadline().kind(), row.deadline().dueOn(), order);
		for (Agency a : row.agencies()) {
			store.insertUnit(id, a.id(), false);
		}
		Instant now = clock.instant();
		Actor actor = Actors.require();
		store.log(id, null, now, actor.username(), "created", row.unresolved() == null ? null : "未识别的责任单位：" + row.unresolved());
		events.publishEvent(ChangeRecorded.of(actor, now, plan.agencyId(), "oversight.task.created", "WorkTask", id,
				"新增任务：" + abbreviate(in.requirement()), null, in.units()));
		return id;
	}

	// ---- the units' side -----------------------------------------------------------------------------------------

	/** Claims an item (or changes the claim) with the measures and contacts; only the unit's own staff. */
	public WorkTaskUnit claim(long unitId, ClaimInput input) {
		WorkTaskUnit unit = store.lockUnit(unitId).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		Actor actor = access.require(unit.agencyId(), UNIT_STAFF);
		WorkTask task = store.task(unit.taskId()).orElseThrow();
		WorkPlan plan = store.plan(task.planId()).orElseThrow();
		if (plan.status() != WorkPlanStatus.ISSUED) {
			throw new DomainException(plan.status() == WorkPlanStatus.DRAFT ? "工作计划尚未印发" : "工作计划已结束，不能再认领");
		}
		if (unit.status() == WorkTaskUnitStatus.CLOSED) {
			throw new DomainException("该任务已销号，不能再修改措施");
		}
		ClaimInput in = checkedClaim(input, "");
		Instant now = clock.instant();
		boolean first = unit.status() == WorkTaskUnitStatus.ASSIGNED;
		store.claim(unitId, in.measures(), in.office(), in.person(), in.phone(), actor.username(), now, first);
		store.log(task.id(), unitId, now, actor.username(), first ? "claimed" : "claim.changed", abbreviate(in.measures()));
		events.publishEvent(ChangeRecorded.of(actor, now, unit.agencyId(), first ? "oversight.task.claimed" : "oversight.task.claim-changed",
				"WorkTask", task.id(), (first ? "认领任务：" : "修改措施：") + abbreviate(task.requirement()), abbreviate(unit.measures()),
				abbreviate(in.measures())));
		return store.unit(unitId).orElseThrow();
	}

	/** Checks a claim; {@code where} prefixes the messages (an import row). */
	static ClaimInput checkedClaim(ClaimInput in, String where) {
		List<FieldProblem> problems = new ArrayList<>();
		String measures = Texts.trimToNull(in.measures());
		String office = Texts.trimToNull(in.office());
		String person = Texts.trimToNull(in.person());
		String phone = null;
		if (measures == null) {
			problems.add(new FieldProblem("measures", where + "请填写具体工作措施"));
		}
		else if (measures.length() > MAX_TEXT) {
			problems.add(new FieldProblem("measures", where + "具体工作措施不超过" + MAX_TEXT + "字"));
		}
		else if (!PersonalDataScanner.scan(measures, "measures").isEmpty()) {
			problems.add(new FieldProblem("measures", where + "具体工作措施会随任务表公开，请不要填写手机号码、身份证号码等个人信息（联系电话填在“联系电话”一栏）"));
		}
		if (office == null) {
			problems.add(new FieldProblem("office", where + "请填写责任科室"));
		}
		else if (office.length() > 100) {
			problems.add(new FieldProblem("office", where + "责任科室不超过100字"));
		}
		if (person == null) {
			problems.add(new FieldProblem("person", where + "请填写责任人"));
		}
		else if (person.length() > 50) {
			problems.add(new FieldProblem("person", where + "责任人不超过50字"));
		}
		try {
			phone = WorkTaskRules.phone(in.phone(), "phone");
		}
		catch (InvalidInputException e) {
			problems.add(new FieldProblem("phone", where + e.problems().get(0).message()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ClaimInput(measures, office, person, phone);
	}

	/**
	 * Reports progress for a month (the current one when null); answers the item's open supervision notes. Only the
	 * unit's own staff, after claiming, while the plan is issued.
	 */
	public WorkTaskProgress reportProgress(long unitId, YearMonth month, String content, Integer percent,
			WorkTaskProgressState state, Evidence evidence) {
		WorkTaskUnit unit = store.lockUnit(unitId).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		Actor actor = access.require(unit.agencyId(), UNIT_STAFF);
		WorkTask task = store.task(unit.taskId()).orElseThrow();
		WorkPlan plan = store.plan(task.planId()).orElseThrow();
		if (plan.status() != WorkPlanStatus.ISSUED) {
			throw new DomainException(plan.status() == WorkPlanStatus.DRAFT ? "工作计划尚未印发" : "工作计划已结束，不能再报送进展");
		}
		if (unit.status() == WorkTaskUnitStatus.ASSIGNED) {
			throw new DomainException("请先认领任务并填写具体工作措施，再报送进展");
		}
		if (unit.status() == WorkTaskUnitStatus.CLOSED) {
			throw new DomainException("该任务已销号，无需再报送进展");
		}
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth current = YearMonth.from(today());
		YearMonth m = month == null ? current : month;
		if (m.isAfter(current)) {
			problems.add(new FieldProblem("month", "不能报送以后月份的进展"));
		}
		else if (m.getYear() != plan.year()) {
			problems.add(new FieldProblem("month", "报送月份应在计划年度（" + plan.year() + "年）内"));
		}
		String text = Texts.trimToNull(content);
		if (text == null) {
			problems.add(new FieldProblem("content", "请填写工作进展"));
		}
		else if (text.length() > MAX_TEXT) {
			problems.add(new FieldProblem("content", "工作进展不超过" + MAX_TEXT + "字"));
		}
		if (percent != null && (percent < 0 || percent > 100)) {
			problems.add(new FieldProblem("percent", "完成比例应为0到100之间的整数"));
		}
		if (state == null) {
			problems.add(new FieldProblem("state", "请选择推进情况"));
		}
		String evidenceName = null;
		if (evidence != null && evidence.content() != null && evidence.content().length > 0) {
			evidenceName = Texts.trimToNull(evidence.fileName());
			if (evidence.content().length > MAX_EVIDENCE) {
				problems.add(new FieldProblem("evidence", "佐证材料不超过10MB"));
			}
			if (evidenceName == null || evidenceName.length() > 200) {
				problems.add(new FieldProblem("evidence", "佐证材料的文件名不能为空且不超过200字"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String key = evidenceName == null ? null : files.put(evidence.content(), evidenceName);
		Instant now = clock.instant();
		long id = store.insertProgress(unitId, m.atDay(1), text, percent, state, key, evidenceName, actor.username(), now);
		int answered = store.answerSupervisions(unitId, id, now);
		store.log(task.id(), unitId, now, actor.username(), "progress",
				m + " " + state.label() + (percent == null ? "" : " " + percent + "%") + (answered > 0 ? "（答复督办）" : ""));
		events.publishEvent(ChangeRecorded.of(actor, now, unit.agencyId(), "oversight.task.progress", "WorkTask", task.id(),
				"报送进展：" + abbreviate(task.requirement()), null, m + " " + state.label()));
		return store.progressReport(id).orElseThrow();
	}

	// ---- the supervisor's side -----------------------------------------------------------------------------------

	/** A supervision note (督办) with its own deadline, answered by the unit's next progress report. */
	public WorkTaskSupervision supervise(long unitId, String note, LocalDate dueOn) {
		WorkTaskUnit unit = store.lockUnit(unitId).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		WorkTask task = store.task(unit.taskId()).orElseThrow();
		WorkPlan plan = plannerPlan(task.planId());
		if (plan.status() != WorkPlanStatus.ISSUED) {
			throw new DomainException("只能督办已印发计划中的任务");
		}
		if (unit.status() == WorkTaskUnitStatus.CLOSED) {
			throw new DomainException("该任务已销号，无需督办");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String text = Texts.trimToNull(note);
		if (text == null) {
			problems.add(new FieldProblem("note", "请填写督办意见"));
		}
		else if (text.length() > 2000) {
			problems.add(new FieldProblem("note", "督办意见不超过2000字"));
		}
		if (dueOn == null) {
			problems.add(new FieldProblem("dueOn", "请填写办理时限"));
		}
		else if (dueOn.isBefore(today())) {
			problems.add(new FieldProblem("dueOn", "办理时限不能早于今天"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Actor actor = Actors.require();
		Instant now = clock.instant();
		long id = store.insertSupervision(unitId, text, dueOn, actor.username(), now);
		store.log(task.id(), unitId, now, actor.username(), "supervised", text + "（" + dueOn + "前）");
		events.publishEvent(ChangeRecorded.of(actor, now, unit.agencyId(), "oversight.task.supervised", "WorkTask", task.id(),
				"督办：" + abbreviate(text), null, dueOn.toString()));
		return store.supervisions(unitId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	/** Closes a unit's item once done (销号), with a note. */
	public WorkTaskUnit close(long unitId, String note) {
		WorkTaskUnit unit = store.lockUnit(unitId).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		WorkTask task = store.task(unit.taskId()).orElseThrow();
		WorkPlan plan = plannerPlan(task.planId());
		if (plan.status() == WorkPlanStatus.DRAFT) {
			throw new DomainException("工作计划尚未印发");
		}
		if (unit.status() == WorkTaskUnitStatus.CLOSED) {
			throw new DomainException("该任务已销号");
		}
		if (unit.status() == WorkTaskUnitStatus.ASSIGNED) {
			throw new DomainException("责任单位尚未认领该任务，不能销号");
		}
		String text = Texts.trimToNull(note);
		if (text == null) {
			throw InvalidInputException.of("closeNote", "请填写销号说明");
		}
		if (text.length() > 1000) {
			throw InvalidInputException.of("closeNote", "销号说明不超过1000字");
		}
		Actor actor = Actors.require();
		Instant now = clock.instant();
		store.close(unitId, actor.username(), now, text);
		store.log(task.id(), unitId, now, actor.username(), "closed", text);
		events.publishEvent(ChangeRecorded.of(actor, now, unit.agencyId(), "oversight.task.closed", "WorkTask", task.id(),
				"销号：" + abbreviate(task.requirement()), unit.status().label(), WorkTaskUnitStatus.CLOSED.label()));
		return store.unit(unitId).orElseThrow();
	}

	/** Reopens a closed item, with the reason. */
	public WorkTaskUnit reopen(long unitId, String reason) {
		WorkTaskUnit unit = store.lockUnit(unitId).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		WorkTask task = store.task(unit.taskId()).orElseThrow();
		WorkPlan plan = plannerPlan(task.planId());
		if (plan.status() != WorkPlanStatus.ISSUED) {
			throw new DomainException("只能在已印发的计划中重新打开任务");
		}
		if (unit.status() != WorkTaskUnitStatus.CLOSED) {
			throw new DomainException("该任务未销号");
		}
		String text = Texts.trimToNull(reason);
		if (text == null) {
			throw InvalidInputException.of("reason", "请填写重新打开的理由");
		}
		if (text.length() > 1000) {
			throw InvalidInputException.of("reason", "理由不超过1000字");
		}
		Actor actor = Actors.require();
		Instant now = clock.instant();
		store.reopen(unitId, WorkTaskUnitStatus.CLAIMED);
		store.log(task.id(), unitId, now, actor.username(), "reopened", text);
		events.publishEvent(ChangeRecorded.of(actor, now, unit.agencyId(), "oversight.task.reopened", "WorkTask", task.id(),
				"重新打开：" + abbreviate(task.requirement()), WorkTaskUnitStatus.CLOSED.label() + "：" + unit.closeNote(), text));
		return store.unit(unitId).orElseThrow();
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	/** The agencies a plan may name: its own agency and every active agency below it, in tree order. */
	List<Agency> candidates(WorkPlan plan) {
		return agencies.active().stream().filter(a -> a.id() == plan.agencyId() || a.isWithin(plan.agencyId())).toList();
	}

	private WorkPlan plannerPlan(long planId) {
		WorkPlan plan = store.lockPlan(planId).orElseThrow(() -> DomainException.notFound("该工作计划不存在"));
		access.require(plan.agencyId(), PLANNERS);
		return plan;
	}

	private WorkPlan editablePlan(long planId) {
		WorkPlan plan = plannerPlan(planId);
		if (plan.status() == WorkPlanStatus.CLOSED) {
			throw new DomainException("该工作计划已结束，不能再修改任务");
		}
		return plan;
	}

	static String abbreviate(String s) {
		if (s == null) {
			return null;
		}
		return s.length() <= 60 ? s : s.substring(0, 60) + "…";
	}
}
