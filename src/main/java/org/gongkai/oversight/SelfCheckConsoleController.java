package org.gongkai.oversight;

import static org.gongkai.platform.FormFields.date;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of the monthly self-check (menu 52 「自查督查」, whose sub-pages are the self-checks, the inspections,
 * the bulletins and the source reviews): a unit's check of a month with its figures and answers, the supervisor's
 * overview of every unit, and the checklist the supervisor edits.
 */
@Controller
class SelfCheckConsoleController implements ConsoleMenuContributor {

	private final SelfCheckManagement management;

	private final MonitoringFigures figures;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	SelfCheckConsoleController(SelfCheckManagement management, MonitoringFigures figures, AgencyAccess access,
			AgencyDirectory agencies) {
		this.management = management;
		this.figures = figures;
		this.access = access;
		this.agencies = agencies;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(52, "自查督查", "/console/self-checks",
				a -> !a.token() && (a.isSystemAdmin() || !access.visibleAgencies(a).isEmpty())));
	}

	@GetMapping("/console/self-checks")
	String home(@RequestParam(required = false) String agency, @RequestParam(required = false) String month, Model model) {
		Actor actor = Actors.require();
		YearMonth m = month(month);
		List<Agency> units = access.agenciesFor(actor, SelfCheckManagement.UNIT_STAFF).stream().filter(Agency::active).toList();
		Agency selected = null;
		if (Texts.trimToNull(agency) != null) {
			selected = units.stream().filter(a -> a.code().equals(agency.trim())).findFirst()
				.orElseThrow(() -> DomainException.forbidden("您不能填报该单位的自查"));
		}
		else {
			selected = AgencyAccess.defaultChoice(actor, units);
		}
		model.addAttribute("month", m);
		model.addAttribute("monthValue", m.toString());
		model.addAttribute("units", units);
		model.addAttribute("selected", selected);
		model.addAttribute("dueOn", SelfCheckRules.dueOn(m, management.dueDay()));
		model.addAttribute("today", management.today());
		if (selected != null) {
			model.addAttribute("check", management.find(selected.id(), m).orElse(null));
			model.addAttribute("history", management.history(selected.id()));
		}
		boolean supervisor = actor.isSystemAdmin() || actor.hasRole(Role.SUPERVISOR);
		model.addAttribute("supervisor", supervisor);
		if (supervisor) {
			model.addAttribute("overview", management.overview(actor, m));
		}
		model.addAttribute("canEditChecklist", management.canEditChecklist(actor));
		return "oversight/selfcheck-console";
	}

	@PostMapping("/console/self-checks/open")
	String open(@RequestParam String agency, @RequestParam String month, RedirectAttributes redirect) {
		Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> DomainException.notFound("单位不存在"));
		SelfCheck check = management.open(a.id(), month(month));
		redirect.addFlashAttribute("notice", "已开始" + check.period() + "自查，自动监测数据已填入");
		return "redirect:/console/self-checks/" + check.id();
	}

	@GetMapping("/console/self-checks/{id}")
	String view(@PathVariable long id, Model model) {
		SelfCheck check = management.view(id);
		Actor actor = Actors.require();
		model.addAttribute("check", check);
		model.addAttribute("agency", agencies.requireById(check.agencyId()));
		model.addAttribute("answers", management.answers(id));
		model.addAttribute("kinds", SelfCheckAnswerKind.values());
		model.addAttribute("today", management.today());
		model.addAttribute("late", check.late(management.today()));
		model.addAttribute("canFill", check.status() == SelfCheckStatus.DRAFT
				&& access.allows(actor, check.agencyId(), SelfCheckManagement.UNIT_STAFF));
		model.addAttribute("labels", labels());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "oversight/selfcheck-console-view";
	}

	@PostMapping("/console/self-checks/{id}/answers")
	String answers(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Map<Long, SelfCheckManagement.Answer> given = new HashMap<>();
		for (SelfCheckAnswer a : management.answers(id)) {
			if (params.containsKey("answer-" + a.id()) || params.containsKey("note-" + a.id())) {
				given.put(a.id(), new SelfCheckManagement.Answer(params.get("answer-" + a.id()), params.get("note-" + a.id())));
			}
		}
		boolean submit = "submit".equals(params.get("action"));
		return act(model, params, () -> view(id, model), () -> {
			management.answer(id, given, params.get("summary"));
			if (submit) {
				SelfCheck c = management.submit(id);
				redirect.addFlashAttribute("notice", c.period() + "自查已报送" + (c.late(management.today()) ? "（已超过报送期限" + c.dueOn() + "）" : ""));
			}
			else {
				redirect.addFlashAttribute("notice", "已保存");
			}
			return "redirect:/console/self-checks/" + id;
		});
	}

	@PostMapping("/console/self-checks/{id}/refresh")
	String refresh(@PathVariable long id, RedirectAttributes redirect) {
		SelfCheck c = management.refresh(id);
		redirect.addFlashAttribute("notice", "已按" + c.figuresOn() + "的记录重新计算自动监测数据");
		return "redirect:/console/self-checks/" + id;
	}

	// ---- the checklist ------------------------------------------------------------------------------------

	@GetMapping("/console/self-checks/items")
	String items(Model model) {
		Actor actor = Actors.require();
		if (!management.canEditChecklist(actor)) {
			throw DomainException.forbidden("只有政务公开办可以修改自查项目");
		}
		model.addAttribute("items", management.items(false));
		model.addAttribute("definitions", figures.definitions());
		model.addAttribute("labels", labels());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "oversight/selfcheck-console-items";
	}

	@PostMapping("/console/self-checks/items")
	String saveItem(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(model, params, () -> items(model), () -> {
			Long id = Texts.trimToNull(params.get("id")) == null ? null : Long.parseLong(params.get("id").trim());
			Integer order = null;
			try {
				order = Texts.trimToNull(params.get("sortOrder")) == null ? null : Integer.parseInt(params.get("sortOrder").trim());
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of("sortOrder", "排序请填写整数");
			}
			SelfCheckItem item = management.saveItem(id, params.get("label"), params.get("guidance"), params.get("figureKey"), order,
					id == null || "true".equals(params.get("active")));
			redirect.addFlashAttribute("notice", "已保存自查项目：" + item.label());
			return "redirect:/console/self-checks/items";
		});
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private Map<String, String> labels() {
		Map<String, String> labels = new HashMap<>();
		figures.definitions().forEach(d -> labels.put(d.key(), d.label() + "（" + d.unit() + "）"));
		return labels;
	}

	static String act(Model model, Map<String, String> params, Supplier<String> page, Supplier<String> action) {
		try {
			return ConsoleForms.attempt(model, action, () -> {
				model.addAttribute("input", params);
				return page.get();
			});
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", e.getMessage());
			model.addAttribute("input", params);
			return page.get();
		}
	}

	private YearMonth month(String text) {
		if (Texts.trimToNull(text) == null) {
			return YearMonth.from(management.today());
		}
		try {
			return YearMonth.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of("month", "月份格式应为 2026-11");
		}
	}

}
