package org.gongkai.interpretation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.gongkai.publication.Document;
import org.gongkai.publication.PublicationQueries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of policy interpretations: the list of one's agencies, the drafting form in its eight forms,
 * the files, and the sign-off actions (submit, 同步审签, return, withdraw).
 */
@Controller
class InterpretationConsoleController implements ConsoleMenuContributor {

	private static final int PAGE_SIZE = 30;

	/** The steps of the history, in Chinese. */
	private static final Map<String, String> ACTION_LABELS = Map.of("created", "新建", "submitted", "提交审签", "approved",
			"审签", "returned", "退回修改", "withdrawn", "撤回", "published-with-policy", "随文件同步发布", "shown",
			"随文件恢复显示", "hidden", "随文件撤下");

	/** A policy an interpretation explains, as the console shows it. */
	public record PolicyRef(long id, String title, String status, boolean isPublic, boolean staffVisible) {
	}

	private final InterpretationManagement management;

	private final InterpretationQueries queries;

	private final PublicationQueries documents;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Themes themes;

	private final FileStore files;

	InterpretationConsoleController(InterpretationManagement management, InterpretationQueries queries,
			PublicationQueries documents, AgencyDirectory agencies, AgencyAccess access, Themes themes, FileStore files) {
		this.management = management;
		this.queries = queries;
		this.documents = documents;
		this.agencies = agencies;
		this.access = access;
		this.themes = themes;
		this.files = files;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(18, "政策解读", "/console/interpretations", a -> !a.token()));
	}

	@GetMapping("/console/interpretations")
	String list(@RequestParam(required = false) String agency, @RequestParam(required = false) InterpretationStatus status,
			@RequestParam(required = false) InterpretationForm form, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Actor actor = Actors.require();
		List<Agency> visible = access.visibleAgencies(actor);
		List<Long> ids = visible.stream().map(Agency::id).toList();
		if (agency != null && !agency.isBlank()) {
			Agency a = agencies.requireByCode(agency);
			if (!ids.contains(a.id())) {
				throw DomainException.forbidden("您没有查看该单位解读的权限");
			}
			ids = List.of(a.id());
		}
		InterpretationQueries.Page<Interpretation> result = queries.staffPage(ids, status, form, Texts.trimToNull(q), page,
				PAGE_SIZE);
		Map<Long, String> names = new HashMap<>();
		visible.forEach(a -> names.put(a.id(), a.name()));
		model.addAttribute("result", result);
		model.addAttribute("agencyNames", names);
		model.addAttribute("agencyOptions", visible.stream().filter(Agency::active).toList());
		model.addAttribute("statuses", InterpretationStatus.values());
		model.addAttribute("forms", InterpretationForm.values());
		model.addAttribute("filter", Map.of("agency", agency == null ? "" : agency, "status",
				status == null ? "" : status.name(), "form", form == null ? "" : form.name(), "q", q == null ? "" : q));
		model.addAttribute("creatable", access.agenciesFor(actor, Role.EDITOR, Role.AGENCY_ADMIN).stream()
			.filter(Agency::active).toList());
		model.addAttribute("adminAgencies", !access.agenciesFor(actor, Role.AGENCY_ADMIN).isEmpty());
		return "interpretation/console-list";
	}

	@GetMapping("/console/interpretations/new")
	String newForm(@RequestParam String agency, @RequestParam(required = false) Long document, Model model) {
		Agency a = agencies.requireByCode(agency);
		access.require(a.id(), Role.EDITOR, Role.AGENCY_ADMIN);
		if (!model.containsAttribute("form")) {
			InterpretationFormData form = InterpretationFormData.blank(document);
			Optional<Document> doc = document == null ? Optional.empty() : visibleDocument(document);
			doc.ifPresent(d -> {
				form.setTheme(d.theme());
				form.setTitle("《" + d.title() + "》政策解读");
			});
			model.addAttribute("form", form);
		}
		model.addAttribute("documentId", document);
		return formPage(a, null, model);
	}

	@PostMapping("/console/interpretations/new")
	String create(@RequestParam String agency, @RequestParam(required = false) Long document,
			@ModelAttribute("form") InterpretationFormData form, Model model, RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			Interpretation i = management.create(a.id(), form.draft());
			redirect.addFlashAttribute("notice", "解读草稿已保存");
			return "redirect:/console/interpretations/" + i.id();
		}, () -> {
			model.addAttribute("documentId", document);
			return formPage(a, null, model);
		});
	}

	@GetMapping("/console/interpretations/{id}")
	String view(@PathVariable long id, Model model) {
		Interpretation i = queries.staffView(id);
		Agency a = agencies.requireById(i.agencyId());
		Actor actor = Actors.require();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", InterpretationFormData.of(i,
					agencies.findById(i.interpretingUnitId()).map(Agency::code).orElse(null)));
		}
		boolean editor = access.allows(actor, a.id(), Role.EDITOR, Role.AGENCY_ADMIN);
		boolean approver = access.allows(actor, a.id(), Role.APPROVER);
		List<PolicyRef> policies = i.documentIds().stream().map(this::policyRef).toList();
		model.addAttribute("item", i);
		model.addAttribute("repostLag", queries.repostLag(i).orElse(null));
		model.addAttribute("interpretingUnit", agencies.findById(i.interpretingUnitId()).orElse(null));
		model.addAttribute("policies", policies);
		model.addAttribute("policiesPublic", !policies.isEmpty() && policies.stream().allMatch(PolicyRef::isPublic));
		model.addAttribute("media", queries.media(id));
		model.addAttribute("history", queries.history(id));
		model.addAttribute("actionLabels", ACTION_LABELS);
		model.addAttribute("transcriptLines", i.transcript() == null ? List.of()
				: i.transcript().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
		model.addAttribute("mediaKinds", MediaKind.values());
		model.addAttribute("canEdit", i.status().isEditable() && editor);
		model.addAttribute("canSubmit", i.status().isEditable() && editor);
		model.addAttribute("ownDraft", actor.username().equals(i.createdBy()));
		model.addAttribute("canApprove", i.status() == InterpretationStatus.SUBMITTED && approver);
		model.addAttribute("canReturn",
				(i.status() == InterpretationStatus.SUBMITTED || i.status() == InterpretationStatus.READY) && approver);
		model.addAttribute("canWithdraw", i.status() == InterpretationStatus.PUBLISHED
				&& access.allows(actor, a.id(), Role.APPROVER, Role.AGENCY_ADMIN));
		return formPage(a, i, model);
	}

	@PostMapping("/console/interpretations/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") InterpretationFormData form, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.update(id, form.draft());
			redirect.addFlashAttribute("notice", "已保存");
			return "redirect:/console/interpretations/" + id;
		}, () -> view(id, model));
	}

	@PostMapping("/console/interpretations/{id}/media")
	String addMedia(@PathVariable long id, @RequestParam(required = false) MediaKind kind,
			@RequestParam(value = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String altText, @RequestParam(required = false) String description,
			Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			byte[] content;
			try {
				content = file == null ? new byte[0] : file.getBytes();
			}
			catch (IOException e) {
				throw InvalidInputException.of("file", "文件上传失败，请重试");
			}
			String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
			InterpretationMedia m = management.addMedia(id, kind, name, content, altText, description);
			redirect.addFlashAttribute("notice", m.kind().label() + "“" + m.fileName() + "”已上传");
			return "redirect:/console/interpretations/" + id + "#media";
		}, () -> {
			model.addAttribute("mediaInput", Map.of("kind", kind == null ? "" : kind.name(), "altText",
					altText == null ? "" : altText, "description", description == null ? "" : description));
			return view(id, model);
		});
	}

	@PostMapping("/console/interpretations/{id}/media/{mediaId}/delete")
	String removeMedia(@PathVariable long id, @PathVariable long mediaId, RedirectAttributes redirect) {
		management.removeMedia(id, mediaId);
		redirect.addFlashAttribute("notice", "文件已删除");
		return "redirect:/console/interpretations/" + id + "#media";
	}

	/** A file of the interpretation for staff who may see it, before and after publication. */
	@GetMapping("/console/interpretations/{id}/media/{mediaId}")
	ResponseEntity<byte[]> mediaFile(@PathVariable long id, @PathVariable long mediaId) {
		queries.staffView(id);
		InterpretationMedia m = queries.media(id).stream().filter(x -> x.id() == mediaId).findFirst()
			.orElseThrow(() -> DomainException.notFound("该文件不存在"));
		byte[] bytes = files.get(m.storageKey()).orElseThrow(() -> DomainException.notFound("该文件不存在"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(m.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(m.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(bytes);
	}

	/** Runs one action: back to the interpretation with a notice, or its page with the field messages. */
	private String act(long id, Model model, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		return ConsoleForms.attempt(model, () -> {
			redirect.addFlashAttribute("notice", action.get());
			return "redirect:/console/interpretations/" + id;
		}, () -> view(id, model));
	}

	@PostMapping("/console/interpretations/{id}/submit")
	String submit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, model, redirect, () -> {
			management.submit(id);
			return "已提交审签";
		});
	}

	@PostMapping("/console/interpretations/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		return act(id, model, redirect, () -> {
			Interpretation i = management.approve(id, note);
			return i.status() == InterpretationStatus.PUBLISHED
					? "审签通过，已发布" + (i.late() ? "（逾期：应于 " + i.dueOn() + " 前发布）" : "")
					: "审签通过，待所解读的文件公开时随文件同步发布";
		});
	}

	@PostMapping("/console/interpretations/{id}/return")
	String returnToDrafter(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act(id, model, redirect, () -> {
			management.returnToDrafter(id, reason);
			return "已退回起草人修改";
		});
	}

	@PostMapping("/console/interpretations/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act(id, model, redirect, () -> {
			management.withdraw(id, reason);
			return "已撤回，门户、接口和订阅中不再出现";
		});
	}

	/** A policy the current staff member may see: one of their agencies', or any public one. */
	private Optional<Document> visibleDocument(long documentId) {
		try {
			return Optional.of(documents.staffView(documentId));
		}
		catch (DomainException e) {
			return documents.publicDocument(documentId);
		}
	}

	private PolicyRef policyRef(long documentId) {
		try {
			Document d = documents.staffView(documentId);
			boolean isPublic = documents.publicDocument(documentId).isPresent();
			return new PolicyRef(documentId, d.title(), d.status().label(), isPublic, true);
		}
		catch (DomainException e) {
			Optional<Document> published = documents.publicDocument(documentId);
			return published.map(d -> new PolicyRef(documentId, d.title(), d.status().label(), true, false))
				.orElse(new PolicyRef(documentId, "编号 " + documentId + " 的文件（无权查看）", "—", false, false));
		}
	}

	private String formPage(Agency agency, Interpretation item, Model model) {
		List<Map<String, Object>> units = new ArrayList<>();
		for (Agency u : agencies.active()) {
			units.add(Map.of("code", u.code(), "label", "　".repeat(Math.max(0, u.depth())) + u.name()));
		}
		model.addAttribute("agency", agency);
		model.addAttribute("zone", Zones.CHINA);
		model.addAttribute("forms", InterpretationForm.values());
		model.addAttribute("sections", InterpretationSection.values());
		model.addAttribute("themes", themes.tree());
		model.addAttribute("unitOptions", units);
		return item == null ? "interpretation/console-form" : "interpretation/console-view";
	}
}
