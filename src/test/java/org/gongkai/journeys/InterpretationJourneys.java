package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.platform.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys of policy interpretation over real HTTP: 三同步 on submission and approval (also for OA
 * pushes), an interpretation signed off with its policy and published with it, the three-working-day deadline,
 * links both ways, withdrawal following the policy, and responses to public concern.
 */
abstract class InterpretationJourneys extends JourneySupport {

	@Autowired
	WorkingDayCalendar calendar;

	private static int serial;

	static synchronized String ext() {
		return "OA-I-" + System.nanoTime() + "-" + (++serial);
	}

	Http oaToken() {
		JsonNode issued = demo("fgj-admin")
			.postJson("/api/v1/agencies/yiyuan-fgj/tokens", Map.of("name", "OA-I-" + (++serial), "scopes", List.of("intake")))
			.json();
		return new Http(port).bearer(issued.get("token").asString());
	}

	static Map<String, Object> push(String title, boolean normative) {
		Map<String, Object> body = new HashMap<>();
		body.put("externalId", ext());
		body.put("title", title);
		body.put("body", "<p>" + title + "的正文。</p>");
		body.put("documentNumber", "沂发改规〔2026〕" + serial + "号");
		body.put("formedOn", "2026-11-20");
		body.put("theme", "综合政务/政务公开");
		body.put("documentType", "通知");
		body.put("normative", normative);
		body.put("catalogNodes", List.of("a20-01"));
		body.put("attribute", "PROACTIVE");
		return body;
	}

