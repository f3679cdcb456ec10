package org.gongkai.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of the annual report: an agency's reports by year with their deadline, the report page with its
 * deadline, tables whose every figure leads to the records behind it, the problems the checks found, the edited
 * sections 一/五/六, the workflow steps the version's status and the actor's roles allow and the downloads; the
 * drill-down of one figure; the import of an earlier year's report published outside the platform.
 */
@Controller
class ReportConsoleController {

	static final String BASE = "/console/reports";

	static final String WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The roles that draft, edit, submit and publish an agency's report (and import its history). */
	static final Role[] DRAFTERS = { Role.EDITOR, Role.AGENCY_ADMIN };

	/** A text's non-blank lines, each shown as a paragraph. */
	static final Function<String, List<String>> PARAGRAPHS = text -> text == null ? List.of()
			: text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();

	private final AnnualReportManagement management;

	private final AnnualReportQueries queries;

	private final ReportPdf pdf;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Clock clock;

	ReportConsoleController(AnnualReportManagement management, AnnualReportQueries queries, ReportPdf pdf,
			AgencyDirectory agencies, AgencyAccess access, Clock clock) {
		this.management = management;
		this.queries = queries;
		this.pdf = pdf;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
	}

	// ---- an agency's reports ----------------------------------------------------------------------------------

	/** One year of an agency's reports as listed: its versions (newest first), deadline and days left. */
	record YearRow(int year, List<ReportSummary> versions, ReportDeadline deadline, Long daysLeft, boolean published) {
	}

