package org.gongkai.powers;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
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
 * The console of the power list: an agency's items, adding one, importing and exporting the spreadsheet with the row
 * report, an item's adjustment, removal, history and comparison across levels, and the power types.
 */
@Controller
class PowerConsoleController implements ConsoleMenuContributor {

	private final PowerManagement management;

	private final PowerQueries queries;

	private final ListWorkbookImports workbooks;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Clock clock;

	PowerConsoleController(PowerManagement management, PowerQueries queries, ListWorkbookImports workbooks,
			AgencyDirectory agencies, AgencyAccess access, Clock clock) {
		this.management = management;
		this.queries = queries;
		this.workbooks = workbooks;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(23, "权责清单与办事指南", "/console/powers",
				a -> !a.token() && (a.isSystemAdmin() || !access.visibleAgencies(a).isEmpty())));
	}

	// ---- the list -----------------------------------------------------------------------------------------

	@GetMapping("/console/powers")
	String list(@RequestParam(required = false) String agency, Model model) {
		Agency a = chosen(agency);
		return listPage(a, model);
	}

	private String listPage(Agency a, Model model) {
		Actor actor = Actors.require();
		model.addAttribute("agencyOptions", queries.visibleAgencies(actor));
		model.addAttribute("agency", a);
		model.addAttribute("types", queries.activeTypes());
		model.addAttribute("typeNames", typeNames());
		model.addAttribute("canTypes", management.mayKeepTypes(actor));
		if (a != null) {
			model.addAttribute("items", queries.ofAgency(a.id(), false));
			model.addAttribute("canEdit", access.allows(actor, a.id(), PowerManagement.KEEPERS));
			model.addAttribute("publicPath", PowerPaths.list(a));
		}
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of("effectiveOn", today().toString()));
		}
		return "powers/power-console-list";
	}

	private Map<String, String> typeNames() {
		Map<String, String> names = new HashMap<>();
		queries.types().forEach(t -> names.put(t.code(), t.name()));
		return names;
	}

	/** The agency asked for, when the actor may see it; else the actor's default; null when there is none. */
	private Agency chosen(String code) {
		Actor actor = Actors.require();
		List<Agency> options = queries.visibleAgencies(actor);
		if (Texts.trimToNull(code) != null) {
			Agency a = agencies.findByCode(code.trim()).orElseThrow(() -> DomainException.notFound("单位不存在"));
			queries.requireVisible(a.id());
			return a;
		}
		return AgencyAccess.defaultChoice(actor, options);
	}

	@PostMapping("/console/powers/new")
	String add(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Agency a = chosen(params.get("agency"));
		return ConsoleForms.attempt(model, () -> {
			PowerItem item = management.add(a.id(), details(params), params.get("reason"), date(params.get("effectiveOn")));
			redirect.addFlashAttribute("notice", "已新增事项：" + item.name() + "（" + item.code() + "）");
			return "redirect:/console/powers/" + item.id();
		}, () -> {
			model.addAttribute("input", params);
			model.addAttribute("failed", "new");
			return listPage(a, model);
		});
	}

	private static PowerDetails details(Map<String, String> p) {
		return new PowerDetails(p.get("code"), p.get("name"), p.get("typeCode"), p.get("basis"), null, p.get("implementingBody"),
				p.get("handlingUnit"), p.get("responsibilities"), p.get("accountability"), p.get("supervisionPhone"));
	}

	private static LocalDate date(String text) {
		if (Texts.trimToNull(text) == null) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of("effectiveOn", "生效日期格式应为 年-月-日");
		}
	}

	@PostMapping("/console/powers/import")
	String importList(@RequestParam Map<String, String> params, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) {
		Agency a = chosen(params.get("agency"));
		return ConsoleForms.attempt(model, () -> {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "请选择要导入的 .xlsx 文件");
			}
			try (InputStream in = file.getInputStream()) {
				PowerManagement.ImportResult r = workbooks.importPowers(a.id(), file.getOriginalFilename(), file.getSize(), in,
						params.get("reason"), date(params.get("effectiveOn")));
				redirect.addFlashAttribute("notice", "导入完成：新增" + r.created() + "项，调整" + r.adjusted() + "项，未变化" + r.unchanged() + "项");
				return "redirect:/console/powers?agency=" + a.code();
			}
			catch (IOException e) {
				throw InvalidInputException.of("file", "文件上传不完整，请重新上传");
			}
		}, () -> {
			model.addAttribute("input", params);
			model.addAttribute("failed", "import");
			return listPage(a, model);
		});
	}

	@GetMapping("/console/powers/export")
	ResponseEntity<byte[]> export(@RequestParam String agency) {
		Agency a = chosen(agency);
		return PowerApiController.xlsx(workbooks.exportPowers(a.id()), a.code() + "-权责清单.xlsx");
	}

	// ---- an item ------------------------------------------------------------------------------------------

	@GetMapping("/console/powers/{id}")
	String item(@PathVariable long id, Model model) {
		PowerItem item = queries.staffItem(id);
		Agency a = agencies.requireById(item.agencyId());
		Map<String, PowerType> types = queries.typesByCode();
		model.addAttribute("item", item);
		model.addAttribute("d", item.details());
		model.addAttribute("agency", a);
		model.addAttribute("typeName", PowerPages.typeName(item.details(), types));
		model.addAttribute("types", queries.activeTypes());
		model.addAttribute("typeNames", typeNames());
		model.addAttribute("history", queries.history(id));
		model.addAttribute("canEdit", item.current() && access.allows(Actors.require(), a.id(), PowerManagement.KEEPERS));
		if (item.current()) {
			model.addAllAttributes(PowerPages.comparisonModel(queries.compare(item), types));
		}
		model.addAttribute("publicPath", PowerPaths.item(a, id));
		if (!model.containsAttribute("input")) {
			PowerDetails d = item.details();
			Map<String, String> input = new HashMap<>();
			input.put("code", d.code());
			input.put("name", d.name());
			input.put("typeCode", d.typeCode());
			input.put("basis", d.basis());
			input.put("implementingBody", d.implementingBody());
			input.put("handlingUnit", nz(d.handlingUnit()));
			input.put("responsibilities", nz(d.responsibilities()));
			input.put("accountability", nz(d.accountability()));
			input.put("supervisionPhone", nz(d.supervisionPhone()));
			input.put("effectiveOn", today().toString());
			model.addAttribute("input", input);
		}
		return "powers/power-console-item";
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	@PostMapping("/console/powers/{id}/adjust")
	String adjust(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			PowerItem item = management.adjust(id, details(params), params.get("reason"), date(params.get("effectiveOn")));
			redirect.addFlashAttribute("notice", "已调整，现为第" + item.currentVersion() + "版");
			return "redirect:/console/powers/" + id;
		}, () -> {
			model.addAttribute("input", params);
			model.addAttribute("failed", "adjust");
			return item(id, model);
		});
	}

	@PostMapping("/console/powers/{id}/remove")
	String remove(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.remove(id, params.get("reason"), date(params.get("effectiveOn")));
			redirect.addFlashAttribute("notice", "已取消该事项");
			return "redirect:/console/powers/" + id;
		}, () -> {
			model.addAttribute("removeInput", params);
			model.addAttribute("failed", "remove");
			return item(id, model);
		});
	}

	// ---- the types ----------------------------------------------------------------------------------------

	@GetMapping("/console/powers/types")
	String types(Model model) {
		if (!management.mayKeepTypes(Actors.require())) {
			throw DomainException.forbidden("只有系统管理员或本级政务公开办可以维护事项类型");
		}
		model.addAttribute("types", queries.types());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "powers/power-console-types";
	}

	@PostMapping("/console/powers/types")
	String addType(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			PowerType t = management.addType(params.get("code"), params.get("name"), sort(params.get("sortOrder")));
			redirect.addFlashAttribute("notice", "已新增事项类型：" + t.name());
			return "redirect:/console/powers/types";
		}, () -> {
			model.addAttribute("input", params);
			model.addAttribute("failed", "type");
			return types(model);
		});
	}

	@PostMapping("/console/powers/types/{code}")
	String changeType(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			PowerType t = management.changeType(code, params.get("name"), sort(params.get("sortOrder")),
					"true".equals(params.get("active")));
			redirect.addFlashAttribute("notice", "已保存事项类型：" + t.name() + (t.active() ? "" : "（已停用）"));
			return "redirect:/console/powers/types";
		}, () -> {
			model.addAttribute("failed", "type-" + code);
			return types(model);
		});
	}

	private static Integer sort(String text) {
		if (Texts.trimToNull(text) == null) {
			return null;
		}
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(List.of(new FieldProblem("sortOrder", "排序应为整数")));
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}
}
