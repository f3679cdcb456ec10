package org.gongkai.participation;

import static org.gongkai.platform.FormFields.integer;
import static org.gongkai.platform.FormFields.date;
import static org.gongkai.platform.FormFields.choice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.participation.MajorDecision.Catalog;
import org.gongkai.participation.MajorDecision.Method;
import org.gongkai.participation.MajorDecision.StageRecord;
import org.gongkai.participation.MajorDecisionManagement.ItemInput;
import org.gongkai.participation.MajorDecisionManagement.NewDocument;
import org.gongkai.participation.MajorDecisionManagement.StageInput;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of the major-decision catalogue: an agency's catalogue of a year (publish it, add items), the item
 * form, and an item's page with the steps its state allows — record each procedure stage, mark it decided, record
 * progress and the post-evaluation, suspend, resume or remove it. Editors and administrators act; supervisors read
 * their subtree.
 */
@Controller
class MajorDecisionConsoleController {

	static final String HOME = "/console/participation/decisions";

	private final MajorDecisionManagement management;

	private final MajorDecisionQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final FileStore files;

	MajorDecisionConsoleController(MajorDecisionManagement management, MajorDecisionQueries queries, AgencyDirectory agencies,
			AgencyAccess access, FileStore files) {
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
		this.files = files;
	}

	// ---- the catalogue -------------------------------------------------------------------------------------

