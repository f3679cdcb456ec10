package org.gongkai.interpretation;

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
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.gongkai.publication.Document;
import org.gongkai.publication.PublicationQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of responses to public concern (回应关切): the topics of one's agencies, recording a topic,
 * and on a topic's page its responses — drafted by editors, published or withdrawn by the approving leader.
 */
@Controller
class ConcernConsoleController {

	/** A policy a topic is about, as the console shows it. */
	public record PolicyLink(long id, String title, boolean staffVisible) {
	}

	/** What a response form held, shown again when it is refused. */
	public record ResponseInput(String title, String body, String channel) {
	}

	private final ConcernManagement management;

	private final InterpretationQueries queries;

	private final PublicationQueries documents;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	ConcernConsoleController(ConcernManagement management, InterpretationQueries queries, PublicationQueries documents,
			AgencyDirectory agencies, AgencyAccess access) {
		this.management = management;
		this.queries = queries;
		this.documents = documents;
		this.agencies = agencies;
		this.access = access;
	}

	@GetMapping("/console/concerns")
	String list(@RequestParam(required = false) String agency, @RequestParam(required = false) ConcernTopic.Status status,
			Model model) {
		Actor actor = Actors.require();
		List<Agency> visible = access.visibleAgencies(actor);
		List<Long> ids = visible.stream().map(Agency::id).toList();
		if (agency != null && !agency.isBlank()) {
			Agency a = agencies.requireByCode(agency);
			if (!ids.contains(a.id())) {
				throw DomainException.forbidden("您没有查看该单位关切的权限");
			}
			ids = List.of(a.id());
		}
		Map<Long, String> names = new HashMap<>();
		visible.forEach(a -> names.put(a.id(), a.name()));
		List<Agency> recordable = access.agenciesFor(actor, Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER).stream()
			.filter(Agency::active).toList();
		if (!model.containsAttribute("topicForm")) {
			model.addAttribute("topicForm", new ConcernTopicFormData());
		}
		if (!model.containsAttribute("topicAgency")) {
			Agency preferred = AgencyAccess.defaultChoice(actor, recordable);
			model.addAttribute("topicAgency", preferred == null ? "" : preferred.code());
		}
		model.addAttribute("topics", queries.staffTopics(ids, status));
		model.addAttribute("agencyNames", names);
		model.addAttribute("agencyOptions", visible.stream().filter(Agency::active).toList());
		model.addAttribute("recordable", recordable);
		model.addAttribute("statuses", ConcernTopic.Status.values());
		model.addAttribute("sources", ConcernTopic.Source.values());
		model.addAttribute("filter", Map.of("agency", agency == null ? "" : agency, "status",
				status == null ? "" : status.name()));
		model.addAttribute("zone", Zones.CHINA);
		return "interpretation/console-topics";
	}

