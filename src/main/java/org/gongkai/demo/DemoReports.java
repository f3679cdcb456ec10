package org.gongkai.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gongkai.platform.Actors;
import org.gongkai.report.AnnualReportManagement;
import org.gongkai.report.AnnualReportQueries;
import org.gongkai.report.ReportCells;
import org.gongkai.report.ReportFormat;
import org.gongkai.report.ReportImportInput;
import org.gongkai.report.ReportLayout;
import org.gongkai.report.ReportSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The earlier annual reports of 沂源县发展和改革局 for the portal's series, imported as published outside the platform:
 * the two years before the generated year in the 2021 format and 2019 in the 2019 format, with plausible numbers that
 * satisfy the checks V1–V3 and their texts. The generated year's own report is left un-started, for a user to walk
 * the workflow from the draft. Imports only years not yet there, so a restart imports nothing twice.
 */
@Component
class DemoReports {

	private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

	private final AnnualReportManagement management;

	private final AnnualReportQueries queries;

	DemoReports(AnnualReportManagement management, AnnualReportQueries queries) {
		this.management = management;
		this.queries = queries;
	}

	/** Imports the earlier reports of the agency that are missing; a failure leaves the demo usable and is logged. */
	void importHistory(long agencyId, int generatedYear) {
		try {
			Actors.runAsSystem(() -> {
				List<Integer> present = queries.reports(agencyId).stream().map(ReportSummary::year).toList();
				for (int year : List.of(2019, generatedYear - 2, generatedYear - 1)) {
					if (!present.contains(year)) {
						management.importHistory(input(agencyId, year));
					}
				}
			});
		}
		catch (RuntimeException e) {
			log.warn("The demo's earlier annual reports could not be imported: {}", e.toString());
		}
	}

	static ReportImportInput input(long agencyId, int year) {
		ReportFormat format = year < 2021 ? ReportFormat.F2019 : ReportFormat.F2021;
		return new ReportImportInput(agencyId, year, format, cells(format, year), one(year), five(year), six(year),
				LocalDate.of(year + 1, 1, 20 + year % 7), "https://www.yiyuan.example.gov.cn/fgj/ndbg/" + year + ".html");
	}

	/** Plausible figures of one year: table 三 closed by V1–V3, table 四 with its totals, table 二 as the format has it. */
	static ReportCells cells(ReportFormat format, int year) {
		Random random = new Random(year);
		ReportLayout.Tables tables = ReportLayout.of(format);
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		// table 三: per applicant column the results, carried in and out, then 新收 from V1 and the total column from V3
		ReportLayout.Block t3 = tables.table3();
		List<ReportLayout.Column> columns = t3.columns();
		int[] weight = { 10, 3, 1, 1, 2, 1 };
		for (int c = 0; c < 6; c++) {
			ReportLayout.Column column = columns.get(c);
			int total = 0;
			for (ReportLayout.Row row : t3.rows()) {
				String key = row.key();
				if (key.equals("new") || key.equals("carriedIn") || key.equals("rTotal") || key.equals("carriedOut")) {
					continue;
				}
				int n = random.nextInt(100) < rowChance(key) * weight[c] ? 1 + random.nextInt(weight[c] * rowSize(key)) : 0;
				values.put(t3.cellKey(row, column), BigDecimal.valueOf(n));
				total += n;
			}
			int in = c == 0 ? 2 + random.nextInt(3) : random.nextInt(2);
			int out = c == 0 ? 1 + random.nextInt(4) : random.nextInt(2);
			in = Math.min(in, total);
			put(values, t3, "rTotal", column, total);
			put(values, t3, "carriedIn", column, in);
			put(values, t3, "carriedOut", column, out);
			put(values, t3, "new", column, total + out - in);
		}
		ReportLayout.Column totalColumn = columns.get(6);
		for (ReportLayout.Row row : t3.rows()) {
			BigDecimal sum = BigDecimal.ZERO;
			for (int c = 0; c < 6; c++) {
				sum = sum.add(values.get(t3.cellKey(row, columns.get(c))));
			}
			values.put(t3.cellKey(row, totalColumn), sum);
		}
		// table 四: a few reconsiderations and one lawsuit, their totals
		ReportLayout.Block t4 = tables.table4();
		ReportLayout.Row remedies = t4.rows().get(0);
		int[][] results = { { 2 + random.nextInt(2), random.nextInt(2), 0, random.nextInt(2) }, { 1, 0, 0, 0 },
				{ 0, 0, 0, random.nextInt(2) } };
		for (int g = 0; g < ReportLayout.REMEDY_GROUPS.size(); g++) {
			int sum = 0;
			for (int r = 0; r < 4; r++) {
				sum += results[g][r];
				values.put(t4.cellKey(remedies, column(t4, ReportLayout.REMEDY_GROUPS.get(g) + "." + ReportLayout.REMEDY_RESULTS.get(r))),
						BigDecimal.valueOf(results[g][r]));
			}
			values.put(t4.cellKey(remedies, column(t4, ReportLayout.REMEDY_GROUPS.get(g) + ".total")), BigDecimal.valueOf(sum));
		}
		// table 二: no rules (a county department makes none), the department's measures, decisions, fees
		for (ReportLayout.Block block : tables.table2()) {
			for (ReportLayout.Row row : block.rows()) {
				for (ReportLayout.Column column : block.columns()) {
					values.put(block.cellKey(row, column), table2(format, block.key(), row.key(), column.key(), random));
				}
			}
		}
		return new ReportCells(values);
	}

