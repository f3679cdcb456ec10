package org.gongkai.oversight;

import static org.gongkai.platform.FormFields.choice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.gongkai.oversight.AssessmentManagement.ItemInput;
import org.gongkai.oversight.AssessmentManagement.SchemeInput;
import org.gongkai.oversight.AssessmentManagement.SheetView;
import org.gongkai.oversight.AssessmentRun.Line;
import org.gongkai.oversight.AssessmentRun.Manual;
import org.gongkai.oversight.AssessmentRun.Sheet;
import org.gongkai.oversight.AssessmentScheme.Item;
import org.gongkai.oversight.AssessmentScheme.Kind;
import org.gongkai.oversight.AssessmentScheme.Measure;
import org.gongkai.oversight.AssessmentScheme.Rule;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of the assessment (menu 53 「绩效考核」): the schemes of the actor's supervising agencies and the
 * shipped templates (with their sources), a scheme's items with the forms that edit it while no run is final, the
 * runs with their ranking, each agency's score sheet with every row's standard, measure, figure, points and evidence,
 * and the Excel exports. Staff of an assessed agency see their own sheets of final runs.
 */
@Controller
class AssessmentConsoleController implements ConsoleMenuContributor {

	static final String HOME = "/console/assessments";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final AssessmentManagement management;

	private final AssessmentTemplates templates;

	private final MonitoringFigures figures;

	private final AgencyDirectory agencies;

