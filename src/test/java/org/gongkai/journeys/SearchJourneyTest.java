package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Site search over real HTTP: a document pushed by the OA system is found within a second on the results page (without
 * a session, highlighted, with facets, in the Atom feed) and through the public API; a quoted phrase matches exactly;
 * bad parameters are a Chinese page and problem JSON; the administrator's synonym and best bet take effect; the
 * query reaches the editors' report; a rebuild keeps search online and the document findable; and once withdrawn the
 * document is gone within a second.
 */
abstract class SearchJourneyTest extends JourneySupport {

	static final String TITLE = "沂源县推进政务公开标准化规范化工作实施方案";

	private static int serial;

	Http oaToken() {
		JsonNode issued = demo("fgj-admin")
			.postJson("/api/v1/agencies/yiyuan-fgj/tokens", Map.of("name", "OA-S-" + (++serial), "scopes", List.of("intake")))
			.json();
		return new Http(port).bearer(issued.get("token").asString());
	}

	static Map<String, Object> push(String title, String body) {
		Map<String, Object> m = new HashMap<>();
		m.put("externalId", "OA-S-" + System.nanoTime());
		m.put("title", title);
		m.put("body", "<p>" + body + "</p>");
		m.put("documentNumber", "沂发改发〔2026〕" + (++serial) + "号");
		m.put("formedOn", "2026-11-20");
		m.put("theme", "综合政务/政务公开");
		m.put("documentType", "通知");
		m.put("normative", false);
		m.put("catalogNodes", List.of("a20-01"));
		m.put("attribute", "PROACTIVE");
		return m;
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/**
	 * The index is built in the background at first start, and the demo county's seeding leaves a backlog of index
	 * refreshes in the event listeners; the journeys begin once both are done, so that "within a second" measures a
	 * publication and not that backlog.
	 */
	@BeforeEach
	void indexBuilt() {
		await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
			.until(() -> !admin().get("/api/v1/search/rebuild").json().get("running").asBoolean());
		org.gongkai.testing.EventQueue.awaitSettled(jdbc, Duration.ofSeconds(300));
	}

	JsonNode api(String query) {
		Http.Response r = anonymous().get("/api/v1/public/search?" + query);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	@Test
	void aPublishedDocumentIsFoundHighlightedWithFacetsAndIsGoneOnceWithdrawn() {
		Http.Response pushed = oaToken().postJson("/api/v1/intake/documents",
				push(TITLE, "为深入推进政务公开标准化规范化，制定本方案。各乡镇、各部门要按照标准目录公开信息。"));
		assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
		long id = pushed.json().get("id").asLong();

		// searchable within a second of publication, through the API ...
		String unique = "type=document&q=" + enc("“政务公开标准化规范化工作实施方案”");
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(api(unique).get("total").asLong()).isEqualTo(1));
		JsonNode answer = api("size=100&q=" + enc("政务公开"));
		JsonNode hit = null;
		for (JsonNode h : answer.get("hits")) {
			if (h.get("id").asLong() == id && h.get("type").asString().equals("document")) {
				hit = h;
			}
		}
		assertThat(hit).as(answer.toString()).isNotNull();
		assertThat(hit.get("title").asString()).isEqualTo(TITLE);
		assertThat(hit.get("snippet").asString()).contains("<mark>");
		assertThat(hit.get("url").asString()).startsWith("/agencies/yiyuan-fgj/");
		assertThat(hit.get("agencyName").asString()).isEqualTo("沂源县发展和改革局");
		assertThat(answer.get("facets").get("type").get("document").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(answer.get("facets").get("agency").get("yiyuan-fgj").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(answer.get("facets").has("year")).isTrue();
		assertThat(answer.get("facetLabels").get("type").get("document").asString()).isNotBlank();

		// ... and on the public page, without a session
		Http.Response page = anonymous().get("/search?q=" + enc("政务公开"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Set-Cookie")).isNull();
		assertThat(page.body()).contains("<h1>站内搜索</h1>", "<mark>", "role=\"status\"", "找到与“政务公开”相关的信息",
				"沂源县发展和改革局", "href=\"/search/feed.atom?q=", "rel=\"alternate\" type=\"application/atom+xml\"",
				"aria-label=\"筛选结果\"", "action=\"/search\"", "<label for=\"header-q\"");
		assertThat(page.body()).contains("href=\"/search?q=" + enc("政务公开").replace("+", "%20") + "&amp;type=document\"");
		// the title says how many were found (a status region present at load is not announced)
		assertThat(page.body()).containsPattern("<title>搜索：政务公开（共\\d+条） - ");
		assertThat(anonymous().get("/search?q=" + enc("政务公开") + "&size=1&page=2").body())
			.containsPattern("<title>搜索：政务公开（共\\d+条，第2页） - ");
		// a facet clicked is in the URL and marked
		Http.Response filtered = anonymous().get("/search?q=" + enc("政务公开") + "&type=document&agency=yiyuan-fgj");
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.body()).contains("aria-current=\"true\"", "清除全部筛选条件", TITLE.substring(0, 5));
		// the feed of the same search
		Http.Response feed = anonymous().get("/search/feed.atom?" + unique);
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
		assertThat(feed.body()).contains("<feed", TITLE, "urn:gongkai:document:" + id).doesNotContain("<mark>");

		// a quoted phrase matches the characters as typed, and only them
		assertThat(api("type=document&agency=yiyuan-fgj&q=" + enc("\"标准化规范化工作\"")).get("total").asLong()).isEqualTo(1);
		assertThat(api("type=document&agency=yiyuan-fgj&q=" + enc("“规范化标准化工作”")).get("total").asLong()).isZero();

		// withdrawn: gone within a second from the API, the page and the feed
		Http.Response withdrawn = demo("fgj-leader").postJson("/api/v1/documents/" + id + "/withdraw", Map.of("reason", "内容有误"));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(api(unique).get("total").asLong()).isZero());
		assertThat(anonymous().get("/search?" + unique).body()).doesNotContain(TITLE);
		assertThat(anonymous().get("/search/feed.atom?" + unique).body()).doesNotContain(TITLE);
	}

	@Test
	void badParametersAreAChinesePageAndProblemJson() {
		String tooLong = enc("政".repeat(101));
		Http.Response problem = anonymous().get("/api/v1/public/search?q=" + tooLong);
		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
		assertThat(problem.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
		assertThat(problem.json().get("title").asString()).isEqualTo("请求内容有误");
		for (String bad : List.of("size=0", "size=101", "page=0", "type=nosuch", "agency=nowhere", "year=abc", "sort=hot")) {
			Http.Response r = anonymous().get("/api/v1/public/search?q=a&" + bad);
			assertThat(r.status()).as(bad).isEqualTo(400);
			assertThat(r.header("Content-Type")).as(bad).startsWith("application/problem+json");
		}
		Http.Response page = anonymous().get("/search?q=" + tooLong);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("检索词不能超过100个字", "role=\"alert\"", "<h1>站内搜索</h1>");
		// correcting the query keeps the filters and the sort that were not wrong
		Http.Response kept = anonymous().get("/search?q=" + tooLong + "&type=document&agency=yiyuan-fgj&sort=date&year=abc");
		assertThat(kept.status()).isEqualTo(400);
		assertThat(kept.body()).contains("<input type=\"hidden\" name=\"type\" value=\"document\">",
				"<input type=\"hidden\" name=\"agency\" value=\"yiyuan-fgj\">",
				"<input type=\"hidden\" name=\"sort\" value=\"date\">").doesNotContain("name=\"year\"");
		// an unknown type in an old link is left out on the page
		assertThat(anonymous().get("/search?q=a&type=nosuch").status()).isEqualTo(200);
		// the empty page is the form alone
		Http.Response empty = anonymous().get("/search");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("<label for=\"search-q\"").doesNotContain("role=\"status\"");
	}

	@Test
	void administratorsSynonymsAndBestBetsTakeEffectAndQueriesReachTheReport() {
		Http.Response pushed = oaToken().postJson("/api/v1/intake/documents",
				push("沂源县城乡公交票价调整公告", "自2027年1月起调整城乡公交票价。"));
		assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(api("q=" + enc("公交票价")).get("total").asLong()).isEqualTo(1));
		assertThat(api("q=" + enc("巴士票价")).get("total").asLong()).isZero();

		Http admin = session("admin", ADMIN_PASSWORD);
		assertThat(admin.get("/console/search").body()).contains("站内搜索", "重建搜索索引", "管理同义词");
		Http.Response added = admin.postForm("/console/search/synonyms", "/console/search/synonyms", Map.of("terms", "巴士\n公交"), true);
		assertThat(added.status()).isEqualTo(302);
		assertThat(admin.get("/console/search/synonyms").body()).contains("巴士 / 公交");
		assertThat(api("q=" + enc("巴士票价")).get("total").asLong()).isEqualTo(1);
		Http.Response refused = admin.postForm("/console/search/synonyms", "/console/search/synonyms", Map.of("terms", "只有一个"), true);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("一组同义词至少包含两个不同的词");

		Map<String, String> bet = Map.of("terms", "公交卡", "title", "公交卡办理指南", "url", "/agencies/yiyuan-fgj/",
				"description", "办理材料和网点", "sortOrder", "1", "active", "yes");
		assertThat(admin.postForm("/console/search/best-bets", "/console/search/best-bets/new", bet, true).status()).isEqualTo(302);
		JsonNode withBet = api("q=" + enc("公交卡怎么办理"));
		assertThat(withBet.get("bestBets").get(0).get("title").asString()).isEqualTo("公交卡办理指南");
		assertThat(anonymous().get("/search?q=" + enc("公交卡怎么办理")).body()).contains("公交卡办理指南", "class=\"best-bets\"");

		// editors see the report, with the queries of the public (flushed every 300 ms here)
		// (the report shows only queries searched at least twice)
		api("q=" + enc("没有这种信息的检索词"));
		api("q=" + enc("没有这种信息的检索词"));
		for (int i = 0; i < 3; i++) { // however often the wait above asked, 公交票价 is among the frequent queries
			api("q=" + enc("公交票价"));
		}
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(editor.get("/console/search").body())
			.contains("没有这种信息的检索词", "公交票价"));
		assertThat(editor.get("/console/search").body()).doesNotContain("重建搜索索引</button>", "管理同义词");
		assertThat(editor.get("/console/search/synonyms").status()).isEqualTo(403);
		assertThat(editor.get("/console").body()).contains("近7天无结果的检索");

		// a rebuild: only for the system administrator; search answers throughout and finds the document after
		assertThat(demo("fgj-editor").postJson("/api/v1/search/rebuild", Map.of()).status()).isEqualTo(403);
		Http.Response started = admin().postJson("/api/v1/search/rebuild", Map.of());
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.json().has("running")).isTrue();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(api("q=" + enc("公交票价")).get("total").asLong()).isEqualTo(1);
			JsonNode status = admin().get("/api/v1/search/rebuild").json();
			assertThat(status.get("running").asBoolean()).isFalse();
			assertThat(status.get("lastError").isNull() || status.get("lastError").isMissingNode()).as(status.toString()).isTrue();
		});
		assertThat(api("q=" + enc("公交票价")).get("total").asLong()).isEqualTo(1);
	}
}
