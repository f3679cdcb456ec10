package org.gongkai.organisation;

import java.util.List;

import org.gongkai.organisation.AgencyCommands.AgencyDetails;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyCommands.NewContact;
import org.gongkai.organisation.AgencyCommands.OfficeDetails;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages to manage agencies, their disclosure work body and designated staff. */
@Controller
@RequestMapping("/console/agencies")
class AgencyConsoleController implements ConsoleMenuContributor {

	private final AgencyDirectory directory;

	private final AgencyManagement management;

	private final AgencyAccess access;

	AgencyConsoleController(AgencyDirectory directory, AgencyManagement management, AgencyAccess access) {
		this.directory = directory;
		this.management = management;
		this.access = access;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(20, "单位管理", "/console/agencies", a -> true));
	}

	@GetMapping
	String list(Model model) {
		Actor actor = Actors.require();
		List<Agency> visible = access.visibleAgencies(actor);
		model.addAttribute("agencies", visible);
		model.addAttribute("canCreate", actor.isSystemAdmin() || actor.hasRole(Role.SUPERVISOR));
		return "organisation/agencies";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) String parent, Model model) {
		model.addAttribute("form", new NewAgency(null, null, null, null, null, parent, null, null, 0));
		return newFormPage(model);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") NewAgency form, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			Agency created = management.create(form);
			redirect.addFlashAttribute("notice", "已新增单位“" + created.name() + "”");
			return "redirect:/console/agencies/" + created.id();
		}, () -> newFormPage(model));
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		Agency agency = requireVisible(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new AgencyDetails(agency.name(), agency.shortName(), agency.level(),
					agency.type(), agency.creditCode(), agency.functions(), agency.sortOrder(), agency.version()));
		}
		Actor actor = Actors.require();
		model.addAttribute("agency", agency);
		model.addAttribute("parent", directory.parentOf(agency).orElse(null));
		model.addAttribute("children", directory.all().stream().filter(a -> Long.valueOf(id).equals(a.parentId())).toList());
		model.addAttribute("officeRecord", directory.office(id));
		model.addAttribute("contacts", directory.contacts(id));
		model.addAttribute("canEdit", access.allows(actor, id, Role.SUPERVISOR, Role.AGENCY_ADMIN));
		model.addAttribute("supervises", access.allows(actor, id, Role.SUPERVISOR));
		model.addAttribute("levels", AgencyLevel.values());
		model.addAttribute("types", AgencyType.values());
		return "organisation/agency";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") AgencyDetails form, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.update(id, form);
			redirect.addFlashAttribute("notice", "单位信息已保存");
			return "redirect:/console/agencies/" + id;
		}, () -> detail(id, model));
	}

	@GetMapping("/{id}/office")
	String officeForm(@PathVariable long id, Model model) {
		Agency agency = requireEditable(id);
		DisclosureOffice o = directory.office(id);
		model.addAttribute("office", new OfficeDetails(o.name(), o.address(), o.postcode(), o.officeHours(), o.phone(),
				o.fax(), o.email(), o.website(), o.supervisionPhone(), o.principalName(), o.leaderName(),
				o.leaderTitle(), o.divisionOfWork()));
		model.addAttribute("agency", agency);
		return "organisation/office";
	}

	@PostMapping("/{id}/office")
	String office(@PathVariable long id, @ModelAttribute("office") OfficeDetails office, Model model,
			RedirectAttributes redirect) {
		Agency agency = requireEditable(id);
		model.addAttribute("agency", agency);
		return ConsoleForms.attempt(model, () -> {
			management.updateOffice(id, office);
			redirect.addFlashAttribute("notice", "政府信息公开工作机构信息已保存，公开指南已更新");
			return "redirect:/console/agencies/" + id;
		}, () -> "organisation/office");
	}

	@GetMapping("/{id}/contacts")
	String contacts(@PathVariable long id, Model model) {
		if (!model.containsAttribute("contact")) {
			model.addAttribute("contact", new NewContact(null, null, null, null, null, 0));
		}
		model.addAttribute("agency", requireEditable(id));
		model.addAttribute("contacts", directory.contacts(id));
		return "organisation/contacts";
	}

	@PostMapping("/{id}/contacts")
	String addContact(@PathVariable long id, @ModelAttribute("contact") NewContact contact, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.addContact(id, contact);
			redirect.addFlashAttribute("notice", "已新增信息公开工作人员");
			return "redirect:/console/agencies/" + id + "/contacts";
		}, () -> contacts(id, model));
	}

	@PostMapping("/{id}/contacts/{contactId}/delete")
	String removeContact(@PathVariable long id, @PathVariable long contactId, RedirectAttributes redirect) {
		management.removeContact(id, contactId);
		redirect.addFlashAttribute("notice", "已移除该工作人员");
		return "redirect:/console/agencies/" + id + "/contacts";
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		management.deactivate(id);
		redirect.addFlashAttribute("notice", "单位已撤销，已从公开目录中移除");
		return "redirect:/console/agencies/" + id;
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(@PathVariable long id, RedirectAttributes redirect) {
		management.reactivate(id);
		redirect.addFlashAttribute("notice", "单位已恢复");
		return "redirect:/console/agencies/" + id;
	}

	private String newFormPage(Model model) {
		Actor actor = Actors.require();
		model.addAttribute("parents", access.agenciesFor(actor, Role.SUPERVISOR)
			.stream()
			.filter(Agency::active)
			.toList());
		model.addAttribute("levels", AgencyLevel.values());
		model.addAttribute("types", AgencyType.values());
		return "organisation/agency-new";
	}

	private Agency requireEditable(long id) {
		Agency agency = directory.requireById(id);
		access.require(id, Role.SUPERVISOR, Role.AGENCY_ADMIN);
		return agency;
	}

	private Agency requireVisible(long id) {
		Agency agency = directory.requireById(id);
		if (!access.allows(Actors.require(), id, Role.values())) {
			throw DomainException.forbidden("您没有查看该单位的权限");
		}
		return agency;
	}
}
