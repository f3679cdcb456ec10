package org.gongkai.powers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.CreditCode;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Random inspections (双随机、一公开), one intention-named step at a time: the item list, the pools of inspectors and
 * entities (one by one or pasted as a list), plans published before the draw, the draw itself (seeded, its candidate
 * lists copied into the record, one per plan unless redrawn with a recorded reason), the results per drawn entity and
 * their publication. Each step checks the actor's role for the agency, validates before it writes and is audited.
 */
@Service
@Transactional
public class InspectionManagement {

	/** Who keeps an agency's lists, pools and plans and draws. */
	static final Role[] STAFF = { Role.EDITOR, Role.AGENCY_ADMIN };

	/** Who may look at an agency's inspection records in the console. */
	static final Role[] READERS = { Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER, Role.SUPERVISOR };

	/** Largest pasted list. */
	static final int MAX_IMPORT_LINES = 2000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Inspections store;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InspectionManagement(Inspections store, AgencyDirectory agencies, AgencyAccess access, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.agencies = agencies;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	// ---- the item list -------------------------------------------------------------------------------------

	/** Adds an entry to the agency's random-inspection item list (public at once). */
	public InspectionItem addItem(long agencyId, String name, String objectType, String basis, String method, String frequency,
			String department) {
		Actor actor = access.require(activeAgency(agencyId).id(), STAFF);
		List<FieldProblem> problems = new ArrayList<>();
		String n = required(problems, "name", name, 200, "抽查事项名称");
		String o = required(problems, "objectType", objectType, 200, "检查对象");
		String b = required(problems, "basis", basis, 2000, "抽查依据");
		String m = required(problems, "method", method, 100, "检查方式");
		String f = optional(problems, "frequency", frequency, 300, "抽查比例和频次");
		String d = optional(problems, "department", department, 200, "实施部门");
		throwIfAny(problems);
		Instant now = clock.instant();
		long id = store.insertItem(new InspectionItem(0, agencyId, n, o, b, m, f, d, true, actor.username(), now));
		audit(actor, agencyId, "inspection.item-added", "InspectionItem", id, "随机抽查事项：" + n, null, m);
		events.publishEvent(new PublicPagesChanged(agencyId));
		return store.item(id).orElseThrow();
	}

	// ---- the pools -----------------------------------------------------------------------------------------

	/** Adds an enforcement officer to the agency's pool of inspectors. */
	public InspectionInspector addInspector(long agencyId, String name, String certificateNo, String unitName, String area) {
		Actor actor = access.require(activeAgency(agencyId).id(), STAFF);
		List<FieldProblem> problems = new ArrayList<>();
		InspectionInspector i = inspector(problems, "", agencyId, name, certificateNo, unitName, area, actor, new HashSet<>());
		throwIfAny(problems);
		long id = store.insertInspector(i);
		audit(actor, agencyId, "inspection.inspector-added", "InspectionInspector", id, "执法检查人员：" + i.name(), null,
				i.certificateNo());
		return store.inspectors(agencyId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
	}

	/** Adds an entity to the agency's pool of inspected entities. */
	public InspectionEntity addEntity(long agencyId, String name, String creditCode, String address, String category,
			String riskGrade) {
		return addEntity(agencyId, name, creditCode, address, category, riskGrade, null);
	}

	/**
	 * Adds an entity of the given kind; without a kind, an entity without a credit code (or an individual business's)
	 * is an individual.
	 */
	public InspectionEntity addEntity(long agencyId, String name, String creditCode, String address, String category,
			String riskGrade, InspectionEntityKind kind) {
		Actor actor = access.require(activeAgency(agencyId).id(), STAFF);
		List<FieldProblem> problems = new ArrayList<>();
		InspectionEntity e = entity(problems, "", agencyId, name, creditCode, address, category, riskGrade, kind, actor,
				new HashSet<>());
		throwIfAny(problems);
		long id = store.insertEntity(e);
		audit(actor, agencyId, "inspection.entity-added", "InspectionEntity", id, "检查对象：" + e.name(), null, e.creditCode());
		return store.entities(agencyId, null).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Takes an inspector (an officer who left, or lost the certificate) or an entity (closed, moved away) out of the
	 * pool: later draws no longer see it, earlier draws keep it in their candidate snapshot.
	 *
	 * @param pool {@code INSPECTOR} or {@code ENTITY}
	 */
	public void retire(String pool, long id, String reason) {
		if (!InspectionCandidate.INSPECTOR.equals(pool) && !InspectionCandidate.ENTITY.equals(pool)) {
			throw InvalidInputException.of("pool", "请选择名录库");
		}
		long agencyId = store.poolAgency(pool, id, true).orElseThrow(() -> DomainException.notFound("名录库中没有该条目或已移出"));
		Actor actor = access.require(agencyId, STAFF);
		String why = Texts.trimToNull(reason);
		if (why != null && why.length() > 1000) {
			throw InvalidInputException.of("reason", "理由不超过1000字");
		}
		store.retire(pool, id);
		audit(actor, agencyId, "inspection.pool-retired", InspectionCandidate.INSPECTOR.equals(pool) ? "InspectionInspector"
				: "InspectionEntity", id, "移出名录库" + (why != null ? "：" + why : ""), "在册", "已移出");
	}

	/**
	 * Puts a retired inspector or entity back into its pool (its certificate number or credit code cannot be added a
	 * second time): later draws see it again.
	 *
	 * @param pool {@code INSPECTOR} or {@code ENTITY}
	 */
	public void reactivate(String pool, long id) {
		if (!InspectionCandidate.INSPECTOR.equals(pool) && !InspectionCandidate.ENTITY.equals(pool)) {
			throw InvalidInputException.of("pool", "请选择名录库");
		}
		long agencyId = store.poolAgency(pool, id, false).orElseThrow(() -> DomainException.notFound("没有该已移出的条目"));
		Actor actor = access.require(agencyId, STAFF);
		store.reactivate(pool, id);
		audit(actor, agencyId, "inspection.pool-reactivated", InspectionCandidate.INSPECTOR.equals(pool) ? "InspectionInspector"
				: "InspectionEntity", id, "恢复到名录库", "已移出", "在册");
	}

	/**
	 * Adds a pasted list of inspectors, one per line: name, certificate number, unit, area, separated by tabs or, in a
	 * line without a tab, by ASCII commas. A list with any wrong line saves nothing and names every wrong line.
	 *
	 * @return how many were added
	 */
	public int importInspectors(long agencyId, String text) {
		Actor actor = access.require(activeAgency(agencyId).id(), STAFF);
		List<FieldProblem> problems = new ArrayList<>();
		List<InspectionInspector> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<String[]> lines = lines(text, problems);
		for (int i = 0; i < lines.size(); i++) {
			String[] c = lines.get(i);
			if (c == null) {
				continue;
			}
			if (c.length != 4) {
				problems.add(new FieldProblem("text", "第" + (i + 1) + "行：应有4项（姓名、执法证号、所在单位、执法区域），实有" + c.length + "项"));
				continue;
			}
			rows.add(inspector(problems, "第" + (i + 1) + "行：", agencyId, cell(c, 0), cell(c, 1), cell(c, 2), cell(c, 3), actor,
					seen));
		}
		throwIfAny(problems);
		rows.forEach(store::insertInspector);
		audit(actor, agencyId, "inspection.inspectors-imported", "InspectionInspector", agencyId,
				"导入执法检查人员" + rows.size() + "名", null, String.valueOf(rows.size()));
		return rows.size();
	}

	/**
	 * Adds a pasted list of entities, one per line: name, credit code, address, category, risk grade and, optionally,
	 * the kind (单位 or 个人; without it an entity without a credit code is an individual), separated by tabs or, in a
	 * line without a tab, by ASCII commas. A list with any wrong line saves nothing and names every wrong line.
	 *
	 * @return how many were added
	 */
	public int importEntities(long agencyId, String text) {
		Actor actor = access.require(activeAgency(agencyId).id(), STAFF);
		List<FieldProblem> problems = new ArrayList<>();
		List<InspectionEntity> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<String[]> lines = lines(text, problems);
		for (int i = 0; i < lines.size(); i++) {
			String[] c = lines.get(i);
			if (c == null) {
				continue;
			}
			String where = "第" + (i + 1) + "行：";
			if (c.length != 5 && c.length != 6) {
				problems.add(new FieldProblem("text", where + "应有5项（名称、统一社会信用代码、地址、类别、风险等级），可加第6项性质（单位或个人），实有"
						+ c.length + "项"));
				continue;
			}
			InspectionEntityKind kind = InspectionEntityKind.parse(cell(c, 5));
			if (cell(c, 5) != null && kind == null) {
				problems.add(new FieldProblem("text", where + "性质应为“单位”或“个人”"));
				continue;
			}
			rows.add(entity(problems, where, agencyId, cell(c, 0), cell(c, 1), cell(c, 2), cell(c, 3), cell(c, 4), kind, actor,
					seen));
		}
		throwIfAny(problems);
		rows.forEach(store::insertEntity);
		audit(actor, agencyId, "inspection.entities-imported", "InspectionEntity", agencyId, "导入检查对象" + rows.size() + "个",
				null, String.valueOf(rows.size()));
		return rows.size();
	}

	private static List<String[]> lines(String text, List<FieldProblem> problems) {
		List<String[]> out = new ArrayList<>();
		String t = Texts.trimToNull(text);
		if (t == null) {
			problems.add(new FieldProblem("text", "请粘贴名单，每行一条"));
			return out;
		}
		String[] raw = t.split("\\R");
		if (raw.length > MAX_IMPORT_LINES) {
			problems.add(new FieldProblem("text", "一次最多导入" + MAX_IMPORT_LINES + "行"));
			return out;
		}
		for (String line : raw) {
			out.add(line.isBlank() ? null : line.split(line.indexOf('\t') >= 0 ? "\t" : ",", -1));
		}
		return out;
	}

	private static String cell(String[] cells, int i) {
		return i < cells.length ? Texts.trimToNull(cells[i]) : null;
	}

	private InspectionInspector inspector(List<FieldProblem> problems, String where, long agencyId, String name,
			String certificateNo, String unitName, String area, Actor actor, Set<String> seen) {
		List<FieldProblem> found = new ArrayList<>();
		String n = required(found, "name", name, 50, "姓名");
		String c = required(found, "certificateNo", certificateNo, 50, "执法证号");
		String u = optional(found, "unitName", unitName, 200, "所在单位");
		String a = optional(found, "area", area, 200, "执法区域");
		if (c != null && (!seen.add(c) || store.certificateTaken(agencyId, c))) {
			found.add(new FieldProblem("certificateNo", "执法证号 " + c + " 已在名录库中"));
		}
		located(problems, found, where);
		return new InspectionInspector(0, agencyId, n, c, u, a, true, actor.username(), clock.instant());
	}

	private InspectionEntity entity(List<FieldProblem> problems, String where, long agencyId, String name, String creditCode,
			String address, String category, String riskGrade, InspectionEntityKind kind, Actor actor, Set<String> seen) {
		List<FieldProblem> found = new ArrayList<>();
		String n = required(found, "name", name, 200, "检查对象名称");
		String code = Texts.trimToNull(creditCode);
		if (code != null) {
			code = CreditCode.normalise(code);
			if (!CreditCode.isValid(code)) {
				found.add(new FieldProblem("creditCode", "统一社会信用代码 " + creditCode.trim() + " 不正确"));
			}
			else if (!seen.add(code) || store.creditCodeTaken(agencyId, code)) {
				found.add(new FieldProblem("creditCode", "统一社会信用代码 " + code + " 已在名录库中"));
			}
		}
		String a = optional(found, "address", address, 300, "地址");
		String c = optional(found, "category", category, 100, "类别");
		String r = optional(found, "riskGrade", riskGrade, 50, "风险等级");
		located(problems, found, where);
		return new InspectionEntity(0, agencyId, n, code, a, c, r, InspectionEntityKind.of(kind, code, c), true, actor.username(),
				clock.instant());
	}

	/** A pasted line's problems belong to the {@code text} field and name the line; a form's stay on their fields. */
	private static void located(List<FieldProblem> problems, List<FieldProblem> found, String where) {
		for (FieldProblem f : found) {
			problems.add(where.isEmpty() ? f : new FieldProblem("text", where + f.message()));
		}
	}

	// ---- plans ---------------------------------------------------------------------------------------------

	/** Drafts a plan; it becomes public with {@link #publishPlan}. */
	public InspectionPlan createPlan(long agencyId, String title, List<Long> itemIds, LocalDate periodFrom, LocalDate periodTo,
			String entityCategory, Integer entityCount, Integer inspectorsPerEntity, String entropySource) {
		Actor actor = access.require(activeAgency(agencyId).id(), STAFF);
		List<FieldProblem> problems = new ArrayList<>();
		String t = required(problems, "title", title, 300, "计划名称");
		Set<Long> items = new LinkedHashSet<>();
		if (itemIds == null || itemIds.stream().allMatch(java.util.Objects::isNull)) {
			problems.add(new FieldProblem("items", "请选择至少一个抽查事项"));
		}
		else {
			for (Long id : itemIds) {
				if (id == null) {
					continue;
				}
				if (store.item(id).filter(i -> i.agencyId() == agencyId && i.active()).isEmpty()) {
					problems.add(new FieldProblem("items", "抽查事项 " + id + " 不在本单位的抽查事项清单中"));
				}
				items.add(id);
			}
		}
		if (periodFrom == null) {
			problems.add(new FieldProblem("periodFrom", "请填写检查开始日期"));
		}
		if (periodTo == null) {
			problems.add(new FieldProblem("periodTo", "请填写检查结束日期"));
		}
		else if (periodFrom != null && periodTo.isBefore(periodFrom)) {
			problems.add(new FieldProblem("periodTo", "检查结束日期不能早于开始日期"));
		}
		String category = optional(problems, "entityCategory", entityCategory, 100, "检查对象类别");
		if (entityCount == null || entityCount < 1 || entityCount > 10_000) {
			problems.add(new FieldProblem("entityCount", "请填写抽取的检查对象数量（1至10000）"));
		}
		if (inspectorsPerEntity == null || inspectorsPerEntity < 2 || inspectorsPerEntity > 10) {
			problems.add(new FieldProblem("inspectorsPerEntity", "每个检查对象应随机选派至少2名、至多10名执法检查人员"));
		}
		String source = required(problems, "entropySource", entropySource, 500, "公开随机数来源（如某期福利彩票开奖号码）");
		throwIfAny(problems);
		Instant now = clock.instant();
		long id = store.insertPlan(new InspectionPlan(0, agencyId, t, periodFrom, periodTo, category, entityCount,
				inspectorsPerEntity, source, InspectionPlanStatus.DRAFT, null, null, 0, actor.username(), now, now));
		items.forEach(item -> store.addPlanItem(id, item));
		audit(actor, agencyId, "inspection.plan-created", "InspectionPlan", id, "抽查计划：" + t, null,
				InspectionPlanStatus.DRAFT.label());
		return store.plan(id).orElseThrow();
	}

	/** Publishes a draft plan: the public sees it, and the announced entropy source, before the draw. */
	public InspectionPlan publishPlan(long planId) {
		InspectionPlan p = lockPlan(planId);
		Actor actor = access.require(p.agencyId(), STAFF);
		if (p.status() != InspectionPlanStatus.DRAFT) {
			throw new DomainException("抽查计划已公布");
		}
		Instant now = clock.instant();
		store.setStatus(p, InspectionPlanStatus.PUBLISHED, now, null, now);
		return changed(actor, p, "inspection.plan-published", "公布抽查计划");
	}

	/**
	 * Draws the plan's entities and their inspectors from the pools as they are now, with a seed of the plan, the
	 * time, the announced public entropy and 16 fresh random bytes. A plan is drawn once; a redraw needs a reason and
	 * keeps the earlier draw visible, superseded; it is for an agency administrator alone, and refused once any
	 * result of the current draw is recorded.
	 */
	public InspectionDraw draw(long planId, String publicEntropy, String redrawReason) {
		InspectionPlan p = lockPlan(planId);
		Actor actor = access.require(p.agencyId(), STAFF);
		List<InspectionDraw> earlier = store.draws(planId);
		String reason = Texts.trimToNull(redrawReason);
		if (p.status() == InspectionPlanStatus.DRAFT) {
			throw new DomainException("请先公布抽查计划，再进行抽取：计划应在抽取前向社会公开");
		}
		if (p.status() == InspectionPlanStatus.RESULTS_PUBLISHED) {
			throw new DomainException("检查结果已公开的计划不能重新抽取");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (!earlier.isEmpty() && reason == null) {
			throw new DomainException("本计划已抽取，不能重复抽取；确需重新抽取的，须填写重新抽取的理由，原抽取记录将继续公开");
		}
		if (!earlier.isEmpty()) {
			access.require(p.agencyId(), Role.AGENCY_ADMIN);
			InspectionDraw now = current(planId);
			if (store.anyResult(now.id())) {
				throw new DomainException("本次抽取已登记检查结果，不能重新抽取");
			}
		}
		if (reason != null && earlier.isEmpty()) {
			problems.add(new FieldProblem("redrawReason", "本计划尚未抽取，不需要填写重新抽取理由"));
		}
		if (reason != null && reason.length() > 1000) {
			problems.add(new FieldProblem("redrawReason", "重新抽取理由不超过1000字"));
		}
		String entropy = required(problems, "publicEntropy", publicEntropy, 200, "公开随机数（" + p.entropySource() + "）");
		if (entropy != null && entropy.chars().anyMatch(Character::isISOControl)) {
			problems.add(new FieldProblem("publicEntropy", "公开随机数不能包含换行等控制字符"));
		}
		throwIfAny(problems);
		List<InspectionEntity> entities = new ArrayList<>(store.entities(p.agencyId(), p.entityCategory()));
		List<InspectionInspector> inspectors = new ArrayList<>(store.inspectors(p.agencyId()));
		if (entities.size() < p.entityCount()) {
			throw new DomainException("检查对象名录库" + (p.entityCategory() != null ? "中“" + p.entityCategory() + "”类" : "") + "只有"
					+ entities.size() + "个检查对象，少于计划抽取的" + p.entityCount() + "个");
		}
		if (inspectors.size() < p.inspectorsPerEntity()) {
			throw new DomainException("执法检查人员名录库只有" + inspectors.size() + "名在岗人员，少于每个检查对象需选派的"
					+ p.inspectorsPerEntity() + "名");
		}
		entities.sort(Comparator.comparing(InspectionEntity::key));
		inspectors.sort(Comparator.comparing(InspectionInspector::key));
		Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		String nonceHex = HexFormat.of().formatHex(nonce);
		String seed = RandomDraw.seed(planId, at, entropy, nonceHex);
		List<RandomDraw.Pick> picks = RandomDraw.draw(seed, entities.stream().map(InspectionEntity::key).toList(),
				p.entityCount(), inspectors.stream().map(InspectionInspector::key).toList(), p.inspectorsPerEntity());
		for (InspectionDraw d : earlier) {
			if (!d.superseded()) {
				store.supersede(d.id());
			}
		}
		long drawId = store.insertDraw(new InspectionDraw(0, planId, p.agencyId(), earlier.size() + 1, at, entropy, nonceHex, seed,
				RandomDraw.ALGORITHM, p.entityCount(), p.inspectorsPerEntity(), false, reason, actor.username()));
		for (int i = 0; i < entities.size(); i++) {
			InspectionEntity e = entities.get(i);
			store.insertCandidate(new InspectionCandidate(drawId, InspectionCandidate.ENTITY, i + 1, e.key(), e.id(), e.name(),
					e.address(), e.category(), e.riskGrade(), e.kind(), null));
		}
		for (int i = 0; i < inspectors.size(); i++) {
			InspectionInspector x = inspectors.get(i);
			String detail = x.certificateNo() + (x.unitName() != null ? " " + x.unitName() : "");
			store.insertCandidate(new InspectionCandidate(drawId, InspectionCandidate.INSPECTOR, i + 1, x.key(), x.id(), x.name(),
					detail, null, null, null, x.area()));
		}
		for (int i = 0; i < picks.size(); i++) {
			store.insertPick(drawId, i + 1, picks.get(i).entityKey(), picks.get(i).inspectorKeys());
		}
		if (p.status() == InspectionPlanStatus.PUBLISHED) {
			store.setStatus(p, InspectionPlanStatus.DRAWN, p.publishedAt(), null, at);
		}
		changed(actor, p, reason == null ? "inspection.drawn" : "inspection.redrawn",
				(reason == null ? "随机抽取" : "重新抽取（理由：" + reason + "）") + "，种子 " + seed);
		return store.draw(drawId).orElseThrow();
	}

	// ---- results -------------------------------------------------------------------------------------------

	/** Records the result of inspecting one drawn entity of the plan's current draw. */
	public InspectionPick recordResult(long drawId, int rank, InspectionOutcome outcome, String note, LocalDate checkedOn) {
		long planId = store.drawPlanId(drawId).orElseThrow(() -> DomainException.notFound("该抽取记录不存在"));
		InspectionPlan p = lockPlan(planId);
		// read under the plan's lock: a redraw in between has superseded it
		InspectionDraw d = store.draw(drawId).orElseThrow(() -> DomainException.notFound("该抽取记录不存在"));
		Actor actor = access.require(p.agencyId(), STAFF);
		if (d.superseded()) {
			throw new DomainException("该抽取记录已被重新抽取取代，请在当前抽取记录中登记检查结果");
		}
		if (p.status() != InspectionPlanStatus.DRAWN) {
			throw new DomainException("检查结果已公开，不能再修改");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (outcome == null) {
			problems.add(new FieldProblem("outcome", "请选择检查结果"));
		}
		String n = optional(problems, "note", note, 2000, "检查情况说明");
		if (outcome != null && outcome != InspectionOutcome.NO_PROBLEM && n == null) {
			problems.add(new FieldProblem("note", "“" + outcome.label() + "”的，请填写情况说明"));
		}
		if (checkedOn == null) {
			problems.add(new FieldProblem("checkedOn", "请填写检查日期"));
		}
		else if (checkedOn.isAfter(LocalDate.now(clock.withZone(Zones.CHINA)))) {
			problems.add(new FieldProblem("checkedOn", "检查日期不能晚于今天"));
		}
		else if (checkedOn.isBefore(LocalDate.ofInstant(d.drawnAt(), Zones.CHINA))) {
			problems.add(new FieldProblem("checkedOn", "检查日期不能早于抽取日期"));
		}
		throwIfAny(problems);
		if (store.recordResult(drawId, rank, outcome, n, checkedOn, actor.username(), clock.instant()) != 1) {
			throw DomainException.notFound("该抽取记录中没有第" + rank + "个检查对象");
		}
		audit(actor, p.agencyId(), "inspection.result-recorded", "InspectionPlan", p.id(),
				"登记检查结果：" + p.title() + " 第" + rank + "个检查对象", null, outcome.label());
		return store.picks(drawId).get(rank - 1);
	}

	/** Publishes the results once every drawn entity of the current draw has one. */
	public InspectionPlan publishResults(long planId) {
		InspectionPlan p = lockPlan(planId);
		Actor actor = access.require(p.agencyId(), STAFF);
		if (p.status() != InspectionPlanStatus.DRAWN) {
			throw new DomainException(p.status() == InspectionPlanStatus.RESULTS_PUBLISHED ? "检查结果已公开" : "抽取后才能公开检查结果");
		}
		InspectionDraw current = current(planId);
		long missing = store.picks(current.id()).stream().filter(x -> x.outcome() == null).count();
		if (missing > 0) {
			throw new DomainException("还有" + missing + "个检查对象没有登记检查结果");
		}
		Instant now = clock.instant();
		store.setStatus(p, InspectionPlanStatus.RESULTS_PUBLISHED, p.publishedAt(), now, now);
		return changed(actor, p, "inspection.results-published", "公开检查结果");
	}

	// ---- verification --------------------------------------------------------------------------------------

	/** The outcome of recomputing a stored draw. */
	public record Verification(boolean consistent, String detail, List<RandomDraw.Pick> recomputed) {
	}

	/** Recomputes a draw from its stored seed and candidate lists and compares with the stored picks. */
	@Transactional(readOnly = true)
	public Verification verify(long drawId) {
		InspectionDraw d = store.draw(drawId).orElseThrow(() -> DomainException.notFound("该抽取记录不存在"));
		return verify(d, store.candidates(drawId, InspectionCandidate.ENTITY), store.candidates(drawId, InspectionCandidate.INSPECTOR),
				store.picks(drawId));
	}

	static Verification verify(InspectionDraw d, List<InspectionCandidate> entities, List<InspectionCandidate> inspectors,
			List<InspectionPick> stored) {
		if (!RandomDraw.seed(d.planId(), d.drawnAt(), d.publicEntropy(), d.nonceHex()).equals(d.seed())) {
			return new Verification(false, "种子与计划编号、抽取时间、公开随机数和随机字节不符", List.of());
		}
		List<RandomDraw.Pick> recomputed;
		try {
			recomputed = RandomDraw.draw(d.seed(), entities.stream().map(InspectionCandidate::key).toList(), d.entityCount(),
					inspectors.stream().map(InspectionCandidate::key).toList(), d.inspectorsPerEntity());
		}
		catch (IllegalArgumentException e) {
			return new Verification(false, "候选名单与抽取数量不符，无法重新计算", List.of());
		}
		List<RandomDraw.Pick> recorded = stored.stream().map(x -> new RandomDraw.Pick(x.entityKey(), x.inspectorKeys())).toList();
		if (!recomputed.equals(recorded)) {
			return new Verification(false, "按公布的种子和候选名单重新计算的结果与公布的抽取结果不一致", recomputed);
		}
		return new Verification(true, "按公布的种子和候选名单重新计算，结果与公布的抽取结果一致", recomputed);
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private InspectionDraw current(long planId) {
		return store.draws(planId).stream().filter(x -> !x.superseded()).findFirst()
			.orElseThrow(() -> new DomainException("本计划尚未抽取"));
	}

	private InspectionPlan changed(Actor actor, InspectionPlan before, String action, String summary) {
		InspectionPlan after = store.plan(before.id()).orElseThrow();
		audit(actor, after.agencyId(), action, "InspectionPlan", after.id(), summary + "：" + after.title(),
				before.status().label(), after.status().label());
		events.publishEvent(new PublicInspectionChanged(after.id(), after.agencyId(), after.status().isPublic()));
		events.publishEvent(new PublicPagesChanged(after.agencyId()));
		return after;
	}

	private void audit(Actor actor, long agencyId, String action, String type, long id, String summary, String before,
			String after) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, action, type, id, summary, before, after));
	}

	private InspectionPlan lockPlan(long id) {
		return store.lockPlan(id).orElseThrow(() -> DomainException.notFound("该抽查计划不存在"));
	}

	private Agency activeAgency(long agencyId) {
		return agencies.findById(agencyId).filter(Agency::active).orElseThrow(() -> DomainException.notFound("该单位不存在或已撤销"));
	}

	private static String required(List<FieldProblem> problems, String field, String value, int max, String label) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			problems.add(new FieldProblem(field, "请填写" + label));
		}
		else if (v.length() > max) {
			problems.add(new FieldProblem(field, label + "不超过" + max + "个字"));
		}
		return v;
	}

	private static String optional(List<FieldProblem> problems, String field, String value, int max, String label) {
		String v = Texts.trimToNull(value);
		if (v != null && v.length() > max) {
			problems.add(new FieldProblem(field, label + "不超过" + max + "个字"));
		}
		return v;
	}

	private static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}
}
