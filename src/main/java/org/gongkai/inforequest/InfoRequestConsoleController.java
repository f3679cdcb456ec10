package org.gongkai.inforequest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.gongkai.calendar.WorkingDayCalendar;
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
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of disclosure on request: the queue of one's agencies by due date, the staff entry of
 * applications received in person, by post, fax or orally, the case page with the statutory steps its status and
 * the actor's role allow, the annual-report tables 三 and 四, and the agency's handling settings.
 */
@Controller
class InfoRequestConsoleController implements ConsoleMenuContributor {

	private static final int PAGE_SIZE = 30;

	/** Years offered on the statistics page, counting back from the current one. */
	private static final int YEARS_OFFERED = 6;

	/** The queue's status filter value for every status. */
	static final String ALL_STATUSES = "ALL";

	/** The steps of the history, in Chinese. */
	private static final Map<String, String> ACTION_LABELS = RequestSteps.LABELS;

	/** Outcomes grouped as the report groups them, for the reply's select. */
	public record OutcomeGroup(String label, List<Outcome> outcomes) {
	}

	/** One label cell of table 三: merged over rows or columns, a row header or a row-group header. */
	public record LabelCell(String text, int rowspan, int colspan, String scope) {
	}

	/** One data row of table 三 with the label cells that begin it. */
	public record Table3Row(String key, List<LabelCell> labels) {
	}

	/** A history entry as the case page shows it. */
	public record HistoryEntry(java.time.Instant at, String actor, String action, String note, boolean publicNote) {
	}

	/** The settings form as entered, shown again when it is refused. */
	public record SettingInput(String feePaymentDays, boolean feePausesClock, String dueSoonDays) {
	}

	private final InfoRequestManagement management;

	private final InfoRequestQueries queries;

	private final RequestStatistics statistics;

	private final RequestSettings settings;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final WorkingDayCalendar calendar;

	private final Clock clock;

	private final RequestFiles files;

	private final RequestNotices notices;

