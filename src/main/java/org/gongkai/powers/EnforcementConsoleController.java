package org.gongkai.powers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of enforcement publicity: the decisions of the actor's agencies with overdue and late markers, the
 * entry form, a decision's page with its publication and withdrawal steps, the entries of publicity before the act,
 * and the yearly figures of table 二 with the fee form.
 */
@Controller
class EnforcementConsoleController implements ConsoleMenuContributor {

	private static final int PAGE_SIZE = 30;

	private final EnforcementManagement management;

	private final DecisionQueries queries;

	private final EnforcementStatistics statistics;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Clock clock;

	EnforcementConsoleController(EnforcementManagement management, DecisionQueries queries, EnforcementStatistics statistics,
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
		return List.of(new ConsoleMenuItem(24, "行政执法公示", "/console/enforcement",
				a -> !a.token() && (a.isSystemAdmin() || !access.visibleAgencies(a).isEmpty())));
	}

	// ---- decisions ----------------------------------------------------------------------------------------

	@GetMapping("/console/enforcement")
	String list(@RequestParam(required = false) String agency, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.visibleAgencies(actor);
		List<Long> ids = options.stream().map(Agency::id).toList();
		if (Texts.trimToNull(agency) != null) {
			Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> DomainException.notFound("没有该单位"));
			if (!ids.contains(a.id())) {
				throw DomainException.forbidden("您没有查看该单位执法决定的权限");
			}
			ids = List.of(a.id());
		}
		DecisionKind k = choice(kind, "kind", DecisionKind.class);
		DecisionStatus s = choice(status, "status", DecisionStatus.class);
		int p = Math.min(Math.max(page, 1), 100_000);
		LocalDate today = today();
		List<Map<String, Object>> items = new ArrayList<>();
		List<Decision> found = new ArrayList<>(queries.staffList(ids, k, s, p, PAGE_SIZE + 1));
		boolean hasNext = found.size() > PAGE_SIZE;
		if (hasNext) {
			found.remove(PAGE_SIZE);
		}
		for (Decision d : found) {
			Map<String, Object> i = new HashMap<>();
			i.put("d", d);
			i.put("agencyName", agencies.requireById(d.agencyId()).name());
			i.put("overdue", d.overdue(today));
			items.add(i);
		}
		model.addAttribute("items", items);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("kinds", DecisionKind.values());
		model.addAttribute("statuses", DecisionStatus.values());
		Map<String, String> filter = new HashMap<>();
		filter.put("agency", agency == null ? "" : agency);
		filter.put("kind", k == null ? "" : k.name());
		filter.put("status", s == null ? "" : s.name());
		model.addAttribute("filter", filter);
		model.addAttribute("overdueCount", queries.overdue(ids).size());
		model.addAttribute("canEnter", !access.agenciesFor(actor, EnforcementManagement.STAFF).isEmpty());
		return "powers/enforcement-console-list";
	}

	@GetMapping("/console/enforcement/new")
	String newForm(Model model) {
		Actor actor = Actors.require();
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new HashMap<>();
			input.put("decidedOn", today().toString());
			input.put("kind", DecisionKind.PENALTY.name());
			input.put("partyType", DecisionPartyType.LEGAL_PERSON.name());
			Agency own = AgencyAccess.defaultChoice(actor, entryAgencies(actor));
			input.put("agency", own == null ? "" : own.code());
			model.addAttribute("input", input);
		}
		return newPage(actor, model);
	}

	private String newPage(Actor actor, Model model) {
		List<Agency> options = entryAgencies(actor);
		if (options.isEmpty()) {
			throw DomainException.forbidden("只有执法机关的信息编辑或单位管理员可以登记执法决定");
		}
		model.addAttribute("agencyOptions", options);
		model.addAttribute("kinds", DecisionKind.values());
		model.addAttribute("partyTypes", DecisionPartyType.values());
		return "powers/enforcement-console-new";
	}

	@PostMapping("/console/enforcement/new")
	String register(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = Actors.require();
		return ConsoleForms.attempt(model, () -> {
			Long agencyId = Texts.trimToNull(params.get("agency")) == null ? null
					: agencies.findByCode(params.get("agency").trim()).map(Agency::id).orElse(null);
			Decision d = management.register(new DecisionSubmission(agencyId, choice(params.get("kind"), "kind", DecisionKind.class),
					params.get("decisionNumber"), choice(params.get("partyType"), "partyType", DecisionPartyType.class),
					params.get("party"), params.get("partyCreditCode"), params.get("partyIdNumber"), params.get("category"),
					date(params.get("decidedOn"), "decidedOn"), params.get("content"), params.get("basis"),
					amount(params.get("amountYuan"), "amountYuan"), date(params.get("validUntil"), "validUntil")));
			redirect.addFlashAttribute("notice", "已登记" + d.kind().label() + "决定 " + d.decisionNumber() + "，应在 " + d.publishBy() + " 前公示");
			return "redirect:/console/enforcement/decisions/" + d.id();
		}, () -> {
			model.addAttribute("input", params);
			return newPage(actor, model);
		});
	}

	@GetMapping("/console/enforcement/decisions/{id}")
	String view(@PathVariable long id, Model model) {
		Decision d = queries.staffView(id);
		Actor actor = Actors.require();
		Agency agency = agencies.requireById(d.agencyId());
		model.addAttribute("d", d);
		model.addAttribute("masked", !EnforcementRules.seesPersonalData(actor, d.agencyId()));
		model.addAttribute("agency", agency);
		model.addAttribute("overdue", d.overdue(today()));
		model.addAttribute("canAct", access.allows(actor, d.agencyId(), EnforcementManagement.STAFF));
		model.addAttribute("changeKinds", DecisionChangeKind.values());
		model.addAttribute("publicPath", d.hasPublicPage() ? EnforcementPaths.item(agency, d.id()) : null);
		model.addAttribute("publishDays", EnforcementRules.publishWorkingDays(d.kind()));
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of("date", today().toString()));
		}
		return "powers/enforcement-console-view";
	}

	@PostMapping("/console/enforcement/decisions/{id}/publish")
	String publish(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Decision d = management.publish(id);
		redirect.addFlashAttribute("notice", Boolean.TRUE.equals(d.publicationLate()) ? "已公示（逾期：公示期限为 " + d.publishBy() + "）" : "已公示");
		return "redirect:/console/enforcement/decisions/" + id;
	}

	@PostMapping("/console/enforcement/decisions/{id}/change")
	String change(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			Decision d = management.change(id, choice(params.get("kind"), "kind", DecisionChangeKind.class),
					date(params.get("date"), "date"), params.get("reason"));
			redirect.addFlashAttribute("notice", "已登记" + d.changeKind().label() + (d.publishedOn() != null ? "，公示已撤回，撤回说明已公开" : ""));
			return "redirect:/console/enforcement/decisions/" + id;
		}, () -> {
			model.addAttribute("input", params);
			return view(id, model);
		});
	}

	// ---- publicity before the act -------------------------------------------------------------------------

	@GetMapping("/console/enforcement/publicity")
	String publicity(@RequestParam(required = false) String agency, @RequestParam(required = false) Long edit, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = entryAgencies(actor);
		Agency chosen = chosen(actor, options, agency);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("agency", chosen);
		model.addAttribute("sections", EnforcementSection.values());
		model.addAttribute("entries", chosen == null ? List.of() : queries.entries(chosen.id()));
		model.addAttribute("columnPath", chosen == null ? null : EnforcementPaths.column(chosen));
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new HashMap<>();
			input.put("section", EnforcementSection.BODY.name());
			if (edit != null && chosen != null) {
				EnforcementEntry e = queries.entries(chosen.id()).stream().filter(x -> x.id() == edit).findFirst()
					.orElseThrow(() -> DomainException.notFound("该公示事项不存在"));
				input.put("id", String.valueOf(e.id()));
				input.put("section", e.section().name());
				input.put("title", e.title());
				input.put("body", e.body() == null ? "" : e.body());
				input.put("certificateNumber", e.certificateNumber() == null ? "" : e.certificateNumber());
				input.put("area", e.area() == null ? "" : e.area());
				input.put("position", String.valueOf(e.position()));
			}
			model.addAttribute("input", input);
		}
		return "powers/enforcement-console-publicity";
	}

	@PostMapping("/console/enforcement/publicity")
	String saveEntry(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Agency agency = agencies.findByCode(String.valueOf(params.get("agency")).trim())
			.orElseThrow(() -> DomainException.notFound("没有该单位"));
		return ConsoleForms.attempt(model, () -> {
			Long id = Texts.trimToNull(params.get("id")) == null ? null : (long) integer(params.get("id"), "id");
			Integer position = Texts.trimToNull(params.get("position")) == null ? null : integer(params.get("position"), "position");
			EnforcementEntry e = management.saveEntry(agency.id(), id, choice(params.get("section"), "section", EnforcementSection.class),
					params.get("title"), params.get("body"), params.get("certificateNumber"), params.get("area"), position);
			redirect.addFlashAttribute("notice", "已保存：" + e.section().label() + "《" + e.title() + "》");
			return "redirect:/console/enforcement/publicity?agency=" + agency.code();
		}, () -> {
			model.addAttribute("input", params);
			return publicity(agency.code(), null, model);
		});
	}

	@PostMapping("/console/enforcement/publicity/{id}/delete")
	String deleteEntry(@PathVariable long id, @RequestParam String agency, RedirectAttributes redirect) {
		Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> DomainException.notFound("没有该单位"));
		management.deleteEntry(a.id(), id);
		redirect.addFlashAttribute("notice", "已删除");
		return "redirect:/console/enforcement/publicity?agency=" + a.code();
	}

	// ---- statistics and fees ------------------------------------------------------------------------------

	@GetMapping("/console/enforcement/statistics")
	String statistics(@RequestParam(required = false) String agency, @RequestParam(required = false) String year, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.visibleAgencies(actor);
		Agency chosen = chosen(actor, options, agency);
		int y = Texts.trimToNull(year) == null ? today().getYear() : integer(year, "year");
		if (y < 2000 || y > 2100) {
			throw InvalidInputException.of("year", "年度应为2000至2100年");
		}
		model.addAttribute("agencyOptions", options);
		model.addAttribute("agency", chosen);
		model.addAttribute("year", y);
		model.addAttribute("years", IntStream.rangeClosed(Math.max(2000, today().getYear() - 5), today().getYear()).boxed()
			.sorted((a, b) -> b - a).toList());
		if (chosen != null) {
			model.addAttribute("table2", statistics.table2(chosen.id(), y));
			model.addAttribute("publication", statistics.publication(List.of(chosen.id()), y));
			model.addAttribute("canSetFee", access.allows(actor, chosen.id(), EnforcementManagement.FEE_EDITORS));
		}
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "powers/enforcement-console-statistics";
	}

	@PostMapping("/console/enforcement/fees")
	String setFee(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Agency agency = agencies.findByCode(String.valueOf(params.get("agency")).trim())
			.orElseThrow(() -> DomainException.notFound("没有该单位"));
		return ConsoleForms.attempt(model, () -> {
			Integer y = integer(params.get("year"), "year");
			management.setFee(agency.id(), y, amount(params.get("amount"), "amount"));
			redirect.addFlashAttribute("notice", "已保存" + y + "年行政事业性收费金额");
			return "redirect:/console/enforcement/statistics?agency=" + agency.code() + "&year=" + y;
		}, () -> {
			model.addAttribute("input", params);
			return statistics(agency.code(), params.get("year"), model);
		});
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private List<Agency> entryAgencies(Actor actor) {
		return access.agenciesFor(actor, EnforcementManagement.STAFF).stream().filter(Agency::active).toList();
	}

	private Agency chosen(Actor actor, List<Agency> options, String code) {
		if (Texts.trimToNull(code) == null) {
			return AgencyAccess.defaultChoice(actor, options);
		}
		return options.stream().filter(a -> a.code().equals(code.trim())).findFirst()
			.orElseThrow(() -> DomainException.forbidden("您没有管理该单位执法公示的权限"));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private static <E extends Enum<E>> E choice(String value, String field, Class<E> type) {
		if (Texts.trimToNull(value) == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "请从列表中选择");
		}
	}

	private static LocalDate date(String value, String field) {
		if (Texts.trimToNull(value) == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, "日期格式应为 年-月-日，如 2026-03-02");
		}
	}

	private static Integer integer(String value, String field) {
		try {
			return Integer.valueOf(String.valueOf(value).trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "请填写整数");
		}
	}

	private static BigDecimal amount(String value, String field) {
		if (Texts.trimToNull(value) == null) {
			return null;
		}
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "请填写数字金额");
		}
	}
}
