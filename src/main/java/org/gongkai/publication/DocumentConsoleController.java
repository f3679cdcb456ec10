package org.gongkai.publication;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.catalog.NodeKind;
import org.gongkai.catalog.Themes;
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
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages: items of one's agencies, the drafting form, and the review and approval actions. */
@Controller
class DocumentConsoleController implements ConsoleMenuContributor {

	private static final int PAGE_SIZE = 30;

	private final DocumentManagement management;

	private final PublicationQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Catalog catalog;

	private final Themes themes;

	private final java.time.Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<PublicationGate> gates;

	DocumentConsoleController(DocumentManagement management, PublicationQueries queries, AgencyDirectory agencies,
			AgencyAccess access, Catalog catalog, Themes themes, java.time.Clock clock,
			org.springframework.beans.factory.ObjectProvider<PublicationGate> gates) {
		this.gates = gates;
		this.clock = clock;
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
		this.catalog = catalog;
		this.themes = themes;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(15, "信息发布", "/console/documents", a -> !a.token()));
	}

	@GetMapping("/console/documents")
	String list(@RequestParam(required = false) String agency, @RequestParam(required = false) DocumentStatus status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
		Actor actor = Actors.require();
		List<Agency> visible = access.visibleAgencies(actor);
		List<Long> ids = visible.stream().map(Agency::id).toList();
		if (agency != null && !agency.isBlank()) {
			Agency a = agencies.requireByCode(agency);
			if (!ids.contains(a.id())) {
				throw DomainException.forbidden("您没有查看该单位信息的权限");
			}
			ids = List.of(a.id());
		}
		PublicationQueries.Page result = queries.staffPage(new DocumentQuery(ids, null, null, null, null, null, null,
				status == null ? List.of() : List.of(status), q == null || q.isBlank() ? null : q.trim(), null), page,
				PAGE_SIZE);
		Map<Long, String> names = new HashMap<>();
		visible.forEach(a -> names.put(a.id(), a.name()));
		model.addAttribute("result", result);
		model.addAttribute("agencyNames", names);
		model.addAttribute("agencyOptions", visible.stream().filter(Agency::active).toList());
		model.addAttribute("statuses", DocumentStatus.values());
		model.addAttribute("filter", Map.of("agency", agency == null ? "" : agency, "status", status == null ? "" : status.name(),
				"q", q == null ? "" : q));
		model.addAttribute("today", LocalDate.now(clock.withZone(org.gongkai.platform.Zones.CHINA)));
		model.addAttribute("creatable", access.agenciesFor(actor, Role.EDITOR, Role.AGENCY_ADMIN).stream()
			.filter(Agency::active).toList());
		return "publication/console-list";
	}

	@GetMapping("/console/documents/new")
	String newForm(@RequestParam String agency, Model model) {
		Agency a = agencies.requireByCode(agency);
		access.require(a.id(), Role.EDITOR, Role.AGENCY_ADMIN);
		if (!model.containsAttribute("form")) {
			DocumentForm form = new DocumentForm();
			form.setAttribute(DisclosureAttribute.PROACTIVE);
			form.setIssuingOrgan(a.name());
			model.addAttribute("form", form);
		}
		return formPage(a, null, model);
	}

	@PostMapping("/console/documents/new")
	String create(@RequestParam String agency, @ModelAttribute("form") DocumentForm form, Model model,
			RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			Document d = management.createDraft(a.id(), form.draft());
			redirect.addFlashAttribute("notice", "草稿已保存");
			return "redirect:/console/documents/" + d.id();
		}, () -> formPage(a, null, model));
	}

	@GetMapping("/console/documents/{id}")
	String view(@PathVariable long id, Model model) {
		Document d = queries.staffView(id);
		Agency a = agencies.requireById(d.agencyId());
		Actor actor = Actors.require();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DocumentForm.of(d, nodeId -> catalog.nodeById(nodeId).map(CatalogNode::code).orElse("")));
		}
		model.addAttribute("doc", d);
		model.addAttribute("check", management.check(id));
		model.addAttribute("history", queries.history(id));
		model.addAttribute("versions", queries.versions(id));
		model.addAttribute("attachments", queries.attachments(id));
		model.addAttribute("nodeTitles", d.nodeIds().stream().map(n -> catalog.nodeById(n).map(CatalogNode::title).orElse("")).toList());
		model.addAttribute("canEdit", d.status().isEditable() && access.allows(actor, a.id(), Role.EDITOR, Role.AGENCY_ADMIN));
		model.addAttribute("canSubmit", d.status().canMoveTo(DocumentStatus.SUBMITTED)
				&& access.allows(actor, a.id(), Role.EDITOR, Role.AGENCY_ADMIN));
		model.addAttribute("canReview", d.status() == DocumentStatus.SUBMITTED && access.allows(actor, a.id(), Role.REVIEWER));
		model.addAttribute("canReturn", (d.status() == DocumentStatus.SUBMITTED || d.status() == DocumentStatus.REVIEWED)
				&& access.allows(actor, a.id(), Role.REVIEWER, Role.APPROVER));
		model.addAttribute("canApprove", d.status() == DocumentStatus.REVIEWED && access.allows(actor, a.id(), Role.APPROVER));
		model.addAttribute("canWithdraw", d.status() == DocumentStatus.PUBLISHED
				&& access.allows(actor, a.id(), Role.APPROVER, Role.AGENCY_ADMIN));
		model.addAttribute("canDisclose", (d.status() == DocumentStatus.LISTED || d.status() == DocumentStatus.WITHHELD)
				&& access.allows(actor, a.id(), Role.APPROVER));
		model.addAttribute("canConfirm", !d.status().isFinal() && access.allows(actor, a.id(), Role.APPROVER));
		model.addAttribute("canMask", !d.status().isFinal()
				&& access.allows(actor, a.id(), Role.EDITOR, Role.REVIEWER, Role.AGENCY_ADMIN));
		model.addAttribute("validities", Validity.values());
		model.addAttribute("repostLag", queries.repostLag(d).orElse(null));
		model.addAttribute("repostTarget", PublicationRules.REPOST_TARGET_WORKING_DAYS);
		model.addAttribute("gateNotes", gates.orderedStream().flatMap(g -> g.consoleNotes(d).stream()).toList());
		return formPage(a, d, model);
	}

	@PostMapping("/console/documents/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") DocumentForm form, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.updateDraft(id, form.draft());
			redirect.addFlashAttribute("notice", "已保存");
			return "redirect:/console/documents/" + id;
		}, () -> view(id, model));
	}

	@PostMapping("/console/documents/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			try {
				management.attach(id, file.getOriginalFilename(), file.getBytes());
			}
			catch (IOException e) {
				throw org.gongkai.platform.InvalidInputException.of("file", "附件上传失败，请重试");
			}
			redirect.addFlashAttribute("notice", "附件已上传");
			return "redirect:/console/documents/" + id + "#attachments";
		}, () -> view(id, model));
	}

	@PostMapping("/console/documents/{id}/attachments/{attachmentId}/delete")
	String removeAttachment(@PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
		management.removeAttachment(id, attachmentId);
		redirect.addFlashAttribute("notice", "附件已删除");
		return "redirect:/console/documents/" + id + "#attachments";
	}

	/** Runs one action on an item: back to the item with a notice, or the item page with the field messages. */
	private String act(long id, Model model, RedirectAttributes redirect, String notice, Runnable action) {
		return ConsoleForms.attempt(model, () -> {
			action.run();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/console/documents/" + id;
		}, () -> view(id, model));
	}

	@PostMapping("/console/documents/{id}/submit")
	String submit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, model, redirect, "已提交审查", () -> management.submit(id));
	}


	@PostMapping("/console/documents/{id}/review")
	String review(@PathVariable long id, @RequestParam(defaultValue = "false") boolean political,
			@RequestParam(defaultValue = "false") boolean legal, @RequestParam(defaultValue = "false") boolean secrecy,
			@RequestParam(defaultValue = "false") boolean text, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		return act(id, model, redirect, "审查通过，已送审批", () -> management.review(id, new ReviewChecks(political, legal, secrecy, text), note));
	}


	@PostMapping("/console/documents/{id}/return")
	String returnToDrafter(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act(id, model, redirect, "已退回起草人", () -> management.returnToDrafter(id, reason));
	}


	@PostMapping("/console/documents/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			Document d = management.approve(id, note);
			redirect.addFlashAttribute("notice", "审批通过：" + d.status().label() + "，索引号 " + d.indexNumber());
			return "redirect:/console/documents/" + id;
		}, () -> view(id, model));
	}

	@PostMapping("/console/documents/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act(id, model, redirect, "已撤回，门户、接口、订阅和站点地图中不再出现", () -> management.withdraw(id, reason));
	}


	@PostMapping("/console/documents/{id}/disclose")
	String disclose(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act(id, model, redirect, "已转为主动公开", () -> management.disclose(id, reason));
	}


	@PostMapping("/console/documents/{id}/mask")
	String mask(@PathVariable long id, RedirectAttributes redirect) {
		management.maskPersonalData(id);
		redirect.addFlashAttribute("notice", "已对标题、摘要和正文中的个人信息脱敏；附件请替换为脱敏后的文件");
		return "redirect:/console/documents/" + id;
	}

	@PostMapping("/console/documents/{id}/confirm-personal-data")
	String confirm(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act(id, model, redirect, "已确认可以公开", () -> management.confirmPersonalData(id, reason));
	}


	@PostMapping("/console/documents/{id}/validity")
	String validity(@PathVariable long id, @RequestParam(required = false) Validity validity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		return act(id, model, redirect, "有效性已更新", () -> management.changeValidity(id, validity, on, note));
	}


	@GetMapping("/console/documents/{id}/correct")
	String correctForm(@PathVariable long id, Model model) {
		Document d = queries.staffView(id);
		Agency a = agencies.requireById(d.agencyId());
		access.require(a.id(), Role.APPROVER, Role.AGENCY_ADMIN);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DocumentForm.of(d, nodeId -> catalog.nodeById(nodeId).map(CatalogNode::code).orElse("")));
		}
		model.addAttribute("doc", d);
		model.addAttribute("correcting", true);
		return formPage(a, d, model);
	}

	@PostMapping("/console/documents/{id}/correct")
	String correct(@PathVariable long id, @ModelAttribute("form") DocumentForm form,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			Document d = management.correct(id, form.draft(), note);
			redirect.addFlashAttribute("notice", "已更正并公开第" + d.version() + "版，原版本已保留");
			return "redirect:/console/documents/" + id;
		}, () -> correctForm(id, model));
	}

	private String formPage(Agency agency, Document doc, Model model) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		Map<Long, Integer> depth = new HashMap<>();
		for (CatalogNode n : catalog.tree(agency.id())) {
			int dpt = n.parentId() == null ? 0 : depth.getOrDefault(n.parentId(), 0) + 1;
			depth.put(n.id(), dpt);
			if (n.kind() == NodeKind.GUIDE || n.kind() == NodeKind.ON_REQUEST) {
				continue;
			}
			nodes.add(Map.of("code", n.code(), "label", "　".repeat(dpt) + n.title()));
		}
		model.addAttribute("agency", agency);
		model.addAttribute("zone", org.gongkai.platform.Zones.CHINA);
		model.addAttribute("nodeOptions", nodes);
		model.addAttribute("themes", themes.tree());
		model.addAttribute("types", themes.documentTypes());
		model.addAttribute("attributes", DisclosureAttribute.values());
		model.addAttribute("grounds", ExemptionGround.values());
		return doc == null || model.containsAttribute("correcting") ? "publication/console-form" : "publication/console-view";
	}
}
