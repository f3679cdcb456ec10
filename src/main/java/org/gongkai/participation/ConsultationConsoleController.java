package org.gongkai.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PersonalDataScanner;
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
 * Console pages of consultations: the list with states and moderation counts, the draft form (new and edit while
 * unpublished), a consultation's page with its steps (publish, extend, close early, withdraw) and the moderation
 * queue, and the feedback screen (group and answer comments, the summary, publish the feedback). Editors and
 * administrators of the agency act; supervisors look at the subtree.
 */
@Controller
class ConsultationConsoleController {

	private static final String HOME = ConsultationConsoleMenu.HOME;

	private final ConsultationManagement management;

	private final ConsultationQueries queries;

	private final AgencyDirectory agencies;

	private final ParticipationLinks links;

	private final org.gongkai.platform.FileStore files;

	ConsultationConsoleController(ConsultationManagement management, ConsultationQueries queries, AgencyDirectory agencies,
			ParticipationLinks links, org.gongkai.platform.FileStore files) {
		this.files = files;
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.links = links;
	}

	/** One line of the console list. */
	record Row(Consultation c, String agency, ConsultationStatus status, long received, long pending) {
	}

	@GetMapping(HOME)
	String list(@RequestParam(required = false) String agency, @RequestParam(required = false) String view, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = queries.readableAgencies(actor).stream().filter(Agency::active).toList();
		if (options.isEmpty()) {
			throw DomainException.forbidden("您没有查看意见征集的权限");
		}
		Agency selected = Texts.trimToNull(agency) == null ? null
				: options.stream().filter(a -> a.code().equals(agency.trim())).findFirst()
					.orElseThrow(() -> DomainException.forbidden("您没有查看该单位意见征集的权限"));
		List<Long> ids = selected == null ? options.stream().map(Agency::id).toList() : List.of(selected.id());
		Map<Long, Long> pending = queries.pendingCounts();
		List<Row> rows = new ArrayList<>();
		List<Consultation> all = queries.ofAgencies(ids);
		Map<Long, ConsultationTally> tallies = queries.tallies(all.stream().map(Consultation::id).toList());
		Map<Long, String> names = new java.util.HashMap<>();
		for (Consultation c : all) {
			ConsultationStatus s = queries.status(c);
			long p = pending.getOrDefault(c.id(), 0L);
			if ("pending".equals(view) && (p == 0 || !s.isPublic())) {
				continue;
			}
			if ("feedback".equals(view) && s != ConsultationStatus.CLOSED) {
				continue;
			}
			rows.add(new Row(c, names.computeIfAbsent(c.agencyId(), k -> agencies.findById(k).map(Agency::name).orElse("")), s,
					tallies.get(c.id()).received(), p));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("selected", selected);
		model.addAttribute("view", view);
		model.addAttribute("manageable", options.stream().filter(a -> queries.mayManage(actor, a.id())).toList());
		return "participation/consultation-console-list";
	}

	// ---- the draft form --------------------------------------------------------------------------------------

	@GetMapping(HOME + "/new")
	String newForm(@RequestParam(required = false) String agency, Model model) {
		Actor actor = Actors.require();
		List<Agency> manageable = manageable(actor);
		Agency a = Texts.trimToNull(agency) == null ? AgencyAccess.defaultChoice(actor, manageable)
				: manageable.stream().filter(x -> x.code().equals(agency.trim())).findFirst().orElse(null);
		if (a == null) {
			throw DomainException.forbidden("您没有新建意见征集的权限");
		}
		Map<String, String> input = new LinkedHashMap<>();
		input.put("agency", a.code());
		input.put("nameRule", ConsultationFieldRule.OPTIONAL.name());
		input.put("contactRule", ConsultationFieldRule.OPTIONAL.name());
		formModel(model, actor, null, a, input);
		return "participation/consultation-console-form";
	}

	@PostMapping(HOME)
	String create(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		Actor actor = Actors.require();
		return ConsoleForms.attempt(model, () -> {
			Consultation c = management.create(input(p, p.get("agency")));
			redirect.addFlashAttribute("notice", "草稿已保存。发布前可以继续修改；发布后公众即可在征集期内提出意见。");
			return "redirect:" + HOME + "/" + c.id();
		}, () -> {
			Agency a = agencies.findByCode(String.valueOf(p.get("agency"))).orElse(null);
			formModel(model, actor, null, a, p);
			return "participation/consultation-console-form";
		});
	}

	@GetMapping(HOME + "/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Actor actor = Actors.require();
		Consultation c = queries.forStaff(actor, id);
		Agency a = agencies.findById(c.agencyId()).orElseThrow();
		Map<String, String> input = new LinkedHashMap<>();
		input.put("agency", a.code());
		input.put("title", c.title());
		input.put("draft", c.draft());
		input.put("basis", c.basis());
		input.put("explanation", c.explanation());
		input.put("opensOn", String.valueOf(c.opensOn()));
		input.put("closesOn", String.valueOf(c.closesOn()));
		input.put("shortReason", c.shortReason());
		input.put("channelEmail", c.channelEmail());
		input.put("channelPost", c.channelPost());
		input.put("channelFax", c.channelFax());
		input.put("channelPhone", c.channelPhone());
		input.put("decisionId", c.decisionId() == null ? "" : String.valueOf(c.decisionId()));
		input.put("nameRule", c.nameRule().name());
		input.put("contactRule", c.contactRule().name());
		input.put("commentsPublic", c.commentsPublic() ? "true" : null);
		formModel(model, actor, c, a, input);
		return "participation/consultation-console-form";
	}

	@PostMapping(HOME + "/{id}")
	String update(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		Actor actor = Actors.require();
		Consultation c = queries.forStaff(actor, id);
		Agency a = agencies.findById(c.agencyId()).orElseThrow();
		try {
			return ConsoleForms.attempt(model, () -> {
				management.update(id, input(p, a.code()));
				redirect.addFlashAttribute("notice", "草稿已保存");
				return "redirect:" + HOME + "/" + id;
			}, () -> {
				formModel(model, actor, c, a, p);
				return "participation/consultation-console-form";
			});
		}
		catch (DomainException e) {
			return refused(e, id, redirect);
		}
	}

	private void formModel(Model model, Actor actor, Consultation c, Agency a, Map<String, String> input) {
		model.addAttribute("c", c);
		model.addAttribute("agency", a);
		model.addAttribute("input", input);
		model.addAttribute("agencyOptions", manageable(actor));
		model.addAttribute("rules", ConsultationFieldRule.values());
		model.addAttribute("decisions", a == null ? List.of()
				: links.kind("decision").map(k -> k.linkable(a.id())).orElse(List.of()));
		model.addAttribute("action", c == null ? HOME : HOME + "/" + c.id());
	}

	private List<Agency> manageable(Actor actor) {
		return queries.readableAgencies(actor).stream().filter(Agency::active).filter(a -> queries.mayManage(actor, a.id())).toList();
	}

	static ConsultationInput input(Map<String, String> p, String agency) {
		Set<String> bad = new HashSet<>();
		LocalDate opens = ConsultationApiController.date(p.get("opensOn"), "opensOn", bad);
		LocalDate closes = ConsultationApiController.date(p.get("closesOn"), "closesOn", bad);
		Long decision = null;
		String d = Texts.trimToNull(p.get("decisionId"));
		if (d != null) {
			try {
				decision = Long.valueOf(d);
			}
			catch (NumberFormatException e) {
				bad.add("decisionId");
			}
		}
		return new ConsultationInput(agency, p.get("title"), p.get("draft"), p.get("basis"), p.get("explanation"), opens, closes,
				p.get("shortReason"), p.get("channelEmail"), p.get("channelPost"), p.get("channelFax"), p.get("channelPhone"),
				decision, rule(p.get("nameRule")), rule(p.get("contactRule")), "true".equals(p.get("commentsPublic")), bad);
	}

	private static ConsultationFieldRule rule(String v) {
		try {
			return v == null ? null : ConsultationFieldRule.valueOf(v.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	// ---- a consultation --------------------------------------------------------------------------------------

	/** One comment as staff see it, with the article's heading and the masked text the public would see. */
	record StaffComment(Comment comment, String article, String masked, String submitted) {

		static StaffComment of(Comment x, List<ConsultationArticle> articles) {
			return new StaffComment(x, ConsultationPages.heading(articles, x.article()), PersonalDataScanner.mask(x.content()),
					MINUTES.format(x.submittedAt().atZone(org.gongkai.platform.Zones.CHINA)));
		}
	}

	private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@GetMapping(HOME + "/{id}")
	String view(@PathVariable long id, Model model) {
		Actor actor = Actors.require();
		Consultation c = queries.forStaff(actor, id);
		ConsultationStatus status = queries.status(c);
		boolean manage = queries.mayManage(actor, c.agencyId());
		List<ConsultationArticle> articles = c.articles();
		List<StaffComment> comments = queries.comments(id)
			.stream()
			.map(x -> StaffComment.of(x, articles))
			.toList();
		model.addAttribute("c", c);
		model.addAttribute("agency", agencies.findById(c.agencyId()).orElseThrow());
		model.addAttribute("status", status);
		model.addAttribute("articles", articles);
		model.addAttribute("attachments", queries.attachments(id));
		model.addAttribute("tally", queries.tally(id));
		model.addAttribute("pending", comments.stream().filter(x -> x.comment().status() == CommentStatus.PENDING).toList());
		model.addAttribute("moderated", comments.stream().filter(x -> x.comment().status() != CommentStatus.PENDING).toList());
		model.addAttribute("rejections", CommentRejection.values());
		model.addAttribute("periodDays", ConsultationRules.periodDays(c.opensOn(), c.closesOn()));
		model.addAttribute("decision", c.decisionId() == null ? null : links.findVisible("decision", c.decisionId()).orElse(null));
		model.addAttribute("canEdit", manage && status == ConsultationStatus.DRAFT);
		model.addAttribute("canPublish", manage && status == ConsultationStatus.DRAFT);
		model.addAttribute("canExtend", manage && (status == ConsultationStatus.OPEN || status == ConsultationStatus.NOT_STARTED));
		model.addAttribute("canClose", manage && status == ConsultationStatus.OPEN);
		// the commenters' names and contacts: the drafting agency's staff only, as the notice on the form promises
		model.addAttribute("showPersonal", manage);
		model.addAttribute("staffOnly", ConsultationQueries.STAFF_ONLY);
		model.addAttribute("canRecord", manage && c.feedbackPublishedAt() == null
				&& (status == ConsultationStatus.OPEN || status == ConsultationStatus.CLOSED));
		model.addAttribute("channels", Comment.OFFLINE_CHANNELS.stream()
			.map(ch -> Map.of("value", ch, "label", new Comment(0, 0, null, null, null, null, ch, CommentStatus.ACCEPTED, null, null,
					null, null, null, null, null).channelLabel()))
			.toList());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		model.addAttribute("canWithdraw", manage && c.published());
		model.addAttribute("canModerate", manage && c.published() && c.feedbackPublishedAt() == null);
		model.addAttribute("canFeedback", status == ConsultationStatus.CLOSED || status == ConsultationStatus.FEEDBACK_PUBLISHED);
		model.addAttribute("publicPath", status.isPublic() ? ConsultationKind.path(id) : null);
		model.addAttribute("home", HOME);
		return "participation/consultation-console-view";
	}

	@PostMapping(HOME + "/{id}/{step:publish|close|extend|withdraw}")
	String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> p,
			RedirectAttributes redirect) {
		try {
			String notice = switch (step) {
				case "publish" -> {
					Consultation c = management.publish(id, p.get("shortReason"));
					yield "已发布。" + (queries.status(c) == ConsultationStatus.OPEN ? "征集已经开始，公众可以在门户网站提出意见。"
							: "将于" + c.opensOn() + "开始征集。");
				}
				case "close" -> {
					management.close(id, p.get("reason"));
					yield "已提前结束征集，不再接收意见。请审核剩余意见后反馈采纳情况。";
				}
				case "extend" -> {
					Set<String> bad = new HashSet<>();
					LocalDate closes = ConsultationApiController.date(p.get("closesOn"), "closesOn", bad);
					if (!bad.isEmpty()) {
						throw InvalidInputException.of("closesOn", "日期格式不正确，应为年-月-日");
					}
					yield "已延长征集期限至" + management.extend(id, closes, p.get("shortReason")).closesOn();
				}
				default -> {
					management.withdraw(id, p.get("reason"));
					yield "已撤回，门户网站不再显示这项意见征集";
				}
			};
			redirect.addFlashAttribute("notice", notice);
			return "redirect:" + HOME + "/" + id;
		}
		catch (DomainException e) {
			return refused(e, id, redirect);
		}
	}

	@PostMapping(HOME + "/{id}/comments")
	String record(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		Set<String> bad = new HashSet<>();
		LocalDate received = ConsultationApiController.date(p.get("receivedOn"), "receivedOn", bad);
		Integer article = null;
		String a = Texts.trimToNull(p.get("article"));
		if (a != null && !a.equals("0")) {
			try {
				article = Integer.valueOf(a);
			}
			catch (NumberFormatException e) {
				article = -1;
			}
		}
		try {
			if (!bad.isEmpty()) {
				throw InvalidInputException.of("receivedOn", "日期格式不正确，应为年-月-日");
			}
			Comment c = management.recordComment(id, p.get("channel"), received, article, p.get("content"), p.get("name"),
					p.get("contact"));
			redirect.addFlashAttribute("notice", "已登记" + c.channelLabel() + "收到的意见（意见编号 " + c.id() + "），计入有效意见");
			return "redirect:" + HOME + "/" + id;
		}
		catch (DomainException e) {
			if (e instanceof InvalidInputException) {
				redirect.addFlashAttribute("input", p);
			}
			return refused(e, id, redirect);
		}
	}

	@PostMapping(HOME + "/comments/{commentId}/{step:accept|reject}")
	String moderate(@PathVariable long commentId, @PathVariable String step, @RequestParam Map<String, String> p,
			RedirectAttributes redirect) {
		long consultationId = queries.commentConsultation(commentId);
		try {
			if (step.equals("accept")) {
				management.accept(commentId);
				redirect.addFlashAttribute("notice", "意见编号 " + commentId + " 审核通过，计入有效意见");
			}
			else {
				CommentRejection reason = null;
				try {
					reason = Texts.trimToNull(p.get("reason")) == null ? null : CommentRejection.valueOf(p.get("reason").trim());
				}
				catch (IllegalArgumentException e) {
					// left null: the service asks for a reason
				}
				management.reject(commentId, reason, p.get("note"));
				redirect.addFlashAttribute("notice", "意见编号 " + commentId + " 审核不通过");
			}
			return "redirect:" + HOME + "/" + consultationId;
		}
		catch (DomainException e) {
			return refused(e, consultationId, redirect);
		}
	}

	// ---- attachments ----------------------------------------------------------------------------------------

	@PostMapping(HOME + "/{id}/attachments")
	String upload(@PathVariable long id, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
			RedirectAttributes redirect) throws java.io.IOException {
		try {
			ConsultationAttachment a = management.addAttachment(id, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			redirect.addFlashAttribute("notice", "已上传附件：" + a.fileName());
			return "redirect:" + HOME + "/" + id;
		}
		catch (DomainException e) {
			return refused(e, id, redirect);
		}
	}

	@PostMapping(HOME + "/attachments/{attachmentId}/remove")
	String removeAttachment(@PathVariable long attachmentId, RedirectAttributes redirect) {
		ConsultationAttachment a = queries.attachment(attachmentId).orElseThrow(() -> DomainException.notFound("该附件不存在"));
		try {
			management.removeAttachment(attachmentId);
			redirect.addFlashAttribute("notice", "已删除附件：" + a.fileName());
		}
		catch (DomainException e) {
			return refused(e, a.consultationId(), redirect);
		}
		return "redirect:" + HOME + "/" + a.consultationId();
	}

	@GetMapping(HOME + "/attachments/{attachmentId}")
	org.springframework.http.ResponseEntity<byte[]> download(@PathVariable long attachmentId) {
		ConsultationAttachment a = queries.attachment(attachmentId).orElseThrow(() -> DomainException.notFound("该附件不存在"));
		queries.forStaff(Actors.require(), a.consultationId());
		return ConsultationPortalController.file(a, files.get(a.storageKey()).orElseThrow(() -> DomainException.notFound("附件文件不存在")));
	}

	// ---- feedback --------------------------------------------------------------------------------------------

	/** One answered group as staff see it. */
	record Group(AdoptionFeedback feedback, List<StaffComment> comments) {
	}

	@GetMapping(HOME + "/{id}/feedback")
	String feedback(@PathVariable long id, Model model) {
		Actor actor = Actors.require();
		Consultation c = queries.forStaff(actor, id);
		ConsultationStatus status = queries.status(c);
		List<ConsultationArticle> articles = c.articles();
		List<StaffComment> accepted = queries.comments(id)
			.stream()
			.filter(x -> x.status() == CommentStatus.ACCEPTED)
			.map(x -> StaffComment.of(x, articles))
			.toList();
		List<Group> groups = queries.feedbacks(id)
			.stream()
			.map(f -> new Group(f, accepted.stream().filter(x -> x.comment().feedbackId() != null && x.comment().feedbackId() == f.id()).toList()))
			.toList();
		model.addAttribute("c", c);
		model.addAttribute("agency", agencies.findById(c.agencyId()).orElseThrow());
		model.addAttribute("status", status);
		model.addAttribute("unanswered", accepted.stream().filter(x -> x.comment().feedbackId() == null).toList());
		model.addAttribute("groups", groups);
		model.addAttribute("tally", queries.tally(id));
		model.addAttribute("outcomes", AdoptionFeedbackOutcome.values());
		model.addAttribute("canAnswer", queries.mayManage(actor, c.agencyId()) && status == ConsultationStatus.CLOSED);
		model.addAttribute("home", HOME);
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "participation/consultation-console-feedback";
	}

	@PostMapping(HOME + "/{id}/feedback")
	String answer(@PathVariable long id, @RequestParam MultiValueMap<String, String> multi, @RequestParam Map<String, String> p,
			RedirectAttributes redirect) {
		List<Long> ids = new ArrayList<>();
		for (String v : multi.getOrDefault("comments", List.of())) {
			try {
				ids.add(Long.valueOf(v));
			}
			catch (NumberFormatException e) {
				// an unknown id is refused below as not a valid comment
				ids.add(-1L);
			}
		}
		AdoptionFeedbackOutcome outcome = null;
		try {
			outcome = Texts.trimToNull(p.get("outcome")) == null ? null : AdoptionFeedbackOutcome.valueOf(p.get("outcome").trim());
		}
		catch (IllegalArgumentException e) {
			// left null: the service asks for a choice
		}
		try {
			management.answer(id, ids, p.get("topic"), outcome, p.get("reason"));
			redirect.addFlashAttribute("notice", "已反馈" + ids.size() + "条意见的采纳情况");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", "反馈的内容有误，请按提示修改后重新提交");
			redirect.addFlashAttribute("errors", errors(e.problems()));
			redirect.addFlashAttribute("input", p);
		}
		catch (DomainException e) {
			if (e.status() == 403 || e.status() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:" + HOME + "/" + id + "/feedback";
	}

	@PostMapping(HOME + "/{id}/feedback/{feedbackId}/remove")
	String removeAnswer(@PathVariable long id, @PathVariable long feedbackId, RedirectAttributes redirect) {
		return feedbackStep(id, redirect, () -> {
			management.removeAnswer(feedbackId);
			return "已撤销这条反馈，相关意见重新列入待反馈";
		});
	}

	@PostMapping(HOME + "/{id}/summary")
	String summary(@PathVariable long id, @RequestParam(required = false) String mainChanges, RedirectAttributes redirect) {
		return feedbackStep(id, redirect, () -> {
			management.saveSummary(id, mainChanges);
			return "意见收集和采纳情况说明已保存";
		});
	}

	@PostMapping(HOME + "/{id}/feedback/publish")
	String publishFeedback(@PathVariable long id, RedirectAttributes redirect) {
		return feedbackStep(id, redirect, () -> {
			management.publishFeedback(id);
			return "已公布意见收集和采纳情况，门户网站显示为“已反馈”";
		});
	}

	private String feedbackStep(long id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", "提交的内容有误，请按提示修改后重新提交");
			redirect.addFlashAttribute("errors", errors(e.problems()));
		}
		catch (DomainException e) {
			if (e.status() == 403 || e.status() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:" + HOME + "/" + id + "/feedback";
	}

	private String refused(DomainException e, long id, RedirectAttributes redirect) {
		if (e.status() == 403 || e.status() == 404) {
			throw e;
		}
		if (e instanceof InvalidInputException invalid) {
			redirect.addFlashAttribute("error", "提交的内容有误，请按提示修改后重新提交");
			redirect.addFlashAttribute("errors", errors(invalid.problems()));
		}
		else {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:" + HOME + "/" + id;
	}

	private static Map<String, String> errors(List<FieldProblem> problems) {
		Map<String, String> m = new LinkedHashMap<>();
		problems.forEach(p -> m.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
		return m;
	}
}
