package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * 民意调查 over real HTTP: a department's editor creates a questionnaire through the API and publishes it; the public
 * answers it on the portal form (CSRF, no-store, error summary with the answers kept, the acknowledgement, the
 * honeypot) and through the public API, once per mobile number; the live results appear as tables and an accessible
 * SVG chart without the free text, which only staff read (masked) and export; the poll is in the list, the column,
 * the feed and the sitemap until it is withdrawn.
 */
abstract class PollJourneyTest extends JourneySupport {

	static final String TITLE = "城乡居民医疗保险缴费标准调整民意调查";

	static final String SECRET_TEXT = "希望保留村卫生室，联系我13812345678";

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	static Map<String, Object> poll(String visibility) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("title", TITLE);
		body.put("description", "为做好城乡居民医疗保险缴费标准调整工作，听取群众意见。\n调查结果作为决策参考。");
		body.put("opensOn", today().toString());
		body.put("closesOn", today().plusDays(10).toString());
		body.put("identityRule", "MOBILE");
		body.put("resultsVisibility", visibility);
		body.put("questions", List.of(
				Map.of("kind", "SINGLE", "prompt", "您是否赞成按新标准缴费？", "required", true, "options", List.of("赞成", "不赞成", "说不清")),
				Map.of("kind", "MULTIPLE", "prompt", "您最关心哪些方面？", "required", false, "maxChoices", 2,
						"options", List.of("缴费金额", "报销比例", "定点医院")),
				Map.of("kind", "TEXT", "prompt", "您的其他意见", "required", false, "maxLength", 200)));
		return body;
	}

	@Test
	void aPollIsAnsweredOncePerPersonAndItsResultsArePublishedWithoutTheFreeText() throws Exception {
		Http editor = demo("fgj-editor");
		assertThat(anonymous().postJson("/api/v1/polls", poll("LIVE")).status()).isEqualTo(401);
		Http.Response created = editor.postJson("/api/v1/polls", poll("LIVE"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
		String page = "/participation/polls/" + id + "/";

		// a draft is nowhere in public
		assertThat(anonymous().get("/api/v1/public/polls/" + id).status()).isEqualTo(404);
		assertThat(anonymous().get(page).status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/polls/" + id + "/answer").status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/polls/").body()).doesNotContain(TITLE);

		// another department cannot publish it; its own editor can
		assertThat(demo("nyj-editor").postJson("/api/v1/polls/" + id + "/publish", Map.of()).status()).isEqualTo(403);
		Http.Response published = editor.postJson("/api/v1/polls/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("OPEN");
		JsonNode questions = published.json().get("questions");
		long single = questions.get(0).get("id").asLong();
		long multiple = questions.get(1).get("id").asLong();
		long text = questions.get(2).get("id").asLong();
		long agree = questions.get(0).get("options").get(0).get("id").asLong();
		long disagree = questions.get(0).get("options").get(1).get("id").asLong();
		long amount = questions.get(1).get("options").get(0).get("id").asLong();
		// published questions are frozen
		assertThat(editor.postJson("/api/v1/polls/" + id + "/questions",
				Map.of("kind", "TEXT", "prompt", "补充题", "required", false)).status()).isEqualTo(409);

		// the public page, without a session, links to the form
		Http.Response shown = anonymous().get(page);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.header("Set-Cookie")).isNull();
		assertThat(shown.body()).contains(TITLE, "进行中", "参与调查", "href=\"/participation/polls/" + id + "/answer\"", "lang=\"zh-CN\"");
		// the limit is what it is: one answer per number typed, not per verified person
		assertThat(shown.body()).contains("每个手机号码（或身份证号码）限提交一次").doesNotContain("每人限提交一次");

		// the form: no-store, CSRF, the notice, the honeypot
		Http person = anonymous();
		String formPath = "/participation/polls/" + id + "/answer";
		Http.Response form = person.get(formPath);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.header("Cache-Control")).contains("no-store");
		assertThat(form.body()).contains("name=\"_csrf\"", "<fieldset", "<legend", "name=\"website\"", "个人信息处理说明",
				"指纹", "个人信息保护法", "name=\"q" + single + "\"", "type=\"checkbox\"");
		assertThat(form.body()).contains("每个手机号码（或身份证号码）限提交一次", "不进行实名核验", "调查结束30日后删除",
				"调查结束365日后删除", "答卷中不含您的号码或指纹", "您的权利").doesNotContain("不可还原", "答卷不与您的身份关联");
		// without the token it is refused
		assertThat(person.postForm(formPath, formPath, Map.of("identity", "13900000001"), false).status()).isEqualTo(403);

		// the required question unanswered and no acknowledgement: the summary, and the typed text kept
		Map<String, String> incomplete = new HashMap<>();
		incomplete.put("identity", "13900000001");
		incomplete.put("q" + multiple, String.valueOf(amount));
		incomplete.put("q" + text, "保留我的意见文字");
		Http.Response refused = person.postForm(formPath, formPath, incomplete, true);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("error-summary", "第1题为必答题，请选择", "请阅读个人信息处理说明", "href=\"#f-q" + single + "\"",
				"保留我的意见文字", "value=\"13900000001\"");
		assertThat(refused.body()).containsPattern("value=\"" + amount + "\"\\s+checked");

		// complete: accepted, and the thanks page
		Map<String, String> complete = new HashMap<>(incomplete);
		complete.put("q" + single, String.valueOf(agree));
		complete.put("q" + text, SECRET_TEXT);
		complete.put("consent", "yes");
		Http.Response accepted = person.postForm(formPath, formPath, complete, true);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
		assertThat(accepted.header("Location")).endsWith("/participation/polls/" + id + "/answered");
		assertThat(person.get("/participation/polls/" + id + "/answered").body()).contains("答卷已提交", TITLE);

		// the same number again, written differently: 409 with a clear message
		Map<String, String> again = new HashMap<>(complete);
		again.put("identity", "139-0000-0001");
		Http.Response twice = person.postForm(formPath, formPath, again, true);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.body()).contains("已参与过本次调查");

		// a robot filling the honeypot is shown thanks, and nothing is saved
		Map<String, String> robot = new HashMap<>(complete);
		robot.put("identity", "13900000009");
		robot.put("website", "http://spam.example");
		assertThat(anonymous().postForm(formPath, formPath, robot, true).status()).isEqualTo(302);

		// the public API: an answer, the duplicate, an invalid one
		String answers = "/api/v1/public/polls/" + id + "/answers";
		Map<String, Object> viaApi = Map.of("identity", "13900000002", "answers",
				List.of(Map.of("question", single, "options", List.of(disagree)), Map.of("question", text, "text", "增加上门缴费服务")));
		Http.Response apiAnswer = anonymous().postJson(answers, viaApi);
		assertThat(apiAnswer.status()).as(apiAnswer.body()).isEqualTo(201);
		Http.Response apiTwice = anonymous().postJson(answers, viaApi);
		assertThat(apiTwice.status()).isEqualTo(409);
		assertThat(apiTwice.header("Content-Type")).startsWith("application/problem+json");
		assertThat(apiTwice.json().get("detail").asString()).contains("已参与过本次调查");
		Http.Response invalid = anonymous().postJson(answers, Map.of("identity", "12345", "answers",
				List.of(Map.of("question", single, "options", List.of(agree, disagree)))));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("identity", "q" + single);

		// two simultaneous answers with the same number: the database's unique constraint keeps one
		Map<String, Object> twin = Map.of("identity", "13900000077", "answers",
				List.of(Map.of("question", single, "options", List.of(agree))));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Integer>> twins = new java.util.ArrayList<>();
		for (int i = 0; i < 2; i++) {
			twins.add(pool.submit(() -> {
				go.await();
				return anonymous().postJson(answers, twin).status();
			}));
		}
		go.countDown();
		List<Integer> statuses = new java.util.ArrayList<>();
		for (var f : twins) {
			statuses.add(f.get());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_poll_response WHERE poll_id = ?").param(id).query(Long.class).single())
			.isEqualTo(3);

		// live results: three participants, tables with headers and an accessible chart, never the free text
		Http.Response results = anonymous().get(page);
		assertThat(results.body()).contains("调查结果", "<th scope=\"col\">选项</th>", "<th scope=\"row\">赞成</th>", "66.7%",
				"role=\"img\"", "aria-label=\"条形图：", "填空题，共2人填写", "自愿参与、未经实名核验的统计，仅供决策参考")
			.doesNotContain(SECRET_TEXT, "13812345678", "增加上门缴费服务", "13900000001");
		JsonNode publicPoll = anonymous().get("/api/v1/public/polls/" + id).json();
		assertThat(publicPoll.get("participants").asInt()).isEqualTo(3);
		assertThat(publicPoll.get("results").get("questions").get(0).get("options").get(0).get("count").asInt()).isEqualTo(2);
		assertThat(publicPoll.toString()).doesNotContain(SECRET_TEXT, "增加上门缴费服务");
		assertThat(publicPoll.get("results").get("note").asString()).contains("未经实名核验");

		// the list, its filters, the column, the feed, the sitemap
		assertThat(anonymous().get("/participation/polls/").body()).contains(TITLE, "已有3人参与");
		assertThat(anonymous().get("/participation/polls/?agency=yiyuan-fgj&status=OPEN").body()).contains(TITLE);
		assertThat(anonymous().get("/participation/polls/?status=CLOSED").body()).doesNotContain(TITLE);
		assertThat(anonymous().get("/participation/polls/?agency=nope").status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/").body()).contains(TITLE, "民意调查");
		assertThat(anonymous().get("/participation/polls/feed.atom").body()).contains(TITLE, "urn:gongkai:poll:" + id);
		JsonNode list = anonymous().get("/api/v1/public/polls?agency=yiyuan-fgj").json();
		assertThat(list.get("items").findValuesAsString("url")).contains(page);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Files.readString(site.fileFor("/sitemap.xml").orElseThrow())).contains(page));

		// staff read the free text masked, and export everything
		JsonNode staff = editor.get("/api/v1/polls/" + id).json();
		assertThat(staff.get("texts").findValuesAsString("text")).contains("希望保留村卫生室，联系我138****5678", "增加上门缴费服务");
		var xlsx = editor.getBytes("/api/v1/polls/" + id + "/export");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
		assertThat(anonymous().get("/api/v1/polls/" + id).status()).isEqualTo(401);
		Http console = session("fgj-editor", DEMO_PASSWORD);
		Http.Response consolePage = console.get("/console/participation/polls/" + id);
		assertThat(consolePage.status()).isEqualTo(200);
		assertThat(consolePage.body()).contains(TITLE, "填空题回答", "138****5678", "提前结束调查", "撤回调查");
		assertThat(console.get("/console/participation/polls").body()).contains(TITLE);

		// withdrawn: gone from every public surface
		Http.Response withdrawn = editor.postJson("/api/v1/polls/" + id + "/withdraw", Map.of("reason", "方案调整，重新组织调查"));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(anonymous().get(page).status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/polls/" + id).status()).isEqualTo(404);
		assertThat(anonymous().postJson(answers, Map.of("identity", "13900000003", "answers",
				List.of(Map.of("question", single, "options", List.of(agree))))).status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/polls/").body()).doesNotContain(TITLE);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Files.readString(site.fileFor("/sitemap.xml").orElseThrow())).doesNotContain(page));
	}

	@Test
	void theConsoleBuildsAQuestionnaireWithPlainForms() {
		Http console = session("fgj-editor", DEMO_PASSWORD);
		String home = "/console/participation/polls";
		assertThat(console.get(home).body()).contains("新建调查");
		Map<String, String> settings = new HashMap<>();
		settings.put("agency", "yiyuan-fgj");
		settings.put("title", "社区养老服务需求调查");
		settings.put("description", "了解群众对社区养老服务的需求。");
		settings.put("opensOn", today().plusDays(3).toString());
		settings.put("closesOn", today().plusDays(2).toString());
		settings.put("identityRule", "RESIDENT_ID");
		settings.put("resultsVisibility", "AFTER_CLOSE");
		Http.Response wrong = console.postForm(home, home + "/new", settings, true);
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("截止日期不能早于开始日期", "社区养老服务需求调查");
		settings.put("closesOn", today().plusDays(9).toString());
		Http.Response saved = console.postForm(home, home + "/new", settings, true);
		assertThat(saved.status()).isEqualTo(302);
		String location = saved.header("Location");
		assertThat(location).contains(home + "/");
		String view = location.substring(location.indexOf(home));
		long id = Long.parseLong(view.substring(view.lastIndexOf('/') + 1));

		Http.Response q1 = console.postForm(home + "/" + id + "/questions", view,
				Map.of("kind", "SINGLE", "prompt", "您是否需要助餐服务？", "required", "true", "options", "需要\n不需要"), true);
		assertThat(q1.status()).isEqualTo(302);
		Http.Response q2 = console.postForm(home + "/" + id + "/questions", view,
				Map.of("kind", "TEXT", "prompt", "您的建议", "maxLength", "300"), true);
		assertThat(q2.status()).isEqualTo(302);
		Http.Response bad = console.postForm(home + "/" + id + "/questions", view, Map.of("prompt", ""), true);
		assertThat(bad.body()).contains("请选择题型", "请填写题目");
		long textQuestion = jdbc.sql("SELECT id FROM pt_poll_question WHERE poll_id = ? AND question_kind = 'TEXT'").param(id)
			.query(Long.class).single();
		assertThat(console.postForm(home + "/" + id + "/questions/" + textQuestion + "/move", view, Map.of("direction", "up"), true)
			.status()).isEqualTo(302);
		Http.Response preview = console.get(home + "/" + id + "/preview");
		assertThat(preview.body()).containsSubsequence("您的建议", "您是否需要助餐服务？");
		assertThat(console.postForm(home + "/" + id + "/publish", view, Map.of(), true).status()).isEqualTo(302);
		Http.Response publicPage = anonymous().get("/participation/polls/" + id + "/");
		assertThat(publicPage.body()).contains("社区养老服务需求调查", "未开始", "调查结果将在调查结束后在本页公布");
		// not started: the form refuses with 409
		Http.Response early = anonymous().get("/participation/polls/" + id + "/answer");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body()).contains("尚未开始");
	}
}
