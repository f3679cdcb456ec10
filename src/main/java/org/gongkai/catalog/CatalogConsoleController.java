package org.gongkai.catalog;

import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages to maintain an agency's catalogue. */
@Controller
class CatalogConsoleController implements ConsoleMenuContributor {

	private final Catalog catalog;

	private final CatalogManagement management;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	CatalogConsoleController(Catalog catalog, CatalogManagement management, AgencyDirectory agencies,
			AgencyAccess access) {
		this.catalog = catalog;
		this.management = management;
		this.agencies = agencies;
		this.access = access;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(25, "公开目录", "/console/catalog", a -> !a.token()));
	}

	@GetMapping("/console/catalog")
	String tree(@RequestParam(required = false) String agency, Model model) {
		Actor actor = Actors.require();
		List<Agency> visible = access.visibleAgencies(actor).stream().filter(Agency::active).toList();
		Agency selected = agency != null ? agencies.requireByCode(agency) : AgencyAccess.defaultChoice(actor, visible);
		if (selected != null && !access.allows(actor, selected.id(), Role.values())) {
			throw DomainException.forbidden("您没有查看该单位公开目录的权限");
		}
		model.addAttribute("agencyOptions", visible);
		model.addAttribute("selected", selected);
		model.addAttribute("nodes", selected == null ? List.of() : catalog.tree(selected.id()));
		model.addAttribute("canEdit", selected != null && access.allows(actor, selected.id(), Role.AGENCY_ADMIN, Role.SUPERVISOR));
		return "catalog/tree";
	}

	@GetMapping("/console/catalog/nodes/{id}")
	String edit(@PathVariable long id, Model model) {
		CatalogNode node = catalog.nodeById(id).orElseThrow(() -> DomainException.notFound("该栏目不存在"));
		access.require(node.agencyId(), Role.AGENCY_ADMIN, Role.SUPERVISOR);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new CatalogManagement.NodeDetails(node.title(), node.description(),
					node.emptyExplanation(), node.timeLimitText(), node.timeLimit() == null ? null : node.timeLimit().encode(),
					node.hidden()));
		}
		model.addAttribute("node", node);
		model.addAttribute("agency", agencies.requireById(node.agencyId()));
		return "catalog/node";
	}

	@PostMapping("/console/catalog/nodes/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") CatalogManagement.NodeDetails form, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			CatalogNode node = management.update(id, form);
			redirect.addFlashAttribute("notice", "栏目“" + node.title() + "”已保存");
			return "redirect:/console/catalog?agency=" + agencies.requireById(node.agencyId()).code();
		}, () -> edit(id, model));
	}

	@PostMapping("/console/catalog/nodes/{id}/move")
	String move(@PathVariable long id, @RequestParam boolean up, RedirectAttributes redirect) {
		management.move(id, up);
		CatalogNode node = catalog.nodeById(id).orElseThrow();
		return "redirect:/console/catalog?agency=" + agencies.requireById(node.agencyId()).code() + "#node-" + id;
	}

	@PostMapping("/console/catalog/add")
	String add(@RequestParam String agency, @RequestParam(required = false) String parentCode,
			@RequestParam(required = false) String code, @ModelAttribute("form") CatalogManagement.NodeDetails form,
			Model model, RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			CatalogNode node = management.addChild(a.id(), parentCode, code, form);
			redirect.addFlashAttribute("notice", "已新增栏目“" + node.title() + "”");
			return "redirect:/console/catalog?agency=" + agency + "#node-" + node.id();
		}, () -> {
			model.addAttribute("parentCode", parentCode);
			model.addAttribute("code", code);
			return tree(agency, model);
		});
	}
}
