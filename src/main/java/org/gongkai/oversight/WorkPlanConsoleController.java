package org.gongkai.oversight;

import static org.gongkai.platform.FormFields.month;
import static org.gongkai.platform.FormFields.integer;
import static org.gongkai.platform.FormFields.date;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Downloads;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
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
 * Console pages of the work plan (menu 50 「工作任务」): the plans a supervisor keeps, a plan's task table with filters,
 * import and export, a task's page with the units' claims, progress, 督办 and 销号, and a unit's own tasks ("my
 * tasks") for its administrators and editors.
 */
@Controller
class WorkPlanConsoleController implements ConsoleMenuContributor {

	static final String BASE = "/console/work-plans";

	static String planPath(long id) {
		return BASE + "/" + id;
	}

	static String taskPath(long id) {
		return BASE + "/tasks/" + id;
	}

	private final WorkPlanManagement management;

	private final WorkPlanQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final FileStore files;

	WorkPlanConsoleController(WorkPlanManagement management, WorkPlanQueries queries, AgencyDirectory agencies,
			AgencyAccess access, FileStore files) {
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
		this.files = files;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(50, "工作任务", BASE, a -> !a.token() && (a.isSystemAdmin()
				|| a.grants().stream().anyMatch(g -> g.role() == Role.SUPERVISOR || g.role() == Role.AGENCY_ADMIN || g.role() == Role.EDITOR))));
	}

	// ---- plans ---------------------------------------------------------------------------------------------------

	@GetMapping(BASE)
	String plans(Model model) {
		Actor actor = Actors.require();
		List<Agency> planAgencies = actor.isSystemAdmin() ? agencies.active() : access.agenciesFor(actor, WorkPlanManagement.PLANNERS);
		boolean unitStaff = actor.agencyId() != null && queries.actsFor(actor, actor.agencyId());
		if (planAgencies.isEmpty() && !unitStaff) {
			throw DomainException.forbidden("您没有查看工作任务的权限");
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (WorkPlan p : queries.plansKeptBy(actor)) {
			Map<String, Object> r = new HashMap<>();
			r.put("plan", p);
			r.put("agency", agencies.findById(p.agencyId()).map(Agency::name).orElse(""));
			List<WorkPlanQueries.TaskRow> taskRows = queries.rows(p, queries.today());
			r.put("tasks", taskRows.size());
			r.put("flagged", taskRows.stream().flatMap(t -> t.items().stream()).filter(WorkPlanQueries.Item::flagged).count());
			r.put("closed", taskRows.stream().flatMap(t -> t.items().stream()).filter(i -> i.unit().status() == WorkTaskUnitStatus.CLOSED).count());
			r.put("items", taskRows.stream().mapToLong(t -> t.items().size()).sum());
			rows.add(r);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("canCreate", !planAgencies.isEmpty());
		model.addAttribute("unitStaff", unitStaff);
		return "oversight/plan-list";
	}

	@GetMapping(BASE + "/new")
	String newPlan(Model model) {
		List<Agency> options = planAgencies();
		model.addAttribute("options", options);
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new HashMap<>();
			input.put("year", String.valueOf(queries.today().getYear()));
			input.put("progressDay", String.valueOf(management.defaultProgressDay()));
			input.put("agency", AgencyAccess.defaultChoice(Actors.require(), options).code());
			model.addAttribute("input", input);
		}
		model.addAttribute("plan", null);
		return "oversight/plan-form";
	}

	@PostMapping(BASE + "/new")
	String create(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		List<Agency> options = planAgencies();
		return ConsoleForms.attempt(model, () -> {
			Agency a = options.stream().filter(x -> x.code().equals(p.getOrDefault("agency", ""))).findFirst()
				.orElseThrow(() -> InvalidInputException.of("agency", "请选择制定计划的单位"));
			WorkPlan plan = management.createPlan(a.id(), planInput(p));
			redirect.addFlashAttribute("notice", "已新建工作计划，请导入或添加任务后印发");
			return "redirect:" + planPath(plan.id());
		}, () -> {
			model.addAttribute("options", options);
			model.addAttribute("input", p);
			model.addAttribute("plan", null);
			return "oversight/plan-form";
		});
	}

	@GetMapping(BASE + "/{id:\\d+}/edit")
	String editPlan(@PathVariable long id, Model model) {
		WorkPlan plan = keptPlan(id);
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new HashMap<>();
			input.put("title", plan.title());
			input.put("year", String.valueOf(plan.year()));
			input.put("documentNo", plan.documentNo());
			input.put("publicPlan", plan.publicPlan() ? "true" : null);
			input.put("claimDeadline", plan.claimDeadline() == null ? null : plan.claimDeadline().toString());
			input.put("progressDay", String.valueOf(plan.progressDay()));
			model.addAttribute("input", input);
		}
		model.addAttribute("plan", plan);
		model.addAttribute("options", List.of());
		return "oversight/plan-form";
	}

	@PostMapping(BASE + "/{id:\\d+}/edit")
	String changePlan(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		WorkPlan plan = keptPlan(id);
		return ConsoleForms.attempt(model, () -> {
			management.changePlan(id, planInput(p));
			redirect.addFlashAttribute("notice", "已保存工作计划");
			return "redirect:" + planPath(id);
		}, () -> {
			model.addAttribute("input", p);
			model.addAttribute("plan", plan);
			model.addAttribute("options", List.of());
			return "oversight/plan-form";
		});
	}

	@GetMapping(BASE + "/{id:\\d+}")
	String plan(@PathVariable long id, @RequestParam(required = false) String unit, @RequestParam(required = false) String status,
			@RequestParam(required = false) String flag, Model model) {
		WorkPlan plan = keptPlan(id);
		LocalDate today = queries.today();
		List<WorkPlanQueries.TaskRow> all = queries.rows(plan, today);
		Map<Long, Agency> units = new java.util.LinkedHashMap<>();
		all.forEach(r -> r.items().forEach(i -> units.putIfAbsent(i.agency().id(), i.agency())));
		List<WorkPlanQueries.TaskRow> shown = new ArrayList<>();
		for (WorkPlanQueries.TaskRow r : all) {
			List<WorkPlanQueries.Item> items = r.items().stream()
				.filter(i -> Texts.trimToNull(unit) == null || i.agency().code().equals(unit))
				.filter(i -> Texts.trimToNull(status) == null || i.unit().status().name().equals(status))
				.filter(i -> Texts.trimToNull(flag) == null || i.flagged())
				.toList();
			boolean filtered = Texts.trimToNull(unit) != null || Texts.trimToNull(status) != null || Texts.trimToNull(flag) != null;
			if (!filtered || !items.isEmpty()) {
				shown.add(new WorkPlanQueries.TaskRow(r.task(), items));
			}
		}
		model.addAttribute("plan", plan);
		model.addAttribute("agency", agencies.requireById(plan.agencyId()));
		model.addAttribute("rows", shown);
		model.addAttribute("total", all.size());
		model.addAttribute("units", units.values());
		model.addAttribute("statuses", WorkTaskUnitStatus.values());
		model.addAttribute("filter", Map.of("unit", unit == null ? "" : unit, "status", status == null ? "" : status, "flag", flag == null ? "" : flag));
		model.addAttribute("editable", plan.status() != WorkPlanStatus.CLOSED);
		model.addAttribute("publicPath", plan.visibleToPublic() ? WorkPlanPages.planPath(plan.id()) : null);
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "oversight/plan";
	}

	@PostMapping(BASE + "/{id:\\d+}/issue")
	String issue(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return onPlan(id, p, model, redirect, () -> {
			management.issue(id);
			return "工作计划已印发，各责任单位可以认领任务";
		});
	}

	@PostMapping(BASE + "/{id:\\d+}/close")
	String closePlan(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return onPlan(id, p, model, redirect, () -> {
			management.closePlan(id);
			return "工作计划已结束";
		});
	}

	@PostMapping(BASE + "/{id:\\d+}/tasks")
	String addTask(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return onPlan(id, p, model, redirect, () -> {
			WorkTask t = management.addTask(id, taskInput(p));
			return "已添加任务" + (t.unitsUnresolved() == null ? "" : "；未识别的责任单位：" + t.unitsUnresolved() + "，请在任务页面指定");
		});
	}

	@PostMapping(BASE + "/{id:\\d+}/import")
	String importTable(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) {
		return onPlan(id, Map.of(), model, redirect, () -> {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "请选择要导入的 .xlsx 文件");
			}
			List<WorkPlanWorkbook.Line> lines;
			try {
				lines = WorkPlanWorkbook.read(file.getOriginalFilename(), file.getSize(), file.getInputStream());
			}
			catch (IOException e) {
				throw InvalidInputException.of("file", "文件上传不完整，请重新上传");
			}
			return "已导入" + management.importTable(id, lines) + "项任务";
		});
	}

	@GetMapping(BASE + "/{id:\\d+}/export.xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		WorkPlan plan = keptPlan(id);
		byte[] bytes = WorkPlanWorkbook.write(plan.title(), queries.workbookRows(plan));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					Downloads.attachment("work-plan-" + id + ".xlsx", plan.title() + "任务分解表.xlsx"))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}

	private String onPlan(long id, Map<String, String> params, Model model, RedirectAttributes redirect, Supplier<String> action) {
		try {
			return ConsoleForms.attempt(model, () -> {
				redirect.addFlashAttribute("notice", action.get());
				return "redirect:" + planPath(id);
			}, () -> {
				model.addAttribute("input", params);
				return plan(id, null, null, null, model);
			});
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", e.getMessage());
			model.addAttribute("input", params);
			return plan(id, null, null, null, model);
		}
	}

	// ---- a task --------------------------------------------------------------------------------------------------

	@GetMapping(BASE + "/tasks/{id:\\d+}")
	String task(@PathVariable long id, Model model) {
		Actor actor = Actors.require();
		WorkTask task = queries.task(id).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		WorkPlan plan = queries.plan(task.planId()).orElseThrow();
		boolean planner = queries.plans(actor, plan);
		List<WorkPlanQueries.Item> items = queries.itemsOfTask(plan, task, queries.today()).stream()
			.filter(i -> planner || (plan.status() != WorkPlanStatus.DRAFT && queries.actsFor(actor, i.agency().id())))
			.toList();
		if (!planner && items.isEmpty()) {
			throw DomainException.forbidden("您没有查看该任务的权限");
		}
		List<Map<String, Object>> views = new ArrayList<>();
		for (WorkPlanQueries.Item i : items) {
			Map<String, Object> v = new HashMap<>();
			v.put("item", i);
			v.put("progress", queries.progress(i.unit().id()));
			v.put("supervisions", queries.supervisions(i.unit().id()));
			v.put("mine", queries.actsFor(actor, i.agency().id()));
			views.add(v);
		}
		model.addAttribute("plan", plan);
		model.addAttribute("task", task);
		model.addAttribute("views", views);
		model.addAttribute("planner", planner);
		model.addAttribute("history", planner ? queries.history(id) : List.of());
		model.addAttribute("states", WorkTaskProgressState.values());
		model.addAttribute("month", YearMonth.from(queries.today()).toString());
		model.addAttribute("assignable", planner ? management.candidates(plan) : List.of());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "oversight/task";
	}

	@PostMapping(BASE + "/tasks/{id:\\d+}/units")
	String assign(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return onTask(id, p, model, redirect, () -> {
			Agency a = agencies.findByCode(p.getOrDefault("agency", "")).orElseThrow(() -> InvalidInputException.of("agency", "请选择单位"));
			management.assignUnit(id, a.id());
			return "已指定责任单位：" + a.name();
		});
	}

	@PostMapping(BASE + "/items/{unitId:\\d+}/{action:claim|supervise|close|reopen|remove}")
	String itemAction(@PathVariable long unitId, @PathVariable String action, @RequestParam Map<String, String> p, Model model,
			RedirectAttributes redirect) {
		WorkTaskUnit unit = queries.unit(unitId).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		p = new HashMap<>(p);
		p.put("unitId", String.valueOf(unitId));
		Map<String, String> params = p;
		return onTask(unit.taskId(), p, model, redirect, () -> switch (action) {
			case "claim" -> {
				boolean first = unit.status() == WorkTaskUnitStatus.ASSIGNED;
				management.claim(unitId, new WorkPlanManagement.ClaimInput(params.get("measures"), params.get("office"), params.get("person"),
						params.get("phone")));
				yield first ? "已认领任务" : "已修改具体工作措施";
			}
			case "supervise" -> {
				management.supervise(unitId, params.get("note"), date(params.get("dueOn"), "dueOn"));
				yield "已督办，责任单位在下次报送进展时答复";
			}
			case "close" -> {
				management.close(unitId, params.get("closeNote"));
				yield "已销号";
			}
			case "reopen" -> {
				management.reopen(unitId, params.get("reason"));
				yield "已重新打开";
			}
			default -> {
				management.removeUnit(unitId);
				yield "已移除责任单位";
			}
		});
	}

	@PostMapping(BASE + "/items/{unitId:\\d+}/progress")
	String progress(@PathVariable long unitId, @RequestParam Map<String, String> p,
			@RequestParam(required = false) MultipartFile evidence, Model model, RedirectAttributes redirect) {
		WorkTaskUnit unit = queries.unit(unitId).orElseThrow(() -> DomainException.notFound("该任务不存在"));
		Map<String, String> params = new HashMap<>(p);
		params.put("unitId", String.valueOf(unitId));
		return onTask(unit.taskId(), params, model, redirect, () -> {
			WorkPlanManagement.Evidence e = null;
			if (evidence != null && !evidence.isEmpty()) {
				try {
					e = new WorkPlanManagement.Evidence(evidence.getOriginalFilename(), evidence.getBytes());
				}
				catch (IOException x) {
					throw InvalidInputException.of("evidence", "佐证材料上传不完整，请重新上传");
				}
			}
			management.reportProgress(unitId, month(p.get("month"), "month"), p.get("content"), integer(p.get("percent"), "percent"),
					state(p.get("state")), e);
			return "已报送进展";
		});
	}

	@GetMapping(BASE + "/progress/{id:\\d+}/evidence")
	ResponseEntity<byte[]> evidence(@PathVariable long id) {
		Actor actor = Actors.require();
		WorkTaskProgress report = queries.progressReport(id).orElseThrow(() -> DomainException.notFound("该材料不存在"));
		WorkTaskUnit unit = queries.unit(report.taskUnitId()).orElseThrow();
		WorkTask task = queries.task(unit.taskId()).orElseThrow();
		WorkPlan plan = queries.plan(task.planId()).orElseThrow();
		if (!queries.plans(actor, plan) && !queries.actsFor(actor, unit.agencyId())) {
			throw DomainException.forbidden("您没有查看该材料的权限");
		}
		byte[] content = report.evidenceKey() == null ? null : files.get(report.evidenceKey()).orElse(null);
		if (content == null) {
			throw DomainException.notFound("该材料不存在");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("evidence-" + id, report.evidenceName()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(content);
	}

	private String onTask(long taskId, Map<String, String> params, Model model, RedirectAttributes redirect, Supplier<String> action) {
		try {
			return ConsoleForms.attempt(model, () -> {
				redirect.addFlashAttribute("notice", action.get());
				return "redirect:" + taskPath(taskId);
			}, () -> {
				model.addAttribute("input", params);
				return task(taskId, model);
			});
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", e.getMessage());
			model.addAttribute("input", params);
			return task(taskId, model);
		}
	}

	// ---- my tasks ------------------------------------------------------------------------------------------------

	@GetMapping(BASE + "/mine")
	String mine(@RequestParam(required = false) String agency, @RequestParam(required = false) String flag, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, WorkPlanManagement.UNIT_STAFF);
		if (options.isEmpty()) {
			throw DomainException.forbidden("您不是责任单位的管理员或编辑，没有本单位任务");
		}
		Agency chosen = Texts.trimToNull(agency) == null ? AgencyAccess.defaultChoice(actor, options)
				: options.stream().filter(a -> a.code().equals(agency.trim())).findFirst()
					.orElseThrow(() -> DomainException.forbidden("您没有查看该单位任务的权限"));
		List<WorkPlanQueries.Item> items = queries.itemsOf(chosen.id(), queries.today()).stream()
			.filter(i -> Texts.trimToNull(flag) == null || (flag.equals("overdue") ? i.overdue() : i.flagged()))
			.toList();
		model.addAttribute("agency", chosen);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("items", items);
		model.addAttribute("flag", flag == null ? "" : flag);
		return "oversight/task-mine";
	}

	// ---- helpers -------------------------------------------------------------------------------------------------

	private List<Agency> planAgencies() {
		Actor actor = Actors.require();
		List<Agency> options = actor.isSystemAdmin() ? agencies.active() : access.agenciesFor(actor, WorkPlanManagement.PLANNERS);
		if (options.isEmpty()) {
			throw DomainException.forbidden("您没有制定工作计划的权限");
		}
		return options;
	}

	private WorkPlan keptPlan(long id) {
		WorkPlan plan = queries.plan(id).orElseThrow(() -> DomainException.notFound("该工作计划不存在"));
		if (!queries.plans(Actors.require(), plan)) {
			throw DomainException.forbidden("您没有查看该工作计划的权限");
		}
		return plan;
	}

	private static WorkPlanManagement.PlanInput planInput(Map<String, String> p) {
		return new WorkPlanManagement.PlanInput(p.get("title"), integer(p.get("year"), "year"), p.get("documentNo"),
				"true".equals(p.get("publicPlan")) || "on".equals(p.get("publicPlan")), date(p.get("claimDeadline"), "claimDeadline"),
				integer(p.get("progressDay"), "progressDay"));
	}

	private static WorkPlanManagement.TaskInput taskInput(Map<String, String> p) {
		return new WorkPlanManagement.TaskInput(p.get("group"), p.get("task"), p.get("requirement"), p.get("units"), p.get("deadline"));
	}

	private static WorkTaskProgressState state(String value) {
		if (Texts.trimToNull(value) == null) {
			return null;
		}
		try {
			return WorkTaskProgressState.valueOf(value.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("state", "请选择推进情况");
		}
	}

}
