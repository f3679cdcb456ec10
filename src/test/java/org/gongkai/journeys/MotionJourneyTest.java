package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.platform.Zones;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys of suggestion and proposal handling over real HTTP: the county's 政务公开办 registers a
 * deputy's suggestion through the API, the lead unit consults the proposer, replies and publishes the reply, and the
 * public sees it on the page, the list, the feed, the sitemap and the API — masked and without the proposer's
 * contact details — while a reply decided not to be published is 404 everywhere.
 */
abstract class MotionJourneyTest extends JourneySupport {

	private static int serial;

	static synchronized String number() {
		return "J" + System.nanoTime() % 1_000_000 + "-" + (++serial);
	}

	static String today() {
		return LocalDate.now(Zones.CHINA).toString();
	}

	static Map<String, Object> suggestion(String title) {
		Map<String, Object> body = new HashMap<>();
		body.put("year", LocalDate.now(Zones.CHINA).getYear());
		body.put("kind", "SUGGESTION");
		body.put("number", number());
		body.put("session", "县十八届人大三次会议");
		body.put("title", title);
		body.put("content", "建议加快推进农村公路提档升级。");
		body.put("proposers", "张三");
		body.put("proposerContact", "张三 13912345678 南麻街道人民路1号");
		body.put("leadUnit", "yiyuan-fgj");
		body.put("coUnits", List.of("yiyuan-nyj"));
		body.put("assignedOn", today());
		return body;
	}

	long registerAndReply(String title, String reply) {
		Http.Response registered = demo("gkb").postJson("/api/v1/motions", suggestion(title));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		long id = registered.json().get("id").asLong();
		Http lead = demo("fgj-admin");
		assertThat(lead.postJson("/api/v1/motions/" + id + "/consultations", Map.of("heldOn", today(), "form", "IN_PERSON",
				"participants", "张三代表、县发展改革局副局长", "summary", "当面听取意见，介绍办理打算。")).status()).isEqualTo(201);
		Http.Response replied = lead.postJson("/api/v1/motions/" + id + "/reply",
				Map.of("category", "A", "content", reply, "repliedOn", today()));
		assertThat(replied.status()).as(replied.body()).isEqualTo(200);
		return id;
	}

