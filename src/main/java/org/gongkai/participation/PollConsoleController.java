package org.gongkai.participation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.DomainException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console pages of polls: the list, a new questionnaire, the poll's page with its settings and questions (edited
 * with plain forms while a draft: add, change, remove and reorder questions and options), the preview, publication,
 * early closing, withdrawal, the results with the free-text answers (masked) and the Excel export.
 */
@Controller
class PollConsoleController {

	private static final String HOME = PollConsoleMenu.HOME;

	private final PollManagement management;

	private final PollQueries queries;

	private final PollAccess access;

	private final PollExport export;

	private final ParticipationLinks links;

	PollConsoleController(PollManagement management, PollQueries queries, PollAccess access, PollExport export,
			ParticipationLinks links) {
		this.management = management;
		this.queries = queries;
		this.access = access;
		this.export = export;
		this.links = links;
	}

	@GetMapping({ HOME, HOME + "/" })
	String list(Model model) {
		Actor actor = Actors.require();
		model.addAttribute("polls", queries.staffList(actor));
		model.addAttribute("canCreate", !access.managed(actor).isEmpty());
		return "participation/poll-console-list";
	}

	@GetMapping(HOME + "/new")
	String newPoll(Model model) {
		Actor actor = Actors.require();
		List<Agency> managed = access.managed(actor);
		if (managed.isEmpty()) {
			throw DomainException.forbidden("您没有发起民意调查的权限");
		}
		Map<String, String> input = new LinkedHashMap<>();
		input.put("agency", org.gongkai.organisation.AgencyAccess.defaultChoice(actor, managed).code());
		input.put("identityRule", "MOBILE");
		input.put("resultsVisibility", "AFTER_CLOSE");
		return newForm(model, input);
	}

	private String newForm(Model model, Map<String, String> input) {
		Actor actor = Actors.require();
		List<Agency> managed = access.managed(actor);
		model.addAttribute("input", input);
		model.addAttribute("agencyOptions", managed);
		model.addAttribute("refOptions", refOptions(managed));
		settingsOptions(model);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "participation/poll-console-new";
	}

