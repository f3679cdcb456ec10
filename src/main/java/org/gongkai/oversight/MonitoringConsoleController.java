package org.gongkai.oversight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The console of the automatic inspection (公开监测, menu 51): the supervisor's overview of the agencies below with
 * score, verdict, vetoes and warnings (sortable, exported as a workbook); an agency's page with every indicator, its
 * state and the records behind it; the column windows; the indicator catalogue; the link check results. Staff of an
 * agency read their own agency's pages; supervisors recompute, set windows and edit the catalogue.
 */
@Controller
class MonitoringConsoleController {

	static final String BASE = "/console/monitoring";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final MonitoringScores scores;

	private final MonitoringSnapshots snapshots;

	private final MonitoringFigures figures;

	private final IndicatorCatalog indicators;

	private final ColumnWindows windows;

	private final LinkCheckResults links;

	private final LinkCheckSweep linkCheck;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	MonitoringConsoleController(MonitoringScores scores, MonitoringSnapshots snapshots, MonitoringFigures figures,
			IndicatorCatalog indicators, ColumnWindows windows, LinkCheckResults links, LinkCheckSweep linkCheck,
			AgencyDirectory agencies, AgencyAccess access) {
		this.scores = scores;
		this.snapshots = snapshots;
		this.figures = figures;
		this.indicators = indicators;
		this.windows = windows;
		this.links = links;
		this.linkCheck = linkCheck;
		this.agencies = agencies;
		this.access = access;
	}

	/** One agency of the overview. */
	record OverviewLine(Agency agency, MonitoringSnapshots.ScoreRow row) {

		public String verdict() {
			return row == null ? "尚未计算" : row.vetoed() ? "不合格（单项否决）" : row.passed() ? "合格" : "不合格（低于60分）";
		}
	}

	@GetMapping(BASE)
	String overview(@RequestParam(required = false) String sort, Model model, HttpServletResponse response) {
		noStore(response);
		Actor actor = Actors.require();
		List<Agency> supervised = scores.supervised(actor);
		if (supervised.isEmpty()) {
			List<Agency> visible = access.visibleAgencies(actor).stream().filter(Agency::active).toList();
			Agency own = AgencyAccess.defaultChoice(actor, visible);
			if (own == null) {
				throw DomainException.forbidden("您没有查看公开监测的权限");
			}
			return "redirect:" + BASE + "/agencies/" + own.id();
		}
		model.addAttribute("lines", lines(supervised, sort));
		model.addAttribute("sort", sort == null ? "name" : sort);
		model.addAttribute("mayEditIndicators", IndicatorCatalog.mayEdit(actor));
		return "oversight/monitoring-overview";
	}

