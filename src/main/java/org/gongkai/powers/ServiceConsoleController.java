package org.gongkai.powers;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
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
 * The console of the service lists and guides: an agency's lists, the report of guides missing key elements (for a
 * supervisor, every agency of the subtree), adding and importing items, an item's guide and its publication.
 */
@Controller
class ServiceConsoleController {

	private final ServiceManagement management;

	private final ServiceQueries queries;

	private final ServiceGuideCompleteness completeness;

	private final PowerQueries powerQueries;

	private final ListWorkbookImports workbooks;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	ServiceConsoleController(ServiceManagement management, ServiceQueries queries, ServiceGuideCompleteness completeness,
			PowerQueries powerQueries, ListWorkbookImports workbooks, AgencyDirectory agencies, AgencyAccess access) {
		this.management = management;
		this.queries = queries;
		this.completeness = completeness;
		this.powerQueries = powerQueries;
		this.workbooks = workbooks;
		this.agencies = agencies;
		this.access = access;
	}

	@GetMapping("/console/services")
	String list(@RequestParam(required = false) String agency, Model model) {
		return listPage(chosen(agency), model);
	}

	private String listPage(Agency a, Model model) {
		Actor actor = Actors.require();
		List<Agency> visible = powerQueries.visibleAgencies(actor);
		model.addAttribute("agencyOptions", visible);
		model.addAttribute("agency", a);
		model.addAttribute("kinds", ServiceKind.values());
		Map<Long, String> names = new HashMap<>();
		visible.forEach(v -> names.put(v.id(), v.name()));
		model.addAttribute("agencyNames", names);
		model.addAttribute("incomplete", completeness.incompleteGuides(visible.stream().map(Agency::id).toList()));
		if (a != null) {
			Map<String, List<ServiceItem>> lists = new LinkedHashMap<>();
			for (ServiceKind k : ServiceKind.values()) {
				lists.put(k.name(), queries.ofAgency(a.id(), k));
			}
			model.addAttribute("lists", lists);
			model.addAttribute("canEdit", access.allows(actor, a.id(), PowerManagement.KEEPERS));
			model.addAttribute("publicPath", PowerPaths.services(a));
			model.addAttribute("headers", headers());
		}
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "powers/service-console-list";
	}

	private static Map<String, String> headers() {
		Map<String, String> h = new HashMap<>();
		for (ServiceKind k : ServiceKind.values()) {
			h.put(k.name(), String.join("、", ListWorkbookImports.serviceHeaders(k)));
		}
		return h;
	}

	private Agency chosen(String code) {
		Actor actor = Actors.require();
		if (Texts.trimToNull(code) != null) {
			Agency a = agencies.findByCode(code.trim()).orElseThrow(() -> DomainException.notFound("单位不存在"));
			powerQueries.requireVisible(a.id());
			return a;
		}
		return AgencyAccess.defaultChoice(actor, powerQueries.visibleAgencies(actor));
	}