	@Test
	void aSuggestionIsRegisteredRepliedAndPublishedForThePublic() {
		// the supervisor registers; the deadline follows the year's arrangement (3 months by default)
		Map<String, Object> body = suggestion("关于加快推进农村公路提档升级的建议");
		Http.Response registered = demo("gkb").postJson("/api/v1/motions", body);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		JsonNode motion = registered.json();
		long id = motion.get("id").asLong();
		assertThat(motion.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(motion.get("dueOn").asString()).isEqualTo(LocalDate.now(Zones.CHINA).plusMonths(3).toString());
		assertThat(registered.header("Location")).endsWith("/api/v1/motions/" + id);

		// the same number again is a field error; an editor cannot register
		Http.Response duplicate = demo("gkb").postJson("/api/v1/motions", body);
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.header("Content-Type")).startsWith("application/problem+json");
		assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("number");
		assertThat(demo("fgj-editor").postJson("/api/v1/motions", suggestion("无权登记")).status()).isEqualTo(403);

		// the lead unit replies: refused before a consultation, as problem JSON
		Http lead = demo("fgj-admin");
		String reply = "张三代表：您好！您提出的建议已采纳，县里已将农村公路提档升级列入年度计划。经办人：李明，电话13812345678。";
		Http.Response refused = lead.postJson("/api/v1/motions/" + id + "/reply",
				Map.of("category", "A", "content", reply, "repliedOn", today()));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("面商");
		assertThat(lead.postJson("/api/v1/motions/" + id + "/consultations", Map.of("heldOn", today(), "form", "SITE_VISIT",
				"participants", "张三代表", "summary", "实地察看了县乡道路。")).status()).isEqualTo(201);
		Http.Response replied = lead.postJson("/api/v1/motions/" + id + "/reply",
				Map.of("category", "A", "content", reply, "repliedOn", today()));
		assertThat(replied.status()).as(replied.body()).isEqualTo(200);
		assertThat(replied.json().get("status").asString()).isEqualTo("REPLIED");
		assertThat(replied.json().get("replyLate").asBoolean()).isFalse();

		// replied but not yet published: nothing public
		String page = "/interaction/motions/" + id + "/";
		assertThat(anonymous().get(page).status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/motions/" + id).status()).isEqualTo(404);

		// the editor may not decide on publication; the leader publishes the reply in full
		assertThat(demo("fgj-editor").postJson("/api/v1/motions/" + id + "/publication", Map.of("decision", "FULL")).status())
			.isEqualTo(403);
		Http.Response published = demo("fgj-leader").postJson("/api/v1/motions/" + id + "/publication", Map.of("decision", "FULL"));
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("public").asBoolean()).isTrue();
		assertThat(published.json().get("publicationLate").asBoolean()).isFalse();

		// the page: masked reply, no contact details, no session cookie
		Http.Response item = anonymous().get(page);
		assertThat(item.status()).isEqualTo(200);
		assertThat(item.header("Set-Cookie")).isNull();
		assertThat(item.body()).contains("<html lang=\"zh-CN\">", "关于加快推进农村公路提档升级的建议", "答复全文", "沂源县发展和改革局",
				"沂源县农业农村局", "A类：所提问题已经解决或采纳", "138****5678", "建议第")
			.doesNotContain("13812345678", "13912345678", "南麻街道人民路1号");

		// the list with its filters, the feed, the API and the sitemap
		String year = String.valueOf(LocalDate.now(Zones.CHINA).getYear());
		assertThat(anonymous().get("/interaction/motions/").body()).contains("href=\"" + page + "\"");
		assertThat(anonymous().get("/interaction/motions/?year=" + year + "&kind=SUGGESTION&agency=yiyuan-fgj").body())
			.contains("href=\"" + page + "\"");
		assertThat(anonymous().get("/interaction/motions/?kind=PROPOSAL").body()).doesNotContain("href=\"" + page + "\"");
		assertThat(anonymous().get("/interaction/motions/?agency=yiyuan-nyj").body()).doesNotContain("href=\"" + page + "\"");
		assertThat(anonymous().get("/interaction/motions/?agency=no-such-unit").status()).isEqualTo(404);
		Http.Response feed = anonymous().get("/interaction/motions/feed.atom");
		assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
		assertThat(feed.body()).contains("urn:gongkai:motion:" + id, "关于加快推进农村公路提档升级的建议").doesNotContain("13812345678");
		JsonNode api = anonymous().get("/api/v1/public/motions/" + id).json();
		assertThat(api.get("text").asString()).contains("138****5678").doesNotContain("13812345678");
		assertThat(api.get("leadUnit").asString()).isEqualTo("yiyuan-fgj");
		assertThat(api.get("categoryLabel").asString()).isEqualTo("A类：所提问题已经解决或采纳");
		assertThat(api.has("proposerContact")).isFalse();
		assertThat(api.toString()).doesNotContain("13912345678");
		JsonNode list = anonymous().get("/api/v1/public/motions?year=" + year + "&kind=SUGGESTION&agency=yiyuan-fgj").json();
		assertThat(list.get("items").findValuesAsString("url")).contains(page);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Files.readString(site.fileFor("/sitemap.xml").orElseThrow())).contains(page));

		// the yearly overview lists the unit
		String overview = anonymous().get("/interaction/motions/statistics?year=" + year).body();
		assertThat(overview).contains(year + "年建议提案办理总体情况", "沂源县发展和改革局");

		// withdrawn: gone from the page and the API
		assertThat(demo("fgj-leader").postJson("/api/v1/motions/" + id + "/publication/withdraw", Map.of("reason", "答复需更正"))
			.status()).isEqualTo(200);
		assertThat(anonymous().get(page).status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/motions/" + id).status()).isEqualTo(404);
	}

	@Test
	void theDispatcherDecidesASecondHandlingWhoseReplyComesAfterTheFirst() {
		long id = registerAndReply("关于增设县城公共停车场的建议", "第一次答复：已将停车场建设列入计划。");
		assertThat(demo("fgj-leader").postJson("/api/v1/motions/" + id + "/publication", Map.of("decision", "FULL")).status())
			.isEqualTo(200);
		Http lead = demo("fgj-admin");
		assertThat(lead.postJson("/api/v1/motions/" + id + "/feedback",
				Map.of("feedback", "UNSATISFIED", "note", "进度太慢", "receivedOn", today())).status()).isEqualTo(200);
		assertThat(lead.postJson("/api/v1/motions/" + id + "/rehandle",
				Map.of("dueOn", LocalDate.now(Zones.CHINA).plusMonths(1).toString())).status())
			.as("the lead unit does not decide its own second handling").isEqualTo(403);
		Http.Response again = demo("gkb").postJson("/api/v1/motions/" + id + "/rehandle",
				Map.of("dueOn", LocalDate.now(Zones.CHINA).plusMonths(1).toString(), "reason", "请重新研究"));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(lead.postJson("/api/v1/motions/" + id + "/consultations", Map.of("heldOn", today(), "form", "PHONE",
				"participants", "张三代表", "summary", "电话沟通。")).status()).isEqualTo(201);
		// the second reply may not be dated on the day of the first one
		Http.Response sameDay = lead.postJson("/api/v1/motions/" + id + "/reply",
				Map.of("category", "C", "content", "第二次答复：留作参考。", "repliedOn", today()));
		assertThat(sameDay.status()).isEqualTo(400);
		assertThat(sameDay.json().get("errors").get(0).get("field").asString()).isEqualTo("repliedOn");
		// the public still sees the published first reply, with the publication time as PubDate
		JsonNode api = anonymous().get("/api/v1/public/motions/" + id).json();
		assertThat(api.get("category").asString()).isEqualTo("A");
		assertThat(api.get("text").asString()).contains("第一次答复");
		String page = anonymous().get("/interaction/motions/" + id + "/").body();
		assertThat(page).contains("A类：所提问题已经解决或采纳", "第一次答复")
			.containsPattern("<meta name=\"PubDate\" content=\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\">");
	}

	@Test
	void aReplyNotPublishedIsNotFoundEverywhere() {
		long id = registerAndReply("关于调整县城公交线路的建议（不予公开）", "涉及尚在论证的规划，留作参考。");
		String page = "/interaction/motions/" + id + "/";
		Http.Response noReason = demo("fgj-leader").postJson("/api/v1/motions/" + id + "/publication",
				Map.of("decision", "NOT_PUBLISHED"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		Http.Response decided = demo("fgj-leader").postJson("/api/v1/motions/" + id + "/publication",
				Map.of("decision", "NOT_PUBLISHED", "reason", "涉及尚在论证的规划"));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		assertThat(decided.json().get("public").asBoolean()).isFalse();

		assertThat(anonymous().get(page).status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/motions/" + id).status()).isEqualTo(404);
		assertThat(anonymous().get("/interaction/motions/").body()).doesNotContain("不予公开）", page);
		assertThat(anonymous().get("/interaction/motions/feed.atom").body()).doesNotContain("urn:gongkai:motion:" + id + "<");
		assertThat(anonymous().get("/api/v1/public/motions?size=100").json().get("items").findValuesAsString("url"))
			.doesNotContain(page);
		assertThat(site.fileFor("/sitemap.xml").filter(Files::exists).map(f -> {
			try {
				return Files.readString(f);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}).orElse("")).doesNotContain(page);
		// staff still see it
		assertThat(demo("fgj-admin").get("/api/v1/motions/" + id).json().get("publication").asString()).isEqualTo("NOT_PUBLISHED");
		assertThat(demo("nyj-editor").get("/api/v1/motions/" + id).status()).as("the co-unit sees it").isEqualTo(200);
		assertThat(demo("lucun-editor").get("/api/v1/motions/" + id).status()).isEqualTo(403);
	}

	@Test
	void theConsoleRunsTheStepsAsFormsWithChineseMessagesAndSavesNothingHalfway() {
		Http gkb = session("gkb", DEMO_PASSWORD);
		assertThat(session("fgj-admin", DEMO_PASSWORD).get("/console").body()).contains("href=\"/console/motions\"", "建议提案");
		String queue = gkb.get("/console/motions").body();
		assertThat(queue).contains("建议提案办理", "登记交办", "年度办理安排");

		// an invalid registration comes back with the messages next to the fields, and nothing is saved
		String number = number();
		Map<String, String> form = new HashMap<>(Map.of("year", String.valueOf(LocalDate.now(Zones.CHINA).getYear()), "kind",
				"PROPOSAL", "number", number, "title", " ", "proposers", "李四委员", "leadUnit", "yiyuan-fgj", "assignedOn", today()));
		Http.Response invalid = gkb.postForm("/console/motions/new", "/console/motions/new", form, true);
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("请填写标题", "提交的内容有误", "aria-invalid=\"true\"", "李四委员");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ia_motion WHERE number = ?").param(number).query(Long.class).single()).isZero();

		form.put("title", "关于提升县城停车便利度的提案");
		Http.Response created = gkb.postForm("/console/motions/new", "/console/motions/new", form, true);
		assertThat(created.status()).isEqualTo(302);
		String view = created.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(view).matches("/console/motions/\\d+");
		assertThat(gkb.get(view).body()).contains("关于提升县城停车便利度的提案", "调整承办单位", "另行确定答复期限", "提案第" + number + "号");

		// the lead unit: a reply before the consultation is refused on the page with the reason, nothing saved
		Http lead = session("fgj-admin", DEMO_PASSWORD);
		assertThat(lead.get("/console").body()).as("the dashboard").contains("待答复的建议提案");
		Map<String, String> reply = Map.of("category", "B", "content", "已列入明年计划。", "repliedOn", today());
		Http.Response refused = lead.postForm(view + "/reply", view, reply, true);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("答复前与提出人面商");
		String leadView = lead.get(view).body();
		assertThat(leadView).contains("尚无面商记录", "已交办");
		// the lead unit's own administrator is not its dispatcher: no forms to re-time, re-assign or register
		assertThat(leadView).doesNotContain("另行确定答复期限", "调整承办单位");
		assertThat(lead.get("/console/motions").body()).doesNotContain("登记交办", "href=\"/console/motions/years\"");
		assertThat(lead.postForm(view + "/deadline", view, Map.of("dueOn", "2099-12-31", "reason", "延期"), true).status())
			.isEqualTo(403);
		Http.Response missing = lead.postForm(view + "/consultations", view, Map.of("heldOn", today(), "form", "PHONE"), true);
		assertThat(missing.body()).contains("请填写参加人员", "请填写面商情况摘要");
		assertThat(lead.postForm(view + "/consultations", view, Map.of("heldOn", today(), "form", "PHONE", "participants", "李四委员",
				"summary", "电话沟通办理思路。"), true).status()).isEqualTo(302);
		assertThat(lead.postForm(view + "/reply", view, reply, true).status()).isEqualTo(302);
		String replied = lead.get(view).body();
		assertThat(replied).contains("已答复", "B类：所提问题正在解决或已列入计划逐步解决", "按期答复", "决定公开方式");

		// the leader publishes a summary: the reason and the summary are required
		Http leader = session("fgj-leader", DEMO_PASSWORD);
		Http.Response noSummary = leader.postForm(view + "/publication", view, Map.of("decision", "SUMMARY"), true);
		assertThat(noSummary.body()).contains("摘要公开须说明理由", "摘要公开须填写公开的摘要");
		assertThat(leader.postForm(view + "/publication", view, Map.of("decision", "SUMMARY", "reason", "篇幅较长",
				"summary", "已将县城停车设施建设列入明年计划。"), true).status()).isEqualTo(302);
		long id = Long.parseLong(view.substring(view.lastIndexOf('/') + 1));
		String page = anonymous().get("/interaction/motions/" + id + "/").body();
		assertThat(page).contains("答复摘要", "已将县城停车设施建设列入明年计划。").doesNotContain("已列入明年计划。<");

		// the year's arrangement and the statistics pages
		Http.Response badYear = gkb.postForm("/console/motions/years", "/console/motions/years",
				Map.of("year", "2044", "replyMonths", "0", "publishDays", "20"), true);
		assertThat(badYear.body()).contains("答复期限应为1至12个月");
		assertThat(gkb.postForm("/console/motions/years", "/console/motions/years", Map.of("year", "2044", "replyMonths", "2",
				"publishDays", "15", "consultationRequired", "true"), true).status()).isEqualTo(302);
		assertThat(gkb.get("/console/motions/years?year=2044").body()).contains("value=\"15\"");
		assertThat(session("fgj-editor", DEMO_PASSWORD).get("/console/motions/years").status()).isEqualTo(403);
		assertThat(gkb.get("/console/motions/statistics").body()).contains("建议提案办理统计", "沂源县发展和改革局");
		assertThat(gkb.get("/console/motions?kind=PROPOSAL&status=ALL").body()).contains("关于提升县城停车便利度的提案");
	}
}
