package org.gongkai.oversight;

import java.util.List;
import java.util.Map;

import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.catalog.NodeKind;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
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
 * Console pages of the source review: a unit's January review and November self-check with the items to confirm,
 * flag, keep or convert (the conversion form with the catalogue column choice for the unit's leader), the report to
 * the supervisor, and the supervisor's overview of every unit.
 */
@Controller
class SourceReviewConsoleController {

	private final SourceReviewManagement management;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final Catalog catalog;

	SourceReviewConsoleController(SourceReviewManagement management, AgencyAccess access, AgencyDirectory agencies, Catalog catalog) {
		this.management = management;
		this.access = access;
		this.agencies = agencies;
		this.catalog = catalog;
	}

	@GetMapping("/console/source-reviews")
	String home(@RequestParam(required = false) String agency, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String year, Model model) {
		Actor actor = Actors.require();
		SourceReviewKind k = kind(kind);
		int y = Texts.trimToNull(year) == null ? management.defaultYear(k) : year(year);
		List<Agency> units = access.agenciesFor(actor, SourceReviewManagement.UNIT_STAFF).stream().filter(Agency::active).toList();
		Agency selected = Texts.trimToNull(agency) == null ? AgencyAccess.defaultChoice(actor, units)
				: units.stream().filter(a -> a.code().equals(agency.trim())).findFirst()
					.orElseThrow(() -> DomainException.forbidden("您不能办理该单位的信息源头梳理"));
		model.addAttribute("kind", k);
		model.addAttribute("kinds", SourceReviewKind.values());
		model.addAttribute("year", y);
		model.addAttribute("units", units);
		model.addAttribute("selected", selected);
		if (selected != null) {
			model.addAttribute("review", management.find(selected.id(), k, y).orElse(null));
			model.addAttribute("history", management.history(selected.id()));
		}
		boolean supervisor = actor.isSystemAdmin() || actor.hasRole(Role.SUPERVISOR);
		model.addAttribute("supervisor", supervisor);
		if (supervisor) {
			model.addAttribute("overview", management.overview(actor, k, y));
		}
		return "oversight/source-review-console";
	}

	@PostMapping("/console/source-reviews/open")
	String open(@RequestParam String agency, @RequestParam String kind, @RequestParam String year, RedirectAttributes redirect) {
		Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> DomainException.notFound("单位不存在"));
		SourceReview r = management.open(a.id(), kind(kind), year(year));
		redirect.addFlashAttribute("notice", "已开始" + r.title() + "，共列出" + management.items(r.id()).size() + "条信息");
		return "redirect:/console/source-reviews/" + r.id();
	}

	@GetMapping("/console/source-reviews/{id}")
	String view(@PathVariable long id, Model model) {
		SourceReview r = management.view(id);
		Actor actor = Actors.require();
		boolean staff = !r.submitted() && access.allows(actor, r.agencyId(), SourceReviewManagement.UNIT_STAFF);
		model.addAttribute("r", r);
		model.addAttribute("agency", agencies.requireById(r.agencyId()));
		model.addAttribute("items", management.items(id));
		model.addAttribute("counts", management.counts(id));
		model.addAttribute("canDecide", staff);
		model.addAttribute("canConvert", staff && r.kind() == SourceReviewKind.NOVEMBER && access.allows(actor, r.agencyId(), Role.APPROVER));
		model.addAttribute("november", r.kind() == SourceReviewKind.NOVEMBER);
		model.addAttribute("nodes", r.kind() == SourceReviewKind.NOVEMBER ? catalog.tree(r.agencyId()).stream()
			.filter(n -> !n.hidden() && n.kind() != NodeKind.GUIDE && n.kind() != NodeKind.ON_REQUEST)
			.toList() : List.<CatalogNode>of());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "oversight/source-review-console-view";
	}

	@PostMapping("/console/source-reviews/{id}/items/{itemId}/decide")
	String decide(@PathVariable long id, @PathVariable long itemId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		requireItemOf(id, itemId);
		model.addAttribute("failed", "item-" + itemId);
		return SelfCheckConsoleController.act(model, params, () -> view(id, model), () -> {
			SourceReviewDecision d;
			try {
				d = SourceReviewDecision.valueOf(Texts.trimToNull(params.get("decision")) == null ? "" : params.get("decision").trim());
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("decision", "请选择处理结果");
			}
			SourceReviewItem item = management.decide(itemId, d, params.get("reason"));
			redirect.addFlashAttribute("notice", "《" + item.title() + "》：" + item.decision().label());
			return "redirect:/console/source-reviews/" + id;
		});
	}

	@PostMapping("/console/source-reviews/{id}/items/{itemId}/convert")
	String convert(@PathVariable long id, @PathVariable long itemId, @RequestParam Map<String, String> params,
			@RequestParam MultiValueMap<String, String> multi, Model model, RedirectAttributes redirect) {
		requireItemOf(id, itemId);
		model.addAttribute("failed", "item-" + itemId);
		return SelfCheckConsoleController.act(model, params, () -> view(id, model), () -> {
			SourceReviewItem item = management.convert(itemId, params.get("reason"), multi.getOrDefault("catalogNodes", List.of()));
			redirect.addFlashAttribute("notice", "《" + item.title() + "》已转为主动公开");
			return "redirect:/console/source-reviews/" + id;
		});
	}

	@PostMapping("/console/source-reviews/{id}/submit")
	String submit(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		model.addAttribute("failed", "submit");
		return SelfCheckConsoleController.act(model, params, () -> view(id, model), () -> {
			SourceReview r = management.submit(id, params.get("summary"));
			redirect.addFlashAttribute("notice", r.title() + "已报送政务公开办");
			return "redirect:/console/source-reviews/" + id;
		});
	}

	private void requireItemOf(long reviewId, long itemId) {
		if (management.requireItem(itemId).reviewId() != reviewId) {
			throw DomainException.notFound("梳理的信息不存在");
		}
	}

	private static SourceReviewKind kind(String text) {
		if (Texts.trimToNull(text) == null) {
			return SourceReviewKind.NOVEMBER;
		}
		try {
			return SourceReviewKind.valueOf(text.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("kind", "梳理类型无效");
		}
	}

	private static int year(String text) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("year", "年度无效");
		}
	}
}