	private static ServiceKind kind(String text) {
		try {
			return ServiceKind.valueOf(Texts.trimToNull(text) == null ? "" : text.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("kind", "请选择清单类别");
		}
	}

	private static ServiceItemDetails details(ServiceKind kind, Map<String, String> p) {
		return new ServiceItemDetails(kind, p.get("name"), p.get("basis"), p.get("body"), p.get("feeStandard"),
				p.get("chargingUnit"), p.get("note"));
	}

	@PostMapping("/console/services/new")
	String add(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Agency a = chosen(params.get("agency"));
		return ConsoleForms.attempt(model, () -> {
			ServiceItem item = management.add(a.id(), details(kind(params.get("kind")), params));
			redirect.addFlashAttribute("notice", "已新增：" + item.name());
			return "redirect:/console/services/" + item.id();
		}, () -> {
			model.addAttribute("input", params);
			model.addAttribute("failed", "new");
			return listPage(a, model);
		});
	}

	@PostMapping("/console/services/import")
	String importList(@RequestParam Map<String, String> params, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) {
		Agency a = chosen(params.get("agency"));
		return ConsoleForms.attempt(model, () -> {
			ServiceKind kind = kind(params.get("kind"));
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "请选择要导入的 .xlsx 文件");
			}
			try (InputStream in = file.getInputStream()) {
				ServiceManagement.ImportResult r = workbooks.importServices(a.id(), kind, file.getOriginalFilename(), file.getSize(), in);
				redirect.addFlashAttribute("notice",
						kind.label() + "导入完成：新增" + r.created() + "项，修改" + r.changed() + "项，未变化" + r.unchanged() + "项");
				return "redirect:/console/services?agency=" + a.code();
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

	@GetMapping("/console/services/export")
	ResponseEntity<byte[]> export(@RequestParam String agency, @RequestParam String kind) {
		Agency a = chosen(agency);
		ServiceKind k = kind(kind);
		return PowerApiController.xlsx(workbooks.exportServices(a.id(), k), a.code() + "-" + k.label() + ".xlsx");
	}

	// ---- an item and its guide ----------------------------------------------------------------------------

	@GetMapping("/console/services/{id}")
	String item(@PathVariable long id, Model model) {
		ServiceItem item = queries.item(id).orElseThrow(() -> DomainException.notFound("该服务事项不存在"));
		powerQueries.requireVisible(item.agencyId());
		Agency a = agencies.requireById(item.agencyId());
		ServiceGuide guide = queries.guide(id).orElse(null);
		model.addAttribute("i", item);
		model.addAttribute("agency", a);
		model.addAttribute("guide", guide);
		model.addAttribute("missing", guide == null ? List.copyOf(ServiceGuideDetails.KEY_ELEMENTS.values()) : guide.missing());
		model.addAttribute("canEdit", access.allows(Actors.require(), a.id(), PowerManagement.KEEPERS));
		model.addAttribute("keyElements", ServiceGuideDetails.KEY_ELEMENTS);
		model.addAttribute("optionalElements", ServiceGuideDetails.OPTIONAL_ELEMENTS);
		model.addAttribute("publicPath", PowerPaths.service(a, id));
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new HashMap<>();
			input.put("name", item.name());
			input.put("basis", nz(item.basis()));
			input.put("body", nz(item.body()));
			input.put("feeStandard", nz(item.feeStandard()));
			input.put("chargingUnit", nz(item.chargingUnit()));
			input.put("note", nz(item.note()));
			model.addAttribute("input", input);
		}
		if (!model.containsAttribute("guideInput")) {
			Map<String, String> g = new HashMap<>();
			for (String f : ServiceGuideDetails.KEY_ELEMENTS.keySet()) {
				g.put(f, guide == null ? (f.equals("itemName") ? item.name() : f.equals("basis") ? nz(item.basis()) : "")
						: nz(guide.details().element(f)));
			}
			for (String f : ServiceGuideDetails.OPTIONAL_ELEMENTS.keySet()) {
				g.put(f, guide == null ? "" : nz(guide.details().element(f)));
			}
			model.addAttribute("guideInput", g);
		}
		return "powers/service-console-item";
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	@PostMapping("/console/services/{id}")
	String change(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.change(id, details(null, params));
			redirect.addFlashAttribute("notice", "已保存");
			return "redirect:/console/services/" + id;
		}, () -> {
			model.addAttribute("input", params);
			model.addAttribute("failed", "item");
			return item(id, model);
		});
	}

	@PostMapping("/console/services/{id}/guide")
	String saveGuide(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			ServiceGuide g = management.saveGuide(id, new ServiceGuideDetails(p.get("itemName"), p.get("basis"), p.get("conditions"),
					p.get("materials"), p.get("place"), p.get("handlingBody"), p.get("fees"), p.get("officeHours"), p.get("phone"),
					p.get("process"), p.get("timeLimit"), p.get("consultation"), p.get("complaints")));
			redirect.addFlashAttribute("notice", g.missing().isEmpty() ? "办事指南已保存，十要素齐全"
					: "办事指南已保存，仍缺少：" + String.join("、", g.missing()));
			return "redirect:/console/services/" + id;
		}, () -> {
			model.addAttribute("guideInput", p);
			model.addAttribute("failed", "guide");
			return item(id, model);
		});
	}

	@PostMapping("/console/services/{id}/publication")
	String publication(@PathVariable long id, @RequestParam String action, RedirectAttributes redirect) {
		boolean publish = "publish".equals(action);
		management.publishGuide(id, publish);
		redirect.addFlashAttribute("notice", publish ? "办事指南已公开" : "办事指南已撤下");
		return "redirect:/console/services/" + id;
	}
}
