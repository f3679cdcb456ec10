package org.gongkai.interaction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

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
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Console pages of public messages (网上留言、领导信箱): the queue of one's agencies with the overdue and 3-month
 * markers, the message page with the sender's contact details and the steps the actor may take, the agency's
 * periods and leader mailboxes, and the monthly statistics of the agencies the actor may see.
 */
@Controller
class InteractionConsoleController {

	private static final int PAGE_SIZE = 30;

	/** Years offered on the statistics page, counting back from the current one. */
	private static final int YEARS_OFFERED = 6;

	/** The queue's views beyond the status filter (the dashboard's cards link to them). */
	static final Map<String, String> VIEWS = views();

	/** The steps of a message's history, in Chinese. */
	static final Map<String, String> ACTION_LABELS = actionLabels();

	/** One line of the queue with its markers. */
	public record QueueRow(Message message, String agencyName, String handlingAgencyName, boolean reviewOverdue,
			boolean overdue, String ageNote, boolean vetoed, boolean supervised) {
	}

	/** A supervision with where it stands. */
	public record SupervisionRow(Supervision supervision, String state, boolean warn) {
	}

	private final InteractionManagement management;

	private final MessageQueries queries;

	private final InteractionStatistics statistics;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Clock clock;

	InteractionConsoleController(InteractionManagement management, MessageQueries queries, InteractionStatistics statistics,
			AgencyDirectory agencies, AgencyAccess access, Clock clock) {
		this.management = management;
		this.queries = queries;
		this.statistics = statistics;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
	}

	// ---- the queue ----------------------------------------------------------------------------------------

	@GetMapping("/console/messages")
	String queue(@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
			@RequestParam(required = false) String view, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = queries.staffAgencies(actor);
		if (options.isEmpty()) {
			throw DomainException.forbidden("只有互动交流办理人员、单位管理员和监督部门可以查看留言");
		}
		List<Long> ids = options.stream().map(Agency::id).toList();
		if (agency != null && !agency.isBlank()) {
			Agency a = agencies.requireByCode(agency);
			if (!ids.contains(a.id())) {
				throw DomainException.forbidden("您没有查看该单位留言的权限");
			}
			ids = List.of(a.id());
		}
		MessageStatus chosenStatus = choice(MessageStatus.values(), status, "status", "没有这种办理状态");
		MessageType chosenType = choice(MessageType.values(), type, "type", "没有这种留言类型");
		String chosenView = Texts.trimToNull(view);
		if (chosenView != null && !VIEWS.containsKey(chosenView)) {
			throw InvalidInputException.of("view", "没有这种查看方式");
		}
		int p = Math.min(Math.max(page, 1), 100_000);
		LocalDate today = today();
		boolean openOnly = chosenView != null;
		List<Message> found;
		int total;
		Set<Long> supervised = new HashSet<>();
		queries.openSupervisions(ids).forEach(s -> supervised.add(s.messageId()));
		if (chosenView == null) {
			total = queries.countQueue(ids, chosenStatus, chosenType, false);
			found = queries.queue(ids, chosenStatus, chosenType, false, p, PAGE_SIZE);
		}
		else {
			// the views are worked out here over the open messages only, few enough to sift in memory
			int all = queries.countQueue(ids, chosenStatus, chosenType, openOnly);
			List<Message> sifted = queries.queue(ids, chosenStatus, chosenType, openOnly, 1, Math.max(all, 1))
				.stream()
				.filter(m -> switch (chosenView) {
					case "overdue" -> m.overdue(today);
					case "aging" -> InteractionRules.level(m, today) != InteractionRules.Level.NONE;
					case "supervised" -> supervised.contains(m.id());
					default -> m.status().awaitingReply();
				})
				.toList();
			total = sifted.size();
			found = sifted.subList(Math.min((p - 1) * PAGE_SIZE, total), Math.min(p * PAGE_SIZE, total));
		}
		Map<Long, String> names = agencyNames();
		List<QueueRow> rows = found.stream().map(m -> {
			InteractionRules.Level level = InteractionRules.level(m, today);
			return new QueueRow(m, names.getOrDefault(m.agencyId(), ""), names.getOrDefault(m.handlingAgencyId(), ""),
					m.reviewOverdue(today), m.overdue(today), ageNote(level, m), level == InteractionRules.Level.VETO,
					supervised.contains(m.id()));
		}).toList();
		Map<String, String> filter = new HashMap<>();
		filter.put("agency", agency == null ? "" : agency);
		filter.put("status", chosenStatus == null ? "" : chosenStatus.name());
		filter.put("view", chosenView == null ? "" : chosenView);
		filter.put("type", chosenType == null ? "" : chosenType.name());
		model.addAttribute("rows", rows);
		model.addAttribute("total", total);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", p * PAGE_SIZE < total);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("statuses", MessageStatus.values());
		model.addAttribute("types", MessageType.values());
		model.addAttribute("views", VIEWS);
		model.addAttribute("filter", filter);
		model.addAttribute("admin", !access.agenciesFor(actor, Role.AGENCY_ADMIN).isEmpty());
		return "interaction/console-queue";
	}

