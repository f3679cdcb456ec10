package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
		assertThat(expected(view, "t2.fees.amount")).isEqualTo("20.5");
		assertThat(page).contains(">20.5</td>").doesNotContain("20.5000");
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
}