	AssessmentConsoleController(AssessmentManagement management, AssessmentTemplates templates, MonitoringFigures figures,
			AgencyDirectory agencies) {
		this.management = management;
		this.templates = templates;
		this.figures = figures;
		this.agencies = agencies;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(53, "绩效考核", HOME, a -> !a.token()));
	}

	// ---- the overview -------------------------------------------------------------------------------------

	@GetMapping(HOME)
	String home(Model model) {
		Actor actor = Actors.require();
		List<Agency> owners = management.owners(actor);
		List<AssessmentScheme> schemes = management.schemes(actor);
		Map<Long, AssessmentScheme> byId = new HashMap<>();
		schemes.forEach(s -> byId.put(s.id(), s));
		List<Map<String, Object>> runs = new ArrayList<>();
		for (AssessmentRun r : management.runsOf(schemes.stream().map(AssessmentScheme::id).toList())) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("run", r);
			row.put("scheme", byId.get(r.schemeId()));
			row.put("url", HOME + "/runs/" + r.id());
			runs.add(row);
		}
		List<Map<String, Object>> own = new ArrayList<>();
		for (var e : management.ownFinalRuns(actor)) {
			own.add(Map.of("run", e.getKey(), "agency", e.getValue(), "url",
					HOME + "/runs/" + e.getKey().id() + "/sheets/" + e.getValue().id()));
		}
		Map<Long, String> ownerNames = new HashMap<>();
		schemes.forEach(s -> ownerNames.put(s.ownerAgencyId(), agencies.requireById(s.ownerAgencyId()).name()));
		model.addAttribute("owners", owners);
		model.addAttribute("schemes", schemes);
		model.addAttribute("ownerNames", ownerNames);
		model.addAttribute("runs", runs);
		model.addAttribute("own", own);
		model.addAttribute("templates", templates.all());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of("year", String.valueOf(management.currentYear())));
		}
		return "oversight/assessment-list";
	}

	@GetMapping(HOME + "/templates/{code}")
	String template(@PathVariable String code, Model model) {
		model.addAttribute("template", templates.find(code).orElseThrow(() -> DomainException.notFound("模板不存在")));
		model.addAttribute("figureLabels", figureLabels());
		return "oversight/assessment-template";
	}

	@PostMapping(HOME + "/templates/install")
	String install(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			long owner = owner(p.get("owner"));
			long id = management.installTemplate(owner, p.get("template"), integer(p.get("year"), "year", "请填写考核年度（如2026）"),
					p.get("name"));
			redirect.addFlashAttribute("notice", "已按模板建立考核方案");
			return "redirect:" + HOME + "/schemes/" + id;
		}, () -> {
			model.addAttribute("input", p);
			return home(model);
		});
	}

	// ---- schemes ------------------------------------------------------------------------------------------

	@GetMapping(HOME + "/schemes/new")
	String newScheme(Model model) {
		List<Agency> owners = management.owners(Actors.require());
		if (owners.isEmpty()) {
			throw DomainException.forbidden("只有政务公开主管部门可以制定考核方案");
		}
		model.addAttribute("owners", owners);
		levelsAndTypes(model);
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of("year", String.valueOf(management.currentYear()), "grades",
					"优秀:90；良好:80；一般:60；较差:0"));
		}
		return "oversight/assessment-scheme-new";
	}

	@PostMapping(HOME + "/schemes")
	String create(@RequestParam Map<String, String> p, @RequestParam(required = false) List<String> levels,
			@RequestParam(required = false) List<String> types, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			long id = management.createScheme(owner(p.get("owner")), schemeInput(p, levels, types));
			redirect.addFlashAttribute("notice", "考核方案已建立，请添加考核指标");
			return "redirect:" + HOME + "/schemes/" + id;
		}, () -> {
			Map<String, Object> input = new HashMap<>(p);
			input.put("levels", levels == null ? List.of() : levels);
			input.put("types", types == null ? List.of() : types);
			model.addAttribute("input", input);
			return newScheme(model);
		});
	}

	@GetMapping(HOME + "/schemes/{id}")
	String scheme(@PathVariable long id, Model model) {
		AssessmentScheme s = management.scheme(id);
		model.addAttribute("scheme", s);
		model.addAttribute("owner", agencies.requireById(s.ownerAgencyId()));
		model.addAttribute("editable", management.editable(id));
		model.addAttribute("tree", tree(s));
		model.addAttribute("assessed", management.assessed(s));
		model.addAttribute("runs", management.runsOf(List.of(id)));
		model.addAttribute("definitions", figures.definitions());
		model.addAttribute("rules", Rule.values());
		levelsAndTypes(model);
		if (!model.containsAttribute("input")) {
			Map<String, Object> input = new HashMap<>();
			input.put("name", s.name());
			input.put("year", String.valueOf(s.year()));
			input.put("grades", s.gradesText());
			input.put("note", s.note());
			input.put("levels", s.levels().stream().map(Enum::name).toList());
			input.put("types", s.types().stream().map(Enum::name).toList());
			input.put("copyYear", String.valueOf(s.year() + 1));
			model.addAttribute("input", input);
		}
		return "oversight/assessment-scheme";
	}

	@PostMapping(HOME + "/schemes/{id}")
	String update(@PathVariable long id, @RequestParam Map<String, String> p, @RequestParam(required = false) List<String> levels,
			@RequestParam(required = false) List<String> types, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.updateScheme(id, integer(p.get("revision"), "name", "请刷新后重试"), schemeInput(p, levels, types));
			redirect.addFlashAttribute("notice", "考核方案已保存");
			return "redirect:" + HOME + "/schemes/" + id;
		}, () -> {
			Map<String, Object> input = new HashMap<>(p);
			input.put("levels", levels == null ? List.of() : levels);
			input.put("types", types == null ? List.of() : types);
			model.addAttribute("input", input);
			return scheme(id, model);
		});
	}

	@PostMapping(HOME + "/schemes/{id}/items")
	String addItem(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			Long parent = Texts.trimToNull(p.get("parentId")) == null ? null : longValue(p.get("parentId"), "parentId");
			ItemInput in = new ItemInput(parent, "BONUS".equals(p.get("kind")) ? Kind.BONUS : Kind.CATEGORY, p.get("title"),
					decimal(p.get("points"), "points"), choice(Measure.class, p.get("measure"), "measure", null),
					Texts.trimToNull(p.get("figureKey")), choice(Rule.class, p.get("rule"), "rule", null),
					decimal(p.get("unitPoints"), "unitPoints"), decimal(p.get("cap"), "cap"),
					Texts.trimToNull(p.get("threshold")) == null ? null : longValue(p.get("threshold"), "threshold"));
			management.addItem(id, integer(p.get("revision"), "title", "请刷新后重试"), in);
			redirect.addFlashAttribute("notice", parent == null ? "已添加一级指标" : "已添加评分细则");
			return "redirect:" + HOME + "/schemes/" + id + "#items";
		}, () -> {
			model.addAttribute("itemInput", p);
			return scheme(id, model);
		});
	}

	@PostMapping(HOME + "/schemes/{id}/items/{itemId}/delete")
	String removeItem(@PathVariable long id, @PathVariable long itemId, @RequestParam String revision,
			RedirectAttributes redirect) {
		management.removeItem(id, integer(revision, "revision", "请刷新后重试"), itemId);
		redirect.addFlashAttribute("notice", "已删除考核指标");
		return "redirect:" + HOME + "/schemes/" + id + "#items";
	}

	@PostMapping(HOME + "/schemes/{id}/copy")
	String copy(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			long copy = management.copyScheme(id, integer(p.get("copyYear"), "copyYear", "请填写新方案的考核年度"), p.get("copyName"));
			redirect.addFlashAttribute("notice", "已复制为新的考核方案");
			return "redirect:" + HOME + "/schemes/" + copy;
		}, () -> scheme(id, model));
	}

	@PostMapping(HOME + "/schemes/{id}/delete")
	String deleteScheme(@PathVariable long id, RedirectAttributes redirect) {
		management.deleteScheme(id);
		redirect.addFlashAttribute("notice", "已删除考核方案");
		return "redirect:" + HOME;
	}

	@PostMapping(HOME + "/schemes/{id}/runs")
	String startRun(@PathVariable long id, RedirectAttributes redirect) {
		long run = management.startRun(id);
		redirect.addFlashAttribute("notice", "已开始考核并计算自动评分项；请录入人工评分项后定稿");
		return "redirect:" + HOME + "/runs/" + run;
	}

	// ---- runs ---------------------------------------------------------------------------------------------

	@GetMapping(HOME + "/runs/{id}")
	String run(@PathVariable long id, Model model) {
		AssessmentRun run = management.run(id);
		AssessmentScheme s = management.scheme(run.schemeId());
		model.addAttribute("run", run);
		model.addAttribute("scheme", s);
		model.addAttribute("ranking", ranking(run));
		model.addAttribute("assessedCount", management.assessed(s).size());
		return "oversight/assessment-run";
	}

	@PostMapping(HOME + "/runs/{id}/compute")
	String compute(@PathVariable long id, RedirectAttributes redirect) {
		management.compute(id);
		redirect.addFlashAttribute("notice", "已重新计算考核结果");
		return "redirect:" + HOME + "/runs/" + id;
	}

	@PostMapping(HOME + "/runs/{id}/finalise")
	String finalise(@PathVariable long id, @RequestParam String revision, RedirectAttributes redirect) {
		management.finalise(id, integer(revision, "revision", "请刷新后重试"));
		redirect.addFlashAttribute("notice", "考核结果已定稿，各单位可查看本单位评分表");
		return "redirect:" + HOME + "/runs/" + id;
	}

	@PostMapping(HOME + "/runs/{id}/delete")
	String deleteRun(@PathVariable long id, RedirectAttributes redirect) {
		AssessmentRun run = management.run(id);
		management.deleteRun(id);
		redirect.addFlashAttribute("notice", "已删除考核草稿");
		return "redirect:" + HOME + "/schemes/" + run.schemeId();
	}

	@GetMapping(HOME + "/runs/{id}/ranking.xlsx")
	ResponseEntity<byte[]> rankingExcel(@PathVariable long id) {
		AssessmentRun run = management.run(id);
		AssessmentScheme s = management.scheme(run.schemeId());
		List<List<Object>> rows = new ArrayList<>();
		for (Map<String, Object> r : ranking(run)) {
			Sheet sh = (Sheet) r.get("sheet");
			rows.add(List.of(sh.rank(), ((Agency) r.get("agency")).name(), sh.total(), sh.bonus(),
					sh.grade() == null ? "" : sh.grade()));
		}
		String title = s.name() + " 考核排名（" + run.status().label() + "，数据截至" + run.figuresOn() + "）";
		byte[] body = AssessmentWorkbook.table("考核排名", title, List.of("名次", "单位", "总分", "其中加分", "等次"), rows,
				List.of("满分：" + AssessmentScoring.plain(s.basePoints()) + "分，加分最多" + AssessmentScoring.plain(s.bonusPoints()) + "分；总分相同的单位名次相同。"));
		return file(body, s.year() + "年度考核排名" + (run.isFinal() ? "" : "（草稿）") + ".xlsx");
	}

	@GetMapping(HOME + "/runs/{id}/sheets/{agencyId}")
	String sheet(@PathVariable long id, @PathVariable long agencyId, Model model) {
		SheetView v = management.sheet(id, agencyId);
		boolean supervisor = management.supervises(Actors.require(), v.run());
		model.addAttribute("v", v);
		model.addAttribute("rows", sheetRows(v));
		model.addAttribute("canEnter", supervisor && !v.run().isFinal());
		model.addAttribute("supervisor", supervisor);
		return "oversight/assessment-sheet";
	}

	@PostMapping(HOME + "/runs/{id}/sheets/{agencyId}/manual")
	String manual(@PathVariable long id, @PathVariable long agencyId, @RequestParam Map<String, String> p,
			@RequestParam(value = "evidence", required = false) MultipartFile evidence, Model model, RedirectAttributes redirect) {
		management.run(id);
		long itemId = longValue(p.get("itemId"), "itemId");
		return ConsoleForms.attempt(model, () -> {
			management.enterManual(id, agencyId, itemId, p.get("amount"), p.get("note"),
					evidence == null || evidence.isEmpty() ? null : evidence.getOriginalFilename(), bytes(evidence));
			redirect.addFlashAttribute("notice", "已保存人工评分");
			return "redirect:" + HOME + "/runs/" + id + "/sheets/" + agencyId + "#item-" + itemId;
		}, () -> {
			model.addAttribute("failedItem", itemId);
			model.addAttribute("manualInput", p);
			return sheet(id, agencyId, model);
		});
	}

	@GetMapping(HOME + "/runs/{id}/sheets/{agencyId}.xlsx")
	ResponseEntity<byte[]> sheetExcel(@PathVariable long id, @PathVariable long agencyId) {
		SheetView v = management.sheet(id, agencyId);
		List<List<Object>> rows = new ArrayList<>();
		for (Map<String, Object> r : sheetRows(v)) {
			boolean first = Boolean.TRUE.equals(r.get("first"));
			rows.add(java.util.Arrays.asList(first ? r.get("title") : "", first ? "" : r.get("title"),
					r.get("pointsText"), r.get("measure"), r.get("valueText"), r.get("amountText"), r.get("scoreText"),
					r.get("evidenceText")));
		}
		String title = v.agency().name() + " " + v.scheme().name() + " 评分表（总分" + AssessmentScoring.plain(v.sheet().total())
				+ "，第" + v.sheet().rank() + "名" + (v.sheet().grade() == null ? "" : "，" + v.sheet().grade()) + "）";
		byte[] body = AssessmentWorkbook.table("评分表", title,
				List.of("一级指标", "评价标准", "分值", "计分方式", "监测数值", "扣分/加分", "得分", "佐证及说明"), rows,
				List.of("数据截至" + v.run().figuresOn() + "；" + v.run().status().label()));
		return file(body, v.agency().name() + v.scheme().year() + "年度考核评分表" + (v.run().isFinal() ? "" : "（草稿）") + ".xlsx");
	}

	@GetMapping(HOME + "/runs/{id}/evidence/{manualId}")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long manualId) {
		var e = management.evidence(id, manualId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(e.getKey(), StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(e.getValue());
	}

	// ---- views --------------------------------------------------------------------------------------------

	private List<Map<String, Object>> ranking(AssessmentRun run) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Sheet sh : management.ranking(run.id())) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("sheet", sh);
			row.put("agency", agencies.requireById(sh.agencyId()));
			row.put("url", HOME + "/runs/" + run.id() + "/sheets/" + sh.agencyId());
			out.add(row);
		}
		return out;
	}

	private List<Map<String, Object>> tree(AssessmentScheme s) {
		Map<String, String> labels = figureLabels();
		List<Map<String, Object>> out = new ArrayList<>();
		for (Item f : s.firstLevel()) {
			boolean bonus = f.kind() == Kind.BONUS;
			out.add(Map.of("item", f, "first", true, "label", f.kind().label(), "rule", "", "figure", ""));
			for (Item r : s.rowsOf(f.id())) {
				out.add(Map.of("item", r, "first", false, "label", r.measure().label(), "rule", r.ruleText(bonus), "figure",
						r.figureKey() == null ? "" : labels.getOrDefault(r.figureKey(), r.figureKey())));
			}
		}
		return out;
	}

	private List<Map<String, Object>> sheetRows(SheetView v) {
		Map<String, String> labels = figureLabels();
		List<Map<String, Object>> out = new ArrayList<>();
		for (Item f : v.scheme().firstLevel()) {
			boolean bonus = f.kind() == Kind.BONUS;
			Line fl = v.lines().get(f.id());
			Map<String, Object> fr = new HashMap<>();
			fr.put("first", true);
			fr.put("item", f);
			fr.put("title", f.title() + (bonus ? "（加分项）" : ""));
			fr.put("pointsText", AssessmentScoring.plain(f.points()));
			fr.put("measure", f.kind().label());
			fr.put("valueText", "");
			fr.put("amountText", fl == null ? "" : (bonus ? "+" : "−") + AssessmentScoring.plain(fl.amount()));
			fr.put("scoreText", fl == null ? "" : AssessmentScoring.plain(fl.score()));
			fr.put("capped", fl != null && fl.capped());
			fr.put("evidenceText", fl != null && fl.capped() ? (bonus ? "加分已达上限" : "扣分已达本项分值上限") : "");
			out.add(fr);
			for (Item r : v.scheme().rowsOf(f.id())) {
				Line l = v.lines().get(r.id());
				Manual m = v.manual().get(r.id());
				Map<String, Object> row = new HashMap<>();
				row.put("first", false);
				row.put("item", r);
				row.put("bonus", bonus);
				row.put("title", r.title());
				row.put("pointsText", AssessmentScoring.plain(r.points()));
				row.put("measure", r.measure().label() + "：" + r.ruleText(bonus)
						+ (r.figureKey() == null ? "" : "（" + labels.getOrDefault(r.figureKey(), r.figureKey()) + "）"));
				row.put("valueText", l == null || l.figureValue() == null ? "" : String.valueOf(l.figureValue()));
				row.put("amountText", l == null || l.amount().signum() == 0 ? "0"
						: (bonus ? "+" : "−") + AssessmentScoring.plain(l.amount()));
				row.put("scoreText", "");
				row.put("capped", l != null && l.capped());
				row.put("records", l == null ? List.<CountedRecord>of() : l.records());
				row.put("manual", m);
				row.put("evidenceUrl", m == null || m.evidenceKey() == null ? null
						: HOME + "/runs/" + v.run().id() + "/evidence/" + m.id());
				row.put("evidenceText", m == null ? "" : (m.note() == null ? "" : m.note())
						+ (m.evidenceName() == null ? "" : "（佐证材料：" + m.evidenceName() + "）"));
				out.add(row);
			}
		}
		return out;
	}

	private Map<String, String> figureLabels() {
		Map<String, String> labels = new HashMap<>();
		figures.definitions().forEach(d -> labels.put(d.key(), d.label()));
		return labels;
	}

	private void levelsAndTypes(Model model) {
		model.addAttribute("levelOptions", AgencyLevel.values());
		model.addAttribute("typeOptions", AgencyType.values());
	}

	private long owner(String code) {
		Actor actor = Actors.require();
		List<Agency> owners = management.owners(actor);
		if (owners.isEmpty()) {
			throw DomainException.forbidden("只有政务公开主管部门可以制定考核方案");
		}
		if (Texts.trimToNull(code) == null) {
			return AgencyAccess.defaultChoice(actor, owners).id();
		}
		return owners.stream().filter(a -> a.code().equals(code.trim())).findFirst()
			.orElseThrow(() -> InvalidInputException.of("owner", "请选择组织考核的单位"))
			.id();
	}

	private static SchemeInput schemeInput(Map<String, String> p, List<String> levels, List<String> types) {
		Set<AgencyLevel> ls = EnumSet.noneOf(AgencyLevel.class);
		Set<AgencyType> ts = EnumSet.noneOf(AgencyType.class);
		try {
			if (levels != null) {
				levels.forEach(l -> ls.add(AgencyLevel.valueOf(l)));
			}
			if (types != null) {
				types.forEach(t -> ts.add(AgencyType.valueOf(t)));
			}
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("levels", "选项不正确");
		}
		Integer year = Texts.trimToNull(p.get("year")) == null ? null : integer(p.get("year"), "year", "请填写考核年度（如2026）");
		return new SchemeInput(p.get("name"), year, ls, ts, p.get("grades"), p.get("note"));
	}

	static int integer(String text, String field, String message) {
		try {
			return Integer.parseInt(Texts.trimToNull(text) == null ? "" : text.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, message);
		}
	}

	static long longValue(String text, String field) {
		try {
			return Long.parseLong(text == null ? "" : text.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "应为整数");
		}
	}

	static BigDecimal decimal(String text, String field) {
		String t = Texts.trimToNull(text);
		if (t == null) {
			return null;
		}
		try {
			BigDecimal v = new BigDecimal(t);
			if (v.scale() > 2 || v.compareTo(BigDecimal.valueOf(1000)) > 0) {
				throw new NumberFormatException();
			}
			return v;
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "分值应为不超过1000的数字，最多两位小数");
		}
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file == null || file.isEmpty() ? null : file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static ResponseEntity<byte[]> file(byte[] body, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

}