	// ---- the message page ---------------------------------------------------------------------------------

	@GetMapping("/console/messages/{id}")
	String view(@PathVariable long id, Model model) {
		MessageQueries.StaffView v = queries.staffView(id);
		Message m = v.message();
		LocalDate today = today();
		MessageStatus s = m.status();
		boolean staff = v.canReview() || v.canHandle();
		boolean handling = s == MessageStatus.ACCEPTED || s == MessageStatus.REOPENED;
		InteractionSettings settings = management.settings(m.agencyId());
		InteractionRules.Level level = InteractionRules.level(m, today);
		model.addAttribute("v", v);
		model.addAttribute("m", m);
		model.addAttribute("today", today);
		model.addAttribute("zone", Zones.CHINA);
		model.addAttribute("reviewOverdue", m.reviewOverdue(today));
		model.addAttribute("overdue", m.overdue(today));
		model.addAttribute("ageNote", ageNote(level, m));
		model.addAttribute("vetoed", level == InteractionRules.Level.VETO);
		model.addAttribute("supervisions", v.supervisions().stream().map(x -> supervisionRow(x, today)).toList());
		model.addAttribute("history", v.events());
		model.addAttribute("actionLabels", ACTION_LABELS);
		model.addAttribute("maskedTitle", PersonalDataScanner.mask(m.title()));
		model.addAttribute("maskedContent", PersonalDataScanner.mask(m.content()));
		model.addAttribute("maskedReplies", v.replies()
			.stream()
			.map(r -> queries.agencyName(r.agencyId()) + "答复（" + r.repliedOn() + "）：" + PersonalDataScanner.mask(r.content()))
			.toList());
		model.addAttribute("publicState", publicState(m));
		model.addAttribute("canAccept", v.canReview() && s == MessageStatus.SUBMITTED);
		model.addAttribute("canReject", v.canReview() && s == MessageStatus.SUBMITTED);
		model.addAttribute("canAssign", v.canReview() && (s == MessageStatus.SUBMITTED || handling));
		model.addAttribute("canReply", v.canHandle() && handling);
		model.addAttribute("canExtend", v.canHandle() && handling && m.extensionDays() == 0 && settings.maxExtensionDays() > 0
				&& !m.overdue(today()));
		model.addAttribute("canGiveBack", v.canHandle() && handling && m.handlingAgencyId() != m.agencyId());
		model.addAttribute("canSupervise", v.canSupervise() && s.awaitingReply());
		model.addAttribute("canWithhold", staff && m.publicAllowed() && m.hiddenReason() == null && s != MessageStatus.REJECTED);
		model.addAttribute("canRelease", staff && m.publicAllowed() && m.hiddenReason() != null);
		model.addAttribute("canConcern", staff && s != MessageStatus.REJECTED && s != MessageStatus.SUBMITTED && m.publicAllowed()
				&& m.hiddenReason() == null);
		model.addAttribute("maxExtensionDays", settings.maxExtensionDays());
		model.addAttribute("rejectionReasons", RejectionReason.values());
		model.addAttribute("assignTargets",
				agencies.active().stream().filter(a -> a.id() != m.handlingAgencyId()).toList());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "interaction/console-message";
	}

