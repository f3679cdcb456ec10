package org.gongkai.publication;

import java.time.LocalDate;
import java.util.List;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages around items: the normative-document ledger, issuing bodies and cleanup rounds; the
 * agency's publication settings and on-request catalogue; the sensitive-word list.
 */
@Controller
class PublicationAdminConsoleController implements ConsoleMenuContributor {

	private final NormativeDocuments normative;

	private final PublicationSettings settings;

	private final OnRequestCatalog onRequest;

	private final SensitiveWords sensitiveWords;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	PublicationAdminConsoleController(NormativeDocuments normative, PublicationSettings settings,
			OnRequestCatalog onRequest, SensitiveWords sensitiveWords, AgencyDirectory agencies, AgencyAccess access) {
		this.normative = normative;
		this.settings = settings;
		this.onRequest = onRequest;
		this.sensitiveWords = sensitiveWords;
		this.agencies = agencies;
		this.access = access;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(16, "规范性文件", "/console/normative", a -> !a.token()),
				new ConsoleMenuItem(17, "发布设置", "/console/publication-settings",
						a -> a.isSystemAdmin() || a.hasRole(Role.AGENCY_ADMIN) || a.hasRole(Role.SUPERVISOR)),
				new ConsoleMenuItem(70, "敏感词", "/console/sensitive-words", Actor::isSystemAdmin));
	}

	private Agency selected(String agency) {
		Actor actor = Actors.require();
		List<Agency> visible = access.visibleAgencies(actor).stream().filter(Agency::active).toList();
		if (agency != null && !agency.isBlank()) {
			Agency a = agencies.requireByCode(agency);
			if (visible.stream().noneMatch(v -> v.id() == a.id())) {
				throw DomainException.forbidden("您没有查看该单位的权限");
			}
			return a;
		}
		return AgencyAccess.defaultChoice(actor, visible);
	}

	@GetMapping("/console/normative")
	String normative(@RequestParam(required = false) String agency, Model model) {
		Agency a = selected(agency);
		model.addAttribute("agencyOptions", access.visibleAgencies(Actors.require()).stream().filter(Agency::active).toList());
		model.addAttribute("selected", a);
		if (a != null) {
			model.addAttribute("ledger", normative.ledger(a.id()));
			model.addAttribute("bodies", normative.issuingBodies(a.id()));
			model.addAttribute("rounds", normative.rounds(a.id()));
			model.addAttribute("canManage", access.allows(Actors.require(), a.id(), Role.AGENCY_ADMIN, Role.SUPERVISOR));
		}
		return "publication/normative-console";
	}

	@PostMapping("/console/normative/bodies")
	String addBody(@RequestParam String agency, @RequestParam(required = false) String name,
			@RequestParam(required = false) String basis, Model model, RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			normative.addIssuingBody(a.id(), name, basis);
			redirect.addFlashAttribute("notice", "已加入制发主体清单");
			return "redirect:/console/normative?agency=" + agency;
		}, () -> normative(agency, model));
	}

	@PostMapping("/console/normative/bodies/{id}/delete")
	String removeBody(@PathVariable long id, @RequestParam String agency, RedirectAttributes redirect) {
		normative.removeIssuingBody(agencies.requireByCode(agency).id(), id);
		redirect.addFlashAttribute("notice", "已从制发主体清单移除");
		return "redirect:/console/normative?agency=" + agency;
	}

	@PostMapping("/console/normative/rounds")
	String startRound(@RequestParam String agency, @RequestParam(required = false) String title, Model model,
			RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			NormativeDocuments.Round r = normative.startRound(a.id(), title);
			redirect.addFlashAttribute("notice", "已启动清理，现行有效的规范性文件已列入");
			return "redirect:/console/normative/rounds/" + r.id() + "?agency=" + agency;
		}, () -> normative(agency, model));
	}

	@GetMapping("/console/normative/rounds/{id}")
	String round(@PathVariable long id, @RequestParam String agency, Model model) {
		Agency a = agencies.requireByCode(agency);
		access.require(a.id(), Role.values());
		model.addAttribute("agency", a);
		model.addAttribute("round", normative.round(a.id(), id).orElseThrow(() -> DomainException.notFound("该清理工作不存在")));
		model.addAttribute("items", normative.items(id));
		model.addAttribute("outcomes", NormativeDocuments.Outcome.values());
		model.addAttribute("canManage", access.allows(Actors.require(), a.id(), Role.AGENCY_ADMIN, Role.SUPERVISOR));
		return "publication/cleanup-console";
	}

	@PostMapping("/console/normative/rounds/{id}/items/{documentId}")
	String outcome(@PathVariable long id, @PathVariable long documentId, @RequestParam String agency,
			@RequestParam(required = false) NormativeDocuments.Outcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		normative.setOutcome(agencies.requireByCode(agency).id(), id, documentId, outcome, effectiveOn, note);
		redirect.addFlashAttribute("notice", "已保存");
		return "redirect:/console/normative/rounds/" + id + "?agency=" + agency + "#doc-" + documentId;
	}

	@PostMapping("/console/normative/rounds/{id}/conclude")
	String conclude(@PathVariable long id, @RequestParam String agency, @RequestParam(required = false) String decision,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn, Model model,
			RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			normative.conclude(a.id(), id, decision, decidedOn);
			redirect.addFlashAttribute("notice", "清理完成，结果已公布，失效和废止的文件已标注");
			return "redirect:/console/normative?agency=" + agency;
		}, () -> round(id, agency, model));
	}

	@GetMapping("/console/publication-settings")
	String settingsPage(@RequestParam(required = false) String agency, Model model) {
		Agency a = selected(agency);
		model.addAttribute("agencyOptions", access.agenciesFor(Actors.require(), Role.AGENCY_ADMIN, Role.SUPERVISOR).stream()
			.filter(Agency::active).toList());
		model.addAttribute("selected", a);
		if (a != null) {
			model.addAttribute("settings", settings.of(a.id()));
			model.addAttribute("issues", onRequest.issues(a.id()));
		}
		model.addAttribute("periods", PublicationSettings.Period.values());
		return "publication/settings";
	}

	@PostMapping("/console/publication-settings")
	String saveSettings(@RequestParam String agency, @RequestParam(required = false) String indexPattern,
			@RequestParam(defaultValue = "false") boolean intakeRequiresReview,
			@RequestParam(required = false) PublicationSettings.Period onRequestPeriod, Model model,
			RedirectAttributes redirect) {
		Agency a = agencies.requireByCode(agency);
		return ConsoleForms.attempt(model, () -> {
			settings.save(a.id(), indexPattern, intakeRequiresReview, onRequestPeriod);
			redirect.addFlashAttribute("notice", "设置已保存");
			return "redirect:/console/publication-settings?agency=" + agency;
		}, () -> settingsPage(agency, model));
	}

	@PostMapping("/console/publication-settings/compile-on-request")
	String compile(@RequestParam String agency, RedirectAttributes redirect) {
		OnRequestCatalog.Issue issue = onRequest.compileNow(agencies.requireByCode(agency).id());
		redirect.addFlashAttribute("notice", "已编制并公布：" + issue.title() + "（" + issue.items().size() + " 条）");
		return "redirect:/console/publication-settings?agency=" + agency;
	}

	@GetMapping("/console/sensitive-words")
	String words(Model model) {
		if (!Actors.require().isSystemAdmin()) {
			throw DomainException.forbidden("只有系统管理员可以维护敏感词表");
		}
		model.addAttribute("words", sensitiveWords.all());
		model.addAttribute("levels", SensitiveWords.Level.values());
		return "publication/sensitive-words";
	}

	@PostMapping("/console/sensitive-words")
	String addWord(@RequestParam(required = false) String word, @RequestParam(required = false) SensitiveWords.Level level,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			sensitiveWords.add(word, level, note);
			redirect.addFlashAttribute("notice", "已加入敏感词表");
			return "redirect:/console/sensitive-words";
		}, () -> words(model));
	}

	@PostMapping("/console/sensitive-words/{id}/delete")
	String removeWord(@PathVariable long id, RedirectAttributes redirect) {
		sensitiveWords.remove(id);
		redirect.addFlashAttribute("notice", "已删除");
		return "redirect:/console/sensitive-words";
	}
}
