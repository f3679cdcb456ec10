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

	@Test
	void uploadedImagesKeepTheirTextAlternativesAndAVideoCarriesItsCaptionsOnThePortal() throws Exception {
		long doc = oaToken().postJson("/api/v1/intake/documents", push("沂源县医疗救助办法", false)).json().get("id").asLong();
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		String newPage = "/console/interpretations/new?agency=yiyuan-fgj&document=" + doc;
		Http.Response saved = editor.postForm(newPage, newPage, Map.of("title", "图解医疗救助办法", "form", "GRAPHIC",
				"documentIds", String.valueOf(doc)), true);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String view = saved.header("Location").replaceAll("^https?://[^/]+", "");
		long id = Long.parseLong(view.substring(view.lastIndexOf('/') + 1));
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);

		Http.Response noAlt = editor.postFile(view + "/media", view, Map.of("kind", "IMAGE"), "chart.png", png.toByteArray());
		assertThat(noAlt.body()).contains("图解图片必须填写替代文字");
		Http.Response renamed = editor.postFile(view + "/media", view, Map.of("kind", "IMAGE", "altText", "救助对象"), "chart.png",
				"not an image".getBytes());
		assertThat(renamed.body()).contains("内容与扩展名不符");
		assertThat(editor.postFile(view + "/media", view, Map.of("kind", "IMAGE", "altText",
				"救助对象为低保对象、特困人员和低收入家庭成员，年度救助限额2万元"), "chart.png", png.toByteArray()).status()).isEqualTo(302);
		assertThat(editor.postForm(view + "/submit", view, Map.of(), true).status()).isEqualTo(302);
		assertThat(session("fgj-leader", DEMO_PASSWORD).postForm(view + "/approve", view, Map.of(), true).status()).isEqualTo(302);

		String page = anonymous().get("/agencies/yiyuan-fgj/interpretations/" + id + "/").body();
		java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img src=\"([^\"]+)\" alt=\"([^\"]+)\"").matcher(page);
		assertThat(img.find()).as(page).isTrue();
		assertThat(img.group(2)).isEqualTo("救助对象为低保对象、特困人员和低收入家庭成员，年度救助限额2万元");
		Http.Response image = anonymous().get(img.group(1));
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.header("Content-Type")).isEqualTo("image/png");

		// a video with a WebVTT caption file
		Http.Response video = editor.postForm(newPage, newPage, Map.of("title", "医疗救助办法视频解读", "form", "VIDEO",
				"documentIds", String.valueOf(doc)), true);
		String videoView = video.header("Location").replaceAll("^https?://[^/]+", "");
		long videoId = Long.parseLong(videoView.substring(videoView.lastIndexOf('/') + 1));
		byte[] mp4 = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1' };
		assertThat(editor.postFile(videoView + "/media", videoView, Map.of("kind", "VIDEO"), "jd.mp4", mp4).status()).isEqualTo(302);
		Http.Response noCaptions = editor.postForm(videoView + "/submit", videoView, Map.of(), true);
		assertThat(noCaptions.body()).contains("须提供字幕文件（WebVTT，随上传的视频播放）或文字稿");
		assertThat(editor.postFile(videoView + "/media", videoView, Map.of("kind", "CAPTIONS"), "jd.vtt",
				"WEBVTT\n\n00:00.000 --> 00:03.000\n医疗救助的对象有三类。\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.status()).isEqualTo(302);
		assertThat(editor.postForm(videoView + "/submit", videoView, Map.of(), true).status()).isEqualTo(302);
		assertThat(session("fgj-leader", DEMO_PASSWORD).postForm(videoView + "/approve", videoView, Map.of(), true).status())
			.isEqualTo(302);
		String videoPage = anonymous().get("/agencies/yiyuan-fgj/interpretations/" + videoId + "/").body();
		assertThat(videoPage).contains("<video controls preload=\"metadata\"", "<track kind=\"captions\" srclang=\"zh\" label=\"中文字幕\"");
	}

	@Test
	void aRepostedSuperiorInterpretationShowsItsSourceAndTheLagInWorkingDays() {
		Map<String, Object> repostedPolicy = push("山东省关于进一步优化营商环境的若干措施（转载）", false);
		repostedPolicy.put("repostSource", "山东省人民政府");
		repostedPolicy.put("repostOriginalOn", "2026-11-20");
		long doc = oaToken().postJson("/api/v1/intake/documents", repostedPolicy).json().get("id").asLong();
		LocalDate today = LocalDate.now(Zones.CHINA);
		LocalDate original = today.minusDays(1);
		while (calendar.workingDaysBetween(original, today) < 2) {
			original = original.minusDays(1);
		}
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("title", "省政府办公厅解读优化营商环境若干措施（转载）");
		body.put("form", "TEXT");
		body.put("documentIds", List.of(doc));
		body.put("body", "<p>省政府办公厅负责同志解读。</p>");
		body.put("repostSource", "山东省人民政府办公厅");
		body.put("repostSourceUrl", "https://www.shandong.gov.cn/art/2026/11/20/jd.html");
		Http.Response missingDate = demo("fgj-editor").postJson("/api/v1/interpretations", body);
		assertThat(missingDate.status()).isEqualTo(400);
		assertThat(missingDate.json().get("errors").get(0).get("field").asString()).isEqualTo("repostOriginalOn");
		body.put("repostOriginalOn", original.toString());
		long id = demo("fgj-editor").postJson("/api/v1/interpretations", body).json().get("id").asLong();
		assertThat(demo("fgj-editor").postJson("/api/v1/interpretations/" + id + "/submit", Map.of()).status()).isEqualTo(200);
		assertThat(demo("fgj-leader").postJson("/api/v1/interpretations/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		String page = anonymous().get("/agencies/yiyuan-fgj/interpretations/" + id + "/").body();
		assertThat(page).contains("转载自：", "山东省人民政府办公厅", "原文发布于 <span>" + original + "</span>", "本站于其后第 2 个工作日转载");
		assertThat(session("fgj-editor", DEMO_PASSWORD).get("/console/interpretations/" + id).body())
			.contains("转载时效：原文发布后第 2 个工作日转载（目标：1个工作日内）");
	}

	@Test
	void onlyTheDraftingAgencyLinksAnUnpublishedPolicyAndNobodySignsOffTheirOwnWork() {
		Http.Response held = oaToken().postJson("/api/v1/intake/documents", push("沂源县粮食收购资金管理办法", true));
		long doc = held.json().get("id").asLong();
		assertThat(held.json().get("heldBecause").asString()).contains("解读方案", "解读材料");
		Map<String, Object> body = qaInterpretation("跨单位的解读", doc);
		body.put("agency", "yiyuan-nyj");
		Http.Response foreign = demo("nyj-editor").postJson("/api/v1/interpretations", body);
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("documentIds");

		// the system administrator may do everything, but not sign off what they drafted and submitted
		Http admin = admin();
		long id = admin.postJson("/api/v1/interpretations", qaInterpretation("管理员起草的问答", doc)).json().get("id").asLong();
		assertThat(admin.postJson("/api/v1/interpretations/" + id + "/submit", Map.of()).status()).isEqualTo(200);
		Http.Response own = admin.postJson("/api/v1/interpretations/" + id + "/publish", Map.of());
		assertThat(own.status()).isEqualTo(409);
		assertThat(own.json().get("detail").asString()).contains("不能审签自己起草、修改或提交的解读");
		Http.Response longNote = demo("fgj-leader").postJson("/api/v1/interpretations/" + id + "/publish",
				Map.of("note", "同".repeat(1001)));
		assertThat(longNote.status()).isEqualTo(400);

		// the mark stays when a later call leaves it out, and cannot be removed once the policy is submitted
		Http editor = demo("fgj-editor");
		assertThat(editor.putJson("/api/v1/documents/" + doc + "/interpretation-plan", Map.of("planOn", "2026-11-30",
				"channels", "政府网站", "forms", "简明问答", "outline", "要点")).json().get("requiresInterpretation").asBoolean())
			.isTrue();
		assertThat(editor.putJson("/api/v1/documents/" + doc + "/interpretation-plan", Map.of("planOn", "2026-12-01",
				"channels", "政府网站", "forms", "简明问答", "outline", "要点")).status())
			.as("the plan went up with the policy").isEqualTo(409);
	}

	@Test
	void publicListsStayWithinRangeAndEveryAgencyPageCarriesTheTwoColumns() {
		// an agency created later gets its columns written to the static site
		assertThat(admin().postJson("/api/v1/agencies", newDepartment("yiyuan-tyj", "沂源县体育局",
				creditCode("11370323004399017"))).status()).isEqualTo(201);
		Path column = site.fileFor("/agencies/yiyuan-tyj/interpretations/").orElseThrow();
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(column));
		assertThat(anonymous().get("/interpretations/?page=2147483647").status()).isEqualTo(404);
		assertThat(anonymous().get("/concerns/?page=2147483647").status()).isEqualTo(404);
		assertThat(anonymous().get("/interpretations/?form=NONSENSE").status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/interpretations?page=0").status()).isEqualTo(400);
		assertThat(anonymous().get("/api/v1/public/interpretations?page=2147483647").json().get("items").size()).isZero();
		long doc = oaToken().postJson("/api/v1/intake/documents", push("沂源县物价监测报告", false)).json().get("id").asLong();
		for (String path : List.of("/agencies/yiyuan-fgj/", "/agencies/yiyuan-fgj/documents/" + doc + "/",
				"/agencies/yiyuan-fgj/interpretations/", "/agencies/yiyuan-fgj/concerns/")) {
			assertThat(anonymous().get(path).body()).as(path)
				.contains("href=\"/agencies/yiyuan-fgj/interpretations/\"", "href=\"/agencies/yiyuan-fgj/concerns/\"");
		}
	}

	@Test
	void aDeadlineCountedIntoAYearNotYetLoadedIsRecountedWhenItsHolidayNoticeArrives() {
		JsonNode pushed = oaToken().postJson("/api/v1/intake/documents", push("沂源县元旦春节期间市场保供方案", false)).json();
		long doc = pushed.get("id").asLong();
		jdbc.sql("UPDATE pub_document SET published_on = ? WHERE id = ?").params(LocalDate.of(2026, 12, 29), doc).update();
		Http editor = demo("fgj-editor");
		JsonNode provisional = editor.putJson("/api/v1/documents/" + doc + "/interpretation-plan", Map.of("needsInterpretation",
				true, "planOn", "2026-12-29", "channels", "政府网站", "forms", "文字解读", "outline", "保供措施")).json();
		org.junit.jupiter.api.Assumptions.assumeFalse(calendar.loadedYears().contains(2027),
				"the shipped calendar already has 2027: nothing is provisional");
		assertThat(provisional.get("dueOn").asString()).as("weekends only: 30, 31 Dec and Friday 1 Jan").isEqualTo("2027-01-01");
		assertThat(provisional.get("dueProvisional").asBoolean()).isTrue();
		Map<String, Object> year = Map.of("source", "国务院办公厅关于2027年部分节假日安排的通知（测试）", "noticeDate", "2026-11-20",
				"holidays", List.of(Map.of("date", "2027-01-01", "name", "元旦")), "makeupWorkdays", List.of());
		assertThat(admin().putJson("/api/v1/calendar/2027", year).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode counted = editor.get("/api/v1/documents/" + doc + "/interpretation").json();
			assertThat(counted.get("dueOn").asString()).as("New Year's Day is a holiday: due on Monday").isEqualTo("2027-01-04");
			assertThat(counted.get("dueProvisional").asBoolean()).isFalse();
		});
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

		// a topic title with personal data cannot go public with a response
		long leaky = editor.postJson("/api/v1/concerns/topics", Map.of("agency", "yiyuan-fgj", "title",
				"网民13812345678反映停车难", "source", "MESSAGE")).json().get("id").asLong();
		long draft = editor.postJson("/api/v1/concerns/topics/" + leaky + "/responses", Map.of("title", "关于停车难的回应",
				"body", "<p>将新增停车位。</p>")).json().get("id").asLong();
		Http.Response refused = demo("fgj-leader").postJson("/api/v1/concerns/responses/" + draft + "/publish", Map.of());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("关切事项", "138****5678");

		// withdrawing the policy takes its link off the response page at once
		assertThat(demo("fgj-leader").postJson("/api/v1/documents/" + doc + "/withdraw", Map.of("reason", "方案调整")).status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(anonymous().get(url).body())
			.contains("关于城区停车收费调整的说明").doesNotContain("/agencies/yiyuan-fgj/documents/" + doc + "/"));
	}

	// ---- the console -----------------------------------------------------------------------------------

	private static void ok(Http.Response r, int status, String... contains) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		for (String c : contains) {
			assertThat(r.body()).as(r.body()).contains(c);
		}
	}

	@Test
	void theConsoleCarriesAnInterpretationThroughSignOffAndKeepsTheDossierSettingsFiguresAndConcerns() {
		var issued = demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "OA-x", "scopes", List.of("intake"))).json();
		Http oa = new Http(port).bearer(issued.get("token").asString());
		Map<String, Object> body = new HashMap<>();
		body.put("externalId", ext());
		body.put("title", "关于促进民营经济发展的若干措施");
		body.put("summary", "摘要");
		body.put("body", "<p>正文</p>");
		body.put("documentNumber", "沂发改发〔2026〕9号");
		body.put("writtenOn", "2026-01-05");
		body.put("formedOn", "2026-01-05");
		body.put("theme", "综合政务/政务公开");
		body.put("documentType", "通知");
		body.put("catalogNodes", List.of("a20-01"));
		body.put("attribute", "PROACTIVE");
		Http.Response created = oa.postJson("/api/v1/intake/documents", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long docId = created.json().get("id").asLong();

		Http editor = session("fgj-editor", DEMO_PASSWORD);
		Http leader = session("fgj-leader", DEMO_PASSWORD);
		Http admin = session("fgj-admin", DEMO_PASSWORD);

		ok(editor.get("/console/interpretations"), 200, "新建解读", "政策解读");
		String newPage = "/console/interpretations/new?agency=yiyuan-fgj&document=" + docId;
		ok(editor.get(newPage), 200, "关于促进民营经济发展的若干措施》政策解读", "背景依据", "qa[2].answer");
		Map<String, String> f = new HashMap<>();
		f.put("title", "");
		f.put("form", "QA");
		f.put("documentIds", docId + "，");
		f.put("qa[0].question", "适用于哪些企业？");
		f.put("qa[0].answer", "全县民营企业。");
		f.put("qa[1].question", "");
		f.put("qa[1].answer", "");
		f.put("sections[BACKGROUND]", "<p>背景依据的内容</p>");
		f.put("eventAt", "2026-01-02T10:30");
		f.put("principalLeader", "on");
		f.put("_principalLeader", "on");
		f.put("_followUp", "on");
		f.put("interpreter", "孙志强");
		ok(editor.postForm(newPage, newPage, f, true), 200, "id=\"title-error\">请填写解读标题", "适用于哪些企业？", "背景依据的内容", "2026-01-02T10:30");
		f.put("title", "一图读懂民营经济措施");
		Http.Response saved = editor.postForm(newPage, newPage, f, true);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String view = saved.header("Location").replaceAll("^https?://[^/]+", "");
		ok(editor.get(view), 200, "背景依据的内容", "孙志强", "适用于哪些企业？", "提交审签", "关于促进民营经济发展的若干措施", "2026-01-02T10:30");
		f.put("title", "");
		ok(editor.postForm(view, view, f, true), 200, "<a href=\"#title\">请填写解读标题", "id=\"title-error\"");
		ok(editor.postForm(view + "/media", view, Map.of("kind", "IMAGE"), true), 200, "id=\"altText-error\">图解图片必须填写替代文字");
		Http.Response submitted = editor.postForm(view + "/submit", view, Map.of(), true);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
		ok(leader.get(view), 200, "审签并发布", "退回修改");
		ok(leader.postForm(view + "/return", view, Map.of("reason", ""), true), 200, "请写明退回理由");
		assertThat(leader.postForm(view + "/approve", view, Map.of("note", "同意"), true).status()).isEqualTo(302);
		ok(leader.get(view), 200, "查看门户页面", "撤回理由", "审签", "已发布");
		ok(leader.postForm(view + "/withdraw", view, Map.of("reason", ""), true), 200, "请写明撤回理由");
		ok(editor.get("/console/interpretations?status=PUBLISHED&form=QA&q=民营"), 200, "一图读懂民营经济措施");

		String policy = "/console/interpretation/policies/" + docId;
		ok(editor.get(policy), 200, "解读方案", "一图读懂民营经济措施", "为本文件新建解读");
		ok(editor.postForm(policy + "/plan", policy, Map.of("needsInterpretation", "true", "channels", "政府网站"), true), 200,
				"解读方案须同时写明");
		assertThat(editor.postForm(policy + "/plan", policy, Map.of("needsInterpretation", "true", "planOn", "2026-01-06",
				"channels", "政府网站", "forms", "简明问答", "outline", "提纲"), true).status()).isEqualTo(302);
		ok(editor.postForm(policy + "/risk", policy, Map.of("drawsAttention", "true", "riskAssessment", "评估"), true), 200,
				"请选择舆情风险等级");
		assertThat(editor.postForm(policy + "/risk", policy, Map.of("drawsAttention", "true", "riskLevel", "HIGH",
				"riskAssessment", "评估", "responsePlan", "预案"), true).status()).isEqualTo(302);
		// the policy is already public: its duty can no longer be waived
		assertThat(leader.get(policy).body()).doesNotContain("记录理由");
		ok(leader.postForm(policy + "/waive", policy, Map.of("reason", "已有上级解读"), true), 409, "文件已审批，不能再记录无需解读的理由");

		String settings = "/console/interpretation/settings";
		ok(admin.get(settings), 200, "解读发布时限");
		ok(admin.postForm(settings, settings, Map.of("agency", "yiyuan-fgj", "deadlineDays", "5", "principalLeaderTarget", "2"), true),
				200, "解读发布时限应为0至3");
		assertThat(admin.postForm(settings, settings, Map.of("agency", "yiyuan-fgj", "deadlineDays", "1", "waiverAllowed", "true",
				"principalLeaderTarget", "3"), true).status()).isEqualTo(302);
		assertThat(editor.get(settings).status()).isEqualTo(200);
		// back to the national three working days for the other journeys
		assertThat(admin.postForm(settings, settings, Map.of("agency", "yiyuan-fgj", "deadlineDays", "3", "waiverAllowed", "true",
				"principalLeaderTarget", "2"), true).status()).isEqualTo(302);
		ok(editor.get("/console/interpretation/statistics"), 200, "主要负责人解读", "简明问答");
		ok(editor.get("/console/interpretation/statistics?agency=yiyuan-fgj&year=2025"), 200, "2025年");

		ok(editor.get("/console/concerns"), 200, "记录社会关切");
		Map<String, String> t = new HashMap<>(Map.of("agency", "yiyuan-fgj", "title", "", "source", "MESSAGE", "documentIds", String.valueOf(docId)));
		ok(editor.postForm("/console/concerns", "/console/concerns", t, true), 200, "请填写关切事项");
		t.put("title", "网民关心补贴何时发放");
		t.put("detectedAt", "2026-01-01T08:00");
		Http.Response topic = editor.postForm("/console/concerns", "/console/concerns", t, true);
		assertThat(topic.status()).as(topic.body()).isEqualTo(302);
		String topicPath = topic.header("Location").replaceAll("^https?://[^/]+", "");
		ok(editor.get(topicPath), 200, "网民关心补贴何时发放", "起草回应", "2026-01-01T08:00");
		ok(editor.postForm(topicPath + "/responses", topicPath, Map.of("title", "", "body", ""), true), 200, "请填写回应标题");
		Http.Response drafted = editor.postForm(topicPath + "/responses", topicPath,
				Map.of("title", "关于补贴发放时间的说明", "body", "<p>1月底前发放。</p>", "channel", "政府网站"), true);
		assertThat(drafted.status()).isEqualTo(302);
		ok(editor.get("/console/concerns"), 200, "网民关心补贴何时发放");
		String page = leader.get(topicPath).body();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("responses/(\\d+)/publish").matcher(page);
		assertThat(m.find()).as(page).isTrue();
		String rid = m.group(1);
		assertThat(leader.postForm(topicPath + "/responses/" + rid + "/publish", topicPath, Map.of(), true).status()).isEqualTo(302);
		ok(leader.get(topicPath), 200, "自发现起用时", "查看门户页面");
		ok(leader.postForm(topicPath + "/responses/" + rid + "/withdraw", topicPath, Map.of("reason", ""), true), 200, "请写明撤回理由");
		assertThat(editor.postForm(topicPath, topicPath, Map.of("title", "网民关心补贴何时发放（更新）", "source", "HOTLINE"), true).status()).isEqualTo(302);
		assertThat(leader.postForm(topicPath + "/close", topicPath, Map.of(), true).status()).isEqualTo(302);
		ok(editor.get(topicPath), 200, "已关闭", "热线电话");
	}
}
