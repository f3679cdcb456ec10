package org.gongkai.oversight;

import org.gongkai.platform.FormFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of quarterly inspections: the rounds and the findings the actor's units must rectify, a new round,
 * a round with each unit's 督察表 and findings, and a finding with its rectification and re-check.
 */
@Controller
class OversightInspectionConsoleController {

	private final OversightInspectionManagement management;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	OversightInspectionConsoleController(OversightInspectionManagement management, AgencyAccess access, AgencyDirectory agencies) {
		this.management = management;
		this.access = access;
		this.agencies = agencies;
	}

	@GetMapping("/console/oversight-inspections")
	String list(Model model) {
		Actor actor = Actors.require();
		List<Agency> supervised = access.agenciesFor(actor, Role.SUPERVISOR).stream().filter(Agency::active).toList();
		model.addAttribute("rounds", management.rounds(actor));
		List<Long> mine = access.visibleAgencies(actor).stream().map(Agency::id).toList();
		model.addAttribute("findings", management.openFindings(mine));
		model.addAttribute("names", names());
		model.addAttribute("today", management.today());
		model.addAttribute("supervised", supervised);
		model.addAttribute("canCreate", !supervised.isEmpty());
		model.addAttribute("rectificationDays", management.rectificationDays());
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new LinkedHashMap<>();
			input.put("year", String.valueOf(management.today().getYear()));
			input.put("quarter", String.valueOf((management.today().getMonthValue() - 1) / 3 + 1));
			input.put("inspectedOn", management.today().toString());
			model.addAttribute("input", input);
			model.addAttribute("chosenUnits", List.of());
		}
		return "oversight/inspection-console";
	}

	@PostMapping("/console/oversight-inspections")
	String create(@RequestParam Map<String, String> params, @RequestParam MultiValueMap<String, String> multi, Model model,
			RedirectAttributes redirect) {
		List<String> codes = multi.getOrDefault("units", List.of());
		return SelfCheckConsoleController.act(model, params, () -> {
			model.addAttribute("chosenUnits", codes);
			return list(model);
		}, () -> {
			Agency agency = unit(params.get("agency"), "agency");
			List<Long> ids = new ArrayList<>();
			for (String c : codes) {
				ids.add(unit(c, "units").id());
			}
			OversightInspection round = management.create(agency.id(), params.get("title"), integer(params.get("year"), "year"),
					integer(params.get("quarter"), "quarter"),
					FormFields.date(params.get("inspectedOn"), "inspectedOn", "督查日期"), ids);
			redirect.addFlashAttribute("notice", "已创建督查：" + round.title());
			return "redirect:/console/oversight-inspections/" + round.id();
		});
	}

	@GetMapping("/console/oversight-inspections/{id}")
	String round(@PathVariable long id, Model model) {
		OversightInspection round = management.view(id);
		Actor actor = Actors.require();
		boolean supervises = management.supervises(actor, round);
		List<Map<String, Object>> sheets = new ArrayList<>();
		for (Agency unit : management.units(round)) {
			if (!supervises && !access.allows(actor, unit.id(), Role.values())) {
				continue;
			}
			Map<String, Object> sheet = new LinkedHashMap<>();
			sheet.put("unit", unit);
			sheet.put("rows", management.rows(id, unit.id()));
			sheet.put("findings", management.findings(id, unit.id()));
			sheets.add(sheet);
		}
		model.addAttribute("round", round);
		model.addAttribute("agency", agencies.requireById(round.agencyId()));
		model.addAttribute("sheets", sheets);
		model.addAttribute("canEdit", supervises && !round.closed());
		model.addAttribute("today", management.today());
		model.addAttribute("rectificationDays", management.rectificationDays());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "oversight/inspection-console-round";
	}

	@PostMapping("/console/oversight-inspections/{id}/rows")
	String addRow(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		model.addAttribute("failed", "row-" + params.get("unit"));
		return SelfCheckConsoleController.act(model, params, () -> round(id, model), () -> {
			String done = Texts.trimToNull(params.get("done"));
			management.addRow(id, unit(params.get("unit"), "unit").id(), params.get("task"), done == null ? null : "true".equals(done),
					params.get("completionNote"));
			redirect.addFlashAttribute("notice", "已添加督察表检查项");
			return "redirect:/console/oversight-inspections/" + id;
		});
	}

	@PostMapping("/console/oversight-inspections/{id}/findings")
	String addFinding(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		model.addAttribute("failed", "finding-" + params.get("unit"));
		return SelfCheckConsoleController.act(model, params, () -> round(id, model), () -> {
			String row = Texts.trimToNull(params.get("rowId"));
			OversightFinding f = management.addFinding(id, unit(params.get("unit"), "unit").id(), row == null ? null : Long.valueOf(row),
					params.get("problem"), params.get("measures"), params.get("responsible"),
					FormFields.date(params.get("dueOn"), "dueOn", "整改期限"));
			redirect.addFlashAttribute("notice", "已记录问题，整改期限 " + f.dueOn());
			return "redirect:/console/oversight-inspections/" + id;
		});
	}

	@PostMapping("/console/oversight-inspections/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		management.close(id);
		redirect.addFlashAttribute("notice", "本次督查已结束");
		return "redirect:/console/oversight-inspections/" + id;
	}

	@GetMapping("/console/oversight-inspections/findings/{id}")
	String finding(@PathVariable long id, Model model) {
		OversightFinding f = management.finding(id);
		Actor actor = Actors.require();
		OversightInspection round = management.require(f.inspectionId());
		model.addAttribute("f", f);
		model.addAttribute("round", round);
		model.addAttribute("unit", agencies.requireById(f.agencyId()));
		model.addAttribute("steps", management.steps(id));
		model.addAttribute("today", management.today());
		model.addAttribute("canAnswer", f.status() == OversightFindingStatus.OPEN
				&& access.allows(actor, f.agencyId(), OversightInspectionManagement.UNIT_STAFF));
		model.addAttribute("canRecheck", f.status() == OversightFindingStatus.ANSWERED && access.allows(actor, f.agencyId(), Role.SUPERVISOR));
		model.addAttribute("rectificationDays", management.rectificationDays());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "oversight/inspection-console-finding";
	}

	@PostMapping("/console/oversight-inspections/findings/{id}/answer")
	String answer(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return SelfCheckConsoleController.act(model, params, () -> finding(id, model), () -> {
			management.answer(id, params.get("rectification"));
			redirect.addFlashAttribute("notice", "整改情况已报送，等待复查");
			return "redirect:/console/oversight-inspections/findings/" + id;
		});
	}

	@PostMapping("/console/oversight-inspections/findings/{id}/recheck")
	String recheck(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return SelfCheckConsoleController.act(model, params, () -> finding(id, model), () -> {
			String result = Texts.trimToNull(params.get("result"));
			if (result == null) {
				throw InvalidInputException.of("result", "请选择复查结果");
			}
			OversightFinding f = management.recheck(id, "PASSED".equals(result), params.get("note"),
					FormFields.date(params.get("newDueOn"), "newDueOn", "新的整改期限"));
			redirect.addFlashAttribute("notice", f.status() == OversightFindingStatus.PASSED ? "复查通过，已销号"
					: "复查未通过，新的整改期限 " + f.dueOn());
			return "redirect:/console/oversight-inspections/findings/" + id;
		});
	}

	private Agency unit(String code, String field) {
		if (Texts.trimToNull(code) == null) {
			throw InvalidInputException.of(field, "请选择单位");
		}
		return agencies.findByCode(code.trim()).orElseThrow(() -> InvalidInputException.of(field, "单位不存在：" + code));
	}

	private Map<Long, String> names() {
		Map<Long, String> names = new LinkedHashMap<>();
		agencies.all().forEach(a -> names.put(a.id(), a.name()));
		return names;
	}

	private static Integer integer(String text, String field) {
		if (Texts.trimToNull(text) == null) {
			return null;
		}
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "请填写整数");
		}
	}
}