	InfoRequestConsoleController(InfoRequestManagement management, InfoRequestQueries queries, RequestStatistics statistics,
			RequestSettings settings, AgencyDirectory agencies, AgencyAccess access, WorkingDayCalendar calendar, Clock clock,
			RequestFiles files, RequestNotices notices) {
		this.files = files;
		this.notices = notices;
		this.management = management;
		this.queries = queries;
		this.statistics = statistics;
		this.settings = settings;
		this.agencies = agencies;
		this.access = access;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(19, "依申请公开", "/console/requests",
				a -> !a.token() && !access.agenciesFor(a, InfoRequestQueries.CASE_ROLES).isEmpty()));
	}

	// ---- the queue ----------------------------------------------------------------------------------------

	@GetMapping("/console/requests")
	String queue(@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, InfoRequestQueries.CASE_ROLES);
		List<Long> ids = options.stream().map(Agency::id).toList();
		if (agency != null && !agency.isBlank()) {
			Agency a = agencies.requireByCode(agency);
			if (!ids.contains(a.id())) {
				throw DomainException.forbidden("您没有办理该单位政府信息公开申请的权限");
			}
			ids = List.of(a.id());
		}
		RequestStatus chosen = null;
		boolean all = ALL_STATUSES.equals(status);
		if (status != null && !status.isBlank() && !all) {
			chosen = Arrays.stream(RequestStatus.values()).filter(s -> s.name().equals(status)).findFirst()
				.orElseThrow(() -> InvalidInputException.of("status", "没有这种办理状态"));
		}
		int p = Math.min(Math.max(page, 1), 100_000);
		List<InfoRequestQueries.QueueItem> items = new ArrayList<>(
				queries.queue(ids, chosen, chosen == null && !all, p, PAGE_SIZE + 1));
		boolean hasNext = items.size() > PAGE_SIZE;
		if (hasNext) {
			items.remove(PAGE_SIZE);
		}
		Map<Long, String> names = new HashMap<>();
		options.forEach(a -> names.put(a.id(), a.name()));
		model.addAttribute("items", items);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("agencyNames", names);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("filter", Map.of("agency", agency == null ? "" : agency, "status", status == null ? "" : status));
		model.addAttribute("enterable", access.agenciesFor(actor, Role.REQUEST_HANDLER, Role.AGENCY_ADMIN).stream()
			.filter(Agency::active).toList());
		List<Agency> adminAgencies = access.agenciesFor(actor, Role.AGENCY_ADMIN).stream().filter(Agency::active).toList();
		model.addAttribute("adminAgencies", adminAgencies.isEmpty() ? null : adminAgencies);
		return "inforequest/console-queue";
	}

	// ---- staff entry ----------------------------------------------------------------------------------------

	@GetMapping("/console/requests/new")
	String newForm(@RequestParam String agency, Model model) {
		Agency a = agencies.requireByCode(agency);
		CaseAccess.require(a.id(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", RequestEntryForm.blank(today()));
		}
		return entryPage(a, model);
	}

	@PostMapping("/console/requests/new")
	String enter(@RequestParam String agency, @ModelAttribute("form") RequestEntryForm form, Model model,
			RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			InfoRequest r = management.enter(a.id(), form.getChannel(), form.receivedOnDate(), form.application());
			redirect.addFlashAttribute("notice", "申请已登记，查询码 " + r.trackingCode() + "，答复期限 " + r.dueOn()
					+ (r.dueProvisional() ? "（暂定）" : ""));
			return "redirect:/console/requests/" + r.id();
		}, () -> entryPage(a, model));
	}

	private String entryPage(Agency agency, Model model) {
		model.addAttribute("agency", agency);
		model.addAttribute("channels", Arrays.stream(SubmissionChannel.values()).filter(c -> c != SubmissionChannel.ONLINE).toList());
		model.addAttribute("applicantTypes", ApplicantType.values());
		model.addAttribute("idTypes", IdType.values());
		model.addAttribute("provisionForms", ProvisionForm.values());
		model.addAttribute("obtainMethods", ObtainMethod.values());
		model.addAttribute("today", today());
		return "inforequest/console-new";
	}

	// ---- files and notices ----------------------------------------------------------------------------------

	@PostMapping("/console/requests/{id}/files")
	String upload(@PathVariable long id, @RequestParam(required = false) RequestFiles.Kind kind,
			@RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			try {
				if (file == null || file.isEmpty()) {
					throw org.gongkai.platform.InvalidInputException.of("file", "请选择要上传的文件");
				}
				files.attach(id, kind, file.getOriginalFilename(), file.getBytes());
			}
			catch (java.io.IOException e) {
				throw org.gongkai.platform.InvalidInputException.of("file", "上传失败，请重试");
			}
			redirect.addFlashAttribute("notice", "材料已上传");
			return "redirect:/console/requests/" + id + "#files-title";
		}, () -> {
			model.addAttribute("failed", "files");
			return view(id, model);
		});
	}

	@GetMapping("/console/requests/{id}/files/{fileId}")
	org.springframework.http.ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
		RequestFiles.Download d = files.download(id, fileId);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(d.contentType()))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
				.attachment().filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(d.content());
	}

	@GetMapping("/console/requests/{id}/notices/{kind}.{format}")
	org.springframework.http.ResponseEntity<byte[]> notice(@PathVariable long id, @PathVariable RequestNotices.Kind kind,
			@PathVariable String format) {
		RequestNotices.Document d = switch (format) {
			case "docx" -> notices.word(id, kind);
			case "pdf" -> notices.pdf(id, kind);
			default -> throw DomainException.notFound("只能生成 docx 或 pdf 格式");
		};
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(d.contentType()))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
				.attachment().filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(d.content());
	}

	@GetMapping("/console/requests/notice-templates")
	String templates(@RequestParam(required = false) String agency, Model model) {
		Agency a = agencies.requireByCode(agency == null ? "" : agency);
		access.require(a.id(), Role.AGENCY_ADMIN);
		Map<RequestNotices.Kind, String> bodies = new java.util.LinkedHashMap<>();
		for (RequestNotices.Kind k : RequestNotices.Kind.values()) {
			bodies.put(k, notices.template(a.id(), k));
		}
		model.addAttribute("agency", a);
		model.addAttribute("bodies", bodies);
		return "inforequest/console-notice-templates";
	}

	@PostMapping("/console/requests/notice-templates")
	String saveTemplate(@RequestParam String agency, @RequestParam RequestNotices.Kind kind,
			@RequestParam(required = false) String body, Model model, RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			notices.changeTemplate(a.id(), kind, body);
			redirect.addFlashAttribute("notice", kind.label() + "的措辞已" + (body == null || body.isBlank() ? "恢复默认" : "保存"));
			return "redirect:/console/requests/notice-templates?agency=" + a.code() + "#template-" + kind.name();
		}, () -> templates(a.code(), model));
	}

	// ---- the case page ----------------------------------------------------------------------------------------

	@GetMapping("/console/requests/{id}")
	String view(@PathVariable long id, Model model) {
		InfoRequest r = queries.staffView(id);
		Actor actor = Actors.require();
		Agency a = agencies.requireById(r.agencyId());
		LocalDate today = today();
		boolean handles = CaseAccess.allows(actor, a.id(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		boolean approves = CaseAccess.allows(actor, a.id(), Role.APPROVER);
		boolean open = r.status().isOpen();
		boolean inProgress = r.status() == RequestStatus.IN_PROGRESS;
		List<Consultation> consultations = queries.consultations(id);
		model.addAttribute("item", r);
		model.addAttribute("agency", a);
		model.addAttribute("today", today);
		model.addAttribute("zone", Zones.CHINA);
		model.addAttribute("overdue", InfoRequestQueries.isOverdue(r, today));
		model.addAttribute("dueSoon", queries.isDueSoon(r, today));
		model.addAttribute("correctionLines", r.correctionItems() == null ? List.of()
				: r.correctionItems().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
		model.addAttribute("consultations", consultations);
		model.addAttribute("history", queries.history(id).stream()
			.map(e -> new HistoryEntry(e.at(), e.actor(), e.action(), e.note(), e.publicNote())).toList());
		model.addAttribute("actionLabels", ACTION_LABELS);
		model.addAttribute("remedies", queries.remedies(id));
		model.addAttribute("handles", handles);
		model.addAttribute("approves", approves);
		model.addAttribute("canConfirm", handles && r.status() == RequestStatus.AWAITING_CONFIRMATION);
		model.addAttribute("canAssign", handles && open);
		model.addAttribute("canNote", handles || approves);
		model.addAttribute("canCorrect", handles && inProgress && !r.correctionAsked());
		model.addAttribute("canCorrectionReceived", handles && r.status() == RequestStatus.AWAITING_CORRECTION);
		model.addAttribute("canConsult", handles && inProgress);
		model.addAttribute("canAnswer", handles && open);
		model.addAttribute("canOverride", approves && open);
		model.addAttribute("canExtend", approves && inProgress && r.extensionDays() < RequestRules.MAX_EXTENSION_WORKING_DAYS);
		model.addAttribute("extensionLeft", RequestRules.MAX_EXTENSION_WORKING_DAYS - r.extensionDays());
		model.addAttribute("canSetDeadline", approves && inProgress);
		model.addAttribute("canFeeNotice", handles && inProgress && r.feeMethod() == null);
		model.addAttribute("canFeePaid", handles && r.status() == RequestStatus.AWAITING_PAYMENT);
		model.addAttribute("canReply", handles && inProgress);
		model.addAttribute("canWithdraw", handles && open);
		model.addAttribute("canRecordRemedy", handles && !open);
		model.addAttribute("canDecideRemedy", handles);
		model.addAttribute("consultationKinds", Consultation.Kind.values());
		model.addAttribute("files", files.list(id));
		model.addAttribute("fileKinds", RequestFiles.Kind.values());
		Map<String, String> fileKindLabels = new LinkedHashMap<>();
		Arrays.stream(RequestFiles.Kind.values()).forEach(k -> fileKindLabels.put(k.name(), k.label()));
		model.addAttribute("fileKindLabels", fileKindLabels);
		model.addAttribute("notices", java.util.Arrays.stream(RequestNotices.Kind.values()).filter(k -> k.appliesTo(r)).toList());
		model.addAttribute("answers", Consultation.Answer.values());
		model.addAttribute("feeMethods", FeeMethod.values());
		model.addAttribute("obtainMethods", ObtainMethod.values());
		model.addAttribute("remedyKinds", Remedy.Kind.values());
		model.addAttribute("remedyResults", Arrays.stream(Remedy.Result.values()).filter(x -> x != Remedy.Result.PENDING).toList());
		model.addAttribute("outcomeGroups", outcomeGroups());
		model.addAttribute("correctionPeriod", RequestRules.DEFAULT_CORRECTION_PERIOD_WORKING_DAYS);
		if (!model.containsAttribute("replyForm")) {
			model.addAttribute("replyForm", RequestReplyForm.blank(today, r.obtainMethod()));
		}
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "inforequest/console-case";
	}

	/** Runs one step: back to the case with a notice, or the case page with the field messages under that step's form. */
	private String act(long id, String step, Map<String, String> params, Model model, RedirectAttributes redirect,
			Supplier<String> action) {
		return ConsoleForms.attempt(model, () -> {
			redirect.addFlashAttribute("notice", action.get());
			return "redirect:/console/requests/" + id;
		}, () -> {
			model.addAttribute("failed", step);
			model.addAttribute("input", params);
			return view(id, model);
		});
	}

	@PostMapping("/console/requests/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "confirm", params, model, redirect, () -> {
			InfoRequest r = management.confirmReceipt(id, RequestConsoleInput.date(params, "receivedOn", "确认收到之日"));
			return "已确认收到，答复期限 " + r.dueOn() + (r.dueProvisional() ? "（暂定）" : "");
		});
	}

	@PostMapping("/console/requests/{id}/assign")
	String assign(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "assign", params, model, redirect, () -> {
			InfoRequest r = management.assign(id, params.get("handler"));
			return "已交由 " + r.handler() + " 承办";
		});
	}

	@PostMapping("/console/requests/{id}/note")
	String note(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "note", params, model, redirect, () -> {
			management.addNote(id, params.get("note"));
			return "办理记录已保存";
		});
	}

	@PostMapping("/console/requests/{id}/correction")
	String correction(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		return act(id, "correction", params, model, redirect, () -> {
			String items = params.get("items");
			InfoRequest r = management.requestCorrection(id, RequestConsoleInput.date(params, "requestedOn", "告知补正之日"),
					items == null ? List.of() : items.lines().toList(),
					RequestConsoleInput.integer(params, "periodDays", "补正期限"));
			return "已一次性告知补正，补正期限至 " + r.correctionDueOn() + "；期间答复期限暂停计算";
		});
	}

	@PostMapping("/console/requests/{id}/correction-received")
	String correctionReceived(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		return act(id, "correction-received", params, model, redirect, () -> {
			InfoRequest r = management.correctionReceived(id, RequestConsoleInput.date(params, "receivedOn", "收到补正之日"));
			return "已登记补正，答复期限重新计算为 " + r.dueOn() + (r.dueProvisional() ? "（暂定）" : "");
		});
	}

	@PostMapping("/console/requests/{id}/consultations")
	String consult(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "consult", params, model, redirect, () -> {
			Consultation c = management.consult(id, RequestConsoleInput.choice(params, "kind", Consultation.Kind.class),
					params.get("party"), RequestConsoleInput.date(params, "sentOn", "书面征求意见之日"));
			return c.kind().label() + "已登记，应于 " + c.answerDueOn() + " 前答复；期间不计入答复期限";
		});
	}

	@PostMapping("/console/requests/{id}/consultations/{consultationId}/answer")
	String answer(@PathVariable long id, @PathVariable long consultationId, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		return act(id, "answer-" + consultationId, params, model, redirect, () -> {
			Consultation c = management.recordAnswer(id, consultationId,
					RequestConsoleInput.choice(params, "answer", Consultation.Answer.class),
					RequestConsoleInput.date(params, "answeredOn", "收到答复之日"), params.get("note"));
			return "已登记“" + c.party() + "”的意见：" + c.answer().label();
		});
	}

	@PostMapping("/console/requests/{id}/consultations/{consultationId}/override")
	String override(@PathVariable long id, @PathVariable long consultationId, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		return act(id, "override-" + consultationId, params, model, redirect, () -> {
			management.overrideObjection(id, consultationId, params.get("reason"),
					RequestConsoleInput.date(params, "noticeOn", "书面告知第三方之日"));
			return "已记录公共利益决定";
		});
	}

	@PostMapping("/console/requests/{id}/extension")
	String extend(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "extension", params, model, redirect, () -> {
			InfoRequest r = management.extend(id, RequestConsoleInput.integer(params, "days", "延长的工作日数"), params.get("reason"),
					RequestConsoleInput.date(params, "approvedOn", "批准之日"),
					RequestConsoleInput.date(params, "noticeOn", "告知申请人之日"));
			return "已延期答复，答复期限 " + r.dueOn() + (r.dueProvisional() ? "（暂定）" : "");
		});
	}

	@PostMapping("/console/requests/{id}/deadline")
	String deadline(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "deadline", params, model, redirect, () -> {
			InfoRequest r = management.setDeadline(id, RequestConsoleInput.date(params, "dueOn", "另行确定的答复期限"),
					params.get("reason"), RequestConsoleInput.date(params, "noticeOn", "告知申请人之日"));
			return "已另行确定答复期限为 " + r.dueOn();
		});
	}

	@PostMapping("/console/requests/{id}/fee-notice")
	String feeNotice(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		return act(id, "fee-notice", params, model, redirect, () -> {
			InfoRequest r = management.issueFeeNotice(id, RequestConsoleInput.choice(params, "method", FeeMethod.class),
					RequestConsoleInput.integer(params, "pages", "页数"), RequestConsoleInput.date(params, "noticeOn", "发出收费通知之日"));
			return "已发出收费通知：" + r.feeAmount().toPlainString() + " 元，缴费期限至 " + r.feePayBy();
		});
	}

	@PostMapping("/console/requests/{id}/fee-paid")
	String feePaid(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "fee-paid", params, model, redirect, () -> {
			management.feePaid(id, RequestConsoleInput.date(params, "paidOn", "缴费之日"));
			return "已登记缴费，继续办理";
		});
	}

	@PostMapping("/console/requests/{id}/reply")
	String reply(@PathVariable long id, @ModelAttribute("replyForm") RequestReplyForm form, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			InfoRequest r = management.reply(id, form.reply());
			redirect.addFlashAttribute("notice", "已答复：" + r.outcome().label());
			return "redirect:/console/requests/" + id;
		}, () -> {
			model.addAttribute("failed", "reply");
			return view(id, model);
		});
	}

	@PostMapping("/console/requests/{id}/withdrawal")
	String withdraw(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		return act(id, "withdrawal", params, model, redirect, () -> {
			management.withdrawByApplicant(id, RequestConsoleInput.date(params, "withdrawnOn", "撤回申请之日"), params.get("note"));
			return "已登记申请人撤回申请，本申请终止";
		});
	}

	@PostMapping("/console/requests/{id}/remedies")
	String remedy(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "remedy", params, model, redirect, () -> {
			Remedy m = management.recordRemedy(id, RequestConsoleInput.choice(params, "kind", Remedy.Kind.class),
					RequestConsoleInput.date(params, "filedOn", "申请复议或起诉之日"), params.get("body"));
			return "已登记" + m.kind().label();
		});
	}

	@PostMapping("/console/requests/{id}/remedies/{remedyId}/decision")
	String decide(@PathVariable long id, @PathVariable long remedyId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		if (queries.remedies(id).stream().noneMatch(m -> m.id() == remedyId)) {
			throw DomainException.notFound("该复议或诉讼记录不存在");
		}
		return act(id, "decision-" + remedyId, params, model, redirect, () -> {
			Remedy m = management.decideRemedy(remedyId, RequestConsoleInput.choice(params, "result", Remedy.Result.class),
					RequestConsoleInput.date(params, "decidedOn", "决定或判决之日"), params.get("note"));
			return "已登记" + m.kind().label() + "结果：" + m.result().label();
		});
	}

	// ---- statistics -----------------------------------------------------------------------------------------

	@GetMapping("/console/requests/statistics")
	String statisticsPage(@RequestParam(required = false) String agency, @RequestParam(required = false) Integer year,
			Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, Role.REQUEST_HANDLER, Role.AGENCY_ADMIN, Role.APPROVER,
				Role.SUPERVISOR);
		Agency a = choose(actor, options, agency, "您没有查看该单位依申请公开统计的权限");
		int current = today().getYear();
		int y = year == null ? current : year;
		if (y < Math.max(2000, current - 50) || y > current) {
			throw InvalidInputException.of("year", "统计年度应为 " + Math.max(2000, current - 50) + " 至 " + current + " 年");
		}
		model.addAttribute("agencyOptions", options);
		model.addAttribute("selected", a);
		model.addAttribute("year", y);
		model.addAttribute("years", IntStream.rangeClosed(0, YEARS_OFFERED - 1).map(n -> current - n).boxed().toList());
		model.addAttribute("applicantTypes", ApplicantType.values());
		model.addAttribute("organisationTypes", Arrays.stream(ApplicantType.values())
			.filter(t -> t != ApplicantType.NATURAL_PERSON).toList());
		model.addAttribute("remedyKinds", Remedy.Kind.values());
		model.addAttribute("remedyResults", Remedy.Result.values());
		if (a != null) {
			model.addAttribute("table3", statistics.table3(a.id(), y));
			model.addAttribute("table3Rows", TABLE3_ROWS);
			model.addAttribute("table4", statistics.table4(a.id(), y));
			RequestStatistics.Performance p = statistics.performance(a.id(), y);
			model.addAttribute("performance", p);
			model.addAttribute("onTimeRate", p.onTimeRate() == null ? "—" : String.format("%.1f%%", p.onTimeRate()));
			model.addAttribute("averageDays", p.averageWorkingDays() == null ? "—" : String.format("%.1f", p.averageWorkingDays()));
		}
		return "inforequest/console-statistics";
	}

	/** Table 三 of the 2021 annual-report format (domain-rules.md §2.3): 25 data rows and their merged label cells. */
	static final List<Table3Row> TABLE3_ROWS = table3Rows();

	private static List<Table3Row> table3Rows() {
		List<Table3Row> rows = new ArrayList<>();
		rows.add(new Table3Row("new", List.of(new LabelCell("一、本年新收政府信息公开申请数量", 1, 3, "row"))));
		rows.add(new Table3Row("carriedIn", List.of(new LabelCell("二、上年结转政府信息公开申请数量", 1, 3, "row"))));
		rows.add(new Table3Row("r1", List.of(new LabelCell("三、本年度办理结果", 22, 1, "rowgroup"),
				new LabelCell("（一）予以公开", 1, 2, "row"))));
		rows.add(new Table3Row("r2", List.of(new LabelCell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2, "row"))));
		group(rows, "（三）不予公开", "r3_", List.of("1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
				"4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"));
		group(rows, "（四）无法提供", "r4_", List.of("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"));
		group(rows, "（五）不予处理", "r5_", List.of("1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
				"5.要求行政机关确认或重新出具已获取信息"));
		group(rows, "（六）其他处理", "r6_", List.of("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
				"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"));
		rows.add(new Table3Row("rTotal", List.of(new LabelCell("（七）总计", 1, 2, "row"))));
		rows.add(new Table3Row("carriedOut", List.of(new LabelCell("四、结转下年度继续办理", 1, 3, "row"))));
		return List.copyOf(rows);
	}

	private static void group(List<Table3Row> rows, String label, String prefix, List<String> items) {
		for (int i = 0; i < items.size(); i++) {
			LabelCell item = new LabelCell(items.get(i), 1, 1, "row");
			rows.add(new Table3Row(prefix + (i + 1), i == 0 ? List.of(new LabelCell(label, items.size(), 1, "rowgroup"), item)
					: List.of(item)));
		}
	}

	// ---- settings -------------------------------------------------------------------------------------------

	@GetMapping("/console/requests/settings")
	String settingsPage(@RequestParam(required = false) String agency, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, Role.AGENCY_ADMIN).stream().filter(Agency::active).toList();
		Agency a = choose(actor, options, agency, "只有单位管理员可以修改该单位的依申请公开办理设置");
		model.addAttribute("agencyOptions", options);
		model.addAttribute("selected", a);
		if (a != null && !model.containsAttribute("input")) {
			RequestSettings.Setting s = settings.of(a.id());
			model.addAttribute("input", new SettingInput(String.valueOf(s.feePaymentDays()), s.feePausesClock(),
					String.valueOf(s.dueSoonDays())));
		}
		model.addAttribute("defaults", RequestSettings.Setting.DEFAULT);
		return "inforequest/console-settings";
	}

	@PostMapping("/console/requests/settings")
	String saveSettings(@RequestParam String agency, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		boolean pauses = "true".equals(params.get("feePausesClock"));
		return ConsoleForms.attempt(model, () -> {
			Integer feeDays = RequestConsoleInput.integer(params, "feePaymentDays", "缴费期限");
			Integer soonDays = RequestConsoleInput.integer(params, "dueSoonDays", "临期提醒");
			if (feeDays == null) {
				throw InvalidInputException.of("feePaymentDays", "请填写缴费期限（1至60个工作日）");
			}
			if (soonDays == null) {
				throw InvalidInputException.of("dueSoonDays", "请填写临期提醒（到期前1至20个工作日）");
			}
			settings.change(a.id(), new RequestSettings.Setting(feeDays, pauses, soonDays));
			redirect.addFlashAttribute("notice", "依申请公开办理设置已保存");
			return "redirect:/console/requests/settings?agency=" + a.code();
		}, () -> {
			model.addAttribute("input", new SettingInput(params.getOrDefault("feePaymentDays", ""), pauses,
					params.getOrDefault("dueSoonDays", "")));
			return settingsPage(agency, model);
		});
	}

	// ---- internals ------------------------------------------------------------------------------------------

	/** The chosen agency among the options, or the default choice; 403 for an agency not among them. */
	private Agency choose(Actor actor, List<Agency> options, String code, String denied) {
		if (code != null && !code.isBlank()) {
			Agency a = agencies.requireByCode(code);
			if (options.stream().noneMatch(o -> o.id() == a.id())) {
				throw DomainException.forbidden(denied);
			}
			return a;
		}
		return AgencyAccess.defaultChoice(actor, options);
	}

	/** Within the agency's "due soon" window of working days before the due date, as the queue flags it. */
	/** The outcomes staff may choose, grouped as the report groups them; 其他处理 1 and 2 are set by the sweep. */
	static List<OutcomeGroup> outcomeGroups() {
		Map<String, List<Outcome>> groups = new LinkedHashMap<>();
		for (Outcome o : Outcome.values()) {
			if (o == Outcome.R6_1 || o == Outcome.R6_2) {
				continue;
			}
			String group = switch (o.key().substring(0, 2)) {
				case "r1" -> "予以公开";
				case "r2" -> "部分公开";
				case "r3" -> "不予公开";
				case "r4" -> "无法提供";
				case "r5" -> "不予处理";
				default -> "其他处理";
			};
			groups.computeIfAbsent(group, g -> new ArrayList<>()).add(o);
		}
		return groups.entrySet().stream().map(e -> new OutcomeGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}
}