	@PostMapping(HOME)
	String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			Poll p = management.create(draft(form, form.get("agency")));
			redirect.addFlashAttribute("notice", "调查草稿已保存，请添加题目");
			return "redirect:" + HOME + "/" + p.id();
		}, () -> newForm(model, new LinkedHashMap<>(form)));
	}

	@GetMapping(HOME + "/{id}")
	String view(@PathVariable long id, Model model) {
		PollQueries.PollView v = queries.staffPoll(id);
		return viewPage(model, v, null);
	}

	private String viewPage(Model model, PollQueries.PollView v, Map<String, String> input) {
		Poll p = v.poll();
		boolean manage = queries.canManage(p);
		model.addAttribute("v", v);
		model.addAttribute("manage", manage);
		model.addAttribute("draft", !p.published());
		model.addAttribute("closable", manage && (v.status() == PollStatus.OPEN || v.status() == PollStatus.NOT_STARTED));
		model.addAttribute("withdrawable", manage && p.isPublic());
		model.addAttribute("texts", queries.texts(p.id()));
		Map<Long, String> questionLabels = new LinkedHashMap<>();
		for (int i = 0; i < v.questions().size(); i++) {
			questionLabels.put(v.questions().get(i).id(), "第" + (i + 1) + "题：" + v.questions().get(i).prompt());
		}
		model.addAttribute("questionLabels", questionLabels);
		Map<String, String> values = input;
		if (values == null) {
			values = new LinkedHashMap<>();
			values.put("agency", v.agency().code());
			values.put("title", p.title());
			values.put("description", p.description());
			values.put("opensOn", p.opensOn().toString());
			values.put("closesOn", p.closesOn().toString());
			values.put("identityRule", p.identityRule().name());
			values.put("resultsVisibility", p.resultsVisibility().name());
			values.put("withheldReason", p.withheldReason());
			values.put("ref", p.refKind() == null ? "" : p.refKind() + ":" + p.refId());
		}
		model.addAttribute("input", values);
		model.addAttribute("refOptions", refOptions(List.of(v.agency())));
		model.addAttribute("kinds", PollQuestionKind.values());
		settingsOptions(model);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "participation/poll-console-view";
	}

	@PostMapping(HOME + "/{id}")
	String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		PollQueries.PollView v = queries.staffPoll(id);
		return ConsoleForms.attempt(model, () -> {
			management.update(id, draft(form, v.agency().code()));
			redirect.addFlashAttribute("notice", "调查设置已保存");
			return back(id);
		}, () -> viewPage(model, v, new LinkedHashMap<>(form)));
	}

	@PostMapping(HOME + "/{id}/questions")
	String addQuestion(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.addQuestion(id, question(form, true));
			redirect.addFlashAttribute("notice", "题目已添加");
			return back(id) + "#questions";
		}, () -> {
			model.addAttribute("newQuestion", form);
			return viewPage(model, queries.staffPoll(id), null);
		});
	}

	@PostMapping(HOME + "/{id}/questions/{question}")
	String updateQuestion(@PathVariable long id, @PathVariable long question, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.updateQuestion(id, question, question(form, false));
			redirect.addFlashAttribute("notice", "题目已修改");
			return back(id) + "#q" + question;
		}, () -> viewPage(model, queries.staffPoll(id), null));
	}

	@PostMapping(HOME + "/{id}/questions/{question}/delete")
	String removeQuestion(@PathVariable long id, @PathVariable long question, RedirectAttributes redirect) {
		management.removeQuestion(id, question);
		redirect.addFlashAttribute("notice", "题目已删除");
		return back(id) + "#questions";
	}

	@PostMapping(HOME + "/{id}/questions/{question}/move")
	String moveQuestion(@PathVariable long id, @PathVariable long question, @RequestParam String direction) {
		management.moveQuestion(id, question, "up".equals(direction));
		return back(id) + "#q" + question;
	}

	@PostMapping(HOME + "/{id}/questions/{question}/options")
	String addOption(@PathVariable long id, @PathVariable long question, @RequestParam(required = false) String label, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.addOption(id, question, label);
			redirect.addFlashAttribute("notice", "选项已添加");
			return back(id) + "#q" + question;
		}, () -> viewPage(model, queries.staffPoll(id), null));
	}

	@PostMapping(HOME + "/{id}/questions/{question}/options/{option}/delete")
	String removeOption(@PathVariable long id, @PathVariable long question, @PathVariable long option,
			RedirectAttributes redirect) {
		management.removeOption(id, question, option);
		redirect.addFlashAttribute("notice", "选项已删除");
		return back(id) + "#q" + question;
	}

	@PostMapping(HOME + "/{id}/questions/{question}/options/{option}/move")
	String moveOption(@PathVariable long id, @PathVariable long question, @PathVariable long option,
			@RequestParam String direction) {
		management.moveOption(id, question, option, "up".equals(direction));
		return back(id) + "#q" + question;
	}

	@GetMapping(HOME + "/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		model.addAttribute("v", queries.staffPoll(id));
		model.addAttribute("picked", java.util.Set.of());
		model.addAttribute("answerTexts", Map.of());
		model.addAttribute("noErrors", Map.of());
		return "participation/poll-console-preview";
	}

	@PostMapping(HOME + "/{id}/publish")
	String publish(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.publish(id);
			redirect.addFlashAttribute("notice", "调查已发布");
			return back(id);
		}, () -> viewPage(model, queries.staffPoll(id), null));
	}

	@PostMapping(HOME + "/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		management.closeEarly(id);
		redirect.addFlashAttribute("notice", "调查已提前结束");
		return back(id);
	}

	@PostMapping(HOME + "/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.withdraw(id, reason);
			redirect.addFlashAttribute("notice", "调查已撤回，已从网站撤下");
			return back(id);
		}, () -> viewPage(model, queries.staffPoll(id), null));
	}

	@GetMapping(HOME + "/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id, HttpServletResponse response) {
		PollExport.File file = export.workbook(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(PollExport.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, file.disposition())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.bytes());
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private static String back(long id) {
		return "redirect:" + HOME + "/" + id;
	}

	private static PollDraft draft(Map<String, String> f, String agency) {
		String ref = Texts.trimToNull(f.get("ref"));
		String refKind = null;
		String refId = null;
		if (ref != null) {
			int colon = ref.indexOf(':');
			refKind = colon < 0 ? ref : ref.substring(0, colon);
			refId = colon < 0 ? "" : ref.substring(colon + 1);
		}
		return new PollDraft(agency, f.get("title"), f.get("description"), f.get("opensOn"), f.get("closesOn"),
				f.get("identityRule"), f.get("resultsVisibility"), f.get("withheldReason"), refKind, refId);
	}

	private static PollQuestionInput question(Map<String, String> f, boolean withOptions) {
		List<String> options = withOptions && f.get("options") != null ? Arrays.asList(f.get("options").split("\\R")) : List.of();
		return new PollQuestionInput(f.get("kind"), f.get("prompt"), "true".equals(f.get("required")), f.get("minChoices"),
				f.get("maxChoices"), f.get("maxLength"), options);
	}

	private List<Map<String, String>> refOptions(List<Agency> agencies) {
		List<Map<String, String>> out = new ArrayList<>();
		for (String kind : PollManagement.REFERABLE) {
			links.kind(kind).ifPresent(k -> {
				for (Agency a : agencies) {
					for (ParticipationLink l : k.linkable(a.id())) {
						out.add(Map.of("value", kind + ":" + l.id(), "label", k.title() + "：" + l.title()));
					}
				}
			});
		}
		return out;
	}

	private static void settingsOptions(Model model) {
		model.addAttribute("identityRules", PollIdentityRule.values());
		model.addAttribute("visibilities", PollResultsVisibility.values());
	}
}
