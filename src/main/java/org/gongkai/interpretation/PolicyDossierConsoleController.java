package org.gongkai.interpretation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.gongkai.publication.Document;
import org.gongkai.publication.PublicationQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages around the policies: a policy's 解读与回应 dossier (the plan, the risk assessment, the
 * leader's waiver, its interpretations and timeliness duty), the agency's interpretation settings, and the
 * yearly figures.
 */
@Controller
class PolicyDossierConsoleController {

	/** Years offered on the statistics page, counting back from the current one. */
	private static final int YEARS_OFFERED = 6;

	/** The settings form as entered, shown again when it is refused. */
	public record SettingInput(String deadlineDays, boolean waiverAllowed, String principalLeaderTarget) {
	}

	private final PolicyDossiers dossiers;

	private final InterpretationSettings settings;

	private final InterpretationStatistics statistics;

	private final InterpretationQueries queries;

	private final PublicationQueries documents;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Clock clock;

	PolicyDossierConsoleController(PolicyDossiers dossiers, InterpretationSettings settings,
			InterpretationStatistics statistics, InterpretationQueries queries, PublicationQueries documents,
			AgencyDirectory agencies, AgencyAccess access, Clock clock) {
		this.dossiers = dossiers;
		this.settings = settings;
		this.statistics = statistics;
		this.queries = queries;
		this.documents = documents;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	// ---- a policy's dossier -----------------------------------------------------------------------------

	@GetMapping("/console/interpretation/policies/{documentId}")
	String policy(@PathVariable long documentId, Model model) {
		Document doc = documents.staffView(documentId);
		Agency a = agencies.requireById(doc.agencyId());
		Actor actor = Actors.require();
		PolicyDossier dossier = dossiers.of(documentId);
		InterpretationSettings.Setting setting = settings.of(a.id());
		Obligation obligation = dossiers.obligation(documentId).orElse(null);
		if (!model.containsAttribute("plan")) {
			model.addAttribute("plan", new PolicyDossiers.Plan(dossier.needsInterpretation(), dossier.planOn(),
					dossier.planChannels(), dossier.planForms(), dossier.planOutline()));
		}
		if (!model.containsAttribute("risk")) {
			model.addAttribute("risk", new PolicyDossiers.Risk(dossier.drawsAttention(), dossier.riskLevel(),
					dossier.riskAssessment(), dossier.responsePlan()));
		}
		boolean editor = access.allows(actor, a.id(), Role.EDITOR, Role.AGENCY_ADMIN);
		model.addAttribute("doc", doc);
		model.addAttribute("agency", a);
		model.addAttribute("dossier", dossier);
		model.addAttribute("setting", setting);
		model.addAttribute("requires", dossiers.requiresInterpretation(documentId));
		model.addAttribute("obligation", obligation);
		model.addAttribute("obligationState", obligation == null ? null : obligation.state(today()));
		model.addAttribute("interpretations", queries.staffOf(documentId));
		model.addAttribute("riskLevels", PolicyDossier.RiskLevel.values());
		model.addAttribute("zone", Zones.CHINA);
		model.addAttribute("canEdit", editor);
		model.addAttribute("canCreate", editor && a.active());
		model.addAttribute("canWaive", access.allows(actor, a.id(), Role.APPROVER) && !doc.status().isFinal());
		return "interpretation/console-policy";
	}

	@PostMapping("/console/interpretation/policies/{documentId}/plan")
	String savePlan(@PathVariable long documentId, @RequestParam(defaultValue = "false") boolean needsInterpretation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate planOn,
			@RequestParam(required = false) String channels, @RequestParam(required = false) String forms,
			@RequestParam(required = false) String outline, Model model, RedirectAttributes redirect) {
		PolicyDossiers.Plan plan = new PolicyDossiers.Plan(needsInterpretation, planOn, channels, forms, outline);
		return ConsoleForms.attempt(model, () -> {
			dossiers.savePlan(documentId, plan);
			redirect.addFlashAttribute("notice", "解读方案已保存");
			return "redirect:/console/interpretation/policies/" + documentId;
		}, () -> {
			model.addAttribute("plan", plan);
			return policy(documentId, model);
		});
	}

	@PostMapping("/console/interpretation/policies/{documentId}/risk")
	String saveRisk(@PathVariable long documentId, @RequestParam(defaultValue = "false") boolean drawsAttention,
			@RequestParam(required = false) PolicyDossier.RiskLevel riskLevel,
			@RequestParam(required = false) String riskAssessment, @RequestParam(required = false) String responsePlan,
			Model model, RedirectAttributes redirect) {
		PolicyDossiers.Risk risk = new PolicyDossiers.Risk(drawsAttention, riskLevel, riskAssessment, responsePlan);
		return ConsoleForms.attempt(model, () -> {
			dossiers.saveRisk(documentId, risk);
			redirect.addFlashAttribute("notice", "舆情风险评估和回应预案已保存");
			return "redirect:/console/interpretation/policies/" + documentId + "#risk-title";
		}, () -> {
			model.addAttribute("risk", risk);
			return policy(documentId, model);
		});
	}

	@PostMapping("/console/interpretation/policies/{documentId}/waive")
	String waive(@PathVariable long documentId, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			dossiers.waive(documentId, reason);
			redirect.addFlashAttribute("notice", "已记录无需解读的理由");
			return "redirect:/console/interpretation/policies/" + documentId;
		}, () -> {
			model.addAttribute("waiverInput", reason);
			return policy(documentId, model);
		});
	}

	@PostMapping("/console/interpretation/policies/{documentId}/waive/clear")
	String clearWaiver(@PathVariable long documentId, RedirectAttributes redirect) {
		dossiers.clearWaiver(documentId);
		redirect.addFlashAttribute("notice", "已撤销无需解读的记录，须按三同步提交解读材料");
		return "redirect:/console/interpretation/policies/" + documentId;
	}

	// ---- settings ---------------------------------------------------------------------------------------

	/** The chosen agency among the options, or the default choice; 403 for an agency not among them. */
	private static Agency choose(AgencyDirectory agencies, Actor actor, List<Agency> options, String code, String denied) {
		if (code != null && !code.isBlank()) {
			Agency a = agencies.requireByCode(code);
			if (options.stream().noneMatch(o -> o.id() == a.id())) {
				throw DomainException.forbidden(denied);
			}
			return a;
		}
		return AgencyAccess.defaultChoice(actor, options);
	}

	@GetMapping("/console/interpretation/settings")
	String settingsPage(@RequestParam(required = false) String agency, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, Role.AGENCY_ADMIN).stream().filter(Agency::active).toList();
		Agency a = choose(agencies, actor, options, agency, "只有单位管理员可以修改该单位的政策解读设置");
		model.addAttribute("agencyOptions", options);
		model.addAttribute("selected", a);
		if (a != null && !model.containsAttribute("input")) {
			InterpretationSettings.Setting s = settings.of(a.id());
			model.addAttribute("input", new SettingInput(String.valueOf(s.deadlineDays()), s.waiverAllowed(),
					String.valueOf(s.principalLeaderTarget())));
		}
		model.addAttribute("maxDeadline", InterpretationRules.MAX_DEADLINE_WORKING_DAYS);
		model.addAttribute("nationalTarget", InterpretationRules.PRINCIPAL_LEADER_TARGET);
		return "interpretation/console-settings";
	}

	@PostMapping("/console/interpretation/settings")
	String saveSettings(@RequestParam String agency, @RequestParam(required = false) Integer deadlineDays,
			@RequestParam(defaultValue = "false") boolean waiverAllowed,
			@RequestParam(required = false) Integer principalLeaderTarget, Model model, RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			if (deadlineDays == null) {
				throw InvalidInputException.of("deadlineDays", "请填写解读发布时限（0至"
						+ InterpretationRules.MAX_DEADLINE_WORKING_DAYS + "个工作日）");
			}
			if (principalLeaderTarget == null) {
				throw InvalidInputException.of("principalLeaderTarget", "请填写主要负责人年度解读目标（次）");
			}
			settings.change(a.id(), new InterpretationSettings.Setting(deadlineDays, waiverAllowed, principalLeaderTarget));
			redirect.addFlashAttribute("notice", "政策解读设置已保存");
			return "redirect:/console/interpretation/settings?agency=" + a.code();
		}, () -> {
			model.addAttribute("input", new SettingInput(deadlineDays == null ? "" : String.valueOf(deadlineDays),
					waiverAllowed, principalLeaderTarget == null ? "" : String.valueOf(principalLeaderTarget)));
			return settingsPage(agency, model);
		});
	}

	// ---- statistics -------------------------------------------------------------------------------------

	@GetMapping("/console/interpretation/statistics")
	String statisticsPage(@RequestParam(required = false) String agency, @RequestParam(required = false) Integer year,
			Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.visibleAgencies(actor).stream().filter(Agency::active).toList();
		Agency a = choose(agencies, actor, options, agency, "您没有查看该单位统计的权限");
		int current = today().getYear();
		int y = year == null ? current : year;
		if (y < current - 50 || y > current) {
			throw InvalidInputException.of("year", "统计年度应为 " + (current - 50) + " 至 " + current + " 年");
		}
		model.addAttribute("agencyOptions", options);
		model.addAttribute("selected", a);
		model.addAttribute("year", y);
		model.addAttribute("years", IntStream.rangeClosed(0, YEARS_OFFERED - 1).map(n -> current - n).boxed().toList());
		model.addAttribute("forms", InterpretationForm.values());
		model.addAttribute("today", today());
		if (a != null) {
			model.addAttribute("figures", statistics.of(a.id(), y));
			model.addAttribute("isAdmin", access.allows(actor, a.id(), Role.AGENCY_ADMIN));
		}
		return "interpretation/console-statistics";
	}
}