	@GetMapping(BASE + "/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String sort) {
		Actor actor = Actors.require();
		List<Agency> supervised = scores.supervised(actor);
		if (supervised.isEmpty()) {
			throw DomainException.forbidden("只有政务公开办（监管）可以导出监测总览");
		}
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("公开监测总览");
			String[] heads = { "单位", "层级", "类型", "监测日期", "得分", "扣分项得分", "加分", "结论", "单项否决（项）", "预警（项）" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < heads.length; i++) {
				head.createCell(i).setCellValue(heads[i]);
			}
			int r = 1;
			for (OverviewLine l : lines(supervised, sort)) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(l.agency().name());
				row.createCell(1).setCellValue(l.agency().level().label());
				row.createCell(2).setCellValue(l.agency().type().label());
				row.createCell(7).setCellValue(l.verdict());
				if (l.row() != null) {
					row.createCell(3).setCellValue(l.row().on().toString());
					row.createCell(4).setCellValue(l.row().score().doubleValue());
					row.createCell(5).setCellValue(l.row().deductionScore().doubleValue());
					row.createCell(6).setCellValue(l.row().bonus().doubleValue());
					row.createCell(8).setCellValue(l.row().vetoes());
					row.createCell(9).setCellValue(l.row().warnings());
				}
			}
			for (int i = 0; i < heads.length; i++) {
				sheet.setColumnWidth(i, i == 0 || i == 7 ? 30 * 256 : 14 * 256);
			}
			book.write(out);
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(XLSX))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("公开监测总览.xlsx", StandardCharsets.UTF_8).build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(out.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PostMapping(BASE + "/recompute")
	String recomputeAll(RedirectAttributes redirect) {
		Actor actor = Actors.require();
		List<Agency> supervised = scores.supervised(actor);
		if (supervised.isEmpty()) {
			throw DomainException.forbidden("只有政务公开办（监管）可以重新计算");
		}
		int n = 0;
		for (Agency a : supervised) {
			scores.recompute(a.id());
			n++;
		}
		redirect.addFlashAttribute("notice", "已重新计算 " + n + " 个单位的公开监测");
		return "redirect:" + BASE;
	}

	@GetMapping(BASE + "/agencies/{id}")
	String agency(@PathVariable long id, Model model, HttpServletResponse response) {
		noStore(response);
		Actor actor = Actors.require();
		Agency agency = agencies.findById(id).orElseThrow(() -> DomainException.notFound("单位不存在"));
		MonitoringScore score = scores.score(id);
		Map<String, OversightFigure> figureMap = scores.figures(id);
		model.addAttribute("agency", agency);
		model.addAttribute("score", score);
		model.addAttribute("figures", figureMap);
		model.addAttribute("definitions", figures.definitions());
		model.addAttribute("indicators", indicators.all().stream().collect(java.util.stream.Collectors.toMap(Indicator::code, i -> i)));
		model.addAttribute("maySupervise", scores.maySupervise(actor, id));
		model.addAttribute("options", access.visibleAgencies(actor).stream().filter(Agency::active).toList());
		return "oversight/monitoring-agency";
	}

	@GetMapping(BASE + "/agency")
	String switchAgency(@RequestParam String agency) {
		Agency a = agencies.findByCode(agency).orElseThrow(() -> DomainException.notFound("单位不存在"));
		return "redirect:" + BASE + "/agencies/" + a.id();
	}

	@PostMapping(BASE + "/agencies/{id}/recompute")
	String recompute(@PathVariable long id, RedirectAttributes redirect) {
		MonitoringScore s = scores.recompute(id);
		redirect.addFlashAttribute("notice", "已重新计算：得分 " + MonitoringRules.plain(s.score()) + "，" + s.verdict());
		return "redirect:" + BASE + "/agencies/" + id;
	}

	@GetMapping(BASE + "/agencies/{id}/columns")
	String columns(@PathVariable long id, Model model, HttpServletResponse response) {
		noStore(response);
		Actor actor = Actors.require();
		if (!scores.mayRead(actor, id)) {
			throw DomainException.forbidden("您没有查看该单位公开监测的权限");
		}
		model.addAttribute("agency", agencies.findById(id).orElseThrow(() -> DomainException.notFound("单位不存在")));
		model.addAttribute("states", windows.states(id));
		model.addAttribute("classes", ColumnWindowClass.values());
		model.addAttribute("maySupervise", scores.maySupervise(actor, id));
		return "oversight/monitoring-columns";
	}

	@PostMapping(BASE + "/agencies/{id}/columns/{nodeId}")
	String setColumn(@PathVariable long id, @PathVariable long nodeId, @RequestParam(required = false) String windowClass,
			RedirectAttributes redirect) {
		ColumnWindowClass cls = null;
		if (windowClass != null && !windowClass.isBlank() && !"DEFAULT".equals(windowClass)) {
			try {
				cls = ColumnWindowClass.valueOf(windowClass);
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("windowClass", "请选择栏目更新周期");
			}
		}
		windows.set(nodeId, cls);
		redirect.addFlashAttribute("notice", "栏目更新周期已保存，重新计算后生效");
		return "redirect:" + BASE + "/agencies/" + id + "/columns#node-" + nodeId;
	}

	@GetMapping(BASE + "/agencies/{id}/links")
	String links(@PathVariable long id, Model model, HttpServletResponse response) {
		noStore(response);
		Actor actor = Actors.require();
		if (!scores.mayRead(actor, id)) {
			throw DomainException.forbidden("您没有查看该单位公开监测的权限");
		}
		model.addAttribute("agency", agencies.findById(id).orElseThrow(() -> DomainException.notFound("单位不存在")));
		model.addAttribute("problems", links.problems(id));
		model.addAttribute("checked", links.checkedCount(id));
		model.addAttribute("maySupervise", scores.maySupervise(actor, id));
		return "oversight/monitoring-links";
	}

	@PostMapping(BASE + "/links/run")
	String runLinkCheck(@RequestParam(required = false) Long agency, RedirectAttributes redirect) {
		Actor actor = Actors.require();
		if (!actor.isSystemAdmin() && scores.supervised(actor).isEmpty()) {
			throw DomainException.forbidden("只有政务公开办（监管）可以启动链接检查");
		}
		boolean started = linkCheck.startInBackground();
		redirect.addFlashAttribute("notice", started ? "链接检查已在后台开始（每轮数量有上限，其余在下一轮继续），请稍后刷新查看结果"
				: "上一轮链接检查尚未结束，请稍后再试");
		return "redirect:" + (agency == null ? BASE : BASE + "/agencies/" + agency + "/links");
	}

	@GetMapping(BASE + "/indicators")
	String indicatorList(Model model, HttpServletResponse response) {
		noStore(response);
		Actor actor = Actors.require();
		if (!IndicatorCatalog.mayEdit(actor) && access.visibleAgencies(actor).isEmpty()) {
			throw DomainException.forbidden("您没有查看监测指标的权限");
		}
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("definitions", figures.definitionsByKey());
		model.addAttribute("mayEdit", IndicatorCatalog.mayEdit(actor));
		model.addAttribute("bonusCap", MonitoringRules.plain(scores.bonusCap()));
		return "oversight/indicator-list";
	}

	@GetMapping(BASE + "/indicators/{id}")
	String indicatorForm(@PathVariable long id, Model model, HttpServletResponse response) {
		noStore(response);
		requireEditor();
		Indicator i = indicators.require(id);
		model.addAttribute("indicator", i);
		model.addAttribute("form", IndicatorForm.of(i));
		model.addAttribute("definition", figures.definitionsByKey().get(i.figureKey()));
		return "oversight/indicator-form";
	}

	@PostMapping(BASE + "/indicators/{id}")
	String saveIndicator(@PathVariable long id, IndicatorForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		requireEditor();
		return ConsoleForms.attempt(model, () -> {
			Indicator saved = indicators.change(id, form.toChange());
			redirect.addFlashAttribute("notice", "指标“" + saved.name() + "”已保存，重新计算后生效");
			return "redirect:" + BASE + "/indicators";
		}, () -> {
			noStore(response);
			Indicator i = indicators.require(id);
			model.addAttribute("indicator", i);
			model.addAttribute("form", form);
			model.addAttribute("definition", figures.definitionsByKey().get(i.figureKey()));
			return "oversight/indicator-form";
		});
	}

	/** The indicator form as posted: numbers as text so that a wrong entry comes back with a message. */
	record IndicatorForm(String threshold, String warnThreshold, Boolean usesSoon, String points, String cap,
			String dedupGroup, Boolean confirmed, Boolean active, Integer version) {

		static IndicatorForm of(Indicator i) {
			return new IndicatorForm(MonitoringRules.plain(i.threshold()), MonitoringRules.plain(i.warnThreshold()),
					i.usesSoon(), MonitoringRules.plain(i.points()), MonitoringRules.plain(i.cap()), i.dedupGroup(),
					i.confirmed(), i.active(), i.version());
		}

		IndicatorCatalog.IndicatorChange toChange() {
			List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
			BigDecimal t = number("threshold", threshold, true, problems);
			BigDecimal w = number("warnThreshold", warnThreshold, false, problems);
			BigDecimal p = number("points", points, true, problems);
			BigDecimal c = number("cap", cap, false, problems);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return new IndicatorCatalog.IndicatorChange(t, w, Boolean.TRUE.equals(usesSoon), p, c, dedupGroup,
					Boolean.TRUE.equals(confirmed), Boolean.TRUE.equals(active), version == null ? -1 : version);
		}

		private static BigDecimal number(String field, String text, boolean required,
				List<InvalidInputException.FieldProblem> problems) {
			if (text == null || text.isBlank()) {
				if (required) {
					problems.add(new InvalidInputException.FieldProblem(field, "请填写数值"));
				}
				return null;
			}
			try {
				BigDecimal b = new BigDecimal(text.trim());
				if (b.scale() > 2) {
					problems.add(new InvalidInputException.FieldProblem(field, "最多保留两位小数"));
				}
				return b;
			}
			catch (NumberFormatException e) {
				problems.add(new InvalidInputException.FieldProblem(field, "请填写数字，例如 5 或 0.5"));
				return null;
			}
		}
	}

	private void requireEditor() {
		if (!IndicatorCatalog.mayEdit(Actors.require())) {
			throw DomainException.forbidden("只有政务公开办（监管）或系统管理员可以修改监测指标");
		}
	}

	private List<OverviewLine> lines(List<Agency> supervised, String sort) {
		Map<Long, MonitoringSnapshots.ScoreRow> rows = snapshots.latestRows(supervised.stream().map(Agency::id).toList());
		List<OverviewLine> lines = new ArrayList<>(supervised.stream().map(a -> new OverviewLine(a, rows.get(a.id()))).toList());
		Comparator<OverviewLine> byScore = Comparator.comparing(
				(OverviewLine l) -> l.row() == null ? BigDecimal.valueOf(-1) : l.row().score());
		Comparator<OverviewLine> byVetoes = Comparator.comparingInt((OverviewLine l) -> l.row() == null ? -1 : l.row().vetoes());
		Comparator<OverviewLine> byWarnings = Comparator.comparingInt((OverviewLine l) -> l.row() == null ? -1 : l.row().warnings());
		if ("score".equals(sort)) {
			lines.sort(byScore.reversed());
		}
		else if ("score-asc".equals(sort)) {
			lines.sort(byScore);
		}
		else if ("vetoes".equals(sort)) {
			lines.sort(byVetoes.reversed().thenComparing(byWarnings.reversed()));
		}
		else if ("warnings".equals(sort)) {
			lines.sort(byWarnings.reversed().thenComparing(byVetoes.reversed()));
		}
		return lines;
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}
}
