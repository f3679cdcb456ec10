package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.io.ByteArrayInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.gongkai.platform.CjkFonts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The renderers of a report: page fragment, Word, PDF and Excel, all from one hand-built view. */
class ReportFormatsTest {

	/** A view with a distinct number in every cell: cell i holds 100 + i (the fee amount 12.5). */
	static ReportView view(ReportFormat format, int version) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		List<String> keys = ReportLayout.of(format).cellKeys();
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			boolean decimal = ReportLayout.of(format).columnOf(key).orElseThrow().decimal();
			values.put(key, decimal ? new BigDecimal("12.5000").add(BigDecimal.valueOf(i)) : BigDecimal.valueOf(100 + i));
		}
		return new ReportView(7, 3, "yiyuan-fgj", "沂源县发展和改革局", 2025, format, version, ReportStatus.PUBLISHED,
				LocalDate.of(2026, 1, 20), version > 1 ? "表三第一行数字录入有误" : null, false,
				List.of(new ReportView.SectionText(ReportLayout.Section.ONE, "本机关认真贯彻条例。\n全年主动公开信息。", List.of()),
						new ReportView.SectionText(ReportLayout.Section.FIVE, "存在问题：解读不够。", List.of()),
						new ReportView.SectionText(ReportLayout.Section.SIX, "无其他事项。",
								List.of(new ReportView.Part("（一）信息处理费收取情况", "本年未收取信息处理费。")))),
				new ReportCells(values));
	}

	static String expected(ReportView view, String key) {
		return ReportTableGrid.plain(view.cells().get(key));
	}

	static String html(String template, Map<String, Object> model) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.addDialect(new ReportRenderDialect());
		Context context = new Context();
		model.forEach(context::setVariable);
		return engine.process(template, context);
	}

	@Test
	void theTableFragmentNamesEveryCellsHeadersAndSpansTheGroups() {
		ReportView view = view(ReportFormat.F2021, 1);
		Map<String, Object> model = new HashMap<>();
		model.put("view", view);
		String page = html("report/test-tables", model);
		assertThat(page).contains("<caption>第二十条第（一）项</caption>", "<caption>第二十条第（八）项</caption>")
			.contains("colspan=\"7\">申请人情况</th>", "colspan=\"5\">法人或其他组织</th>")
			.contains(ReportLayout.T3_CORNER)
			.contains("rowspan=\"22\">三、本年度办理结果</th>", "rowspan=\"8\">（三）不予公开</th>")
			.contains("colspan=\"5\" rowspan=\"2\">行政复议</th>", "colspan=\"10\">行政诉讼</th>", ">未经复议直接起诉</th>",
					">复议后起诉</th>")
			.contains("scope=\"rowgroup\"", "scope=\"colgroup\"", "scope=\"row\"", "scope=\"col\"");
		// table 三, 自然人 × （一）予以公开: its row, its two row groups, its column and 申请人情况
		String key = "t3.r1.naturalPerson";
		assertThat(page).containsPattern("<td class=\"num\" headers=\"rp7v1-t3-requests-r2 rp7v1-t3-requests-rg2 "
				+ "rp7v1-t3-requests-c0 rp7v1-t3-requests-g0\" data-cell=\"" + key + "\">" + expected(view, key) + "</td>");
		for (String k : view.tables().cellKeys()) {
			assertThat(page).contains("data-cell=\"" + k + "\">" + expected(view, k) + "</td>");
		}
		assertThat(expected(view, "t2.fees.amount")).isEqualTo("21.5");
		assertThat(page).contains(">21.5</td>").doesNotContain("21.5000");
		// every header any cell names exists
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("headers=\"([^\"]+)\"").matcher(page);
		int cells = 0;
		while (m.find()) {
			cells++;
			for (String id : m.group(1).split(" ")) {
				assertThat(page).contains("id=\"" + id + "\"");
			}
		}
		assertThat(cells).isEqualTo(view.tables().cellKeys().size());
	}

	@Test
	void theWholeReportHasItsSixSectionsInOrderAndLinksWhenGivenLinks() {
		ReportView view = view(ReportFormat.F2021, 2);
		Map<String, Object> model = new HashMap<>();
		model.put("view", view);
		model.put("reportCellLinks", Map.of("t3.r1.naturalPerson", "/console/x"));
		String page = html("report/test-report", model);
		int at = -1;
		for (ReportLayout.Section s : ReportLayout.Section.values()) {
			int next = page.indexOf(s.heading());
			assertThat(next).as(s.heading()).isGreaterThan(at);
			at = next;
		}
		assertThat(page).contains("<p>全年主动公开信息。</p>", "<h3>（一）信息处理费收取情况</h3>")
			.contains("第2版（更正）", "更正说明：表三第一行数字录入有误")
			.contains("href=\"/console/x\"");
	}

	@Test
	void theWordDocumentHasRealTablesWithEveryNumberInItsPlaceAndMergedHeaders() throws Exception {
		for (ReportFormat format : ReportFormat.values()) {
			ReportView view = view(format, 2);
			ReportFile file = ReportWord.write(view);
			assertThat(file.contentType()).isEqualTo(ReportFile.DOCX);
			assertThat(file.fileName()).isEqualTo("沂源县发展和改革局2025年政府信息公开工作年度报告（第2版）.docx");
			try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.content()))) {
				assertThat(doc.getParagraphs().get(0).getText()).isEqualTo(view.title());
				String all = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
				assertThat(all).contains("第2版（更正）", "更正说明：表三第一行数字录入有误", "全年主动公开信息。", "（一）信息处理费收取情况",
						"第二十条第（一）项");
				List<ReportTableGrid> grids = ReportTableGrid.of(view, "");
				assertThat(doc.getTables()).hasSize(grids.size());
				for (int t = 0; t < grids.size(); t++) {
					XWPFTable table = doc.getTables().get(t);
					ReportTableGrid grid = grids.get(t);
					for (ReportTableGrid.Cell c : grid.dataCells()) {
						assertThat(table.getRow(c.row()).getCell(c.column()).getText()).as(c.cellKey())
							.isEqualTo(expected(view, c.cellKey()));
					}
					for (List<ReportTableGrid.Cell> line : grid.head()) {
						for (ReportTableGrid.Cell c : line) {
							assertThat(table.getRow(c.row()).getCell(c.column()).getText()).isEqualTo(c.text());
						}
					}
				}
				XWPFTable t3 = doc.getTables().get(grids.size() - 2);
				assertThat(t3.getRow(0).getCell(3).getText()).isEqualTo("申请人情况");
				assertThat(t3.getRow(0).getCell(3).getCTTc().getTcPr().getHMerge().getVal()).isEqualTo(STMerge.RESTART);
				assertThat(t3.getRow(0).getCell(9).getCTTc().getTcPr().getHMerge().getVal()).isEqualTo(STMerge.CONTINUE);
				assertThat(t3.getRow(1).getCell(3).getText()).isEqualTo("自然人");
				assertThat(t3.getRow(2).getCell(3).getCTTc().getTcPr().getVMerge().getVal()).isEqualTo(STMerge.CONTINUE);
				assertThat(t3.getRow(5).getCell(0).getText()).isEqualTo("三、本年度办理结果");
				assertThat(t3.getRow(6).getCell(0).getCTTc().getTcPr().getVMerge().getVal()).isEqualTo(STMerge.CONTINUE);
				assertThat(t3.getRow(1).isRepeatHeader()).isTrue();
			}
		}
	}

	@Test
	void thePdfHasTheTitleAndEveryRowsNumbersInOrder() throws Exception {
		Assumptions.assumeTrue(new CjkFonts("").file().isPresent(), "no CJK font installed");
		ReportView view = view(ReportFormat.F2021, 2);
		ReportFile file = new ReportPdf(new CjkFonts("")).write(view);
		assertThat(file.contentType()).isEqualTo(ReportFile.PDF);
		try (var pdf = Loader.loadPDF(file.content())) {
			assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(pdf);
			assertThat(text).contains(view.title(), "第2版（更正）", "二、主动公开政府信息情况", "申请人情况", "法人或其他组织",
					"行政复议", "未经复议直接起诉", "复议后起诉");
			ReportLayout.Block t3 = view.tables().table3();
			for (ReportLayout.Row row : List.of(t3.row("r1").orElseThrow(), t3.row("rTotal").orElseThrow(),
					t3.row("carriedOut").orElseThrow())) {
				String line = text.lines().filter(l -> l.contains(row.label())).findFirst().orElseThrow();
				StringBuilder numbers = new StringBuilder();
				for (ReportLayout.Column c : t3.columns()) {
					numbers.append(' ').append(expected(view, t3.cellKey(row, c)));
				}
				assertThat(line).endsWith(numbers.toString());
			}
			for (String key : view.tables().cellKeys()) {
				assertThat(text).contains(expected(view, key));
			}
		}
	}

	@Test
	void theWorkbookReadsBackTheSameCellsInBothFormats() throws Exception {
		for (ReportFormat format : ReportFormat.values()) {
			ReportView view = view(format, 1);
			ReportFile file = ReportWorkbook.write(view);
			assertThat(file.contentType()).isEqualTo(ReportFile.XLSX);
			ReportCells read = ReportWorkbook.read(new ByteArrayInputStream(file.content()), format);
			assertThat(read.values().keySet()).containsExactlyInAnyOrderElementsOf(view.cells().values().keySet());
			for (String key : view.tables().cellKeys()) {
				assertThat(read.get(key)).as(key).isEqualByComparingTo(view.cells().get(key));
			}
			try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
				assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("表二");
				assertThat(wb.getSheet("表三").getRow(6).getCell(3).getNumericCellValue())
					.isEqualTo(view.cells().get("t3.r1.naturalPerson").doubleValue());
				assertThat(wb.getSheet("表三").getMergedRegions()).contains(CellRangeAddress.valueOf("A2:C4"),
						CellRangeAddress.valueOf("D2:J2"), CellRangeAddress.valueOf("E3:I3"));
				assertThat(wb.getSheet("表四").getMergedRegions()).contains(CellRangeAddress.valueOf("A2:E3"),
						CellRangeAddress.valueOf("F2:O2"), CellRangeAddress.valueOf("F3:J3"));
				assertThat(wb.getSheet("文字部分").getRow(1).getCell(1).getStringCellValue()).contains("全年主动公开信息。");
			}
		}
		// an amount never entered stays blank through the round trip
		ReportView blank = view(ReportFormat.F2021, 1);
		blank = new ReportView(blank.reportId(), blank.agencyId(), blank.agencyCode(), blank.agencyName(), blank.year(),
				blank.format(), 1, blank.status(), blank.publishedOn(), null, false, blank.sections(),
				blank.cells().with("t2.fees.amount", null));
		ReportCells read = ReportWorkbook.read(new ByteArrayInputStream(ReportWorkbook.write(blank).content()), ReportFormat.F2021);
		assertThat(read.isBlank("t2.fees.amount")).isTrue();
		assertThat(ReportTableGrid.format(read, "t2.fees.amount", true)).isEqualTo("—");
	}
}