	@GetMapping(HOME)
	String catalog(@RequestParam(required = false) String agency, @RequestParam(required = false) String year, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, MajorDecisionManagement.READERS);
		if (options.isEmpty()) {
			throw DomainException.forbidden("您没有查看重大决策事项目录的权限");
		}
		Agency chosen = Texts.trimToNull(agency) == null ? AgencyAccess.defaultChoice(actor, options)
				: options.stream().filter(a -> a.code().equals(agency.trim())).findFirst()
					.orElseThrow(() -> DomainException.forbidden("您没有查看该单位重大决策事项目录的权限"));
		int y = Texts.trimToNull(year) == null ? queries.currentYear()
				: MajorDecisionManagement.parseYear(year).filter(v -> v >= 2000 && v <= 2100)
					.orElseThrow(() -> DomainException.notFound("年度不正确"));
		Catalog c = queries.catalog(chosen.id(), y).orElse(null);
		TreeSet<Integer> years = new TreeSet<>();
		queries.catalogs(chosen.id()).forEach(x -> years.add(x.year()));
		years.add(queries.currentYear());
		years.add(queries.currentYear() + 1);
		years.add(y);
		LocalDate today = queries.today();
		List<Map<String, Object>> rows = new ArrayList<>();
		if (c != null) {
			List<MajorDecision> items = queries.items(c.id());
			Map<Long, List<StageRecord>> stages = queries.stagesOf(items);
			Map<Long, Agency> all = queries.agencyMap();
			for (MajorDecision d : items) {
				Map<String, Object> row = queries.publicRow(d, all);
				MajorDecisionStage next = MajorDecisionRules.pending(d, stages.getOrDefault(d.id(), List.of()));
				row.put("pending", next == null ? null : next.label());
				row.put("overdue", MajorDecisionRules.overdue(d, today));
				row.put("consoleUrl", HOME + "/" + d.id());
				rows.add(row);
			}
		}
		model.addAttribute("agency", chosen);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("year", y);
		model.addAttribute("years", new ArrayList<>(years.descendingSet()));
		model.addAttribute("catalog", c);
		model.addAttribute("items", rows);
		model.addAttribute("changes", c == null ? List.of() : queries.changes(c.id()).stream().map(queries::changeView).toList());
		model.addAttribute("canEdit", management.mayEdit(actor, chosen.id()));
		model.addAttribute("publicPath", c != null && c.published() ? MajorDecisionQueries.listPath(chosen.code(), y) : null);
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of("publishedOn", today.toString(), "approvalNote", "经同级党委同意"));
		}
		return "participation/decision-console";
	}

	@PostMapping(HOME + "/publish")
	String publish(@RequestParam String agency, @RequestParam String year, @RequestParam Map<String, String> p, Model model,
			RedirectAttributes redirect) {
		Agency a = agency(agency);
		return guarded(model, p, () -> {
			int y = MajorDecisionManagement.parseYear(year).orElseThrow(() -> InvalidInputException.of("year", "年度不正确"));
			management.publish(a.id(), y, date(p.get("publishedOn"), "publishedOn"), p.get("approvalNote"));
			redirect.addFlashAttribute("notice", y + "年度重大行政决策事项目录已公布");
			return "redirect:" + HOME + "?agency=" + a.code() + "&year=" + y;
		}, () -> catalog(a.code(), year, model));
	}

	// ---- the item form -------------------------------------------------------------------------------------

	@GetMapping(HOME + "/new")
	String newItem(@RequestParam String agency, @RequestParam String year, Model model) {
		Agency a = agency(agency);
		int y = MajorDecisionManagement.parseYear(year).orElseThrow(() -> DomainException.notFound("年度不正确"));
		Map<String, Object> input = new HashMap<>();
		input.put("unit", a.code());
		return itemForm(model, a, y, null, input, List.of());
	}

	@PostMapping(HOME + "/new")
	String create(@RequestParam String agency, @RequestParam String year, @RequestParam Map<String, String> p,
			@RequestParam MultiValueMap<String, String> multi, Model model, RedirectAttributes redirect) {
		Agency a = agency(agency);
		List<String> methods = multi.getOrDefault("methods", List.of());
		return ConsoleForms.attempt(model, () -> {
			Integer y = MajorDecisionManagement.parseYear(year).orElseThrow(() -> InvalidInputException.of("year", "年度不正确"));
			MajorDecision d = management.add(a.id(), y, input(p, methods), p.get("reason"));
			redirect.addFlashAttribute("notice", "已增加决策事项：" + d.title());
			return "redirect:" + HOME + "/" + d.id();
		}, () -> itemForm(model, a, MajorDecisionManagement.parseYear(year).orElse(queries.currentYear()), null, new HashMap<>(p),
				methods));
	}

	@GetMapping(HOME + "/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		MajorDecision d = readable(id);
		Agency a = agency(queries.agency(d.agencyId()).code());
		Map<String, Object> input = new HashMap<>();
		input.put("title", d.title());
		input.put("summary", d.summary());
		input.put("unit", queries.agency(d.unitAgencyId()).code());
		input.put("unitOffice", d.unitOffice());
		input.put("planMonth", d.planMonth() == null ? "" : String.valueOf(d.planMonth()));
		input.put("planQuarter", d.planQuarter() == null ? "" : String.valueOf(d.planQuarter()));
		input.put("otherMethod", d.otherMethod());
		input.put("expertRequired", d.expertRequired() ? "true" : null);
		input.put("riskRequired", d.riskRequired() ? "true" : null);
		input.put("participationExempt", d.participationExempt() ? "true" : null);
		input.put("exemptReason", d.exemptReason());
		return itemForm(model, a, d.year(), d, input, d.methods().stream().map(Method::name).toList());
	}

	@PostMapping(HOME + "/{id}/edit")
	String update(@PathVariable long id, @RequestParam Map<String, String> p, @RequestParam MultiValueMap<String, String> multi,
			Model model, RedirectAttributes redirect) {
		MajorDecision d = readable(id);
		List<String> methods = multi.getOrDefault("methods", List.of());
		return guarded(model, p, () -> {
			management.edit(id, input(p, methods), p.get("reason"));
			redirect.addFlashAttribute("notice", "已保存");
			return "redirect:" + HOME + "/" + id;
		}, () -> itemForm(model, queries.agency(d.agencyId()), d.year(), d, new HashMap<>(p), methods));
	}

	private String itemForm(Model model, Agency a, int year, MajorDecision d, Map<String, Object> input, List<String> methods) {
		model.addAttribute("agency", a);
		model.addAttribute("year", year);
		model.addAttribute("item", d);
		model.addAttribute("input", input);
		model.addAttribute("chosenMethods", methods);
		model.addAttribute("methodOptions", Method.values());
		model.addAttribute("unitOptions", agencies.active());
		boolean published = queries.catalog(a.id(), year).map(Catalog::published).orElse(false);
		model.addAttribute("adjustment", d == null && published);
		model.addAttribute("published", published);
		model.addAttribute("action", d == null ? HOME + "/new?agency=" + a.code() + "&year=" + year : HOME + "/" + d.id() + "/edit");
		return "participation/decision-console-form";
	}

	private static ItemInput input(Map<String, String> p, List<String> methods) {
		List<Method> chosen = new ArrayList<>();
		for (String m : methods) {
			try {
				chosen.add(Method.valueOf(m));
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("methods", "公众参与方式不正确");
			}
		}
		return new ItemInput(p.get("title"), p.get("summary"), p.get("unit"), p.get("unitOffice"), integer(p.get("planMonth"), "planMonth"),
				integer(p.get("planQuarter"), "planQuarter"), chosen, p.get("otherMethod"), flag(p.get("expertRequired")),
				flag(p.get("riskRequired")), flag(p.get("participationExempt")), p.get("exemptReason"));
	}

	// ---- an item -------------------------------------------------------------------------------------------

	@GetMapping(HOME + "/{id}")
	String item(@PathVariable long id, Model model) {
		Actor actor = Actors.require();
		MajorDecision d = readable(id);
		Agency a = queries.agency(d.agencyId());
		List<StageRecord> stages = queries.stages(id);
		boolean edit = management.mayEdit(actor, d.agencyId());
		boolean published = queries.catalog(d.catalogId()).map(Catalog::published).orElse(false);
		model.addAttribute("d", d);
		model.addAttribute("agency", a);
		model.addAttribute("unit", queries.unitLabel(d));
		model.addAttribute("stages", stages);
		model.addAttribute("progress", queries.progress(id));
		MajorDecisionStage next = MajorDecisionRules.pending(d, stages);
		model.addAttribute("pending", next == null ? null : next.label());
		model.addAttribute("pendingStage", next == null ? null : next.name());
		model.addAttribute("missing", MajorDecisionRules.missing(d, stages));
		model.addAttribute("canEdit", edit && d.status() != MajorDecision.Status.DECIDED && d.status() != MajorDecision.Status.REMOVED);
		model.addAttribute("canRecord", edit && d.status().open());
		model.addAttribute("canTake", edit && d.status().open() && MajorDecisionRules.refuseTake(d, stages).isEmpty());
		model.addAttribute("canFollow", edit && d.decided());
		model.addAttribute("canSuspend", edit && d.status().open());
		model.addAttribute("canResume", edit && d.status() == MajorDecision.Status.SUSPENDED);
		model.addAttribute("stageOptions", MajorDecisionStage.values());
		model.addAttribute("outcomeOptions", MajorDecisionStage.Outcome.values());
		model.addAttribute("formOptions", MajorDecisionStage.MeetingForm.values());
		model.addAttribute("publicPath", published ? MajorDecisionQueries.path(id) : null);
		model.addAttribute("catalogPath", HOME + "?agency=" + a.code() + "&year=" + d.year());
		model.addAttribute("today", queries.today().toString());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "participation/decision-console-item";
	}

	@PostMapping(HOME + "/{id}/stages")
	String stage(@PathVariable long id, @RequestParam Map<String, String> p,
			@RequestParam(value = "documentFile", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		return step(id, "stage", p, model, redirect, () -> {
			MajorDecisionStage stage = choice(MajorDecisionStage.class, p.get("stage"), "stage", "请选择决策程序环节");
			StageRecord s = management.recordStage(id, new StageInput(stage, date(p.get("completedOn"), "completedOn"), p.get("summary"),
					bool(p.get("isPublic")), choice(MajorDecisionStage.Outcome.class, p.get("outcome"), "outcome", null),
					choice(MajorDecisionStage.MeetingForm.class, p.get("meetingForm"), "meetingForm", null)),
					List.of(new NewDocument(p.get("documentTitle"), p.get("documentUrl"), name(file), bytes(file))));
			return "已登记" + s.stage().label();
		});
	}

	@PostMapping(HOME + "/{id}/take")
	String take(@PathVariable long id, @RequestParam Map<String, String> p,
			@RequestParam(value = "decisionFile", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		return step(id, "take", p, model, redirect, () -> {
			management.take(id, p.get("decisionTitle"), p.get("decisionNumber"), date(p.get("decidedOn"), "decidedOn"), p.get("decisionUrl"),
					name(file), bytes(file));
			return "已标记为已决策，决策文件已公开";
		});
	}

	@PostMapping(HOME + "/{id}/progress")
	String progress(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return step(id, "progress", p, model, redirect, () -> {
			management.addProgress(id, date(p.get("progressOn"), "progressOn"), p.get("content"));
			return "已登记执行情况";
		});
	}

	@PostMapping(HOME + "/{id}/evaluation")
	String evaluation(@PathVariable long id, @RequestParam Map<String, String> p,
			@RequestParam(value = "evaluationFile", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		return step(id, "evaluation", p, model, redirect, () -> {
			management.evaluate(id, date(p.get("evaluatedOn"), "evaluatedOn"), p.get("evaluationSummary"), p.get("evaluationUrl"),
					name(file), bytes(file));
			return "已登记决策后评估";
		});
	}

	@PostMapping(HOME + "/{id}/{action:suspend|resume|remove}")
	String adjust(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> p, Model model,
			RedirectAttributes redirect) {
		return step(id, action, p, model, redirect, () -> switch (action) {
			case "suspend" -> {
				management.suspend(id, p.get("reason"));
				yield "已暂缓推进";
			}
			case "resume" -> {
				management.resume(id);
				yield "已恢复推进";
			}
			default -> {
				MajorDecision d = readable(id);
				if (management.remove(id, p.get("reason")).isEmpty()) {
					redirect.addFlashAttribute("notice", "目录尚未公布，已删除决策事项：" + d.title());
					throw new Deleted(HOME + "?agency=" + queries.agency(d.agencyId()).code() + "&year=" + d.year());
				}
				yield "已调出目录";
			}
		});
	}

	/** An item deleted from an unpublished catalogue: its page is gone, so the step leads back to the catalogue. */
	private static final class Deleted extends RuntimeException {

		private final String catalogPath;

		Deleted(String catalogPath) {
			super(null, null, false, false);
			this.catalogPath = catalogPath;
		}
	}

	@GetMapping(HOME + "/{id}/files/{which}")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String which) {
		MajorDecision d = readable(id);
		MajorDecisionQueries.PublicFile f = queries.staffFile(d, which).orElseThrow(() -> DomainException.notFound("该附件不存在"));
		byte[] content = files.get(f.key()).orElseThrow(() -> DomainException.notFound("该附件不存在"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(content);
	}

	/** Runs a step of the item page; its invalid input or a refusal (409) shows the page again with the messages. */
	private String step(long id, String stepName, Map<String, String> p, Model model, RedirectAttributes redirect,
			Supplier<String> action) {
		return guarded(model, p, () -> {
			try {
				redirect.addFlashAttribute("notice", action.get());
			}
			catch (Deleted e) {
				return "redirect:" + e.catalogPath;
			}
			return "redirect:" + HOME + "/" + id;
		}, () -> {
			model.addAttribute("failed", stepName);
			return item(id, model);
		});
	}

	private static String guarded(Model model, Map<String, String> p, Supplier<String> action, Supplier<String> page) {
		try {
			return ConsoleForms.attempt(model, action, () -> {
				model.addAttribute("input", p);
				return page.get();
			});
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", e.getMessage());
			model.addAttribute("input", p);
			return page.get();
		}
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private MajorDecision readable(long id) {
		Actor actor = Actors.require();
		MajorDecision d = queries.find(id).orElseThrow(() -> DomainException.notFound("该重大决策事项不存在"));
		if (!access.allows(actor, d.agencyId(), MajorDecisionManagement.READERS)) {
			throw DomainException.forbidden("您没有查看该单位重大决策事项的权限");
		}
		return d;
	}

	/** An agency the actor may read; changes are checked by the service. */
	private Agency agency(String code) {
		Actor actor = Actors.require();
		Agency a = agencies.findByCode(code == null ? "" : code.trim()).orElseThrow(() -> DomainException.notFound("该单位不存在"));
		if (!access.allows(actor, a.id(), MajorDecisionManagement.READERS)) {
			throw DomainException.forbidden("您没有处理该单位重大决策事项的权限");
		}
		return a;
	}

	private static boolean flag(String text) {
		return text != null && (text.equals("true") || text.equals("on") || text.equals("1"));
	}

	private static String name(MultipartFile file) {
		return file == null || file.isEmpty() ? null : file.getOriginalFilename();
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file == null || file.isEmpty() ? null : file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Boolean bool(String text) {
		String t = Texts.trimToNull(text);
		return t == null ? null : flag(t);
	}
}