	private static BigDecimal table2(ReportFormat format, String block, String row, String column, Random random) {
		if (row.equals("rules")) {
			return BigDecimal.ZERO;
		}
		if (column.equals("amount")) {
			return row.equals("fees") ? new BigDecimal("1.6200").add(BigDecimal.valueOf(random.nextInt(40), 2))
					: new BigDecimal("126.5000"); // 政府集中采购 (2019 only), 万元
		}
		if (format == ReportFormat.F2021) {
			return BigDecimal.valueOf(switch (row) {
				case "normativeDocuments" -> column.equals("issued") ? 2 : column.equals("repealed") ? 1 : 6;
				case "licences" -> 18 + random.nextInt(10);
				case "penalties" -> 6 + random.nextInt(8);
				case "compulsoryMeasures" -> random.nextInt(3);
				default -> 0;
			});
		}
		return BigDecimal.valueOf(switch (block + "." + row + "." + column) {
			case "item1.normativeDocuments.made", "item1.normativeDocuments.published" -> 2;
			case "item1.normativeDocuments.totalPublic" -> 9;
			case "item5.licences.previous" -> 21;
			case "item5.licences.change" -> 2;
			case "item5.licences.decisions" -> 16;
			case "item5.otherServices.previous" -> 12;
			case "item5.otherServices.decisions" -> 35;
			case "item6.penalties.previous", "item6.penalties.decisions" -> 5;
			case "item6.compulsoryMeasures.previous", "item6.compulsoryMeasures.decisions" -> 1;
			case "item8.fees.previous" -> 1;
			case "item9.procurement.projects" -> 4;
			default -> 0;
		});
	}

	private static int rowChance(String key) {
		return switch (key) {
			case "r1", "r2", "r4_1" -> 9;
			case "r3_4", "r3_6", "r4_2", "r5_2", "r6", "r6_3" -> 4;
			default -> 2;
		};
	}

	private static int rowSize(String key) {
		return switch (key) {
			case "r1" -> 3;
			case "r2", "r4_1" -> 2;
			default -> 1;
		};
	}

	private static void put(Map<String, BigDecimal> values, ReportLayout.Block t3, String row, ReportLayout.Column column,
			int n) {
		values.put(t3.cellKey(t3.row(row).orElseThrow(), column), BigDecimal.valueOf(n));
	}

	private static ReportLayout.Column column(ReportLayout.Block block, String key) {
		return block.column(key).orElseThrow();
	}

	/** What each year's report stressed, so that no year's text copies another's. */
	private static final Map<Integer, String[]> FOCUS = Map.of(2019, new String[] {
			"贯彻落实新修订的《中华人民共和国政府信息公开条例》，全面梳理本局主动公开事项，编制政府信息公开指南和目录",
			"依申请公开办理流程按新条例重新规范，答复文书格式统一", "宣传新条例，组织全局干部集中学习两次" },
			2023, new String[] { "围绕稳经济一揽子政策落实，集中公开重大项目谋划储备、专项债券申报和以工代赈项目信息",
					"推行依申请公开办理全程电子化台账，实现受理、办理、答复、送达全流程留痕", "开展“政务公开日”活动，邀请企业代表走进发改局" },
			2024, new String[] { "聚焦优化营商环境，公开企业投资项目核准备案办事指南和审批结果，推行惠企政策“免申即享”清单公开",
					"对答复文书实行法制审核，依申请公开答复规范性进一步提高", "完成本局网站栏目适老化改造，政策文件同步提供图解" });

	private static String[] focus(int year) {
		return FOCUS.getOrDefault(year, FOCUS.get(2024));
	}

	private static String one(int year) {
		String[] f = focus(year);
		return year + "年，县发展和改革局认真贯彻落实《中华人民共和国政府信息公开条例》和县委、县政府关于政务公开工作的部署，" + f[0] + "。\n"
				+ "（一）主动公开。全年通过县政府网站本局栏目主动公开政府信息" + (120 + year % 9 * 7) + "条，其中重点建设项目、项目审批结果、价格收费等信息"
				+ (40 + year % 5 * 3) + "条。\n"
				+ "（二）依申请公开。" + f[1] + "。\n"
				+ "（三）政府信息管理。落实公开前保密审查和合法性审查制度，" + (year == 2019 ? "对本局现行规范性文件进行全面清理。" : "按要求开展行政规范性文件清理。") + "\n"
				+ "（四）政府信息公开平台建设。" + f[2] + "。\n"
				+ "（五）监督保障。将政务公开纳入" + year + "年度工作要点，明确分管领导和专人负责。";
	}

	private static String five(int year) {
		return switch (year) {
			case 2019 -> "2019年，新条例施行后依申请公开数量有所增加，个别答复说理不够充分。下一步将加强业务培训，规范答复文书，做到依据充分、说理清楚。";
			case 2023 -> "2023年，部分重点项目信息更新不够及时，政策解读形式较为单一。下一步将建立项目信息月度更新机制，增加图解、视频等解读形式。";
			default -> year + "年，公开内容与群众关切的契合度仍需提高，互动回应的时效有待提升。下一步将建立公众关切收集分析机制，及时回应社会关切。";
		};
	}

	private static String six(int year) {
		return "（一）收取信息处理费情况：" + year + "年本机关未收取信息处理费。\n（二）年度政务公开工作要点落实情况：已按要求落实。";
	}
}
