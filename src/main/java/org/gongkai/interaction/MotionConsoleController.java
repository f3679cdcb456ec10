package org.gongkai.interaction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

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
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of suggestion and proposal handling: the queue of the actor's units by deadline with overdue and
 * due-soon markers, the registration form of the dispatcher, a motion's page with the steps its state and the
 * actor's roles allow, the year's arrangement and the yearly statistics.
 */
@Controller
class MotionConsoleController implements ConsoleMenuContributor {

	private static final int PAGE_SIZE = 30;

	/** The queue's status filter value for every status. */
	static final String ALL_STATUSES = "ALL";

	private final MotionManagement management;

	private final MotionQueries queries;

	private final MotionStatistics statistics;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Clock clock;

	MotionConsoleController(MotionManagement management, MotionQueries queries, MotionStatistics statistics,
			AgencyDirectory agencies, AgencyAccess access, Clock clock) {
		this.management = management;
		this.queries = queries;
		this.statistics = statistics;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(22, "建议提案", "/console/motions",
				a -> !a.token() && (a.isSystemAdmin() || !access.visibleAgencies(a).isEmpty())));
	}

	// ---- the queue ----------------------------------------------------------------------------------------

	@GetMapping("/console/motions")
	String queue(@RequestParam(required = false) String year, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String status, @RequestParam(required = false) String agency,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.visibleAgencies(actor);
		List<Long> ids = options.stream().map(Agency::id).toList();
		if (Texts.trimToNull(agency) != null) {
			Agency a = agencies.requireByCode(agency.trim());
			if (!ids.contains(a.id())) {
				throw DomainException.forbidden("您没有查看该单位建议提案的权限");
			}
			ids = List.of(a.id());
		}
		Integer y = Texts.trimToNull(year) == null ? null : integer(year, "year", "年度");
		MotionKind k = choice(kind, "kind", MotionKind.class);
		boolean all = ALL_STATUSES.equals(status);
		MotionStatus s = all ? null : choice(status, "status", MotionStatus.class);
		int p = Math.min(Math.max(page, 1), 100_000);
		List<MotionQueries.QueueItem> items = new ArrayList<>(queries.queue(ids, y, k, s, s == null && !all, p, PAGE_SIZE + 1));
		boolean hasNext = items.size() > PAGE_SIZE;
		if (hasNext) {
			items.remove(PAGE_SIZE);
		}
		model.addAttribute("items", items);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("agencyNames", names());
		model.addAttribute("agencyOptions", options);
		model.addAttribute("years", yearsOffered());
		model.addAttribute("kinds", MotionKind.values());
		model.addAttribute("statuses", MotionStatus.values());
		Map<String, String> filter = new HashMap<>();
		filter.put("year", y == null ? "" : y.toString());
		filter.put("kind", k == null ? "" : k.name());
		filter.put("status", status == null ? "" : status);
		filter.put("agency", agency == null ? "" : agency);
		model.addAttribute("filter", filter);
		model.addAttribute("canRegister", !dispatchedUnits(actor).isEmpty());
		model.addAttribute("canArrange", management.canArrange(actor));
		model.addAttribute("dueSoonDays", MotionQueries.DUE_SOON_DAYS);
		return "interaction/motion-console-queue";
	}

	// ---- registration -------------------------------------------------------------------------------------

	@GetMapping("/console/motions/new")
	String newForm(Model model) {
		Actor actor = Actors.require();
		if (dispatchedUnits(actor).isEmpty()) {
			throw DomainException.forbidden("只有政务公开办或单位管理员可以登记交办建议提案");
		}
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new HashMap<>();
			input.put("year", String.valueOf(today().getYear()));
			input.put("assignedOn", today().toString());
			model.addAttribute("input", input);
			model.addAttribute("chosenCoUnits", List.of());
		}
		return newPage(actor, model);
	}

	private String newPage(Actor actor, Model model) {
		model.addAttribute("leadOptions", dispatchedUnits(actor).stream().filter(Agency::active).toList());
		model.addAttribute("unitOptions", agencies.active());
		model.addAttribute("kinds", MotionKind.values());
		model.addAttribute("failed", "register");
		return "interaction/motion-console-new";
	}

	@PostMapping("/console/motions/new")
	String register(@RequestParam Map<String, String> params, @RequestParam MultiValueMap<String, String> multi, Model model,
			RedirectAttributes redirect) {
		Actor actor = Actors.require();
		List<String> coCodes = multi.getOrDefault("coUnits", List.of());
		return ConsoleForms.attempt(model, () -> {
			Motion m = management.register(new MotionRegistration(integer(params.get("year"), "year", "年度"),
					choice(params.get("kind"), "kind", MotionKind.class), params.get("number"), params.get("sessionLabel"),
					params.get("title"), params.get("content"), params.get("proposers"), params.get("proposerContact"),
					unit(params.get("leadUnit"), "leadUnit"), units(coCodes), date(params.get("assignedOn"), "assignedOn", "交办日期"),
					date(params.get("dueOn"), "dueOn", "答复期限")));
			redirect.addFlashAttribute("notice", "已登记交办：" + m.year() + "年" + m.numberLabel() + "，答复期限 " + m.dueOn() + "（" + m.dueRule() + "）");
			return "redirect:/console/motions/" + m.id();
		}, () -> {
			model.addAttribute("input", params);
			model.addAttribute("chosenCoUnits", coCodes);
			return newPage(actor, model);
		});
	}

	// ---- a motion -----------------------------------------------------------------------------------------

	@GetMapping("/console/motions/{id}")
	String view(@PathVariable long id, Model model) {
		Motion m = queries.staffView(id);
		Actor actor = Actors.require();
		LocalDate today = today();
		Agency lead = agencies.requireById(m.leadUnit());
		List<MotionCoUnit> coUnits = queries.coUnits(id);
		boolean leadStaff = access.allows(actor, m.leadUnit(), MotionManagement.UNIT_STAFF);
		boolean publisher = access.allows(actor, m.leadUnit(), MotionManagement.PUBLISHERS);
		boolean dispatcher = management.isDispatcher(actor, m.leadUnit());
		boolean supervisor = access.allows(actor, m.leadUnit(), Role.SUPERVISOR);
		boolean awaiting = m.status().awaitingReply();
		MotionYear year = management.arrangement(m.year());
		List<MotionConsultation> consultations = queries.consultations(id);
		model.addAttribute("m", m);
		model.addAttribute("lead", lead);
		model.addAttribute("year", year);
		model.addAttribute("today", today);
		model.addAttribute("overdue", m.overdue(today));
		model.addAttribute("dueSoon", m.dueSoon(today, MotionQueries.DUE_SOON_DAYS));
		model.addAttribute("coUnits", coUnits);
		model.addAttribute("coUnitNames", coUnits.stream().map(u -> agencies.requireById(u.agencyId()).name()).toList());
		model.addAttribute("zone", Zones.CHINA);
		model.addAttribute("agencyNames", names());
		model.addAttribute("consultations", consultations);
		model.addAttribute("replies", queries.replies(id));
		model.addAttribute("history", queries.history(id));
		model.addAttribute("actionLabels", MotionManagement.STEP_LABELS);
		model.addAttribute("needsConsultation", year.consultationRequired()
				&& consultations.stream().noneMatch(c -> c.round() == m.round()));
		// the co-units the actor writes for
		model.addAttribute("opinionUnits", awaiting ? coUnits.stream()
			.filter(u -> access.allows(actor, u.agencyId(), MotionManagement.UNIT_STAFF))
			.map(u -> agencies.requireById(u.agencyId()))
			.toList() : List.of());
		model.addAttribute("canAccept", leadStaff && m.status() == MotionStatus.REGISTERED);
		model.addAttribute("canChangeUnits", dispatcher && awaiting);
		// a deadline that has passed is moved only by a supervisor (MotionManagement.setDeadline)
		model.addAttribute("canSetDeadline", dispatcher && awaiting && (supervisor || !m.dueOn().isBefore(today)));
		model.addAttribute("canConsult", leadStaff && awaiting);
		model.addAttribute("canReply", leadStaff && awaiting);
		model.addAttribute("canPublish", publisher && !awaiting && m.repliedOn() != null
				&& !(m.isPublic() && m.publishedRound() != null && m.publishedRound() == m.round()));
		model.addAttribute("canWithdraw", (publisher || supervisor) && m.isPublic());
		model.addAttribute("canFeedback", (leadStaff || supervisor) && m.status() == MotionStatus.REPLIED);
		model.addAttribute("canRehandle", dispatcher && m.status() == MotionStatus.REPLIED
				&& m.feedback() == MotionFeedback.UNSATISFIED && m.round() == 1);
		model.addAttribute("canClose", dispatcher && m.status() == MotionStatus.REPLIED);
		model.addAttribute("forms", MotionConsultationForm.values());
		model.addAttribute("categories", MotionCategory.values());
		model.addAttribute("decisions", MotionPublication.values());
		model.addAttribute("feedbacks", MotionFeedback.values());
		model.addAttribute("unitOptions", agencies.active());
		model.addAttribute("chosenCoUnits", coUnits.stream().map(u -> agencies.requireById(u.agencyId()).code()).toList());
		model.addAttribute("publicPath", m.isPublic() ? MotionPaths.item(m.id()) : null);
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "interaction/motion-console-view";
	}

	/** Runs one step: back to the motion with a notice, or its page with the field messages under that step's form. */
	private String act(long id, String step, Map<String, String> params, Model model, RedirectAttributes redirect,
			Supplier<String> action) {
		try {
			return ConsoleForms.attempt(model, () -> {
				redirect.addFlashAttribute("notice", action.get());
				return "redirect:/console/motions/" + id;
			}, () -> {
				model.addAttribute("failed", step);
				model.addAttribute("input", params);
				return view(id, model);
			});
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			// not allowed in the motion's state (e.g. a reply before the consultation): the page again with the reason
			model.addAttribute("error", e.getMessage());
			model.addAttribute("failed", step);
			model.addAttribute("input", params);
			return view(id, model);
		}
	}

	@PostMapping("/console/motions/{id}/accept")
	String accept(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "accept", params, model, redirect, () -> {
			management.accept(id);
			return "已签收，进入办理";
		});
	}

	@PostMapping("/console/motions/{id}/units")
	String units(@PathVariable long id, @RequestParam Map<String, String> params, @RequestParam MultiValueMap<String, String> multi,
			Model model, RedirectAttributes redirect) {
		return act(id, "units", params, model, redirect, () -> {
			Motion m = management.changeUnits(id, unit(params.get("leadUnit"), "leadUnit"),
					units(multi.getOrDefault("coUnits", List.of())), params.get("reason"));
			return "已调整承办单位，主办单位：" + agencies.requireById(m.leadUnit()).name();
		});
	}

	@PostMapping("/console/motions/{id}/deadline")
	String deadline(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "deadline", params, model, redirect, () -> {
			Motion m = management.setDeadline(id, date(params.get("dueOn"), "dueOn", "答复期限"), params.get("reason"));
			return "答复期限已改为 " + m.dueOn();
		});
	}

	@PostMapping("/console/motions/{id}/opinions")
	String opinion(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		String step = "opinion-" + params.getOrDefault("agency", "");
		return act(id, step, params, model, redirect, () -> {
			Long unit = unit(params.get("agency"), "agency");
			if (unit == null) {
				throw InvalidInputException.of("opinion", "请选择协办单位");
			}
			management.coUnitOpinion(id, unit, params.get("opinion"), date(params.get("opinionOn"), "opinionOn", "提出协办意见之日"));
			return "协办意见已提交";
		});
	}

	@PostMapping("/console/motions/{id}/consultations")
	String consult(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "consult", params, model, redirect, () -> {
			MotionConsultation c = management.recordConsultation(id, date(params.get("heldOn"), "heldOn", "面商日期"),
					choice(params.get("form"), "form", MotionConsultationForm.class), params.get("participants"),
					params.get("summary"));
			return "已登记 " + c.heldOn() + " 的" + c.form().label() + "面商";
		});
	}

	@PostMapping("/console/motions/{id}/reply")
	String reply(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "reply", params, model, redirect, () -> {
			Motion m = management.reply(id, choice(params.get("category"), "category", MotionCategory.class), params.get("content"),
					date(params.get("repliedOn"), "repliedOn", "答复日期"));
			return "已答复" + (Boolean.TRUE.equals(m.replyLate()) ? "（逾期答复）" : "") + "。请在 " + m.publishDueOn()
					+ (m.publishDueProvisional() ? "（暂定）" : "") + " 前决定公开方式并公开";
		});
	}

	@PostMapping("/console/motions/{id}/publication")
	String publication(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		return act(id, "publication", params, model, redirect, () -> {
			Motion m = management.decidePublication(id, choice(params.get("decision"), "decision", MotionPublication.class),
					params.get("reason"), params.get("summary"));
			return "公开方式：" + m.publication().label() + (Boolean.TRUE.equals(m.publicationLate()) ? "（超过公开时限）" : "");
		});
	}

	@PostMapping("/console/motions/{id}/publication/withdraw")
	String withdraw(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "withdraw", params, model, redirect, () -> {
			management.withdrawPublication(id, params.get("reason"));
			return "已撤回公开";
		});
	}

	@PostMapping("/console/motions/{id}/feedback")
	String feedback(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "feedback", params, model, redirect, () -> {
			Motion m = management.recordFeedback(id, choice(params.get("feedback"), "feedback", MotionFeedback.class),
					params.get("note"), date(params.get("feedbackOn"), "feedbackOn", "收到意见之日"));
			return "已登记提出人意见：" + m.feedback().label();
		});
	}

	@PostMapping("/console/motions/{id}/rehandle")
	String rehandle(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "rehandle", params, model, redirect, () -> {
			Motion m = management.rehandle(id, date(params.get("dueOn"), "dueOn", "答复期限"), params.get("reason"));
			return "已交主办单位重新办理，答复期限 " + m.dueOn();
		});
	}

	@PostMapping("/console/motions/{id}/close")
	String close(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "close", params, model, redirect, () -> {
			management.close(id);
			return "已办结";
		});
	}

	// ---- the year's arrangement ---------------------------------------------------------------------------

	@GetMapping("/console/motions/years")
	String years(@RequestParam(required = false) Integer year, Model model) {
		Actor actor = Actors.require();
		if (!management.canArrange(actor)) {
			throw DomainException.forbidden("只有本级政务公开办（交办单位）可以设置建议提案年度办理安排");
		}
		int y = year == null ? today().getYear() : year;
		MotionYear arrangement = management.arrangement(y);
		model.addAttribute("selectedYear", y);
		model.addAttribute("arrangement", arrangement);
		model.addAttribute("years", yearsOffered());
		model.addAttribute("arranged", queries.arrangedYears());
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new HashMap<>();
			input.put("suggestionSession", arrangement.suggestionSession() == null ? "" : arrangement.suggestionSession());
			input.put("proposalSession", arrangement.proposalSession() == null ? "" : arrangement.proposalSession());
			input.put("replyMonths", String.valueOf(arrangement.replyMonths()));
			input.put("fixedDueOn", arrangement.fixedDueOn() == null ? "" : arrangement.fixedDueOn().toString());
			input.put("publishDays", String.valueOf(arrangement.publishDays()));
			input.put("consultationRequired", String.valueOf(arrangement.consultationRequired()));
			model.addAttribute("input", input);
		}
		model.addAttribute("failed", "year");
		return "interaction/motion-console-years";
	}

	@PostMapping("/console/motions/years")
	String arrange(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Integer y = integer(params.get("year"), "year", "年度");
		return ConsoleForms.attempt(model, () -> {
			if (y == null) {
				throw InvalidInputException.of("year", "请选择年度");
			}
			management.arrange(y, params.get("suggestionSession"), params.get("proposalSession"),
					integer(params.get("replyMonths"), "replyMonths", "答复期限"), date(params.get("fixedDueOn"), "fixedDueOn", "统一答复期限"),
					integer(params.get("publishDays"), "publishDays", "公开时限"), "true".equals(params.get("consultationRequired")));
			redirect.addFlashAttribute("notice", y + "年度办理安排已保存");
			return "redirect:/console/motions/years?year=" + y;
		}, () -> {
			model.addAttribute("input", params);
			return years(y, model);
		});
	}

	// ---- statistics ---------------------------------------------------------------------------------------

	@GetMapping("/console/motions/statistics")
	String statisticsPage(@RequestParam(required = false) Integer year, Model model) {
		Actors.require();
		int y = year == null ? today().getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("years", yearsOffered());
		model.addAttribute("units", statistics.byUnit(y));
		model.addAttribute("total", statistics.summary(y));
		return "interaction/motion-console-statistics";
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	/** The units the actor may assign motions to as their dispatcher. */
	private List<Agency> dispatchedUnits(Actor actor) {
		return agencies.all().stream().filter(a -> management.isDispatcher(actor, a.id())).toList();
	}

	private List<Integer> yearsOffered() {
		int current = today().getYear();
		List<Integer> years = new ArrayList<>(IntStream.rangeClosed(-1, 5).map(n -> current - n).boxed().toList());
		for (Integer y : queries.years()) {
			if (!years.contains(y)) {
				years.add(y);
			}
		}
		years.sort(java.util.Comparator.reverseOrder());
		return years;
	}

	private Map<Long, String> names() {
		Map<Long, String> names = new LinkedHashMap<>();
		agencies.all().forEach(a -> names.put(a.id(), a.name()));
		return names;
	}

	private Long unit(String code, String field) {
		if (Texts.trimToNull(code) == null) {
			return null;
		}
		return agencies.findByCode(code.trim())
			.map(Agency::id)
			.orElseThrow(() -> InvalidInputException.of(field, "没有代码为“" + code + "”的单位"));
	}

	private List<Long> units(List<String> codes) {
		List<Long> out = new ArrayList<>();
		for (String c : codes) {
			if (Texts.trimToNull(c) != null) {
				out.add(unit(c, "coUnits"));
			}
		}
		return out;
	}

	static LocalDate date(String text, String field, String label) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, label + "格式不正确，请按“年-月-日”填写，如 2026-01-05");
		}
	}

	static Integer integer(String text, String field, String label) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, label + "应为整数");
		}
	}

	static <E extends Enum<E>> E choice(String text, String field, Class<E> type) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "请从列表中选择");
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}
}
