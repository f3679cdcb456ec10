package org.gongkai.oversight;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;
import org.gongkai.oversight.AssessmentRun.Line;
import org.gongkai.oversight.AssessmentRun.Manual;
import org.gongkai.oversight.AssessmentRun.Sheet;
import org.gongkai.oversight.AssessmentScheme.GradeBand;
import org.gongkai.oversight.AssessmentScheme.Item;
import org.gongkai.oversight.AssessmentScheme.Kind;
import org.gongkai.oversight.AssessmentScheme.Measure;
import org.gongkai.oversight.AssessmentScheme.Rule;
import org.gongkai.oversight.AssessmentScoring.ItemScore;
import org.gongkai.oversight.AssessmentScoring.RowScore;
import org.gongkai.oversight.AssessmentStore.SchemeHeader;
import org.gongkai.oversight.AssessmentTemplates.Template;
import org.gongkai.oversight.AssessmentTemplates.TemplateItem;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assessment schemes and their yearly runs (issue 11, part 5). The supervisor (政务公开办, SUPERVISOR with a subtree
 * grant over the scheme's owner agency) installs a shipped template or writes a scheme, edits it while none of its
 * runs is final, copies it to a new year, starts a run, enters the manual rows with their evidence, computes the
 * automatic rows from {@link MonitoringFigures} on 31 December of the year (or today when earlier) and finalises the
 * run; a final run never changes. The staff of an assessed agency see their own sheet once the run is final.
 */
@Service
@Transactional
public class AssessmentManagement {

	/** Who runs assessments: the supervising office over its subtree (and the system administrator). */
	static final Role[] SUPERVISORS = { Role.SUPERVISOR };

	/** The largest evidence file accepted. */
	static final int MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

	private final AssessmentStore store;

	private final AssessmentTemplates templates;

	private final MonitoringFigures figures;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	AssessmentManagement(AssessmentStore store, AssessmentTemplates templates, MonitoringFigures figures,
			AgencyDirectory agencies, AgencyAccess access, FileStore files, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.templates = templates;
		this.figures = figures;
		this.agencies = agencies;
		this.access = access;
		this.files = files;
		this.events = events;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	/** A scheme's header as entered. */
	public record SchemeInput(String name, Integer year, Set<AgencyLevel> levels, Set<AgencyType> types, String grades,
			String note) {
	}

	/** A first-level item or a row as entered ({@code parentId} null for a first-level item). */
	public record ItemInput(Long parentId, Kind kind, String title, BigDecimal points, Measure measure, String figureKey,
			Rule rule, BigDecimal unitPoints, BigDecimal cap, Long threshold) {
	}

	// ---- schemes ------------------------------------------------------------------------------------------

	/** The agencies whose schemes the actor runs. */
	@Transactional(readOnly = true)
	public List<Agency> owners(Actor actor) {
		return access.agenciesFor(actor, SUPERVISORS).stream().filter(Agency::active).toList();
	}

	@Transactional(readOnly = true)
	public List<AssessmentScheme> schemes(Actor actor) {
		return store.schemesOf(owners(actor).stream().map(Agency::id).toList());
	}

	@Transactional(readOnly = true)
	public AssessmentScheme scheme(long schemeId) {
		AssessmentScheme s = store.scheme(schemeId).orElseThrow(() -> DomainException.notFound("考核方案不存在"));
		access.require(s.ownerAgencyId(), SUPERVISORS);
		return s;
	}

	/** Whether the scheme may still be edited: none of its runs is final. */
	@Transactional(readOnly = true)
	public boolean editable(long schemeId) {
		return !store.hasFinalRun(schemeId);
	}

	/** Installs a shipped template as a scheme of the owner agency for a year. */
	public long installTemplate(long ownerAgencyId, String code, Integer year, String name) {
		Actor actor = access.require(ownerAgencyId, SUPERVISORS);
		Template t = templates.find(code == null ? "" : code)
			.orElseThrow(() -> InvalidInputException.of("template", "请选择考核方案模板"));
		int y = year(year);
		String n = Texts.trimToNull(name) == null ? y + "年度政务公开考核（参照" + t.name() + "）" : name.trim();
		check(n, "name", 200, "方案名称");
		Set<AgencyLevel> levels = EnumSet.noneOf(AgencyLevel.class);
		t.levels().forEach(l -> levels.add(AgencyLevel.valueOf(l)));
		Set<AgencyType> types = EnumSet.noneOf(AgencyType.class);
		t.types().forEach(l -> types.add(AgencyType.valueOf(l)));
		Instant now = clock.instant();
		long id = store.insertScheme(new SchemeHeader(ownerAgencyId, n, y, levels, types, parseGrades(t.grades()), t.code(),
				t.sourceTitle(), t.sourceUrl(), t.sourceDate(), t.note()), actor.username(), now);
		int order = 0;
		for (TemplateItem f : t.items()) {
			long fid = store.insertItem(id, null, ++order, Kind.valueOf(f.kind()), f.title(), f.points(), null, null, null, null,
					null, null);
			int rowOrder = 0;
			for (TemplateItem r : f.rowsOrEmpty()) {
				store.insertItem(id, fid, ++rowOrder, Kind.ROW, r.title(), r.points(), Measure.valueOf(r.measure()),
						r.figureKey(), r.rule() == null ? null : Rule.valueOf(r.rule()), r.unitPoints(), r.cap(), r.threshold());
			}
		}
		audit(actor, now, ownerAgencyId, "assessment.scheme.installed", "AssessmentScheme", id,
				"按模板“" + t.name() + "”建立考核方案：" + n);
		return id;
	}

	/** Creates an empty scheme of the owner agency. */
	public long createScheme(long ownerAgencyId, SchemeInput input) {
		Actor actor = access.require(ownerAgencyId, SUPERVISORS);
		SchemeHeader h = header(ownerAgencyId, input, null);
		Instant now = clock.instant();
		long id = store.insertScheme(h, actor.username(), now);
		audit(actor, now, ownerAgencyId, "assessment.scheme.created", "AssessmentScheme", id, "新建考核方案：" + h.name());
		return id;
	}

	public void updateScheme(long schemeId, int revision, SchemeInput input) {
		AssessmentScheme s = editableScheme(schemeId);
		SchemeHeader h = header(s.ownerAgencyId(), input, s);
		Instant now = clock.instant();
		if (!store.updateScheme(schemeId, revision, h, now)) {
			throw new DomainException("考核方案已被他人修改，请刷新后重试");
		}
		audit(Actors.require(), now, s.ownerAgencyId(), "assessment.scheme.updated", "AssessmentScheme", schemeId,
				"修改考核方案：" + h.name());
	}

	/** Adds a first-level item or a row; draft runs of the scheme must be computed again. */
	public long addItem(long schemeId, int revision, ItemInput in) {
		AssessmentScheme s = editableScheme(schemeId);
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.trimToNull(in.title());
		if (title == null) {
			problems.add(new FieldProblem("title", in.parentId() == null ? "请填写一级指标名称" : "请填写评价标准"));
		}
		else if (title.length() > 1000) {
			problems.add(new FieldProblem("title", "评价标准不能超过1000字"));
		}
		nonNegative(in.points(), "points", problems);
		nonNegative(in.unitPoints(), "unitPoints", problems);
		nonNegative(in.cap(), "cap", problems);
		if (in.threshold() != null && in.threshold() < 0) {
			problems.add(new FieldProblem("threshold", "阈值不能为负数"));
		}
		Kind kind;
		Item parent = null;
		if (in.parentId() == null) {
			kind = in.kind() == Kind.BONUS ? Kind.BONUS : Kind.CATEGORY;
			if (in.points() == null || in.points().signum() <= 0) {
				problems.add(new FieldProblem("points", "请填写一级指标的分值（权重）"));
			}
		}
		else {
			kind = Kind.ROW;
			parent = s.item(in.parentId());
			if (parent == null || !parent.firstLevel()) {
				problems.add(new FieldProblem("parentId", "请选择所属一级指标"));
			}
			if (in.measure() == null) {
				problems.add(new FieldProblem("measure", "请选择计分方式"));
			}
			else if (in.measure() == Measure.AUTOMATIC) {
				if (Texts.trimToNull(in.figureKey()) == null
						|| figures.definitions().stream().noneMatch(d -> d.key().equals(in.figureKey().trim()))) {
					problems.add(new FieldProblem("figureKey", "请选择自动计算所用的监测数据"));
				}
				if (in.rule() == null) {
					problems.add(new FieldProblem("rule", "请选择计分规则"));
				}
				else if (in.rule() == Rule.THRESHOLD_AWARD && parent != null && parent.kind() == Kind.BONUS) {
					problems.add(new FieldProblem("rule", "加分项下请用“达到即计分”规则"));
				}
				if (in.unitPoints() == null || in.unitPoints().signum() <= 0) {
					problems.add(new FieldProblem("unitPoints", "请填写每个或每次的分值"));
				}
				if (in.rule() == Rule.THRESHOLD_AWARD && (in.threshold() == null || in.threshold() <= 0)) {
					problems.add(new FieldProblem("threshold", "请填写达标数量"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		if (!store.touchScheme(schemeId, revision, now)) {
			throw new DomainException("考核方案已被他人修改，请刷新后重试");
		}
		int order = (in.parentId() == null ? s.firstLevel() : s.rowsOf(in.parentId())).stream()
			.mapToInt(Item::sortOrder).max().orElse(0) + 1;
		boolean automatic = kind == Kind.ROW && in.measure() == Measure.AUTOMATIC;
		long id = store.insertItem(schemeId, in.parentId(), order, kind, title, in.points(),
				kind == Kind.ROW ? in.measure() : null, automatic ? in.figureKey().trim() : null, automatic ? in.rule() : null,
				kind == Kind.ROW ? in.unitPoints() : null, kind == Kind.ROW ? in.cap() : null,
				automatic ? in.threshold() : null);
		invalidateDrafts(schemeId);
		audit(Actors.require(), now, s.ownerAgencyId(), "assessment.item.added", "AssessmentScheme", schemeId,
				"考核方案“" + s.name() + "”增加" + kind.label() + "：" + title);
		return id;
	}

	/** Removes an item (a first-level item with its rows); draft runs of the scheme must be computed again. */
	public void removeItem(long schemeId, int revision, long itemId) {
		AssessmentScheme s = editableScheme(schemeId);
		Item item = s.item(itemId);
		if (item == null) {
			throw DomainException.notFound("考核指标不存在");
		}
		Instant now = clock.instant();
		if (!store.touchScheme(schemeId, revision, now)) {
			throw new DomainException("考核方案已被他人修改，请刷新后重试");
		}
		invalidateDrafts(schemeId);
		for (AssessmentRun r : store.runsOfSchemes(List.of(schemeId))) {
			store.deleteManualsOfItem(r.id(), itemId, s.rowsOf(itemId).stream().map(Item::id).toList());
		}
		store.deleteItem(schemeId, itemId);
		audit(Actors.require(), now, s.ownerAgencyId(), "assessment.item.removed", "AssessmentScheme", schemeId,
				"考核方案“" + s.name() + "”删除" + item.kind().label() + "：" + item.title());
	}

	/** Copies a scheme (header and items) to a new year, as a new editable scheme of the same owner. */
	public long copyScheme(long schemeId, Integer year, String name) {
		AssessmentScheme s = scheme(schemeId);
		Actor actor = Actors.require();
		int y = year(year);
		String n = Texts.trimToNull(name) == null ? s.name().replace(String.valueOf(s.year()), String.valueOf(y)) : name.trim();
		if (n.equals(s.name())) {
			n = n + "（" + y + "年度）";
		}
		check(n, "name", 200, "方案名称");
		Instant now = clock.instant();
		long id = store.insertScheme(new SchemeHeader(s.ownerAgencyId(), n, y, s.levels(), s.types(), s.grades(),
				s.templateCode(), s.sourceTitle(), s.sourceUrl(), s.sourceDate(), s.note()), actor.username(), now);
		Map<Long, Long> parents = new HashMap<>();
		for (Item f : s.firstLevel()) {
			parents.put(f.id(), store.insertItem(id, null, f.sortOrder(), f.kind(), f.title(), f.points(), null, null, null,
					null, null, null));
			for (Item r : s.rowsOf(f.id())) {
				store.insertItem(id, parents.get(f.id()), r.sortOrder(), r.kind(), r.title(), r.points(), r.measure(),
						r.figureKey(), r.rule(), r.unitPoints(), r.cap(), r.threshold());
			}
		}
		audit(actor, now, s.ownerAgencyId(), "assessment.scheme.copied", "AssessmentScheme", id,
				"复制考核方案“" + s.name() + "”为" + y + "年度：" + n);
		return id;
	}

	/** Deletes a scheme that has never been run. */
	public void deleteScheme(long schemeId) {
		AssessmentScheme s = scheme(schemeId);
		if (store.hasRun(schemeId)) {
			throw new DomainException("该考核方案已有考核，不能删除");
		}
		store.deleteScheme(schemeId);
		audit(Actors.require(), clock.instant(), s.ownerAgencyId(), "assessment.scheme.deleted", "AssessmentScheme",
				schemeId, "删除考核方案：" + s.name());
	}

	private AssessmentScheme editableScheme(long schemeId) {
		AssessmentScheme s = scheme(schemeId);
		if (store.hasFinalRun(schemeId)) {
			throw new DomainException("该考核方案已有定稿的考核结果，不能再修改；如需调整，请复制为新方案");
		}
		return s;
	}

	private void invalidateDrafts(long schemeId) {
		for (AssessmentRun r : store.runsOfSchemes(List.of(schemeId))) {
			if (!r.isFinal()) {
				store.clearSheets(r.id());
			}
		}
	}

	private SchemeHeader header(long ownerAgencyId, SchemeInput in, AssessmentScheme existing) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = Texts.trimToNull(in.name());
		if (name == null) {
			problems.add(new FieldProblem("name", "请填写方案名称"));
		}
		else if (name.length() > 200) {
			problems.add(new FieldProblem("name", "方案名称不能超过200字"));
		}
		if (in.year() == null || in.year() < 2000 || in.year() > 2100) {
			problems.add(new FieldProblem("year", "请填写考核年度（如2026）"));
		}
		if (in.levels() == null || in.levels().isEmpty()) {
			problems.add(new FieldProblem("levels", "请选择被考核单位的层级"));
		}
		if (in.types() == null || in.types().isEmpty()) {
			problems.add(new FieldProblem("types", "请选择被考核单位的类型"));
		}
		List<GradeBand> grades = List.of();
		try {
			grades = parseGrades(in.grades());
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		String note = Texts.trimToNull(in.note());
		if (note != null && note.length() > 2000) {
			problems.add(new FieldProblem("note", "说明不能超过2000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new SchemeHeader(ownerAgencyId, name, in.year(), in.levels(), in.types(), grades,
				existing == null ? null : existing.templateCode(), existing == null ? null : existing.sourceTitle(),
				existing == null ? null : existing.sourceUrl(), existing == null ? null : existing.sourceDate(), note);
	}

	/** Parses grade bands written 「优秀:90；良好:80；一般:60；较差:0」 (semicolons or commas, full- or half-width). */
	static List<GradeBand> parseGrades(String text) {
		String t = Texts.trimToNull(text);
		if (t == null) {
			return List.of();
		}
		List<GradeBand> out = new ArrayList<>();
		for (String part : t.split("[;；,，\\n]")) {
			String p = part.strip();
			if (p.isEmpty()) {
				continue;
			}
			String[] kv = p.split("[:：]");
			try {
				String label = kv[0].strip();
				if (kv.length != 2 || label.isEmpty() || label.length() > 10) {
					throw new NumberFormatException();
				}
				out.add(new GradeBand(label, new BigDecimal(kv[1].strip())));
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of("grades", "等次写法为“等次:最低分”，用分号隔开，如“优秀:90；良好:80；一般:60；较差:0”");
			}
		}
		out.sort((a, b) -> b.min().compareTo(a.min()));
		return out;
	}

	// ---- runs ---------------------------------------------------------------------------------------------

	/**
	 * Starts a draft run of a scheme for its year and computes it. The figures are gathered outside the writing
	 * transaction (see {@link #compute}), so the run is created first and computed in a second transaction.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public long startRun(long schemeId) {
		long id = tx.execute(status -> {
			AssessmentScheme s = scheme(schemeId);
			if (s.firstLevel().isEmpty()) {
				throw new DomainException("考核方案还没有考核指标，请先添加");
			}
			Actor actor = Actors.require();
			Instant now = clock.instant();
			long runId = store.insertRun(schemeId, s.ownerAgencyId(), s.year(), actor.username(), now);
			audit(actor, now, s.ownerAgencyId(), "assessment.run.started", "AssessmentRun", runId,
					"开始" + s.year() + "年度考核：" + s.name());
			return runId;
		});
		compute(id);
		return id;
	}

	/** The current year in China, the default year of a new scheme. */
	public int currentYear() {
		return LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
	}

	/** The day a run's figures are computed for: 31 December of its year, or today when earlier. */
	LocalDate figuresDay(int year) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		LocalDate end = LocalDate.of(year, 12, 31);
		return today.isBefore(end) ? today : end;
	}

	/**
	 * Computes a draft run again: every assessed agency's figures, the manual entries, totals and ranks. The figures
	 * are gathered before the writing transaction starts: each figure source reads in its own transaction, so a
	 * source that fails (and reports its figure as 0 with the reason) cannot spoil the write.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void compute(long runId) {
		AssessmentRun before = tx.execute(status -> draft(runId));
		AssessmentScheme s = store.scheme(before.schemeId()).orElseThrow();
		LocalDate on = figuresDay(before.year());
		Map<Long, Map<String, OversightFigure>> byAgency = new LinkedHashMap<>();
		for (Agency a : assessed(s)) {
			byAgency.put(a.id(), figures.compute(a.id(), on));
		}
		tx.executeWithoutResult(status -> {
			AssessmentRun run = draft(runId);
			AssessmentScheme current = store.scheme(run.schemeId()).orElseThrow();
			if (current.revision() != s.revision()) {
				throw new DomainException("考核方案在计算期间被修改，请重新计算");
			}
			write(run, current, byAgency);
			if (!store.markComputed(runId, on, clock.instant())) {
				throw new DomainException("考核已定稿，不能重新计算");
			}
			audit(Actors.require(), clock.instant(), run.rootAgencyId(), "assessment.run.computed", "AssessmentRun", runId,
					"重新计算" + run.year() + "年度考核：" + current.name() + "（数据截至" + on + "）");
		});
	}

	/** The agencies a scheme assesses, in directory order. */
	@Transactional(readOnly = true)
	public List<Agency> assessed(AssessmentScheme s) {
		return agencies.active().stream().filter(s::assesses).toList();
	}

	private void write(AssessmentRun run, AssessmentScheme s, Map<Long, Map<String, OversightFigure>> byAgency) {
		Map<Long, Map<Long, BigDecimal>> manual = new HashMap<>();
		for (Manual m : store.manuals(run.id())) {
			manual.computeIfAbsent(m.agencyId(), k -> new HashMap<>()).put(m.itemId(), m.amount());
		}
		Map<Long, AssessmentScoring.Sheet> sheets = new LinkedHashMap<>();
		Map<Long, BigDecimal> totals = new LinkedHashMap<>();
		for (var e : byAgency.entrySet()) {
			Map<String, Long> values = new HashMap<>();
			e.getValue().forEach((k, f) -> values.put(k, f.value()));
			AssessmentScoring.Sheet sheet = AssessmentScoring.score(s, values, manual.getOrDefault(e.getKey(), Map.of()));
			sheets.put(e.getKey(), sheet);
			totals.put(e.getKey(), sheet.total());
		}
		Map<Long, Integer> ranks = AssessmentScoring.ranks(totals);
		store.clearSheets(run.id());
		for (var e : sheets.entrySet()) {
			AssessmentScoring.Sheet sheet = e.getValue();
			long sheetId = store.insertSheet(run.id(), e.getKey(), sheet.total(), sheet.bonus(), ranks.get(e.getKey()),
					s.gradeOf(sheet.total()));
			Map<String, OversightFigure> fs = byAgency.get(e.getKey());
			for (ItemScore is : sheet.items()) {
				store.insertLine(sheetId, is.item().id(), null, is.amount(), is.score(), is.capped(), List.of());
				for (RowScore rs : is.rows()) {
					OversightFigure f = rs.item().figureKey() == null ? null : fs.get(rs.item().figureKey());
					List<CountedRecord> records = f == null || !rs.item().automatic() ? List.of()
							: f.records().subList(0, (int) Math.min(f.records().size(), Math.max(0, f.value())));
					store.insertLine(sheetId, rs.item().id(), rs.figureValue(), rs.amount(), null, rs.capped(), records);
				}
			}
		}
	}

	/** Scores a draft again with its stored figures (after a manual entry), without computing the figures. */
	private void rescore(AssessmentRun run, AssessmentScheme s) {
		List<Sheet> existing = store.sheets(run.id());
		if (existing.isEmpty()) {
			return;
		}
		Map<Long, Map<String, OversightFigure>> byAgency = new LinkedHashMap<>();
		for (Sheet sh : existing) {
			Map<String, OversightFigure> fs = new HashMap<>();
			for (Line l : store.lines(sh.id()).values()) {
				Item item = s.item(l.itemId());
				if (item != null && item.figureKey() != null && l.figureValue() != null) {
					fs.put(item.figureKey(), new OversightFigure(item.figureKey(), l.figureValue(), 0, l.records()));
				}
			}
			byAgency.put(sh.agencyId(), fs);
		}
		write(run, s, byAgency);
	}

	/**
	 * Enters a manual row's deduction (or, under a bonus item, award) for one agency of a draft run. A deduction or an
	 * award needs the assessor's note and the evidence (佐证材料): a file uploaded now, or the one already on the
	 * entry. Zero clears the entry's effect.
	 */
	public void enterManual(long runId, long agencyId, long itemId, String amountText, String note, String evidenceName,
			byte[] evidence) {
		AssessmentRun run = draft(runId);
		AssessmentScheme s = store.scheme(run.schemeId()).orElseThrow();
		Agency agency = agencies.findById(agencyId).orElseThrow(() -> DomainException.notFound("单位不存在"));
		if (!s.assesses(agency)) {
			throw DomainException.notFound("该单位不在本次考核范围内");
		}
		Item item = s.item(itemId);
		if (item == null || item.firstLevel() || item.measure() != Measure.MANUAL) {
			throw DomainException.notFound("该指标不是人工评分项");
		}
		Item parent = s.item(item.parentId());
		boolean bonus = parent.kind() == Kind.BONUS;
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal amount = null;
		String a = Texts.trimToNull(amountText);
		if (a == null) {
			problems.add(new FieldProblem("amount", bonus ? "请填写加分（不加分填0）" : "请填写扣分（不扣分填0）"));
		}
		else {
			try {
				amount = new BigDecimal(a);
				BigDecimal cap = item.rowCap() != null ? item.rowCap() : parent.points();
				if (amount.signum() < 0) {
					problems.add(new FieldProblem("amount", "分值不能为负数"));
				}
				else if (amount.scale() > 2) {
					problems.add(new FieldProblem("amount", "分值最多保留两位小数"));
				}
				else if (cap != null && amount.compareTo(cap) > 0) {
					problems.add(new FieldProblem("amount", "本项最多" + (bonus ? "加" : "扣") + AssessmentScoring.plain(cap) + "分"));
				}
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("amount", "分值应为数字，如2或0.5"));
			}
		}
		String n = Texts.trimToNull(note);
		if (n != null && n.length() > 2000) {
			problems.add(new FieldProblem("note", "说明不能超过2000字"));
		}
		Manual previous = store.manuals(runId).stream()
			.filter(m -> m.agencyId() == agencyId && m.itemId() == itemId)
			.findFirst()
			.orElse(null);
		boolean newFile = evidence != null && evidence.length > 0;
		if (newFile && evidence.length > MAX_EVIDENCE_BYTES) {
			problems.add(new FieldProblem("evidence", "佐证材料不能超过20MB"));
		}
		if (amount != null && amount.signum() > 0) {
			if (n == null) {
				problems.add(new FieldProblem("note", bonus ? "加分须说明理由" : "扣分须说明问题"));
			}
			if (!newFile && (previous == null || previous.evidenceKey() == null)) {
				problems.add(new FieldProblem("evidence", bonus ? "加分须上传佐证材料" : "扣分须上传佐证材料"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Actor actor = Actors.require();
		String key = previous == null ? null : previous.evidenceKey();
		String name = previous == null ? null : previous.evidenceName();
		if (newFile) {
			name = Texts.trimToNull(evidenceName) == null ? "佐证材料" : cut(evidenceName.trim(), 300);
			key = files.put(evidence, name);
		}
		Instant now = clock.instant();
		if (!store.putManual(runId, agencyId, itemId, amount, n, key, name, actor.username(), now)) {
			throw new DomainException("考核已定稿，不能再修改");
		}
		rescore(store.run(runId).orElseThrow(), s);
		audit(actor, now, agencyId, "assessment.manual.entered", "AssessmentRun", runId,
				agency.name() + "：" + item.title() + " " + (bonus ? "加" : "扣") + AssessmentScoring.plain(amount) + "分", null,
				n);
	}

	/** Finalises a draft run: from now on it never changes, and the assessed agencies see their sheets. */
	public void finalise(long runId, int revision) {
		AssessmentRun run = draft(runId);
		if (run.computedAt() == null || store.sheets(runId).isEmpty()) {
			throw new DomainException("请先计算考核结果再定稿");
		}
		Actor actor = Actors.require();
		Instant now = clock.instant();
		if (!store.finalise(runId, revision, actor.username(), now)) {
			throw new DomainException("考核已被他人修改或已定稿，请刷新后重试");
		}
		AssessmentScheme s = store.scheme(run.schemeId()).orElseThrow();
		audit(actor, now, run.rootAgencyId(), "assessment.run.finalised", "AssessmentRun", runId,
				s.year() + "年度考核结果定稿：" + s.name());
	}

	/** Deletes a draft run with its entries. */
	public void deleteRun(long runId) {
		AssessmentRun run = draft(runId);
		store.deleteDraftRun(runId);
		audit(Actors.require(), clock.instant(), run.rootAgencyId(), "assessment.run.deleted", "AssessmentRun", runId,
				"删除" + run.year() + "年度考核草稿");
	}

	private AssessmentRun draft(long runId) {
		AssessmentRun run = run(runId);
		if (run.isFinal()) {
			throw new DomainException("考核已定稿，不能再修改");
		}
		return run;
	}

	// ---- reading ------------------------------------------------------------------------------------------

	/** A run the actor supervises. */
	@Transactional(readOnly = true)
	public AssessmentRun run(long runId) {
		AssessmentRun run = store.run(runId).orElseThrow(() -> DomainException.notFound("考核不存在"));
		access.require(run.rootAgencyId(), SUPERVISORS);
		return run;
	}

	@Transactional(readOnly = true)
	public List<AssessmentRun> runsOf(List<Long> schemeIds) {
		return store.runsOfSchemes(schemeIds);
	}

	/** Whether the actor supervises the run (and so sees all its sheets and drafts). */
	@Transactional(readOnly = true)
	public boolean supervises(Actor actor, AssessmentRun run) {
		return access.allows(actor, run.rootAgencyId(), SUPERVISORS);
	}

	/** The ranking of a run the actor supervises. */
	@Transactional(readOnly = true)
	public List<Sheet> ranking(long runId) {
		run(runId);
		return store.sheets(runId);
	}

	/** The final runs in which the actor's own agencies (its agency and those of its grants, not their subtrees) were assessed. */
	@Transactional(readOnly = true)
	public List<Map.Entry<AssessmentRun, Agency>> ownFinalRuns(Actor actor) {
		List<Map.Entry<AssessmentRun, Agency>> out = new ArrayList<>();
		java.util.LinkedHashSet<Long> own = new java.util.LinkedHashSet<>();
		if (actor.agencyId() != null) {
			own.add(actor.agencyId());
		}
		actor.grants().stream().filter(g -> g.agencyId() != null).forEach(g -> own.add(g.agencyId()));
		for (long id : own) {
			Agency a = agencies.findById(id).orElse(null);
			if (a == null) {
				continue;
			}
			for (AssessmentRun r : store.finalRunsOf(a.id())) {
				out.add(Map.entry(r, a));
			}
		}
		return out;
	}

	/** A full score sheet: the scheme, the sheet, its lines by item and the manual entries by item. */
	public record SheetView(AssessmentRun run, AssessmentScheme scheme, Agency agency, Sheet sheet, Map<Long, Line> lines,
			Map<Long, Manual> manual, int assessedCount) {
	}

	/**
	 * An agency's sheet in a run: for the run's supervisor at any time; for the agency's own staff once the run is
	 * final. Anyone else is refused (404, so that a draft is not revealed).
	 */
	@Transactional(readOnly = true)
	public SheetView sheet(long runId, long agencyId) {
		Actor actor = Actors.require();
		AssessmentRun run = store.run(runId).orElseThrow(() -> DomainException.notFound("考核不存在"));
		boolean supervisor = access.allows(actor, run.rootAgencyId(), SUPERVISORS);
		if (!supervisor && !(run.isFinal() && access.allows(actor, agencyId, Role.values()))) {
			throw DomainException.notFound("考核结果不存在或尚未定稿");
		}
		List<Sheet> sheets = store.sheets(runId);
		Sheet sheet = sheets.stream().filter(x -> x.agencyId() == agencyId).findFirst()
			.orElseThrow(() -> DomainException.notFound("该单位没有本次考核的评分表"));
		Map<Long, Manual> manual = new HashMap<>();
		store.manuals(runId).stream().filter(m -> m.agencyId() == agencyId).forEach(m -> manual.put(m.itemId(), m));
		return new SheetView(run, store.scheme(run.schemeId()).orElseThrow(), agencies.requireById(agencyId), sheet,
				store.lines(sheet.id()), manual, sheets.size());
	}

	/** The evidence file of a manual entry, for whoever may read the sheet. */
	@Transactional(readOnly = true)
	public Map.Entry<String, byte[]> evidence(long runId, long manualId) {
		Manual m = store.manuals(runId).stream().filter(x -> x.id() == manualId).findFirst()
			.orElseThrow(() -> DomainException.notFound("佐证材料不存在"));
		sheet(runId, m.agencyId());
		if (m.evidenceKey() == null) {
			throw DomainException.notFound("佐证材料不存在");
		}
		byte[] bytes = files.get(m.evidenceKey()).orElseThrow(() -> DomainException.notFound("佐证材料文件不存在"));
		return Map.entry(m.evidenceName(), bytes);
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private int year(Integer year) {
		if (year == null || year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "请填写考核年度（如2026）");
		}
		return year;
	}

	private static void check(String value, String field, int max, String label) {
		if (value.length() > max) {
			throw InvalidInputException.of(field, label + "不能超过" + max + "字");
		}
	}

	private static void nonNegative(BigDecimal v, String field, List<FieldProblem> problems) {
		if (v != null && v.signum() < 0) {
			problems.add(new FieldProblem(field, "分值不能为负数"));
		}
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	private void audit(Actor actor, Instant at, long agencyId, String action, String type, long id, String summary) {
		audit(actor, at, agencyId, action, type, id, summary, null, null);
	}

	private void audit(Actor actor, Instant at, long agencyId, String action, String type, long id, String summary,
			String before, String after) {
		events.publishEvent(ChangeRecorded.of(actor, at, agencyId, action, type, id, summary, before, after));
	}
}