	static Map<String, Object> qaInterpretation(String title, long documentId) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("title", title);
		body.put("form", "QA");
		body.put("documentIds", List.of(documentId));
		body.put("theme", "综合政务");
		body.put("qa", List.of(Map.of("question", "哪些企业可以申请？", "answer", "在本县登记注册的中小微企业。"),
				Map.of("question", "什么时候开始申请？", "answer", "文件公布之日起即可申请。")));
		body.put("sections", Map.of("BACKGROUND", "<p>为落实省里的部署制定本办法。</p>"));
		return body;
	}

	void review(long documentId) {
		String view = "/console/documents/" + documentId;
		assertThat(session("fgj-reviewer", DEMO_PASSWORD).postForm(view + "/review", view,
				Map.of("political", "true", "legal", "true", "secrecy", "true", "text", "true"), true).status()).isEqualTo(302);
	}

	Http.Response approve(long documentId) {
		String view = "/console/documents/" + documentId;
		return session("fgj-leader", DEMO_PASSWORD).postForm(view + "/approve", view, Map.of("note", "同意"), true);
	}

	// ---- 三同步 -----------------------------------------------------------------------------------------

	@Test
	void aNormativeDocumentIsApprovedOnlyWithItsInterpretationWhichIsPublishedWithIt() {
		// the OA push of a normative document without its interpretation is held on the platform, not published
		Http.Response pushed = oaToken().postJson("/api/v1/intake/documents", push("沂源县中小微企业贷款贴息办法", true));
		assertThat(pushed.status()).isEqualTo(201);
		assertThat(pushed.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(pushed.json().get("heldBecause").asString()).contains("行政规范性文件", "解读材料", "三同步");
		long doc = pushed.json().get("id").asLong();
		review(doc);

		// approval without the material is refused with a clear message, and nothing changes
		Http.Response refused = approve(doc);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("须与解读材料同步审签后才能公开", "三同步");
		assertThat(anonymous().get("/api/v1/public/documents/" + doc).status()).isEqualTo(404);

		// the drafting department writes a Q&A interpretation; the leader signs it off with the policy
		Http editor = demo("fgj-editor");
		Http.Response created = editor.postJson("/api/v1/interpretations", qaInterpretation("一图读懂贷款贴息办法（问答）", doc));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long interpretation = created.json().get("id").asLong();
		assertThat(editor.postJson("/api/v1/interpretations/" + interpretation + "/submit", Map.of()).status()).isEqualTo(200);
		assertThat(editor.postJson("/api/v1/interpretations/" + interpretation + "/publish", Map.of()).status())
			.as("the drafter cannot sign off").isEqualTo(403);
		JsonNode signedOff = demo("fgj-leader").postJson("/api/v1/interpretations/" + interpretation + "/publish",
				Map.of("note", "同意与文件同步发布")).json();
		assertThat(signedOff.get("status").asString()).as("waits for its policy").isEqualTo("READY");
		assertThat(anonymous().get("/api/v1/public/interpretations/" + interpretation).status()).isEqualTo(404);

		// now the policy is approved, and the interpretation is published with it
		assertThat(approve(doc).status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> anonymous().get("/api/v1/public/interpretations/" + interpretation).status() == 200);
		JsonNode published = anonymous().get("/api/v1/public/interpretations/" + interpretation).json();
		assertThat(published.get("late").asBoolean()).isFalse();
		assertThat(published.get("publishedOn").asString()).isEqualTo(LocalDate.now(Zones.CHINA).toString());
		assertThat(published.get("documents").get(0).get("id").asLong()).isEqualTo(doc);
		assertThat(published.get("interpretingUnit").asString()).isEqualTo("沂源县发展和改革局");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode policy = anonymous().get("/api/v1/public/documents/" + doc).json();
			assertThat(policy.get("interpretations").get(0).get("id").asLong()).isEqualTo(interpretation);
			assertThat(policy.get("interpretations").get(0).get("url").asString())
				.isEqualTo("/agencies/yiyuan-fgj/interpretations/" + interpretation + "/");
		});

		// both pages link to each other; the Q&A renders as question-answer pairs
		String policyUrl = "/agencies/yiyuan-fgj/documents/" + doc + "/";
		String interpretationUrl = "/agencies/yiyuan-fgj/interpretations/" + interpretation + "/";
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(anonymous().get(policyUrl).body())
			.contains("<h2 id=\"related-interpretations\">政策解读</h2>", "href=\"" + interpretationUrl + "\""));
		String page = anonymous().get(interpretationUrl).body();
		assertThat(page).contains("href=\"" + policyUrl + "\"", "<dl class=\"qa-list\">", "哪些企业可以申请？",
				"在本县登记注册的中小微企业。", "<h2 id=\"section-0\">背景依据</h2>");
		assertThat(page.indexOf("<dt id=\"q1\">")).isLessThan(page.indexOf("<dd>"));
		Path staticPage = site.fileFor(interpretationUrl).orElseThrow();
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(staticPage));
		assertThat(anonymous().get("/interpretations/?form=QA").body()).contains("一图读懂贷款贴息办法（问答）");
		assertThat(anonymous().get("/interpretations/?form=GRAPHIC").body()).doesNotContain("一图读懂贷款贴息办法（问答）");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(anonymous().get("/interpretations/feed.atom").body())
				.contains("一图读懂贷款贴息办法（问答）", "urn:gongkai:interpretation:" + interpretation));

		// withdrawing the policy takes its interpretation off the portal and the API as well
		assertThat(demo("fgj-leader").postJson("/api/v1/documents/" + doc + "/withdraw", Map.of("reason", "文件有误")).status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(anonymous().get("/api/v1/public/interpretations/" + interpretation).status()).isEqualTo(404);
			assertThat(Files.exists(staticPage)).isFalse();
			assertThat(anonymous().get("/interpretations/feed.atom").body()).doesNotContain("一图读懂贷款贴息办法（问答）");
		});
	}

	@Test
	void submittingARuleWithoutAnInterpretationPlanIsRefusedUntilThePlanIsFiled() {
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		Map<String, String> form = new HashMap<>(Map.of("title", "沂源县农村供水管理办法", "formedOn", "2026-11-24", "theme",
				"综合政务/政务公开", "documentType", "通知", "catalogNodes", "a20-01", "attribute", "PROACTIVE", "normative",
				"true"));
		Http.Response created = editor.postForm("/console/documents/new?agency=yiyuan-fgj", "/console/documents/new?agency=yiyuan-fgj",
				form, true);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String location = created.header("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String view = "/console/documents/" + id;
		Http.Response refused = editor.postForm(view + "/submit", view, Map.of(), true);
		assertThat(refused.body()).contains("提交审查时须一并报送解读方案（解读时间、途径、形式、提纲）");

		Http api = demo("fgj-editor");
		Http.Response incomplete = api.putJson("/api/v1/documents/" + id + "/interpretation-plan",
				Map.of("planOn", "2026-11-30", "channels", "政府网站"));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.body()).contains("解读方案须同时写明解读时间、途径、形式和提纲");
		JsonNode plan = api.putJson("/api/v1/documents/" + id + "/interpretation-plan", Map.of("planOn", "2026-11-30",
				"channels", "政府网站、微信公众号", "forms", "图解、简明问答", "outline", "一、背景；二、主要内容；三、申请流程")).json();
		assertThat(plan.get("requiresInterpretation").asBoolean()).isTrue();
		assertThat(editor.postForm(view + "/submit", view, Map.of(), true).status()).isEqualTo(302);
		assertThat(editor.get(view).body()).contains("解读方案已填报");

		// the leader may instead record why no interpretation is needed (the agency allows it by default)
		review(id);
		assertThat(demo("fgj-editor").postJson("/api/v1/documents/" + id + "/interpretation-waiver",
				Map.of("reason", "x")).status()).isEqualTo(403);
		assertThat(demo("fgj-leader").postJson("/api/v1/documents/" + id + "/interpretation-waiver",
				Map.of("reason", "仅调整执行期限，内容与原办法相同，原解读继续适用")).status()).isEqualTo(200);
		assertThat(approve(id).status()).isEqualTo(302);
		assertThat(anonymous().get("/api/v1/public/documents/" + id).status()).isEqualTo(200);
		JsonNode dossier = api.get("/api/v1/documents/" + id + "/interpretation").json();
		assertThat(dossier.get("obligation").asString()).isEqualTo("WAIVED");
	}

	// ---- timeliness -------------------------------------------------------------------------------------

	@Test
	void anInterpretationPublishedFourWorkingDaysAfterItsPolicyIsFlaggedLate() {
		// an important (non-normative) policy, published four working days ago, then marked as needing interpretation
		JsonNode pushed = oaToken().postJson("/api/v1/intake/documents", push("沂源县冬季清洁取暖实施方案", false)).json();
		assertThat(pushed.get("status").asString()).isEqualTo("PUBLISHED");
		long doc = pushed.get("id").asLong();
		LocalDate today = LocalDate.now(Zones.CHINA);
		LocalDate published = today.minusDays(1);
		while (calendar.workingDaysBetween(published, today) < 4) {
			published = published.minusDays(1);
		}
		jdbc.sql("UPDATE pub_document SET published_on = ? WHERE id = ?").params(published, doc).update();
		Http editor = demo("fgj-editor");
		assertThat(editor.putJson("/api/v1/documents/" + doc + "/interpretation-plan", Map.of("needsInterpretation", true,
				"planOn", published.toString(), "channels", "政府网站", "forms", "文字解读", "outline", "背景和要点")).status())
			.isEqualTo(200);
		JsonNode missing = editor.get("/api/v1/documents/" + doc + "/interpretation").json();
		assertThat(missing.get("obligation").asString()).isEqualTo("MISSING");
		assertThat(missing.get("dueOn").asString()).isEqualTo(calendar.addWorkingDays(published, 3).toString());
		assertThat(session("fgj-leader", DEMO_PASSWORD).get("/console").body()).contains("解读逾期未发布", "沂源县冬季清洁取暖实施方案");

		Map<String, Object> text = new HashMap<>();
		text.put("agency", "yiyuan-fgj");
		text.put("title", "《沂源县冬季清洁取暖实施方案》解读");
		text.put("form", "TEXT");
		text.put("documentIds", List.of(doc));
		text.put("body", "<p>方案明确了补贴标准和申请流程。</p>");
		text.put("principalLeader", true);
		text.put("interpreter", "王局长");
		long id = editor.postJson("/api/v1/interpretations", text).json().get("id").asLong();
		assertThat(editor.postJson("/api/v1/interpretations/" + id + "/submit", Map.of()).status()).isEqualTo(200);
		JsonNode now = demo("fgj-leader").postJson("/api/v1/interpretations/" + id + "/publish", Map.of()).json();
		assertThat(now.get("status").asString()).as("its policy is public: published at once").isEqualTo("PUBLISHED");
		assertThat(now.get("late").asBoolean()).isTrue();
		assertThat(anonymous().get("/api/v1/public/interpretations/" + id).json().get("late").asBoolean()).isTrue();
		assertThat(editor.get("/api/v1/documents/" + doc + "/interpretation").json().get("obligation").asString())
			.isEqualTo("LATE");
	}

	@Test
	void aGraphicNeedsImagesWithTextAlternativesAndAVideoNeedsCaptionsOrATranscript() {
		long doc = oaToken().postJson("/api/v1/intake/documents", push("沂源县养老服务补贴办法", false)).json().get("id").asLong();
		Http editor = demo("fgj-editor");
		Map<String, Object> video = new HashMap<>();
		video.put("agency", "yiyuan-fgj");
		video.put("title", "视频解读养老服务补贴");
		video.put("form", "VIDEO");
		video.put("documentIds", List.of(doc));
		video.put("mediaUrl", "https://video.example.gov.cn/ylbt.mp4");
		long id = editor.postJson("/api/v1/interpretations", video).json().get("id").asLong();
		Http.Response refused = editor.postJson("/api/v1/interpretations/" + id + "/submit", Map.of());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("transcript");
		video.put("transcript", "主持人：今天我们解读养老服务补贴办法。\n嘉宾：补贴对象是本县80周岁以上老人。");
		assertThat(editor.putJson("/api/v1/interpretations/" + id, video).status()).isEqualTo(200);
		assertThat(editor.postJson("/api/v1/interpretations/" + id + "/submit", Map.of()).status()).isEqualTo(200);

		Map<String, Object> graphic = new HashMap<>(video);
		graphic.put("title", "图解养老服务补贴");
		graphic.put("form", "GRAPHIC");
		long g = editor.postJson("/api/v1/interpretations", graphic).json().get("id").asLong();
		Http.Response noImage = editor.postJson("/api/v1/interpretations/" + g + "/submit", Map.of());
		assertThat(noImage.json().get("errors").get(0).get("message").asString()).contains("至少上传一张图片");
		Http.Response unknownPolicy = editor.postJson("/api/v1/interpretations",
				Map.of("agency", "yiyuan-fgj", "title", "x", "form", "TEXT", "documentIds", List.of(987654321L)));
		assertThat(unknownPolicy.status()).isEqualTo(400);
		assertThat(unknownPolicy.json().get("errors").get(0).get("field").asString()).isEqualTo("documentIds");
	}

	// ---- 回应关切 ---------------------------------------------------------------------------------------

	@Test
	void aResponseToPublicConcernShowsTheTimeFromDetectionAndLinksThePolicy() {
		long doc = oaToken().postJson("/api/v1/intake/documents", push("沂源县城区停车收费调整方案", false)).json().get("id").asLong();
		Http editor = demo("fgj-editor");
		String detected = java.time.LocalDateTime.now(Zones.CHINA).minusHours(20).withNano(0).toString();
		Http.Response topic = editor.postJson("/api/v1/concerns/topics", Map.of("agency", "yiyuan-fgj", "title",
				"网民关注停车收费上涨", "source", "NETWORK", "detectedAt", detected, "documentIds", List.of(doc)));
		assertThat(topic.status()).as(topic.body()).isEqualTo(201);
		long topicId = topic.json().get("id").asLong();
		long response = editor.postJson("/api/v1/concerns/topics/" + topicId + "/responses", Map.of("title",
				"关于城区停车收费调整的说明", "body", "<p>调整后首小时仍然免费。</p>", "channel", "政府网站、新闻发布会"))
			.json().get("id").asLong();
		Http.Response personal = editor.postJson("/api/v1/concerns/topics/" + topicId + "/responses",
				Map.of("title", "回应", "body", "<p>请联系13812345678。</p>"));
		assertThat(personal.status()).isEqualTo(201);
		assertThat(demo("fgj-leader").postJson("/api/v1/concerns/responses/" + personal.json().get("id").asLong() + "/publish",
				Map.of()).status()).isEqualTo(400);
		assertThat(editor.postJson("/api/v1/concerns/responses/" + response + "/publish", Map.of()).status()).isEqualTo(403);
		JsonNode published = demo("fgj-leader").postJson("/api/v1/concerns/responses/" + response + "/publish", Map.of()).json();
		String url = published.get("url").asString();
		String page = anonymous().get(url).body();
		assertThat(page).contains("网民关注停车收费上涨", "网络舆情监测", "20小时", "href=\"/agencies/yiyuan-fgj/documents/" + doc + "/\"");
		JsonNode list = anonymous().get("/api/v1/public/concerns?agency=yiyuan-fgj").json();
		assertThat(list.get("items").get(0).get("hoursToRespond").asLong()).isEqualTo(20);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(anonymous()
			.get("/api/v1/public/documents/" + doc).json().get("responses").get(0).get("url").asString()).isEqualTo(url));
		assertThat(anonymous().get("/concerns/").body()).contains("关于城区停车收费调整的说明");
	}
}
