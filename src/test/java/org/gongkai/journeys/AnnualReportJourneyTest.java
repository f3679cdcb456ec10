package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongkai.platform.Zones;
import org.gongkai.report.ReportCells;
import org.gongkai.report.ReportFormat;
import org.gongkai.report.ReportStatus;
import org.gongkai.report.ReportView;
import org.gongkai.report.ReportWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys of the annual report through the console over real HTTP: the development and reform bureau's
 * editor drafts its report for 2024 (a year no other journey touches), edits the text, submits; the reviewer
 * reviews, the leader approves, the editor publishes and the public API returns it; a correction is a second
 * version, published beside the first; a figure of table 二 leads to the decision behind it; the county's 政务公开办
 * sees the agency in the roll-up; a report for 2023 is imported from a workbook, with field errors shown and the
 * input kept when the form is incomplete.
 */
abstract class AnnualReportJourneyTest extends JourneySupport {

	static final int YEAR = 2024;

	static final int IMPORT_YEAR = 2023;

	static final String AGENCY = "yiyuan-fgj";

	private static final Pattern REPORT = Pattern.compile("/console/reports/(\\d+)$");

	private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"(\\d+)\"");

	static long reportId(Http.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(302);
		Matcher m = REPORT.matcher(r.header("Location"));
		assertThat(m.find()).as(r.header("Location")).isTrue();
		return Long.parseLong(m.group(1));
	}

	static String revision(String page) {
		Matcher m = REVISION.matcher(page);
		assertThat(m.find()).as("the text form carries the revision").isTrue();
		return m.group(1);
	}

	static Map<String, String> text(String revision, String marker) {
		Map<String, String> f = new HashMap<>();
		f.put("revision", revision);
		f.put("one", "2024年，沂源县发展和改革局认真贯彻落实《中华人民共和国政府信息公开条例》，" + marker
				+ "。（一）主动公开：围绕价格、项目审批等重点领域及时发布信息。（二）依申请公开：严格依法办理。（三）政府信息管理：落实公开属性源头认定。（四）平台建设：规范年度报告栏目。（五）监督保障：开展培训和考核。");
		f.put("five", "存在的主要问题：部分栏目更新不够及时。改进情况：" + marker + "，建立栏目更新提醒机制。");
		f.put("six", "无其他需要报告的事项。");
		f.put("six_FEES", "本年度未收取信息处理费。");
		f.put("six_WORK_PLAN", "年度政务公开工作要点已全部落实。");
		f.put("six_MOTIONS", "承办的人大代表建议和政协提案答复已按规定公开。");
		f.put("six_INNOVATION", "开展政府开放日活动。");
		return f;
	}

	/** Walks one version from its draft to published, as the three roles do in the console. */
	void submitReviewApprovePublish(long id) {
		String page = "/console/reports/" + id;
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		Http.Response submitted = editor.postForm(page + "/submit", page, Map.of(), true);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
		assertThat(editor.get(page).body()).contains("待审核");

		// the editor cannot review; the reviewer can
		assertThat(editor.get(page).body()).doesNotContain("审核通过</button>");
		Http reviewer = session("fgj-reviewer", DEMO_PASSWORD);
		assertThat(reviewer.get(page).body()).contains("审核通过</button>", "退回修改</button>");
		Http.Response reviewed = reviewer.postForm(page + "/review", page, Map.of("note", "数据核对无误"), true);
		assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(302);

		Http leader = session("fgj-leader", DEMO_PASSWORD);
		assertThat(leader.get(page).body()).contains("批准</button>");
		Http.Response approved = leader.postForm(page + "/approve", page, Map.of("note", "同意发布"), true);
		assertThat(approved.status()).as(approved.body()).isEqualTo(302);
		assertThat(leader.get(page).body()).contains("已批准待发布").doesNotContain("发布</button>");

		Http.Response published = editor.postForm(page + "/publish", page, Map.of(), true);
		assertThat(published.status()).as(published.body()).isEqualTo(302);
		assertThat(editor.get(page).body()).contains("已发布", "发起更正</button>");
	}

	@Test
	void aReportIsDraftedEditedReviewedApprovedPublishedAndCorrected() {
		// a penalty decided in the report year, so that a figure of table 二 has a record behind it
		Http api = demo("fgj-editor");
		Map<String, Object> penalty = EnforcementJourneyTest.penalty("沂源县年报核对商贸有限公司", creditCode("91370323MA3C4J9R2"),
				LocalDate.of(YEAR, 6, 3));
		Http.Response decided = api.postJson("/api/v1/penalties", penalty);
		assertThat(decided.status()).as(decided.body()).isEqualTo(201);
		long decision = decided.json().get("id").asLong();
		api.postJson("/api/v1/decisions/" + decision + "/publish", Map.of());

		Http editor = session("fgj-editor", DEMO_PASSWORD);
		Http.Response list = editor.get("/console/reports?agency=" + AGENCY);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("政府信息公开工作年度报告", "导入历史年报");
		assertThat(list.header("Cache-Control")).contains("no-store");
		// the dashboard names the previous year's report with its deadline
		int previous = today().getYear() - 1;
		assertThat(editor.get("/console").body()).contains("县发展改革局" + previous + "年度报告");
		assertThat(session("gkb", DEMO_PASSWORD).get("/console").body()).contains(previous + "年度报告未发布的单位");

		// a year that is not a year is a field error, the input kept
		Http.Response badYear = editor.postForm("/console/reports/start", "/console/reports?agency=" + AGENCY,
				Map.of("agency", AGENCY, "year", "二〇二四"), true);
		assertThat(badYear.status()).isEqualTo(200);
		assertThat(badYear.body()).contains("error-summary", "请填写报告年度", "value=\"二〇二四\"");

		long id = reportId(editor.postForm("/console/reports/start", "/console/reports?agency=" + AGENCY,
				Map.of("agency", AGENCY, "year", String.valueOf(YEAR)), true));
		String page = "/console/reports/" + id;
		// the year's report exists: a second start is refused on the list, with the reason
		Http.Response again = editor.postForm("/console/reports/start", "/console/reports?agency=" + AGENCY,
				Map.of("agency", AGENCY, "year", String.valueOf(YEAR)), true);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("error-summary", "年度报告已经存在");
		String draft = editor.get(page).body();
		assertThat(draft).contains("沂源县发展和改革局2024年政府信息公开工作年度报告", "草稿", "公布期限", "2025-01-31",
				"已逾期", "刷新数据</button>", "提交审核</button>", "（一）收取信息处理费情况", "name=\"six_FEES\"");
		assertThat(editor.get("/console/reports?agency=" + AGENCY).body()).contains("/console/reports/" + id);

		// every figure links to the records behind it: the penalty of June is behind table 二's penalties
		assertThat(draft).contains(page + "/cells?key=t2.penalties.decisions");
		Http.Response cell = editor.get(page + "/cells?key=t2.penalties.decisions");
		assertThat(cell.status()).isEqualTo(200);
		assertThat(cell.body()).contains("数据来源", "行政处罚", penalty.get("decisionNumber").toString(), "沂源县年报核对商贸有限公司");
		assertThat(editor.get(page + "/cells?key=t9.nothing.here").status()).isEqualTo(404);

		// the text is saved with the revision; a save from a stale page is refused and keeps what was typed
		String revision = revision(draft);
		Http.Response saved = editor.postForm(page + "/text", page, text(revision, "年报旅程第一稿"), true);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(editor.get(page).body()).contains("年报旅程第一稿");
		Http.Response stale = editor.postForm(page + "/text", page, text(revision, "过期页面上的修改"), true);
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("error-summary", "过期页面上的修改");
		assertThat(editor.get(page).body()).contains("年报旅程第一稿").doesNotContain("过期页面上的修改");

		// drafts download for staff, marked as drafts
		java.net.http.HttpResponse<byte[]> docx = editor.getBytes(page + "/download.docx");
		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".docx",
				java.net.URLEncoder.encode("草稿", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(docx.body().length).isGreaterThan(1000);
		assertThat(anonymous().get(page + "/download.pdf").status()).isIn(302, 401);
		assertThat(anonymous().get("/api/v1/reports/annual?agency=" + AGENCY + "&year=" + YEAR).status()).isEqualTo(404);
		String portalYear = "/agencies/" + AGENCY + "/annual-reports/" + YEAR + "/";
		assertThat(anonymous().get(portalYear).status()).as("a draft never reaches the portal").isEqualTo(404);

		submitReviewApprovePublish(id);

		// the public API returns the published report
		Http.Response published = anonymous().get("/api/v1/reports/annual?agency=" + AGENCY + "&year=" + YEAR);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		JsonNode json = published.json();
		assertThat(json.get("year").asInt()).isEqualTo(YEAR);
		assertThat(json.get("sections").get("one").asString()).contains("年报旅程第一稿");
		assertThat(json.get("table2").get("penalties").asInt()).isGreaterThanOrEqualTo(1);
		Http.Response portal = anonymous().get(portalYear);
		assertThat(portal.status()).isEqualTo(200);
		assertThat(portal.body()).contains("沂源县发展和改革局2024年政府信息公开工作年度报告", "年报旅程第一稿");
		assertThat(editor.get(page).body()).contains("href=\"" + portalYear + "v1/\"");

		// a published version is not edited: a correction is a second version, published beside the first
		Http.Response noReason = editor.postForm(page + "/correct", page, Map.of("reason", ""), true);
		assertThat(noReason.status()).isEqualTo(200);
		assertThat(noReason.body()).contains("error-summary");
		long second = reportId(editor.postForm(page + "/correct", page, Map.of("reason", "更正表二行政处罚数量的说明"), true));
		assertThat(second).isNotEqualTo(id);
		String secondPage = "/console/reports/" + second;
		String secondDraft = editor.get(secondPage).body();
		assertThat(secondDraft).contains("第2版", "草稿");
		assertThat(editor.postForm(secondPage + "/text", secondPage, text(revision(secondDraft), "年报旅程更正稿"), true)
			.status()).isEqualTo(302);
		submitReviewApprovePublish(second);
		Http.Response corrected = anonymous().get("/api/v1/reports/annual?agency=" + AGENCY + "&year=" + YEAR);
		assertThat(corrected.json().get("sections").get("one").asString()).contains("年报旅程更正稿");
		assertThat(editor.get(page).body()).contains("已发布", "年报旅程第一稿").doesNotContain("发起更正</button>");
		// the portal shows the correction, and the first version stays visible
		assertThat(anonymous().get(portalYear).body()).contains("年报旅程更正稿").doesNotContain("年报旅程第一稿");
		Http.Response firstVersion = anonymous().get(portalYear + "v1/");
		assertThat(firstVersion.status()).isEqualTo(200);
		assertThat(firstVersion.body()).contains("年报旅程第一稿");

		// the county's 政务公开办 sees the agency published in the roll-up; an editor does not see the roll-up
		Http gkb = session("gkb", DEMO_PASSWORD);
		Http.Response rollup = gkb.get("/console/reports/rollup?year=" + YEAR);
		assertThat(rollup.status()).isEqualTo(200);
		String row = rowOf(rollup.body(), AGENCY);
		assertThat(row).contains("沂源县发展和改革局", "已发布", "/console/reports/" + second);
		assertThat(gkb.getBytes("/console/reports/rollup.xlsx?year=" + YEAR).statusCode()).isEqualTo(200);
		assertThat(editor.get("/console/reports/rollup?year=" + YEAR).status()).isEqualTo(403);
		// the supervisor reads the report but has no step on it
		assertThat(gkb.get(secondPage).body()).contains("已发布").doesNotContain("发起更正</button>", "提交审核</button>");
	}

	static String rowOf(String page, String agencyCode) {
		int start = page.indexOf("data-agency=\"" + agencyCode + "\"");
		assertThat(start).as("the roll-up lists " + agencyCode).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	@Test
	void anEarlierYearsReportIsImportedFromTheWorkbookWithFieldErrorsFirst() {
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		String form = "/console/reports/import?agency=" + AGENCY;
		Http.Response page = editor.get(form);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("导入历史年报", "2019年版格式", "/console/reports/import/template?format=2019");
		java.net.http.HttpResponse<byte[]> template = editor.getBytes("/console/reports/import/template?format=2021");
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(template.body()).startsWith('P', 'K');

		// no date and a file that is no workbook: field errors, what was typed kept
		Map<String, String> fields = new HashMap<>(Map.of("agency", AGENCY, "year", String.valueOf(IMPORT_YEAR), "format", "2021",
				"one", "2023年导入旅程总体情况。", "five", "2023年导入旅程存在的问题。", "six", "无。", "sourceUrl",
				"http://www.yiyuan.gov.cn/nianbao/2023.html"));
		Http.Response bad = editor.postFile("/console/reports/import", form, fields, "report.xlsx", "不是表格".getBytes());
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("error-summary", "请填写原公布日期", "2023年导入旅程总体情况。");

		fields.put("publishedOn", IMPORT_YEAR + 1 + "-01-20");

		// a workbook whose table 三 does not add up (V1) is refused, naming the column, and nothing is imported
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		for (String column : List.of("naturalPerson", "total")) {
			cells.put("t3.new." + column, BigDecimal.valueOf(3));
			cells.put("t3.r1." + column, BigDecimal.valueOf(3));
			cells.put("t3.rTotal." + column, BigDecimal.valueOf(3));
		}
		cells.put("t2.licences.decisions", BigDecimal.valueOf(17));
		Map<String, BigDecimal> broken = new LinkedHashMap<>(cells);
		broken.put("t3.rTotal.naturalPerson", BigDecimal.valueOf(2));
		broken.put("t3.rTotal.total", BigDecimal.valueOf(2));
		Http.Response refused = editor.postFile("/console/reports/import", form, fields, "report.xlsx", workbook(broken));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("error-summary", "V1：自然人列", "2023年导入旅程总体情况。");
		assertThat(anonymous().get("/api/v1/reports/annual?agency=" + AGENCY + "&year=" + IMPORT_YEAR).status()).isEqualTo(404);

		long id = reportId(editor.postFile("/console/reports/import", form, fields, "report.xlsx", workbook(cells)));
		String imported = editor.get("/console/reports/" + id).body();
		assertThat(imported).contains("导入的历史年报", "2023年导入旅程总体情况。", "已发布").doesNotContain("提交审核</button>");
		assertThat(imported).contains("data-cell=\"t2.licences.decisions\"");
		// the year is imported: a second import is refused, what was typed kept
		Http.Response twice = editor.postFile("/console/reports/import", form, fields, "report.xlsx", workbook(cells));
		assertThat(twice.status()).isEqualTo(200);
		assertThat(twice.body()).contains("error-summary", "2023年导入旅程总体情况。");
		Http.Response api = anonymous().get("/api/v1/reports/annual?agency=" + AGENCY + "&year=" + IMPORT_YEAR);
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.json().get("table2").get("licences").asInt()).isEqualTo(17);
		assertThat(anonymous().get("/agencies/" + AGENCY + "/annual-reports/" + IMPORT_YEAR + "/").body())
			.contains("2023年导入旅程总体情况。");
		// an imported figure has no records behind it in the platform
		assertThat(editor.get("/console/reports/" + id + "/cells?key=t2.licences.decisions").body())
			.contains("导入的历史年报", "17");
	}

	/** A filled-in workbook of the 2021 format, as the renderer writes it (the import reads its own layout back). */
	static byte[] workbook(Map<String, BigDecimal> cells) {
		return ReportWorkbook.write(new ReportView(0, 0, AGENCY, "沂源县发展和改革局", IMPORT_YEAR, ReportFormat.F2021, 1,
				ReportStatus.PUBLISHED, null, null, true, List.of(), new ReportCells(cells))).content();
	}

	static LocalDate today() {
		return LocalDate.now(Zones.CHINA);
	}
}