	@PostMapping("/console/concerns")
	String record(@RequestParam(required = false) String agency, @ModelAttribute("topicForm") ConcernTopicFormData form,
			Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			if (agency == null || agency.isBlank()) {
				throw org.gongkai.platform.InvalidInputException.of("agency", "请选择单位");
			}
			ConcernTopic t = management.recordTopic(agencies.requireByCode(agency).id(), form.draft());
			redirect.addFlashAttribute("notice", "社会关切已记录，请起草回应");
			return "redirect:/console/concerns/" + t.id();
		}, () -> {
			model.addAttribute("topicAgency", agency == null ? "" : agency);
			return list(null, null, model);
		});
	}

	@GetMapping("/console/concerns/{id}")
	String topic(@PathVariable long id, Model model) {
		ConcernTopic t = queries.staffTopic(id);
		Agency a = agencies.requireById(t.agencyId());
		Actor actor = Actors.require();
		List<ConcernResponse> responses = queries.staffResponses(id);
		Map<Long, String> elapsed = new LinkedHashMap<>();
		responses.forEach(r -> elapsed.put(r.id(), ConcernResponse.elapsedLabel(t.detectedAt(), r.publishedAt())));
		if (!model.containsAttribute("topicForm")) {
			model.addAttribute("topicForm", ConcernTopicFormData.of(t));
		}
		if (!model.containsAttribute("responseInput")) {
			model.addAttribute("responseInput", new ResponseInput(null, null, null));
		}
		model.addAttribute("topic", t);
		model.addAttribute("agency", a);
		model.addAttribute("policies", t.documentIds().stream().map(this::policyLink).toList());
		model.addAttribute("responses", responses);
		model.addAttribute("elapsed", elapsed);
		model.addAttribute("sources", ConcernTopic.Source.values());
		model.addAttribute("zone", Zones.CHINA);
		model.addAttribute("canEdit", access.allows(actor, a.id(), Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER));
		model.addAttribute("canClose", t.status() != ConcernTopic.Status.CLOSED
				&& access.allows(actor, a.id(), Role.APPROVER, Role.AGENCY_ADMIN));
		model.addAttribute("canPublish", access.allows(actor, a.id(), Role.APPROVER));
		model.addAttribute("canWithdraw", access.allows(actor, a.id(), Role.APPROVER, Role.AGENCY_ADMIN));
		return "interpretation/console-topic";
	}

	@PostMapping("/console/concerns/{id}")
	String update(@PathVariable long id, @ModelAttribute("topicForm") ConcernTopicFormData form, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.updateTopic(id, form.draft());
			redirect.addFlashAttribute("notice", "已保存");
			return "redirect:/console/concerns/" + id;
		}, () -> topic(id, model));
	}

	@PostMapping("/console/concerns/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		management.closeTopic(id);
		redirect.addFlashAttribute("notice", "已关闭该关切");
		return "redirect:/console/concerns/" + id;
	}

	@PostMapping("/console/concerns/{id}/responses")
	String draftResponse(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) String channel, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			ConcernResponse r = management.draftResponse(id, title, body, channel);
			redirect.addFlashAttribute("notice", "回应草稿已保存，待负责人发布");
			return "redirect:/console/concerns/" + id + "#response-" + r.id();
		}, () -> {
			prefixErrors(model, "response-");
			model.addAttribute("responseInput", new ResponseInput(title, body, channel));
			return topic(id, model);
		});
	}

	@PostMapping("/console/concerns/{id}/responses/{responseId}/publish")
	String publish(@PathVariable long id, @PathVariable long responseId, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			ConcernResponse r = management.publishResponse(responseId);
			redirect.addFlashAttribute("notice", "回应已发布");
			return "redirect:/console/concerns/" + r.topicId() + "#response-" + r.id();
		}, () -> {
			prefixErrors(model, "response-" + responseId + "-");
			return topic(id, model);
		});
	}

	@PostMapping("/console/concerns/{id}/responses/{responseId}")
	String revise(@PathVariable long id, @PathVariable long responseId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) String channel, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			ConcernResponse r = management.reviseResponse(responseId, title, body, channel);
			redirect.addFlashAttribute("notice", "回应草稿已修改");
			return "redirect:/console/concerns/" + r.topicId() + "#response-" + r.id();
		}, () -> {
			prefixErrors(model, "response-" + responseId + "-");
			return topic(id, model);
		});
	}

	@PostMapping("/console/concerns/{id}/responses/{responseId}/discard")
	String discard(@PathVariable long id, @PathVariable long responseId, RedirectAttributes redirect) {
		management.discardResponse(responseId);
		redirect.addFlashAttribute("notice", "回应草稿已删除");
		return "redirect:/console/concerns/" + id;
	}

	@PostMapping("/console/concerns/{id}/responses/{responseId}/withdraw")
	String withdraw(@PathVariable long id, @PathVariable long responseId, @RequestParam(required = false) String reason,
			Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			ConcernResponse r = management.withdrawResponse(responseId, reason);
			redirect.addFlashAttribute("notice", "回应已撤回，门户中不再出现");
			return "redirect:/console/concerns/" + r.topicId() + "#response-" + r.id();
		}, () -> {
			prefixErrors(model, "response-" + responseId + "-");
			return topic(id, model);
		});
	}

	/**
	 * The topic page holds several forms; field messages of a response form get the form's prefix, so that
	 * they show next to that form and the error summary links to its fields.
	 */
	private static void prefixErrors(Model model, String prefix) {
		if (model.getAttribute("errors") instanceof Map<?, ?> errors) {
			Map<String, Object> prefixed = new LinkedHashMap<>();
			errors.forEach((k, v) -> prefixed.put(prefix + k, v));
			model.addAttribute("errors", prefixed);
		}
	}

	private PolicyLink policyLink(long documentId) {
		try {
			Document d = documents.staffView(documentId);
			return new PolicyLink(documentId, d.title(), true);
		}
		catch (DomainException e) {
			return documents.publicDocument(documentId)
				.map(d -> new PolicyLink(documentId, d.title(), false))
				.orElse(new PolicyLink(documentId, "编号 " + documentId + " 的文件", false));
		}
	}
}
