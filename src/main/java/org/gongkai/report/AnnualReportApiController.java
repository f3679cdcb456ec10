package org.gongkai.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/reports/annual?agency=&year=} (api-contract.md "Annual report"). Without credentials, or for
 * anyone who may not read the agency's drafts, only the latest published version (404 when none); staff of the agency
 * (session, Basic, or the agency's token with scope {@code reports}) get the newest version whatever its status.
 */
@RestController
@Tag(name = "Annual report", description = "政府信息公开工作年度报告")
class AnnualReportApiController {

	private final AnnualReportQueries queries;

	private final AgencyDirectory agencies;

	AnnualReportApiController(AnnualReportQueries queries, AgencyDirectory agencies) {
		this.queries = queries;
		this.agencies = agencies;
	}

	@GetMapping("/api/v1/reports/annual")
	@Operation(summary = "年度报告：第一、五、六部分文本及表二至表四；未登录只返回已发布版本")
	Map<String, Object> annual(@RequestParam(required = false) String agency,
			@RequestParam(required = false) Integer year) {
		Agency a = agency(agency);
		if (year == null || year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "请提供2000至2100之间的年份 year");
		}
		ReportView view;
		if (queries.mayReadWorking(a.id())) {
			view = queries.working(a.id(), year).map(ReportWork::view).orElseThrow(() -> notFound(a, year));
		}
		else {
			view = queries.published(a.id(), year).orElseThrow(() -> notFound(a, year));
		}
		Map<String, Object> out = body(view, queries.publishedVersions(a.id(), year));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> versions = (List<Map<String, Object>>) out.get("versions");
		for (Map<String, Object> c : versions) {
			queries.publishedVersion(a.id(), year, (Integer) c.get("version"))
				.ifPresent(v -> c.put("reason", v.correctionNote()));
		}
		return out;
	}

	private static DomainException notFound(Agency a, int year) {
		return DomainException.notFound(a.name() + year + "年度报告尚未发布");
	}

	static Map<String, Object> body(ReportView view, List<ReportSummary> published) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("agency", view.agencyCode());
		out.put("agencyName", view.agencyName());
		out.put("year", view.year());
		out.put("status", view.status().name());
		out.put("version", view.version());
		out.put("format", view.format().code());
		out.put("imported", view.imported());
		out.put("publishedOn", view.publishedOn() == null ? null : view.publishedOn().toString());
		out.put("correctionNote", view.correctionNote());
		Map<String, Object> sections = new LinkedHashMap<>();
		Map<String, Object> sixParts = new LinkedHashMap<>();
		for (ReportView.SectionText s : view.sections()) {
			String name = switch (s.section()) {
				case ONE -> "one";
				case FIVE -> "five";
				case SIX -> "six";
				default -> s.section().name().toLowerCase();
			};
			StringBuilder text = new StringBuilder(s.text() == null ? "" : s.text());
			for (ReportView.Part p : s.parts()) {
				if (text.length() > 0) {
					text.append("\n");
				}
				text.append(p.title()).append("\n").append(p.text());
				ReportSixPart part = partOf(p.title());
				if (part != null) {
					sixParts.put(part.name(), p.text());
				}
			}
			sections.put(name, text.toString());
		}
		out.put("sections", sections);
		out.put("sixParts", sixParts);
		ReportLayout.Tables tables = view.tables();
		ReportCells cells = view.cells();
		out.put("table2", view.format() == ReportFormat.F2021 ? table2(tables, cells) : generic(tables.table2(), cells));
		ReportLayout.Block t3 = tables.table3();
		Map<String, Object> rows = new LinkedHashMap<>();
		for (ReportLayout.Row r : t3.rows()) {
			Map<String, Object> columns = new LinkedHashMap<>();
			for (ReportLayout.Column c : t3.columns()) {
				columns.put(c.key(), number(cells, t3.cellKey(r, c)));
			}
			rows.put(r.key(), columns);
		}
		out.put("table3", Map.of("rows", rows));
		ReportLayout.Block t4 = tables.table4();
		ReportLayout.Row remedies = t4.row(ReportLayout.REMEDY_ROW).orElseThrow();
		Map<String, Object> groups = new LinkedHashMap<>();
		for (String g : ReportLayout.REMEDY_GROUPS) {
			Map<String, Object> results = new LinkedHashMap<>();
			for (String r : ReportLayout.REMEDY_RESULTS) {
				results.put(r, number(cells, t4.cellKey(remedies, t4.column(g + "." + r).orElseThrow())));
			}
			groups.put(g, results);
		}
		out.put("table4", groups);
		List<Map<String, Object>> versions = new ArrayList<>();
		for (ReportSummary s : published) {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("version", s.version());
			c.put("publishedOn", s.publishedOn() == null ? null : s.publishedOn().toString());
			versions.add(c);
		}
		// every published version of the year, newest first; corrections are those after version 1
		out.put("versions", versions);
		out.put("corrections", versions.stream().filter(v -> (Integer) v.get("version") > 1).toList());
		return out;
	}

	private static Map<String, Object> table2(ReportLayout.Tables tables, ReportCells cells) {
		Map<String, Object> t2 = new LinkedHashMap<>();
		for (ReportLayout.Block b : tables.table2()) {
			for (ReportLayout.Row r : b.rows()) {
				if (b.columns().size() == 1) {
					String name = "fees".equals(r.key()) ? "feesTenThousandYuan" : r.key();
					t2.put(name, number(cells, b.cellKey(r, b.columns().get(0))));
				}
				else {
					Map<String, Object> columns = new LinkedHashMap<>();
					for (ReportLayout.Column c : b.columns()) {
						columns.put(c.key(), number(cells, b.cellKey(r, c)));
					}
					t2.put(r.key(), columns);
				}
			}
		}
		return t2;
	}

	/** Table 二 of the 2019 format: every row with its columns, keyed as in {@link ReportLayout}. */
	private static Map<String, Object> generic(List<ReportLayout.Block> blocks, ReportCells cells) {
		Map<String, Object> t2 = new LinkedHashMap<>();
		for (ReportLayout.Block b : blocks) {
			for (ReportLayout.Row r : b.rows()) {
				Map<String, Object> columns = new LinkedHashMap<>();
				for (ReportLayout.Column c : b.columns()) {
					columns.put(c.key(), number(cells, b.cellKey(r, c)));
				}
				t2.put(r.key(), columns);
			}
		}
		return t2;
	}

	/** A cell as a JSON number: an integer for counts, a decimal for amounts, null when blank. */
	private static Number number(ReportCells cells, String key) {
		if (cells.isBlank(key)) {
			return key.startsWith("t2.") && key.endsWith(".amount") ? null : 0;
		}
		BigDecimal v = cells.get(key).stripTrailingZeros();
		return v.scale() <= 0 ? (Number) v.longValueExact() : v;
	}

	private static ReportSixPart partOf(String title) {
		for (ReportSixPart p : ReportSixPart.values()) {
			if (p.label().equals(title)) {
				return p;
			}
		}
		return null;
	}

	private Agency agency(String code) {
		if (Texts.trimToNull(code) == null) {
			throw InvalidInputException.of("agency", "请提供单位代码 agency");
		}
		return agencies.findByCode(code.trim())
			.orElseThrow(() -> DomainException.notFound("没有代码为“" + code.trim() + "”的单位"));
	}
}