	@PostMapping("/console/messages/{id}/accept")
	String accept(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, "accept", params, model, redirect, response, () -> {
			Message m = management.accept(id);
			return "已受理，应于 " + m.dueOn() + (m.dueProvisional() ? "（暂定）" : "") + " 前答复";
		});
	}

	@PostMapping("/console/messages/{id}/reject")
	String reject(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, "reject", params, model, redirect, response, () -> {
			RejectionReason reason = choice(RejectionReason.values(), params.get("reason"), "reason", "请选择不予受理的理由");
			management.reject(id, reason, params.get("note"));
			return "已不予受理：" + reason.label();
		});
	}

	@PostMapping("/console/messages/{id}/assign")
	String assign(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, "assign", params, model, redirect, response, () -> {
			long target = id(params.get("agency"), "agency", "请选择承办单位");
			Message m = management.assign(id, target, params.get("note"));
			return "已转" + queries.agencyName(m.handlingAgencyId()) + "办理";
		});
	}

	@PostMapping("/console/messages/{id}/reply")
	String reply(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, "reply", params, model, redirect, response, () -> {
			Message m = management.reply(id, params.get("content"), params.get("withholdReason"));
			return "已答复" + (m.isPublic() ? "，留言和答复将在网站公开" : "");
		});
	}

	@PostMapping("/console/messages/{id}/extend")
	String extend(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, "extend", params, model, redirect, response, () -> {
			Integer days = integer(params.get("days"), "days", "延期天数");
			if (days == null) {
				throw InvalidInputException.of("days", "请填写延期的工作日数");
			}
			Message m = management.extend(id, days, params.get("reason"));
			return "已延期，应于 " + m.dueOn() + (m.dueProvisional() ? "（暂定）" : "") + " 前答复";
		});
	}

	@PostMapping("/console/messages/{id}/give-back")
	String giveBack(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, "give-back", params, model, redirect, response, () -> {
			Message m = management.giveBack(id, params.get("reason"));
			return "已退回" + queries.agencyName(m.agencyId());
		});
	}

	@PostMapping("/console/messages/{id}/supervise")
	String supervise(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, "supervise", params, model, redirect, response, () -> {
			Supervision s = management.supervise(id, params.get("note"), date(params.get("dueOn"), "dueOn", "督办期限"));
			return "已督办，限 " + s.dueOn() + " 前办结";
		});
	}

	@PostMapping("/console/messages/{id}/withhold")
	String withhold(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, "withhold", params, model, redirect, response, () -> {
			management.withhold(id, params.get("reason"));
			return "这条留言不在网站公开";
		});
	}

	@PostMapping("/console/messages/{id}/release")
	String release(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, "release", params, model, redirect, response, () -> {
			Message m = management.release(id);
			return m.isPublic() ? "已恢复在网站公开" : "已取消不公开，答复后将在网站公开";
		});
	}

	@PostMapping("/console/messages/{id}/concern")
	String concern(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, "concern", params, model, redirect, response, () -> {
			var topic = management.raiseConcern(id);
			return "已列为社会关切：" + topic.title();
		});
	}

	/**
	 * Runs one step: back to the message with a notice; on invalid input the page again with the messages at that
	 * step's fields; on a refusal the page again with the refusal's Chinese message and its status. Nothing is saved
	 * in either case: the step's transaction rolls back.
	 */
	private String act(long id, String step, Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Supplier<String> action) {
		Supplier<String> again = () -> {
			model.addAttribute("failed", step);
			model.addAttribute("input", params);
			return view(id, model);
		};
		try {
			return ConsoleForms.attempt(model, () -> {
				redirect.addFlashAttribute("notice", action.get());
				return "redirect:/console/messages/" + id;
			}, again);
		}
		catch (DomainException e) {
			if (e.status() == 404) {
				throw e;
			}
			model.addAttribute("error", e.status() == 403 && "concern".equals(step)
					? e.getMessage() + "。列为社会关切须由承办单位的信息发布员、单位管理员或审核领导办理" : e.getMessage());
			response.setStatus(e.status());
			return again.get();
		}
	}

	// ---- settings and mailboxes ---------------------------------------------------------------------------

	@GetMapping("/console/messages/settings")
	String settingsPage(@RequestParam(required = false) String agency, @RequestParam(required = false) Long mailbox,
			Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, Role.AGENCY_ADMIN).stream().filter(Agency::active).toList();
		Agency a = choose(actor, options, agency, "只有单位管理员可以修改该单位的互动交流设置");
		model.addAttribute("agencyOptions", options);
		model.addAttribute("selected", a);
		if (a != null) {
			InteractionSettings s = management.settings(a.id());
			model.addAttribute("settingFields", MessageConsoleSettingsFields.FIELDS);
			model.addAttribute("settingValues", MessageConsoleSettingsFields.values(s));
			model.addAttribute("defaultValues", MessageConsoleSettingsFields.values(InteractionSettings.defaults(a.id())));
			List<Mailbox> boxes = queries.mailboxes(a.id());
			model.addAttribute("mailboxes", boxes);
			Mailbox editing = mailbox == null ? new Mailbox(0, a.id(), null, null, null, null, true, boxes.size() + 1)
					: boxes.stream().filter(b -> b.id() == mailbox).findFirst()
						.orElseThrow(() -> DomainException.notFound("领导信箱不存在"));
			model.addAttribute("editing", editing);
		}
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "interaction/console-settings";
	}

	@PostMapping("/console/messages/settings")
	String saveSettings(@RequestParam String agency, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			List<FieldProblem> problems = new ArrayList<>();
			int[] v = new int[MessageConsoleSettingsFields.NAMES.size()];
			for (int i = 0; i < v.length; i++) {
				String name = MessageConsoleSettingsFields.NAMES.get(i);
				String label = MessageConsoleSettingsFields.LABELS.get(name);
				try {
					Integer n = integer(params.get(name), name, label);
					if (n == null) {
						problems.add(new FieldProblem(name, "请填写" + label));
					}
					else {
						v[i] = n;
					}
				}
				catch (InvalidInputException e) {
					problems.addAll(e.problems());
				}
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			management.saveSettings(new InteractionSettings(a.id(), v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
			redirect.addFlashAttribute("notice", "互动交流办理期限已保存");
			return "redirect:/console/messages/settings?agency=" + a.code();
		}, () -> {
			model.addAttribute("failed", "settings");
			model.addAttribute("input", params);
			return settingsPage(agency, null, model);
		});
	}

	@PostMapping("/console/messages/settings/mailboxes")
	String saveMailbox(@RequestParam String agency, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		Long editing = Texts.trimToNull(params.get("id")) == null || "0".equals(params.get("id").strip()) ? null
				: id(params.get("id"), "id", "领导信箱不存在");
		return ConsoleForms.attempt(model, () -> {
			Integer order = integer(params.get("sortOrder"), "sortOrder", "排序");
			Mailbox saved = management.saveMailbox(new Mailbox(editing == null ? 0 : editing, a.id(), params.get("name"),
					params.get("holder"), params.get("holderTitle"), params.get("description"), "true".equals(params.get("active")),
					order == null ? 0 : order));
			redirect.addFlashAttribute("notice", "领导信箱“" + saved.name() + "”已保存");
			return "redirect:/console/messages/settings?agency=" + a.code() + "#mailboxes-title";
		}, () -> {
			model.addAttribute("failed", "mailbox");
			model.addAttribute("input", params);
			return settingsPage(agency, editing, model);
		});
	}

	// ---- statistics -----------------------------------------------------------------------------------------

	@GetMapping("/console/messages/statistics")
	String statisticsPage(@RequestParam(required = false) String month, @RequestParam(required = false) Integer year,
			Model model) {
		Actor actor = Actors.require();
		List<Long> ids = queries.staffAgencies(actor).stream().map(Agency::id).toList();
		if (ids.isEmpty()) {
			throw DomainException.forbidden("只有互动交流办理人员、单位管理员和监督部门可以查看留言统计");
		}
		YearMonth current = YearMonth.now(clock.withZone(Zones.CHINA));
		YearMonth chosen = current;
		if (month != null && !month.isBlank()) {
			try {
				chosen = YearMonth.parse(month.strip());
			}
			catch (DateTimeParseException e) {
				throw InvalidInputException.of("month", "统计月份的格式应为“年-月”，例如 " + current);
			}
		}
		int earliest = current.getYear() - 50;
		int y = year == null ? chosen.getYear() : year;
		if (y < earliest || y > current.getYear()) {
			throw InvalidInputException.of("year", "统计年度应为 " + earliest + " 至 " + current.getYear() + " 年");
		}
		int lastMonth = y == current.getYear() ? current.getMonthValue() : 12;
		if ((month == null || month.isBlank()) && year != null) {
			chosen = YearMonth.of(y, lastMonth);
		}
		if (chosen.isAfter(current) || chosen.getYear() < earliest) {
			throw InvalidInputException.of("month", "统计月份应在 " + earliest + " 年1月至 " + current + " 之间");
		}
		Set<Long> visible = new HashSet<>(ids);
		model.addAttribute("month", chosen);
		model.addAttribute("year", y);
		model.addAttribute("years", IntStream.rangeClosed(0, YEARS_OFFERED - 1).map(n -> current.getYear() - n).boxed().toList());
		model.addAttribute("months", IntStream.rangeClosed(1, lastMonth).mapToObj(n -> YearMonth.of(y, n)).toList());
		model.addAttribute("table", statistics.table(chosen.atDay(1), chosen.plusMonths(1).atDay(1), visible::contains));
		model.addAttribute("types", MessageType.values());
		model.addAttribute("published", statistics.published(chosen));
		return "interaction/console-statistics";
	}

	// ---- internals ------------------------------------------------------------------------------------------

	private SupervisionRow supervisionRow(Supervision s, LocalDate today) {
		if (s.resolvedOn() != null) {
			boolean late = Boolean.TRUE.equals(s.late());
			return new SupervisionRow(s, (late ? "逾期办结（" : "按期办结（") + s.resolvedOn() + "答复）", late);
		}
		return today.isAfter(s.dueOn()) ? new SupervisionRow(s, "已超过督办期限，尚未办结", true)
				: new SupervisionRow(s, "督办中", false);
	}

	private static String publicState(Message m) {
		if (m.isPublic()) {
			return "已在网站公开（个人信息已遮盖）";
		}
		if (m.status() == MessageStatus.REJECTED) {
			return "不予受理的留言不在网站公开";
		}
		if (!m.publicAllowed()) {
			return "留言人不同意公开，这条留言不在网站公开";
		}
		if (m.hiddenReason() != null) {
			return "已设为不公开（" + m.hiddenReason() + "）";
		}
		return "留言人同意公开，答复后将在网站公开";
	}

	private static String ageNote(InteractionRules.Level level, Message m) {
		return switch (level) {
			case NONE -> null;
			case VETO -> "已超过3个月未回应（" + InteractionRules.vetoDay(m.submittedOn()) + "起构成单项否决）";
			default -> "临近3个月：须在" + InteractionRules.vetoDay(m.submittedOn()) + "前答复";
		};
	}

	private Map<Long, String> agencyNames() {
		Map<Long, String> names = new HashMap<>();
		agencies.all().forEach(a -> names.put(a.id(), a.name()));
		return names;
	}

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

	private static <E extends Enum<E>> E choice(E[] values, String value, String field, String message) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return null;
		}
		return Arrays.stream(values).filter(e -> e.name().equals(v)).findFirst()
			.orElseThrow(() -> InvalidInputException.of(field, message));
	}

	private static Integer integer(String value, String field, String label) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return Integer.valueOf(v);
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, label + "应填写整数");
		}
	}

	private static long id(String value, String field, String message) {
		String v = Texts.trimToNull(value);
		try {
			if (v != null) {
				return Long.parseLong(v);
			}
		}
		catch (NumberFormatException e) {
			// the same answer as a missing choice
		}
		throw InvalidInputException.of(field, message);
	}

	private static LocalDate date(String value, String field, String label) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return LocalDate.parse(v);
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, label + "格式不正确，请按“年-月-日”填写");
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private static Map<String, String> views() {
		Map<String, String> v = new LinkedHashMap<>();
		v.put("open", "办理中（未答复）");
		v.put("overdue", "超期未答复");
		v.put("aging", "临近或超过3个月未回应");
		v.put("supervised", "督办中");
		return java.util.Collections.unmodifiableMap(v);
	}

	private static Map<String, String> actionLabels() {
		Map<String, String> a = new HashMap<>();
		a.put("submitted", "提交");
		a.put("accepted", "受理");
		a.put("rejected", "不予受理");
		a.put("assigned", "转办");
		a.put("returned", "退回");
		a.put("extended", "延期");
		a.put("supervised", "督办");
		a.put("replied", "答复");
		a.put("withheld", "不公开");
		a.put("released", "恢复公开");
		a.put("concern", "社会关切");
		a.put("rated", "评价");
		a.put("reopened", "追问");
		return Map.copyOf(a);
	}
}