	@GetMapping(BASE)
	String list(@RequestParam(required = false) String agency, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, ReportConsoleMenu.REPORT_STAFF);
		Agency chosen = chosen(actor, options, agency);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("agency", chosen);
		LocalDate today = today();
		int previous = today.getYear() - 1;
		List<YearRow> years = new ArrayList<>();
		if (chosen != null) {
			Map<Integer, List<ReportSummary>> byYear = new TreeMap<>((a, b) -> b - a);
			for (ReportSummary s : queries.reports(chosen.id())) {
				byYear.computeIfAbsent(s.year(), y -> new ArrayList<>()).add(s);
			}
			for (Map.Entry<Integer, List<ReportSummary>> e : byYear.entrySet()) {
				List<ReportSummary> versions = new ArrayList<>(e.getValue());
				versions.sort((a, b) -> b.version() - a.version());
				boolean published = versions.stream().anyMatch(v -> v.status() == ReportStatus.PUBLISHED);
				ReportDeadline deadline = queries.deadline(chosen.id(), e.getKey());
				Long daysLeft = deadline == null || published ? null : ChronoUnit.DAYS.between(today, deadline.dueOn());
				years.add(new YearRow(e.getKey(), versions, deadline, daysLeft, published));
			}
			boolean drafter = access.allows(actor, chosen.id(), DRAFTERS);
			model.addAttribute("canStart", drafter);
			model.addAttribute("canImport", drafter);
			model.addAttribute("previousYear", previous);
			model.addAttribute("previousMissing", !byYear.containsKey(previous));
			model.addAttribute("reminders", queries.reminders(chosen.id()).stream().limit(10).toList());
			model.addAttribute("zone", Zones.CHINA);
			ReportDeadline next = queries.deadline(chosen.id(), previous);
			model.addAttribute("previousDeadline", next);
			model.addAttribute("previousDaysLeft", ChronoUnit.DAYS.between(today, next.dueOn()));
		}
		model.addAttribute("years", years);
		model.addAttribute("today", today);
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of("year", String.valueOf(previous)));
		}
		return "console/report/list";
	}

	@PostMapping(BASE + "/start")
	String start(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Agency agency = agency(params.get("agency"));
		return conflictShown(model, () -> ConsoleForms.attempt(model, () -> {
			int year = year(params.get("year"), "year");
			ReportWork work = management.start(agency.id(), year);
			redirect.addFlashAttribute("notice", "已起草" + work.view().title() + "，表格数据已从各业务记录生成");
			return "redirect:" + BASE + "/" + work.view().reportId();
		}, () -> {
			model.addAttribute("input", params);
			model.addAttribute("failed", "start");
			return list(agency.code(), model);
		}), () -> {
			model.addAttribute("input", params);
			return list(agency.code(), model);
		});
	}

	// ---- the report page --------------------------------------------------------------------------------------

	@GetMapping(BASE + "/{id}")
	String view(@PathVariable long id, Model model) {
		ReportWork work = work(id);
		ReportView v = work.view();
		Actor actor = Actors.require();
		LocalDate today = today();
		boolean drafter = access.allows(actor, v.agencyId(), DRAFTERS);
		boolean reviewer = access.allows(actor, v.agencyId(), Role.REVIEWER);
		boolean approver = access.allows(actor, v.agencyId(), Role.APPROVER);
		ReportStatus s = v.status();
		boolean published = s == ReportStatus.PUBLISHED;
		model.addAttribute("work", work);
		model.addAttribute("v", v);
		Agency agency = agencies.requireById(v.agencyId());
		model.addAttribute("agency", agency);
		model.addAttribute("daysLeft", published ? null : ChronoUnit.DAYS.between(today, work.deadline().dueOn()));
		model.addAttribute("reportCellLinks", cellLinks(v));
		model.addAttribute("blocking", work.problems().stream().filter(ReportProblem::blocking).toList());
		model.addAttribute("warnings", work.problems().stream().filter(p -> !p.blocking()).toList());
		model.addAttribute("sixParts", ReportSixPart.values());
		model.addAttribute("zone", Zones.CHINA);
		model.addAttribute("paragraphs", PARAGRAPHS);
		boolean editable = !v.imported() && s == ReportStatus.DRAFT;
		model.addAttribute("canEdit", drafter && editable);
		model.addAttribute("canRefresh", drafter && editable);
		model.addAttribute("canSubmit", drafter && editable);
		model.addAttribute("canReview", reviewer && s == ReportStatus.IN_REVIEW);
		model.addAttribute("canSendBack", (reviewer && s == ReportStatus.IN_REVIEW) || (approver && s == ReportStatus.REVIEWED));
		model.addAttribute("canApprove", approver && s == ReportStatus.REVIEWED);
		model.addAttribute("canPublish", drafter && s == ReportStatus.APPROVED);
		boolean latest = queries.reports(v.agencyId()).stream()
			.filter(r -> r.year() == v.year())
			.allMatch(r -> r.version() <= v.version());
		model.addAttribute("canCorrect", drafter && published && latest);
		model.addAttribute("publicPath", published ? ReportPages.versionPath(agency, v.year(), v.version()) : null);
		model.addAttribute("downloadBase", BASE + "/" + id + "/download");
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", textInput(v, work.revision()));
		}
		return "console/report/view";
	}

	/** The form's initial values: the version's edited sections and parts, and its revision. */
	private static Map<String, String> textInput(ReportView v, long revision) {
		Map<String, String> input = new HashMap<>();
		input.put("revision", String.valueOf(revision));
		for (ReportView.SectionText t : v.sections()) {
			String name = fieldOf(t.section());
			if (name == null) {
				continue;
			}
			input.put(name, t.text() == null ? "" : t.text());
			for (ReportView.Part p : t.parts() == null ? List.<ReportView.Part>of() : t.parts()) {
				for (ReportSixPart part : ReportSixPart.values()) {
					if (part.label().equals(p.title())) {
						input.put("six_" + part.name(), p.text() == null ? "" : p.text());
					}
				}
			}
		}
		return input;
	}

	private static String fieldOf(ReportLayout.Section section) {
		return switch (section) {
			case ONE -> "one";
			case FIVE -> "five";
			case SIX -> "six";
			default -> null;
		};
	}

	@PostMapping(BASE + "/{id}/text")
	String saveText(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "text", params, model, redirect, () -> {
			long revision = revision(params.get("revision"));
			Map<ReportSixPart, String> parts = new EnumMap<>(ReportSixPart.class);
			for (ReportSixPart p : ReportSixPart.values()) {
				parts.put(p, params.getOrDefault("six_" + p.name(), ""));
			}
			management.saveText(id, revision, new ReportTextInput(params.get("one"), params.get("five"), params.get("six"), parts));
			return "已保存报告正文";
		});
	}

	@PostMapping(BASE + "/{id}/refresh")
	String refresh(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "refresh", params, model, redirect, () -> {
			management.refresh(id);
			return "已按最新业务记录刷新表格数据";
		});
	}

	@PostMapping(BASE + "/{id}/submit")
	String submit(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "submit", params, model, redirect, () -> {
			management.submit(id);
			return "已提交审核";
		});
	}

	@PostMapping(BASE + "/{id}/review")
	String review(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "review", params, model, redirect, () -> {
			management.review(id, params.get("note"));
			return "审核通过，待负责人批准";
		});
	}

	@PostMapping(BASE + "/{id}/send-back")
	String sendBack(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "sendBack", params, model, redirect, () -> {
			management.sendBack(id, params.get("reason"));
			return "已退回修改";
		});
	}

	@PostMapping(BASE + "/{id}/approve")
	String approve(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "approve", params, model, redirect, () -> {
			management.approve(id, params.get("note"));
			return "已批准，可以发布";
		});
	}

	@PostMapping(BASE + "/{id}/publish")
	String publish(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return act(id, "publish", params, model, redirect, () -> {
			ReportWork w = management.publish(id);
			return "已发布到本单位“年度报告”栏目：" + w.view().title();
		});
	}

	@PostMapping(BASE + "/{id}/correct")
	String correct(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		ReportView v = work(id).view();
		try {
			return ConsoleForms.attempt(model, () -> {
				ReportWork w = management.correct(v.agencyId(), v.year(), params.get("reason"));
				redirect.addFlashAttribute("notice", "已发起更正，第" + w.view().version() + "版为草稿，发布后与原版本一并公开");
				return "redirect:" + BASE + "/" + w.view().reportId();
			}, () -> failed(id, "correct", params, model));
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", e.getMessage());
			return failed(id, "correct", params, model);
		}
	}

	/**
	 * Runs one step: back to the report with a notice; or its page with the field messages (input kept) when the
	 * input is invalid, or with the reason when the step is not allowed now (409: a stale save, a wrong status).
	 */
	private String act(long id, String step, Map<String, String> params, Model model, RedirectAttributes redirect,
			Supplier<String> action) {
		try {
			return ConsoleForms.attempt(model, () -> {
				redirect.addFlashAttribute("notice", action.get());
				return "redirect:" + BASE + "/" + id;
			}, () -> failed(id, step, params, model));
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", e.getMessage());
			return failed(id, step, params, model);
		}
	}

	private String failed(long id, String step, Map<String, String> params, Model model) {
		model.addAttribute("failed", step);
		Map<String, String> input = new HashMap<>(params);
		if (!"text".equals(step)) {
			// the text form keeps what is saved; the step's own fields keep what was typed
			ReportWork w = work(id);
			Map<String, String> saved = textInput(w.view(), w.revision());
			saved.putAll(params);
			input = saved;
		}
		model.addAttribute("input", input);
		return view(id, model);
	}

	// ---- drill-down of a figure -------------------------------------------------------------------------------

	@GetMapping(BASE + "/{id}/cells")
	String cell(@PathVariable long id, @RequestParam String key, Model model) {
		ReportWork work = work(id);
		ReportView v = work.view();
		ReportLayout.Tables tables = v.tables();
		String label = null;
		for (ReportLayout.Block b : tables.blocks()) {
			for (ReportLayout.Row r : b.rows()) {
				for (ReportLayout.Column c : b.columns()) {
					if (b.cellKey(r, c).equals(key)) {
						label = ReportConsoleTables.cellLabel(b, r, c);
					}
				}
			}
		}
		if (label == null) {
			throw DomainException.notFound("报告中没有该数据项");
		}
		List<CountedRecord> records = queries.cellRecords(id, key);
		model.addAttribute("v", v);
		model.addAttribute("key", key);
		model.addAttribute("label", label);
		model.addAttribute("value", ReportConsoleTables.display(v.cells(), key, tables.columnOf(key).orElseThrow()));
		model.addAttribute("records", records);
		return "console/report/cell";
	}

	// ---- downloads --------------------------------------------------------------------------------------------

	@GetMapping(BASE + "/{id}/download.{ext}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String ext) {
		ReportView v = work(id).view();
		ReportFile file = switch (ext) {
			case "docx" -> ReportWord.write(v);
			case "pdf" -> pdf.write(v);
			case "xlsx" -> ReportWorkbook.write(v);
			default -> throw DomainException.notFound("没有该格式的下载");
		};
		return file(file.content(), file.contentType(), fileName(v, file.fileName()));
	}

	/** The download's name: the renderer's, marked 「草稿」 before the extension until the version is published. */
	static String fileName(ReportView v, String rendered) {
		if (v.status() == ReportStatus.PUBLISHED) {
			return rendered;
		}
		int dot = rendered.lastIndexOf('.');
		return dot < 0 ? rendered + "（草稿）" : rendered.substring(0, dot) + "（草稿）" + rendered.substring(dot);
	}

	static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	// ---- import of an earlier year's report -------------------------------------------------------------------

	@GetMapping(BASE + "/import")
	String importForm(@RequestParam(required = false) String agency, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, DRAFTERS);
		if (options.isEmpty()) {
			throw DomainException.forbidden("只有单位的信息编辑或单位管理员可以导入历史年度报告");
		}
		Agency chosen = chosen(actor, options, agency);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("agency", chosen);
		model.addAttribute("formats", ReportFormat.values());
		// the parser's messages about cells of the workbook are listed under the file
		model.addAttribute("formFields", List.of("agency", "year", "format", "file", "one", "five", "six", "publishedOn", "sourceUrl"));
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new HashMap<>();
			input.put("agency", chosen.code());
			input.put("format", ReportFormat.F2021.code());
			model.addAttribute("input", input);
		}
		return "console/report/import";
	}

	@GetMapping(BASE + "/import/template")
	ResponseEntity<byte[]> importTemplate(@RequestParam(defaultValue = "2021") String format) {
		Actors.require();
		ReportFormat f = format(format);
		ReportFile template = ReportWorkbook.template(f);
		return file(template.content(), template.contentType(), template.fileName());
	}

	@PostMapping(BASE + "/import")
	String importReport(@RequestParam Map<String, String> params, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) {
		Actor actor = Actors.require();
		return conflictShown(model, () -> ConsoleForms.attempt(model, () -> {
			List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
			Agency agency = null;
			String code = Texts.trimToNull(params.get("agency"));
			if (code == null) {
				problems.add(new InvalidInputException.FieldProblem("agency", "请选择单位"));
			}
			else {
				agency = agencies.findByCode(code).orElse(null);
				if (agency == null || !access.allows(actor, agency.id(), DRAFTERS)) {
					problems.add(new InvalidInputException.FieldProblem("agency", "您不能为该单位导入年度报告"));
				}
			}
			Integer year = null;
			try {
				year = year(params.get("year"), "year");
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
			ReportFormat f = null;
			try {
				f = format(params.get("format"));
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
			LocalDate publishedOn = null;
			try {
				publishedOn = date(params.get("publishedOn"), "publishedOn", "原公布日期");
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
			ReportCells cells = null;
			if (file == null || file.isEmpty()) {
				problems.add(new InvalidInputException.FieldProblem("file", "请选择填好的年度报告表格（.xlsx）"));
			}
			else if (f != null) {
				try {
					cells = ReportWorkbook.read(file.getInputStream(), f);
				}
				catch (InvalidInputException e) {
					problems.addAll(e.problems());
				}
				catch (IOException e) {
					problems.add(new InvalidInputException.FieldProblem("file", "无法读取上传的文件，请重新选择"));
				}
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			ReportSummary s = management.importHistory(new ReportImportInput(agency.id(), year, f, cells,
					params.get("one"), params.get("five"), params.get("six"), publishedOn, params.get("sourceUrl")));
			redirect.addFlashAttribute("notice", "已导入" + agency.name() + s.year() + "年度报告（" + s.format().label() + "）");
			return "redirect:" + BASE + "/" + s.reportId();
		}, () -> {
			model.addAttribute("input", params);
			return importForm(Texts.trimToNull(params.get("agency")), model);
		}), () -> {
			model.addAttribute("input", params);
			return importForm(Texts.trimToNull(params.get("agency")), model);
		});
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	/**
	 * Runs a form's action; when it is refused as a conflict (409: the year's report exists already, a concurrent
	 * start or import) shows the form again with the reason and the input kept.
	 */
	private static String conflictShown(Model model, Supplier<String> action, Supplier<String> formPage) {
		try {
			return action.get();
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", e.getMessage());
			return formPage.get();
		}
	}

	private ReportWork work(long id) {
		ReportWork work = queries.work(id).orElseThrow(() -> DomainException.notFound("没有该年度报告"));
		Actor actor = Actors.require();
		if (!access.allows(actor, work.view().agencyId(), ReportConsoleMenu.REPORT_STAFF)) {
			throw DomainException.forbidden("您没有查看该单位年度报告的权限");
		}
		return work;
	}

	private Agency agency(String code) {
		Agency a = agencies.findByCode(String.valueOf(code).trim()).orElseThrow(() -> DomainException.notFound("没有该单位"));
		access.require(a.id(), ReportConsoleMenu.REPORT_STAFF);
		return a;
	}

	private static Agency chosen(Actor actor, List<Agency> options, String code) {
		if (Texts.trimToNull(code) == null) {
			return AgencyAccess.defaultChoice(actor, options);
		}
		return options.stream().filter(a -> a.code().equals(code.trim())).findFirst()
			.orElseThrow(() -> DomainException.forbidden("您没有查看该单位年度报告的权限"));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	static int year(String value, String field) {
		try {
			int y = Integer.parseInt(Objects.requireNonNullElse(value, "").trim());
			if (y < 2008 || y > 2100) {
				throw InvalidInputException.of(field, "年度应为2008至2100年之间的年份");
			}
			return y;
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "请填写报告年度，如2025");
		}
	}

	private static long revision(String value) {
		try {
			return Long.parseLong(Objects.requireNonNullElse(value, "").trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("revision", "页面已失效，请刷新页面后重新编辑");
		}
	}

	private static ReportFormat format(String value) {
		try {
			return ReportFormat.ofCode(Objects.requireNonNullElse(value, "").trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("format", "请选择报告格式（2021年版或2019年版）");
		}
	}

	private static LocalDate date(String value, String field, String label) {
		if (Texts.trimToNull(value) == null) {
			throw InvalidInputException.of(field, "请填写" + label);
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, label + "应为日期，如2024-01-20");
		}
	}

	/** Each figure of the version's tables leads to the records behind it (the shared fragment's links). */
	static Map<String, String> cellLinks(ReportView v) {
		Map<String, String> links = new HashMap<>();
		for (String key : v.tables().cellKeys()) {
			links.put(key, BASE + "/" + v.reportId() + "/cells?key=" + key);
		}
		return links;
	}

	/** The labels of a figure, for its drill-down page. */
	static final class ReportConsoleTables {

		private ReportConsoleTables() {
		}

		private static String caption(ReportLayout.Block b) {
			return switch (b.table()) {
				case "t2" -> ReportLayout.Section.TWO.heading() + "：" + b.heading();
				case "t3" -> ReportLayout.Section.THREE.heading();
				default -> ReportLayout.Section.FOUR.heading();
			};
		}

		private static List<String> path(ReportLayout.Column c) {
			List<String> p = new ArrayList<>();
			if (c.group() != null) {
				p.add(c.group());
			}
			if (c.subgroup() != null) {
				p.add(c.subgroup());
			}
			p.add(c.label());
			return p;
		}

		private static List<String> path(ReportLayout.Row r) {
			List<String> p = new ArrayList<>();
			if (r.group() != null) {
				p.add(r.group());
			}
			if (r.subgroup() != null) {
				p.add(r.subgroup());
			}
			if (r.label() != null && !r.label().isEmpty()) {
				p.add(r.label());
			}
			return p;
		}

		/** A figure as printed: a whole number, an amount as entered, 「—」 for an amount never entered. */
		static String display(ReportCells cells, String key, ReportLayout.Column c) {
			if (c.decimal() && cells.isBlank(key)) {
				return "—";
			}
			BigDecimal value = cells.get(key);
			return c.decimal() ? value.stripTrailingZeros().toPlainString() : value.toPlainString();
		}

		/** The figure's full name: table, row and column labels. */
		static String cellLabel(ReportLayout.Block b, ReportLayout.Row r, ReportLayout.Column c) {
			List<String> parts = new ArrayList<>();
			parts.add(caption(b));
			parts.addAll(path(r));
			parts.addAll(path(c));
			return String.join(" › ", parts);
		}
	}
}
