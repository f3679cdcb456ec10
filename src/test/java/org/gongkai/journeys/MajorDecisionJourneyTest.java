package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongkai.platform.SitemapContributor;
import org.gongkai.platform.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys of the major-decision catalogue (重大行政决策事项目录) over real HTTP: an agency's editor adds an
 * item through the API and the console, the procedure stages are refused out of order (409 with the missing stage
 * named), a decision without its legality review cannot be marked taken, an unpublished catalogue is 404 in public, the
 * published catalogue and item pages show the public parts only, rendered without a session; a supervisor reads but
 * does not act, and an integration token acts for its own agency.
 */
abstract class MajorDecisionJourneyTest extends JourneySupport {

	@Autowired
	List<SitemapContributor> sitemap;

	static LocalDate today() {
		return LocalDate.now(Zones.CHINA);
	}

	static Map<String, Object> itemBody(int year, String title) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("year", year);
		body.put("title", title);
		body.put("summary", "统筹全县" + title + "，明确目标、任务和保障措施。");
		body.put("unit", "yiyuan-fgj");
		body.put("unitOffice", "规划科");
		body.put("planQuarter", 4);
		body.put("methods", List.of("ONLINE", "HEARING"));
		body.put("expertRequired", true);
		return body;
	}

	static Map<String, Object> stage(String stage, String outcome) {
		Map<String, Object> body = new HashMap<>();
		body.put("stage", stage);
		body.put("completedOn", today().toString());
		body.put("summary", stage + " 的情况说明");
		if (outcome != null) {
			body.put("outcome", outcome);
		}
		if ("COLLECTIVE_DISCUSSION".equals(stage)) {
			body.put("meetingForm", "EXECUTIVE");
		}
		return body;
	}

	@Test
	void theProcedureIsEnforcedOverTheApiAndOnlyAPublishedCatalogueIsPublic() {
		int year = today().getYear();
		Http editor = demo("fgj-editor");
		Http.Response bad = editor.postJson("/api/v1/major-decisions", Map.of("agency", "yiyuan-fgj", "year", year, "title", ""));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
		assertThat(bad.json().get("errors").findValuesAsString("field")).contains("title", "summary", "unit", "methods");

		Http.Response created = editor.postJson("/api/v1/major-decisions", itemBody(year, "全县城乡供水一体化规划"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("status").asString()).isEqualTo("NOT_STARTED");
		assertThat(created.json().get("public").asBoolean()).isFalse();

		// an unpublished catalogue is not public anywhere
		assertThat(anonymous().get("/api/v1/public/major-decisions?agency=yiyuan-fgj&year=" + year).status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/major-decisions/" + id).status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/decisions/?agency=yiyuan-fgj&year=" + year).status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/decisions/" + id + "/").status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/decisions/?year=" + year).body()).doesNotContain("全县城乡供水一体化规划");
		Http.Response noYear = anonymous().get("/participation/decisions/?agency=yiyuan-fgj");
		assertThat(noYear.status()).isEqualTo(200);
		assertThat(noYear.body()).doesNotContain("全县城乡供水一体化规划");
		assertThat(anonymous().get("/participation/decisions/?agency=yiyuan-nyj").body()).contains("沂源县农业农村局尚未公布重大行政决策事项目录");
		assertThat(anonymous().get("/participation/decisions/?agency=no-such&year=" + year).status()).isEqualTo(404);

		// the stages in statutory order; the missing stage is named
		Http.Response early = editor.postJson("/api/v1/major-decisions/" + id + "/stages", stage("LEGALITY_REVIEW", "LEGAL"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.header("Content-Type")).startsWith("application/problem+json");
		assertThat(early.json().get("detail").asString()).contains("公众参与", "专家论证");
		Http.Response take = editor.postJson("/api/v1/major-decisions/" + id + "/take", Map.of("title", "关于印发规划的通知", "number",
				"沂发改〔" + year + "〕8号", "decidedOn", today().toString(), "url", "https://www.example.gov.cn/gh.html"));
		assertThat(take.status()).isEqualTo(409);
		assertThat(take.json().get("detail").asString()).contains("合法性审查", "不能标记为已决策");

		Map<String, Object> participation = stage("PUBLIC_PARTICIPATION", null);
		participation.put("documents", List.of(Map.of("title", "征求意见公告", "url", "https://www.example.gov.cn/zqyj.html")));
		assertThat(editor.postJson("/api/v1/major-decisions/" + id + "/stages", participation).status()).isEqualTo(201);
		// the supervisor reads but does not act
		assertThat(demo("gkb").get("/api/v1/major-decisions/" + id).status()).isEqualTo(200);
		assertThat(demo("gkb").postJson("/api/v1/major-decisions/" + id + "/stages", stage("EXPERT_ARGUMENT", null)).status())
			.isEqualTo(403);
		assertThat(demo("nyj-editor").postJson("/api/v1/major-decisions/" + id + "/stages", stage("EXPERT_ARGUMENT", null)).status())
			.isEqualTo(403);
		assertThat(editor.postJson("/api/v1/major-decisions/" + id + "/stages", stage("EXPERT_ARGUMENT", null)).status()).isEqualTo(201);
		Map<String, Object> review = stage("LEGALITY_REVIEW", "LEGAL");
		review.put("summary", "内部审查意见：第三条表述需调整");
		assertThat(editor.postJson("/api/v1/major-decisions/" + id + "/stages", review).status()).isEqualTo(201);
		assertThat(editor.postJson("/api/v1/major-decisions/" + id + "/take", Map.of("title", "关于印发规划的通知", "decidedOn",
				today().toString(), "url", "https://www.example.gov.cn/gh.html")).json().get("detail").asString()).contains("集体讨论决定");
		assertThat(editor.postJson("/api/v1/major-decisions/" + id + "/stages", stage("COLLECTIVE_DISCUSSION", "PASSED")).status())
			.isEqualTo(201);
		Http.Response taken = editor.postJson("/api/v1/major-decisions/" + id + "/take", Map.of("title", "关于印发全县城乡供水一体化规划的通知",
				"number", "沂发改〔" + year + "〕8号", "decidedOn", today().toString(), "url", "https://www.example.gov.cn/gh.html"));
		assertThat(taken.status()).as(taken.body()).isEqualTo(200);
		assertThat(taken.json().get("status").asString()).isEqualTo("DECIDED");
		assertThat(editor.postJson("/api/v1/major-decisions/" + id + "/progress",
				Map.of("on", today().toString(), "content", "已完成管网改造规划编制")).status()).isEqualTo(200);

		// the catalogue published as a whole
		Http.Response published = demo("fgj-admin").postJson("/api/v1/major-decisions/catalogues/publish",
				Map.of("agency", "yiyuan-fgj", "year", year, "approvalNote", "经县委同意"));
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		JsonNode catalogues = anonymous().get("/api/v1/public/major-decisions?agency=yiyuan-fgj&year=" + year).json();
		JsonNode row = catalogues.get("catalogues").get(0).get("items").get(0);
		assertThat(row.get("title").asString()).isEqualTo("全县城乡供水一体化规划");
		assertThat(row.get("planned").asString()).isEqualTo(year + "年第四季度");
		assertThat(row.get("statusLabel").asString()).isEqualTo("已决策");
		Http.Response item = anonymous().get("/api/v1/public/major-decisions/" + id);
		assertThat(item.status()).isEqualTo(200);
		assertThat(item.body()).contains("关于印发全县城乡供水一体化规划的通知", "已完成管网改造规划编制", "LEGALITY_REVIEW")
			.doesNotContain("第三条表述需调整");

		// the public pages: no session, tables with headers, only the public parts
		Http.Response list = anonymous().get("/participation/decisions/?agency=yiyuan-fgj&year=" + year);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.header("Set-Cookie")).isNull();
		assertThat(list.body()).contains("<html lang=\"zh-CN\">", "<th scope=\"col\">序号</th>", "<th scope=\"col\">决策事项</th>",
				"<th scope=\"col\">计划决策时间</th>", "<th scope=\"col\">进展状态</th>", "全县城乡供水一体化规划", "经县委同意");
		assertThat(anonymous().get("/participation/decisions/").body()).contains("全县城乡供水一体化规划");
		Http.Response page = anonymous().get("/participation/decisions/" + id + "/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Set-Cookie")).isNull();
		assertThat(page.body()).contains("合法性审查", "具体意见不公开", "征求意见公告", "https://www.example.gov.cn/zqyj.html",
				"沂发改〔" + year + "〕8号", "常务会议").doesNotContain("第三条表述需调整");
		assertThat(anonymous().get("/participation/decisions/feed.atom").body()).contains("公布目录");
		assertThat(anonymous().get("/participation/").body()).contains("全县城乡供水一体化规划");
		assertThat(sitemap.stream().flatMap(c -> c.publicPaths().stream()).toList()).contains("/participation/decisions/" + id + "/",
				"/participation/decisions/?agency=yiyuan-fgj&year=" + year);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'MajorDecision' AND subject_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(6);
	}

	private static final Pattern ITEM = Pattern.compile("/console/participation/decisions/(\\d+)$");

	@Test
	void theConsoleKeepsTheCatalogueWithChineseErrorsAndATokenActsForItsAgency() {
		int year = today().getYear() + 1;
		String home = "/console/participation/decisions?agency=yiyuan-fgj&year=" + year;
		String form = "/console/participation/decisions/new?agency=yiyuan-fgj&year=" + year;
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		assertThat(editor.get("/console").body()).contains("重大决策");
		assertThat(editor.get(home).body()).contains(year + "年度重大行政决策事项目录", "尚未编制");

		Map<String, String> fields = new HashMap<>(Map.of("title", "", "summary", "", "unit", "yiyuan-fgj", "planMonth", "6"));
		Http.Response invalid = editor.postForm(form, form, fields, true);
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("提交的内容有误", "请填写决策事项名称", "请选择至少一种公众参与方式", "aria-invalid=\"true\"");
		fields.put("title", "县城区集中供热规划");
		fields.put("summary", "规划县城区集中供热热源和管网。");
		fields.put("methods", "ONLINE");
		Http.Response saved = editor.postForm(form, form, fields, true);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		Matcher m = ITEM.matcher(saved.header("Location"));
		assertThat(m.find()).isTrue();
		long id = Long.parseLong(m.group(1));
		String itemPage = "/console/participation/decisions/" + id;
		assertThat(editor.get(itemPage).body()).contains("县城区集中供热规划", year + "年6月", "网络征集意见");

		// out of order: the page again with the refusal naming the stage
		Http.Response refused = editor.postForm(itemPage + "/stages", itemPage,
				Map.of("stage", "LEGALITY_REVIEW", "completedOn", today().toString(), "outcome", "LEGAL"), true);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("尚未完成公众参与");
		Http.Response takeRefused = editor.postForm(itemPage + "/take", itemPage,
				Map.of("decisionTitle", "通知", "decidedOn", today().toString(), "decisionUrl", "https://www.example.gov.cn/x.html"), true);
		assertThat(takeRefused.status()).isEqualTo(200);
		assertThat(takeRefused.body()).contains("尚未完成公众参与、合法性审查、集体讨论决定");

		// a stage with an uploaded document
		byte[] pdf = "%PDF-1.4 征求意见报告".getBytes(StandardCharsets.UTF_8);
		Http.Response withFile = editor.postFile(itemPage + "/stages", itemPage, Map.of("stage", "PUBLIC_PARTICIPATION", "completedOn",
				today().toString(), "summary", "网上征求意见30日，收到意见12条，采纳5条", "documentTitle", "意见采纳情况报告"), "documentFile",
				"report.pdf", pdf);
		assertThat(withFile.status()).as(withFile.body()).isEqualTo(302);
		String staffPage = editor.get(itemPage).body();
		assertThat(staffPage).contains("意见采纳情况报告", "report.pdf");
		// staff download the file before anything is public; another agency's editor cannot
		Matcher staffFile = Pattern.compile("/console/participation/decisions/" + id + "/files/(\\d+)").matcher(staffPage);
		assertThat(staffFile.find()).as(staffPage).isTrue();
		assertThat(editor.getBytes(staffFile.group()).body()).isEqualTo(pdf);
		assertThat(session("nyj-editor", DEMO_PASSWORD).getBytes(staffFile.group()).statusCode()).isEqualTo(403);
		assertThat(anonymous().getBytes("/participation/decisions/" + id + "/files/" + staffFile.group(1)).statusCode()).isEqualTo(404);

		// the supervisor reads but has no buttons
		Http supervisor = session("gkb", DEMO_PASSWORD);
		assertThat(supervisor.get(home).body()).contains("县城区集中供热规划").doesNotContain("增加决策事项", "公布目录");
		assertThat(supervisor.get(itemPage).body()).contains("县城区集中供热规划").doesNotContain("登记决策程序环节");

		// publish from the console; the uploaded document is downloadable in public
		Http.Response publishInvalid = editor.postForm("/console/participation/decisions/publish?agency=yiyuan-fgj&year=" + year, home,
				Map.of("approvalNote", "", "publishedOn", today().toString()), true);
		assertThat(publishInvalid.status()).isEqualTo(200);
		assertThat(publishInvalid.body()).contains("请填写审定情况");
		assertThat(editor.postForm("/console/participation/decisions/publish?agency=yiyuan-fgj&year=" + year, home,
				Map.of("approvalNote", "经县委同意", "publishedOn", today().toString()), true).status()).isEqualTo(302);
		String publicPage = anonymous().get("/participation/decisions/" + id + "/").body();
		Matcher file = Pattern.compile("/participation/decisions/" + id + "/files/(\\d+)").matcher(publicPage);
		assertThat(file.find()).as(publicPage).isTrue();
		var download = anonymous().getBytes(file.group());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf);

		// adjustments after publication: an item added by a token, one removed in the console
		Http token = new Http(port).bearer(demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "决策系统", "scopes", List.of("participation"))).json().get("token").asString());
		Map<String, Object> late = itemBody(year, "县域物流发展规划");
		late.remove("agency");
		late.put("reason", "根据县委经济工作会议部署增加");
		Http.Response added = token.postJson("/api/v1/major-decisions", late);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("public").asBoolean()).isTrue();
		Map<String, Object> other = itemBody(year, "不属于本单位");
		other.put("agency", "yiyuan-nyj");
		assertThat(token.postJson("/api/v1/major-decisions", other).status()).isEqualTo(403);
		Http.Response noReason = editor.postForm(itemPage + "/remove", itemPage, Map.of("reason", ""), true);
		assertThat(noReason.body()).contains("请填写调出目录的理由");
		assertThat(editor.postForm(itemPage + "/remove", itemPage, Map.of("reason", "并入县城区热电联产项目一并决策"), true).status())
			.isEqualTo(302);
		// an edit of an item of a published catalogue is an adjustment with a public reason
		Http.Response addedPage = editor.get("/console/participation/decisions/" + added.json().get("id").asLong() + "/edit");
		assertThat(addedPage.body()).contains("调整说明（公开）");
		String editPath = "/console/participation/decisions/" + added.json().get("id").asLong() + "/edit";
		Map<String, String> edit = new HashMap<>(Map.of("title", "县域物流发展规划", "summary", "统筹全县县域物流发展规划，明确目标、任务和保障措施。",
				"unit", "yiyuan-fgj", "unitOffice", "规划科", "planQuarter", "4", "methods", "ONLINE", "expertRequired", "true"));
		Http.Response noAdjustReason = editor.postForm(editPath, editPath, edit, true);
		assertThat(noAdjustReason.status()).isEqualTo(200);
		assertThat(noAdjustReason.body()).contains("请填写调整说明", "href=\"#reason\"");
		edit.put("reason", "听证座谈改为网络征集意见");
		assertThat(editor.postForm(editPath, editPath, edit, true).status()).isEqualTo(302);
		String list = anonymous().get("/participation/decisions/?agency=yiyuan-fgj&year=" + year).body();
		assertThat(list).contains("调整事项", "听证座谈改为网络征集意见", "公众参与方式：网络征集意见、听证座谈 → 网络征集意见");
		assertThat(list).contains("目录调整情况", "根据县委经济工作会议部署增加", "并入县城区热电联产项目一并决策", "已调出目录", "县域物流发展规划");
	}
}
