package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Consultations over real HTTP: the API contract (201 with id and status, an unpublished consultation 404 in public,
 * comments 201 while open and 409 once closed, the feedback refused with 409 until every valid comment is answered
 * and the summary written), the public pages (the list with the open one first and its countdown, the page with the
 * comment form, CSRF and no-store, the error summary, the honeypot, the feed and the sitemap), masking, and
 * withdrawal taking the consultation off every public surface.
 */
abstract class ConsultationJourneyTest extends JourneySupport {

	static final String DRAFT = "沂源县城区停车收费管理办法（征求意见稿）\n第一条 为规范停车收费，制定本办法。\n第二条 本办法适用于县城城区。\n第三条 停车收费实行政府指导价。";

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	/**
	 * The countdown of a consultation closing 30 days after the test's today: the server reads its own clock, which may
	 * already be on the next day when the test runs around midnight China time.
	 */
	static final String COUNTDOWN_30 = "距征集截止还有(30|29)天";

	static Map<String, Object> consultation(String title) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("title", title);
		body.put("draft", DRAFT);
		body.put("basis", "《中华人民共和国价格法》第十八条");
		body.put("explanation", "为规范城区停车收费行为，起草了本办法。");
		body.put("opensOn", today().toString());
		body.put("closesOn", today().plusDays(30).toString());
		body.put("channelEmail", "fgj@example.cn");
		body.put("commentsPublic", true);
		return body;
	}

	static Map<String, Object> comment(String content) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "赵六");
		body.put("contact", "13700001111");
		body.put("content", content);
		return body;
	}

	@Test
	void theApiContractFromDraftToPublishedFeedback() {
		Http editor = demo("fgj-editor");
		Http.Response created = editor.postJson("/api/v1/consultations", consultation("关于城区停车收费管理办法公开征求意见"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");

		// unpublished: 404 in public, on the API, the page and for a comment
		assertThat(anonymous().get("/api/v1/public/consultations/" + id).status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/consultations/" + id + "/").status()).isEqualTo(404);
		assertThat(anonymous().postJson("/api/v1/public/consultations/" + id + "/comments", comment("草稿阶段的意见内容")).status())
			.isEqualTo(404);

		// another agency's editor may not publish it
		assertThat(demo("nyj-editor").postJson("/api/v1/consultations/" + id + "/publish", Map.of()).status()).isEqualTo(403);
		Http.Response published = editor.postJson("/api/v1/consultations/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("OPEN");

		JsonNode pub = anonymous().get("/api/v1/public/consultations/" + id).json();
		assertThat(pub.get("status").asString()).isEqualTo("OPEN");
		assertThat(pub.get("opensOn").asString()).isEqualTo(today().toString());
		assertThat(pub.get("closesOn").asString()).isEqualTo(today().plusDays(30).toString());
		assertThat(pub.get("commentCount").asLong()).isZero();
		assertThat(pub.get("articles").size()).isEqualTo(3);
		assertThat(pub.get("countdown").asString()).matches(COUNTDOWN_30);

		// comments: 201, a bad one 400, on an article
		Http.Response c1 = anonymous().postJson("/api/v1/public/consultations/" + id + "/comments",
				comment("建议夜间停车免费，我的电话13812345678。"));
		assertThat(c1.status()).as(c1.body()).isEqualTo(201);
		long comment1 = c1.json().get("id").asLong();
		Map<String, Object> onArticle = comment("第三条应当明确听证程序。");
		onArticle.put("article", 3);
		Http.Response c2 = anonymous().postJson("/api/v1/public/consultations/" + id + "/comments", onArticle);
		assertThat(c2.status()).isEqualTo(201);
		long comment2 = c2.json().get("id").asLong();
		Http.Response bad = anonymous().postJson("/api/v1/public/consultations/" + id + "/comments", Map.of("content", " "));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("content");
		Http.Response again = anonymous().postJson("/api/v1/public/consultations/" + id + "/comments",
				comment("建议夜间停车免费，我的电话13812345678。"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(anonymous().get("/api/v1/public/consultations/" + id).json().get("commentCount").asLong()).isEqualTo(2);

		// a comment sent by letter, recorded by staff: a valid comment at once; not by another agency
		Map<String, Object> letter = Map.of("channel", "POST", "receivedOn", today().toString(), "content", "来信：建议公布收费依据。",
				"name", "孙九");
		assertThat(demo("nyj-editor").postJson("/api/v1/consultations/" + id + "/comments", letter).status()).isEqualTo(403);
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/comments", Map.of("channel", "WEB", "content", "x")).status())
			.isEqualTo(400);
		Http.Response recorded = editor.postJson("/api/v1/consultations/" + id + "/comments", letter);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		assertThat(recorded.json().get("status").asString()).isEqualTo("ACCEPTED");
		long comment3 = recorded.json().get("id").asLong();

		// moderation; the feedback is refused while open
		assertThat(editor.postJson("/api/v1/consultations/comments/" + comment1 + "/accept", Map.of()).status()).isEqualTo(200);
		assertThat(editor.postJson("/api/v1/consultations/comments/" + comment2 + "/accept", Map.of()).status()).isEqualTo(200);
		// a rejected comment counts as received, not as valid
		long spam = anonymous().postJson("/api/v1/public/consultations/" + id + "/comments", comment("低价代办证件，请加微信。")).json()
			.get("id").asLong();
		assertThat(editor.postJson("/api/v1/consultations/comments/" + spam + "/reject", Map.of("reason", "SPAM")).status()).isEqualTo(200);
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/feedback/publish", Map.of()).status()).isEqualTo(409);

		// close early: a reason is required (Art. 14 ¶2); then comments 409
		Http.Response noReason = editor.postJson("/api/v1/consultations/" + id + "/close", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason");
		Http.Response closed = editor.postJson("/api/v1/consultations/" + id + "/close", Map.of("reason", "上级机关要求提前报送草案"));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		Http.Response late = anonymous().postJson("/api/v1/public/consultations/" + id + "/comments", comment("结束后提出的意见内容"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.header("Content-Type")).contains("application/problem+json");
		JsonNode afterClose = anonymous().get("/api/v1/public/consultations/" + id).json();
		assertThat(afterClose.get("closedOn").asString()).isEqualTo(today().toString());
		assertThat(afterClose.get("closedEarlyReason").asString()).isEqualTo("上级机关要求提前报送草案");
		assertThat(anonymous().get("/participation/consultations/" + id + "/").body()).contains("提前结束的原因", "上级机关要求提前报送草案");

		// the feedback: 409 while a valid comment lacks an answer, then the summary is missing
		Http.Response answered = editor.postJson("/api/v1/consultations/" + id + "/feedback",
				Map.of("comments", List.of(comment1), "outcome", "ADOPTED"));
		assertThat(answered.status()).as(answered.body()).isEqualTo(201);
		Http.Response refused = editor.postJson("/api/v1/consultations/" + id + "/feedback/publish", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("未作出采纳情况反馈");
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/feedback",
				Map.of("comments", List.of(comment2), "outcome", "NOT_ADOPTED")).status()).isEqualTo(400);
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/feedback",
				Map.of("comments", List.of(comment2), "outcome", "NOT_ADOPTED", "reason", "听证程序由价格法另行规定。")).status())
			.isEqualTo(201);
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/feedback",
				Map.of("comments", List.of(comment3), "outcome", "ADOPTED")).status()).isEqualTo(201);
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/feedback/publish", Map.of()).status()).isEqualTo(409);
		assertThat(editor.putJson("/api/v1/consultations/" + id + "/summary", Map.of("mainChanges", "增加夜间免费停车的规定。")).status())
			.isEqualTo(200);
		Http.Response done = editor.postJson("/api/v1/consultations/" + id + "/feedback/publish", Map.of());
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("status").asString()).isEqualTo("FEEDBACK_PUBLISHED");

		JsonNode fb = anonymous().get("/api/v1/public/consultations/" + id).json();
		assertThat(fb.get("status").asString()).isEqualTo("FEEDBACK_PUBLISHED");
		assertThat(fb.get("feedback").get("summary").asString()).isEqualTo("收到意见4条（有效意见3条），采纳2条，部分采纳0条，采纳率66.7%");
		assertThat(fb.get("commentCount").asLong()).isEqualTo(4);
		assertThat(fb.get("validCommentCount").asLong()).isEqualTo(3);
		assertThat(fb.get("feedback").get("adopted").asLong()).isEqualTo(2);
		assertThat(fb.get("feedback").get("notAdopted").asLong()).isEqualTo(1);
		assertThat(fb.toString()).contains("138****5678").doesNotContain("13812345678").doesNotContain("赵六")
			.doesNotContain("13700001111").doesNotContain("孙九");

		// the API filters exactly: CLOSED is not FEEDBACK_PUBLISHED; the list is paged
		assertThat(anonymous().get("/api/v1/public/consultations?agency=yiyuan-fgj&status=CLOSED&size=100").body())
			.doesNotContain("\"id\":" + id + ",");
		assertThat(anonymous().get("/api/v1/public/consultations?agency=yiyuan-fgj&status=FEEDBACK_PUBLISHED&size=100").body())
			.contains("\"id\":" + id + ",");
		assertThat(anonymous().get("/api/v1/public/consultations?size=1").json().size()).isEqualTo(1);
		assertThat(anonymous().get("/api/v1/public/consultations?size=101").status()).isEqualTo(400);
		assertThat(anonymous().get("/api/v1/public/consultations?page=0").status()).isEqualTo(400);

		String page = anonymous().get("/participation/consultations/" + id + "/").body();
		assertThat(page).contains("已反馈", "意见收集和采纳情况", "收到意见4条（有效意见3条），采纳2条", "增加夜间免费停车的规定", "听证程序由价格法另行规定")
			.doesNotContain("13812345678").doesNotContain("赵六").doesNotContain("name=\"_csrf\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'consultation.%' AND subject_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(9);
	}

	@Test
	void theCommentFormOnThePortalWithItsNoticeErrorsAndHoneypot() {
		Http editor = demo("fgj-editor");
		Map<String, Object> body = consultation("关于城区公共自行车管理办法公开征求意见");
		body.put("nameRule", "REQUIRED");
		long id = editor.postJson("/api/v1/consultations", body).json().get("id").asLong();
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		String path = "/participation/consultations/" + id + "/";

		Http visitor = anonymous();
		Http.Response page = visitor.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(page.body()).containsPattern(COUNTDOWN_30);
		assertThat(page.body()).contains("征集中", "个人信息处理说明", "name=\"_csrf\"", "第二条", "fgj@example.cn",
				"起草说明", "决策依据");

		// without consent and name: the error summary, input kept, nothing saved
		Http.Response missing = visitor.postForm(path + "comments", path, Map.of("content", "建议在学校附近增设站点。", "article", "2"), true);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("error-summary", "请阅读个人信息处理说明", "建议在学校附近增设站点。");
		Http.Response noName = visitor.postForm(path + "comments", path,
				Map.of("content", "建议在学校附近增设站点。", "article", "2", "consent", "yes"), true);
		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.body()).contains("请填写姓名");
		// a POST without the CSRF token is refused
		assertThat(anonymous().postForm(path + "comments", path, Map.of("content", "没有令牌的意见内容", "consent", "yes"), false).status())
			.isEqualTo(403);
		// the honeypot: looks accepted, nothing saved
		Http.Response robot = visitor.postForm(path + "comments", path,
				Map.of("content", "机器人提交的意见内容", "name", "robot", "consent", "yes", "homepage", "http://spam.example"), true);
		assertThat(robot.status()).isEqualTo(302);
		Http.Response sent = visitor.postForm(path + "comments", path,
				Map.of("content", "建议在学校附近增设站点。", "article", "2", "name", "钱七", "consent", "yes"), true);
		assertThat(sent.status()).isEqualTo(302);
		assertThat(sent.header("Location")).endsWith(path + "commented");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_consultation_comment WHERE consultation_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT article_no FROM pt_consultation_comment WHERE consultation_id = ?").param(id).query(Integer.class)
			.single()).isEqualTo(2);

		// the list: open first with its countdown, filters, feed, sitemap, the column
		String list = anonymous().get("/participation/consultations/?agency=yiyuan-fgj&status=OPEN").body();
		assertThat(list).contains("关于城区公共自行车管理办法公开征求意见").containsPattern(COUNTDOWN_30);
		assertThat(anonymous().get("/participation/consultations/?status=DRAFT").status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/consultations/?page=99").status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/consultations/feed.atom").body()).contains("关于城区公共自行车管理办法公开征求意见");
		assertThat(anonymous().get("/participation/").body()).contains("意见征集", "关于城区公共自行车管理办法公开征求意见");
		assertThat(anonymous().get("/api/v1/public/consultations?agency=yiyuan-fgj").body()).contains("关于城区公共自行车管理办法公开征求意见");

		// closed while a visitor was typing: 409, and the typed text comes back read-only with the other channels
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/close", Map.of("reason", "决策事项调整")).status()).isEqualTo(200);
		Http.Response late = visitor.postForm(path + "comments", "/login",
				Map.of("content", "晚到的意见：建议增加还车点。", "name", "钱七", "consent", "yes"), true);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.body()).contains("不再接收意见", "您填写的意见（未能提交）", "晚到的意见：建议增加还车点。", "fgj@example.cn")
			.doesNotContain("name=\"content\"");
		// closed: the page has no form and sets no cookie
		Http.Response closedPage = anonymous().get(path);
		assertThat(closedPage.body()).contains("已结束", "征集已结束，不再接收意见").doesNotContain("name=\"_csrf\"");
		assertThat(closedPage.header("Set-Cookie")).isNull();

		// withdrawn: gone from every public surface
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/withdraw", Map.of("reason", "决策事项调整")).status()).isEqualTo(200);
		assertThat(anonymous().get(path).status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/consultations/" + id).status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/consultations/").body()).doesNotContain("关于城区公共自行车管理办法公开征求意见");
		assertThat(anonymous().get("/participation/consultations/feed.atom").body()).doesNotContain("关于城区公共自行车管理办法公开征求意见");
	}

	@Test
	void theConsolePagesLeadFromTheListToModerationAndFeedback() {
		Http editor = demo("fgj-editor");
		long id = editor.postJson("/api/v1/consultations", consultation("关于城区绿化管理办法公开征求意见")).json().get("id").asLong();
		editor.postJson("/api/v1/consultations/" + id + "/publish", Map.of());
		anonymous().postJson("/api/v1/public/consultations/" + id + "/comments", comment("建议增加社区公园。"));
		Http session = session("fgj-editor", DEMO_PASSWORD);
		String list = session.get("/console/participation/consultations").body();
		assertThat(list).contains("意见征集", "关于城区绿化管理办法公开征求意见", "征集中");
		String view = session.get("/console/participation/consultations/" + id).body();
		assertThat(view).contains("待审核意见（1）", "建议增加社区公园。", "赵六", "13700001111");
		// the dashboard counts the pending comments of the editor's agency
		long pendingCount = jdbc.sql("SELECT COUNT(*) FROM pt_consultation_comment m JOIN pt_consultation c ON c.id = m.consultation_id"
				+ " JOIN org_agency a ON a.id = c.agency_id WHERE a.code = 'yiyuan-fgj' AND m.status = 'PENDING' AND c.lifecycle = 'PUBLISHED'")
			.query(Long.class).single();
		assertThat(pendingCount).isPositive();
		assertThat(session.get("/console").body()).containsPattern("<h2>待审核意见</h2>\\s*<p class=\"value\">" + pendingCount + "</p>");
		Http.Response bad = session.postForm("/console/participation/consultations", "/console/participation/consultations/new",
				Map.of("agency", "yiyuan-fgj", "title", "短期征集", "draft", "第一条 内容", "explanation", "说明", "opensOn",
						today().toString(), "closesOn", today().plusDays(5).toString(), "nameRule", "OPTIONAL", "contactRule", "OPTIONAL"),
				true);
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("少于30日，请说明缩短期限的原因");
		// attachments: uploaded to a draft in the console, downloadable in public once published
		long draft = editor.postJson("/api/v1/consultations", consultation("关于城区照明管理办法公开征求意见")).json().get("id").asLong();
		String viewPath = "/console/participation/consultations/" + draft;
		byte[] pdf = "%PDF-1.4 征求意见稿".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Http.Response upload = session.postFile(viewPath + "/attachments", viewPath, Map.of(), "file", "起草说明.pdf", pdf);
		assertThat(upload.status()).isEqualTo(302);
		assertThat(session.postFile(viewPath + "/attachments", viewPath, Map.of(), "file", "tool.exe", new byte[] { 1 }).status())
			.isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_consultation_attachment WHERE consultation_id = ?").param(draft).query(Long.class)
			.single()).isEqualTo(1);
		long attachment = jdbc.sql("SELECT id FROM pt_consultation_attachment WHERE consultation_id = ?").param(draft)
			.query(Long.class).single();
		String filePath = "/participation/consultations/" + draft + "/attachments/" + attachment;
		assertThat(anonymous().get(filePath).status()).isEqualTo(404);
		editor.postJson("/api/v1/consultations/" + draft + "/publish", Map.of());
		assertThat(anonymous().get("/participation/consultations/" + draft + "/").body()).contains("起草说明.pdf", filePath);
		assertThat(anonymous().getBytes(filePath).body()).isEqualTo(pdf);
		assertThat(session.postForm("/console/participation/consultations/attachments/" + attachment + "/remove", viewPath, Map.of(), true)
			.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_consultation_attachment WHERE consultation_id = ?").param(draft).query(Long.class)
			.single()).as("published: attachments stay").isEqualTo(1);

		// an integration token with the participation scope acts for its own agency only
		Http token = new Http(port).bearer(demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "OA-征求意见", "scopes", List.of("participation"))).json().get("token").asString());
		Http.Response byToken = token.postJson("/api/v1/consultations", consultation("关于城区供热管理办法公开征求意见"));
		assertThat(byToken.status()).as(byToken.body()).isEqualTo(201);
		Map<String, Object> elsewhere = consultation("其他单位的意见征集");
		elsewhere.put("agency", "yiyuan-nyj");
		assertThat(token.postJson("/api/v1/consultations", elsewhere).status()).isEqualTo(403);
		Http intake = new Http(port).bearer(demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "OA-发布", "scopes", List.of("intake"))).json().get("token").asString());
		assertThat(intake.postJson("/api/v1/consultations", consultation("无权限的令牌")).status()).isEqualTo(403);

		// a supervisor reads, but may not act, and does not see who commented (the notice promises the drafting agency only)
		Http gkb = session("gkb", DEMO_PASSWORD);
		assertThat(gkb.get("/console/participation/consultations/" + id).body()).contains("关于城区绿化管理办法公开征求意见",
				"建议增加社区公园。", "仅起草单位可见").doesNotContain("提前结束征集").doesNotContain("赵六").doesNotContain("13700001111");
		Http.Response gkbApi = gkb.get("/api/v1/consultations/" + id);
		assertThat(gkbApi.status()).as(gkbApi.body()).isEqualTo(200);
		assertThat(gkbApi.body()).contains("建议增加社区公园。", "仅起草单位可见").doesNotContain("赵六").doesNotContain("13700001111");
		assertThat(session.get("/api/v1/consultations/" + id).body()).contains("赵六", "13700001111");
	}

	@Test
	void aDoubleClickSavesOneCommentEvenWhenBothArriveAtOnce() throws Exception {
		Http editor = demo("fgj-editor");
		long id = editor.postJson("/api/v1/consultations", consultation("关于城区垃圾分类管理办法公开征求意见")).json().get("id").asLong();
		assertThat(editor.postJson("/api/v1/consultations/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		int n = 4;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
		for (int i = 0; i < n; i++) {
			sent.add(pool.submit(() -> {
				start.await();
				return anonymous().postJson("/api/v1/public/consultations/" + id + "/comments", comment("建议增加分类垃圾桶的数量。")).status();
			}));
		}
		start.countDown();
		List<Integer> statuses = new java.util.ArrayList<>();
		for (java.util.concurrent.Future<Integer> f : sent) {
			statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
		}
		pool.shutdown();
		// the duplicate check runs under the consultation's lock: one is saved, the others see it
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn(x -> x == 201).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_consultation_comment WHERE consultation_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
	}
}
