package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys of proactive disclosure over real HTTP: OA intake, the review workflow in the
 * console, withdrawal from every public surface, personal-data holds, validity and cleanup, the
 * on-request catalogue, the catalogue tree. Each subclass runs them on one database.
 */
abstract class PublicationJourneys extends JourneySupport {

	@Autowired
	Catalog catalog;

	private static int serial;

	static synchronized String ext() {
		return "OA-" + System.nanoTime() + "-" + (++serial);
	}

	Http oaToken(String agency) {
		JsonNode issued = demo(agency.equals("yiyuan-fgj") ? "fgj-admin" : "bgs-admin")
			.postJson("/api/v1/agencies/" + agency + "/tokens", Map.of("name", "OA-" + serial, "scopes", List.of("intake")))
			.json();
		return new Http(port).bearer(issued.get("token").asString());
	}

	static Map<String, Object> push(String externalId, String title, String attribute) {
		Map<String, Object> body = new HashMap<>();
		body.put("externalId", externalId);
		body.put("title", title);
		body.put("summary", "摘要：" + title);
		body.put("body", "<p>" + title + "的正文。</p><script>alert('x')</script>");
		body.put("documentNumber", "沂发改发〔2026〕" + serial + "号");
		body.put("writtenOn", "2026-11-20");
		body.put("formedOn", "2026-11-20");
		body.put("theme", "综合政务/政务公开");
		body.put("documentType", "通知");
		body.put("catalogNodes", List.of("a20-01"));
		if (attribute != null) {
			body.put("attribute", attribute);
		}
		return body;
	}

	// ---- OA intake ------------------------------------------------------------------------------------

	@Test
	void aPushWithoutAnAttributeOrAGroundIsRefusedAndNothingIsSaved() {
		Http oa = oaToken("yiyuan-fgj");
		String id = ext();
		Http.Response none = oa.postJson("/api/v1/intake/documents", push(id, "无属性的推送", null));
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("attribute");
		assertThat(none.json().get("errors").get(0).get("message").asString()).isEqualTo("必须选择公开属性");
		Http.Response noGround = oa.postJson("/api/v1/intake/documents", push(id, "不予公开无依据", "NOT_DISCLOSED"));
		assertThat(noGround.status()).isEqualTo(400);
		assertThat(noGround.body()).contains("exemptionGround", "exemptionReason");
		Map<String, Object> badNode = push(id, "栏目不存在", "PROACTIVE");
		badNode.put("catalogNodes", List.of("no-such-node"));
		assertThat(oa.postJson("/api/v1/intake/documents", badNode).json().get("errors").get(0).get("field").asString())
			.isEqualTo("catalogNodes");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pub_document WHERE external_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void aProactivePushIsPublicAtOnceEverywhereAndIdempotent() {
		Http oa = oaToken("yiyuan-fgj");
		String id = ext();
		Http.Response created = oa.postJson("/api/v1/intake/documents", push(id, "关于印发政务公开工作要点的通知", "PROACTIVE"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		long docId = body.get("id").asLong();
		String index = body.get("indexNumber").asString();
		assertThat(index).matches("11370323004\\w{7}/2026-\\d{5}");
		assertThat(body.get("status").asString()).isEqualTo("PUBLISHED");
		String url = body.get("publicUrl").asString();
		assertThat(url).isEqualTo("/agencies/yiyuan-fgj/documents/" + docId + "/");

		Http.Response again = oa.postJson("/api/v1/intake/documents", push(id, "改了标题也不会重复", "PROACTIVE"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").asLong()).isEqualTo(docId);
		assertThat(again.json().get("indexNumber").asString()).isEqualTo(index);

		JsonNode detail = anonymous().get("/api/v1/public/documents/" + docId).json();
		assertThat(detail.get("title").asString()).isEqualTo("关于印发政务公开工作要点的通知");
		assertThat(detail.get("body").asString()).contains("的正文").doesNotContain("script");
		assertThat(detail.get("theme").asString()).isEqualTo("综合政务/政务公开");
		assertThat(anonymous().get("/api/v1/public/documents?agency=yiyuan-fgj&indexNumber=" + index).json().get("total")
			.asLong()).isEqualTo(1);

		String page = anonymous().get(url).body();
		assertThat(page).contains("索引号", index, "主题分类", "发布机构", "成文日期", "文号", "发布日期", "有效性", "有效",
				"name=\"ArticleTitle\"", "name=\"PubDate\"", "name=\"ContentSource\"");
		Path file = site.fileFor(url).orElseThrow();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(file).exists();
			assertThat(Files.readString(site.fileFor("/agencies/yiyuan-fgj/a20-01/").orElseThrow())).contains(
					"关于印发政务公开工作要点的通知");
			assertThat(Files.readString(site.fileFor("/agencies/yiyuan-fgj/feed.atom").orElseThrow())).contains(
					"关于印发政务公开工作要点的通知");
			assertThat(Files.readString(site.fileFor("/sitemap.xml").orElseThrow())).contains(url);
		});
		Http.Response feed = anonymous().get("/agencies/yiyuan-fgj/a20-01/feed.atom");
		assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
		assertThat(feed.body()).contains("<feed", "关于印发政务公开工作要点的通知");
	}

	@Test
	void theArticle26LimitIsStoredAndAShorterNodeLimitOverridesIt() {
		Http oa = oaToken("yiyuan-fgj");
		long ordinary = oa.postJson("/api/v1/intake/documents", push(ext(), "一般信息", "PROACTIVE")).json().get("id").asLong();
		Map<String, Object> penalty = push(ext(), "行政处罚决定书", "PROACTIVE");
		penalty.put("catalogNodes", List.of("a20-01", "ka-double-publicity-02"));
		long doublePublicity = oa.postJson("/api/v1/intake/documents", penalty).json().get("id").asLong();
		// formed on Friday 2026-11-20: + 20 working days (Art. 26) = 2026-12-18; + 7 (双公示) = 2026-12-01
		assertThat(jdbc.sql("SELECT publish_by FROM pub_document WHERE id = ?").param(ordinary).query(java.time.LocalDate.class)
			.single()).isEqualTo(java.time.LocalDate.of(2026, 12, 18));
		assertThat(jdbc.sql("SELECT publish_by FROM pub_document WHERE id = ?").param(doublePublicity)
			.query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
	}

	@Test
	void aTokenOnlyPushesForItsOwnAgencyAndOnlyWithTheIntakeScope() {
		Http oa = oaToken("yiyuan-fgj");
		Map<String, Object> other = push(ext(), "代别的单位推送", "PROACTIVE");
		other.put("agency", "yiyuan-nyj");
		assertThat(oa.postJson("/api/v1/intake/documents", other).status()).isEqualTo(403);
		String reportsOnly = demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "报表", "scopes", List.of("reports"))).json().get("token").asString();
		assertThat(new Http(port).bearer(reportsOnly).postJson("/api/v1/intake/documents", push(ext(), "无权推送", "PROACTIVE"))
			.status()).isEqualTo(403);
		assertThat(anonymous().postJson("/api/v1/intake/documents", push(ext(), "匿名推送", "PROACTIVE")).status()).isEqualTo(401);
	}

	@Test
	void personalDataHoldsAPushBackUntilMaskedAndReviewed() {
		Http oa = oaToken("yiyuan-fgj");
		Map<String, Object> withId = push(ext(), "补贴发放名单", "PROACTIVE");
		withId.put("body", "<p>领取人：张三，身份证号11010519491231002X，电话13812345678。</p>");
		Http.Response held = oa.postJson("/api/v1/intake/documents", withId);
		assertThat(held.status()).isEqualTo(201);
		assertThat(held.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(held.json().get("heldBecause").asString()).contains("居民身份证号码", "110105********002X");
		long id = held.json().get("id").asLong();
		assertThat(anonymous().get("/api/v1/public/documents/" + id).status()).isEqualTo(404);

		Http reviewer = session("fgj-reviewer", DEMO_PASSWORD);
		assertThat(reviewer.postForm("/console/documents/" + id + "/mask", "/console/documents/" + id, Map.of(), true).status())
			.isEqualTo(302);
		assertThat(reviewer.postForm("/console/documents/" + id + "/review", "/console/documents/" + id,
				Map.of("political", "true", "legal", "true", "secrecy", "true", "text", "true"), true).status()).isEqualTo(302);
		Http leader = session("fgj-leader", DEMO_PASSWORD);
		assertThat(leader.postForm("/console/documents/" + id + "/approve", "/console/documents/" + id, Map.of(), true).status())
			.isEqualTo(302);
		JsonNode published = anonymous().get("/api/v1/public/documents/" + id).json();
		assertThat(published.get("body").asString()).contains("110105********002X", "138****5678")
			.doesNotContain("11010519491231002X", "13812345678");
	}

	// ---- the console workflow ---------------------------------------------------------------------------

	@Test
	void draftReviewApproveInTheConsoleWithReturnAndTheFourChecks() {
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		Map<String, String> form = new HashMap<>(Map.of("title", "沂源县发展和改革局2026年重点项目清单", "formedOn", "2026-11-24",
				"theme", "国民经济管理、国有资产监管/重大建设项目", "documentType", "通知", "catalogNodes", "a20-10"));
		Http.Response created = editor.postForm("/console/documents/new?agency=yiyuan-fgj", "/console/documents/new?agency=yiyuan-fgj",
				form, true);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String location = created.header("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String view = "/console/documents/" + id;

		// no attribute yet: submission is refused with the field message
		Http.Response refused = editor.postForm(view + "/submit", view, Map.of(), true);
		assertThat(refused.body()).contains("必须选择公开属性");
		form.put("attribute", "PROACTIVE");
		assertThat(editor.postForm(view, view, form, true).status()).isEqualTo(302);
		assertThat(editor.postForm(view + "/submit", view, Map.of(), true).status()).isEqualTo(302);

		// the editor cannot review; the reviewer must tick all four checks
		assertThat(editor.postForm(view + "/review", view, Map.of("political", "true", "legal", "true", "secrecy", "true",
				"text", "true"), true).status()).isEqualTo(403);
		Http reviewer = session("fgj-reviewer", DEMO_PASSWORD);
		Http.Response threeChecks = reviewer.postForm(view + "/review", view,
				Map.of("political", "true", "legal", "true", "secrecy", "true"), true);
		assertThat(threeChecks.body()).contains("须全部审查通过");
		assertThat(reviewer.postForm(view + "/return", view, Map.of("reason", "请补充项目清单附表"), true).status()).isEqualTo(302);
		assertThat(editor.get(view).body()).contains("退回理由：请补充项目清单附表");
		assertThat(editor.postForm(view + "/submit", view, Map.of(), true).status()).isEqualTo(302);
		assertThat(reviewer.postForm(view + "/review", view, Map.of("political", "true", "legal", "true", "secrecy", "true",
				"text", "true", "note", "同意公开"), true).status()).isEqualTo(302);

		// nobody else's staff may even look at it
		assertThat(session("nyj-editor", DEMO_PASSWORD).get(view).status()).isEqualTo(403);
		Http leader = session("fgj-leader", DEMO_PASSWORD);
		assertThat(leader.postForm(view + "/approve", view, Map.of("note", "同意"), true).status()).isEqualTo(302);
		String page = leader.get(view).body();
		assertThat(page).contains("已公开", "政治关、法律关、保密关、文字关：通过", "同意公开");
		assertThat(anonymous().get("/agencies/yiyuan-fgj/documents/" + id + "/").body()).contains("沂源县发展和改革局2026年重点项目清单");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'Document' AND subject_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void aWithdrawnItemLeavesEveryPublicSurfaceButKeepsItsRecord() {
		Http oa = oaToken("yiyuan-fgj");
		JsonNode created = oa.postJson("/api/v1/intake/documents", push(ext(), "将被撤回的通知", "PROACTIVE")).json();
		long id = created.get("id").asLong();
		String url = created.get("publicUrl").asString();
		Path file = site.fileFor(url).orElseThrow();
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));

		assertThat(demo("fgj-editor").postJson("/api/v1/documents/" + id + "/withdraw", Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(demo("fgj-admin").postJson("/api/v1/documents/" + id + "/withdraw", Map.of()).status()).isEqualTo(400);
		assertThat(demo("fgj-admin").postJson("/api/v1/documents/" + id + "/withdraw", Map.of("reason", "内容有误")).status())
			.isEqualTo(200);

		// gone at once: the page, its static file, the API
		assertThat(anonymous().get(url).status()).isEqualTo(404);
		assertThat(file).doesNotExist();
		assertThat(anonymous().get("/api/v1/public/documents/" + id).status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/documents?agency=yiyuan-fgj").body()).doesNotContain("将被撤回的通知");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(file).doesNotExist();
			assertThat(Files.readString(site.fileFor("/agencies/yiyuan-fgj/a20-01/").orElseThrow())).doesNotContain("将被撤回的通知");
			assertThat(Files.readString(site.fileFor("/agencies/yiyuan-fgj/feed.atom").orElseThrow())).doesNotContain("将被撤回的通知");
			assertThat(Files.readString(site.fileFor("/sitemap.xml").orElseThrow())).doesNotContain(url);
		});
		assertThat(anonymous().get("/agencies/yiyuan-fgj/a20-01/?page=1").body()).doesNotContain("将被撤回的通知");
		String record = session("fgj-admin", DEMO_PASSWORD).get("/console/documents/" + id).body();
		assertThat(record).contains("已撤回", "内容有误");
	}

	@Test
	void onRequestAndWithheldItemsNeverReachThePublicButTheCatalogueListsTheFormer() {
		Http oa = oaToken("yiyuan-fgj");
		JsonNode onRequest = oa.postJson("/api/v1/intake/documents", push(ext(), "项目审批内部会商纪要", "ON_REQUEST")).json();
		assertThat(onRequest.get("status").asString()).isEqualTo("LISTED");
		assertThat(onRequest.get("indexNumber").asString()).isNotBlank();
		Map<String, Object> secret = push(ext(), "涉密文件", "NOT_DISCLOSED");
		secret.put("exemptionGround", "STATE_SECRET");
		secret.put("exemptionReason", "经保密审查属于国家秘密");
		JsonNode withheld = oa.postJson("/api/v1/intake/documents", secret).json();
		assertThat(withheld.get("status").asString()).isEqualTo("WITHHELD");
		for (JsonNode d : List.of(onRequest, withheld)) {
			assertThat(anonymous().get("/api/v1/public/documents/" + d.get("id").asLong()).status()).isEqualTo(404);
			assertThat(anonymous().get("/agencies/yiyuan-fgj/documents/" + d.get("id").asLong() + "/").status()).isEqualTo(404);
		}
		assertThat(anonymous().get("/api/v1/public/documents?agency=yiyuan-fgj").body()).doesNotContain("内部会商纪要", "涉密文件");
		// listed today: make today's items part of a compiled issue and check it shows index and title only
		jdbc.sql("UPDATE pub_document SET published_on = published_on - 40 WHERE id = ?").param(onRequest.get("id").asLong()).update();
		Http.Response compiled = session("fgj-admin", DEMO_PASSWORD).postForm(
				"/console/publication-settings/compile-on-request", "/console/publication-settings?agency=yiyuan-fgj",
				Map.of("agency", "yiyuan-fgj"), true);
		assertThat(compiled.status()).isEqualTo(302);
		String node = anonymous().get("/agencies/yiyuan-fgj/on-request/?x=1").body();
		assertThat(node).contains("依申请公开目录（");
		long issue = jdbc.sql("SELECT MAX(id) FROM pub_on_request_issue").query(Long.class).single();
		String issuePage = anonymous().get("/agencies/yiyuan-fgj/on-request/" + issue + "/").body();
		assertThat(issuePage).contains("项目审批内部会商纪要", onRequest.get("indexNumber").asString())
			.doesNotContain("的正文", "涉密文件");
	}

	@Test
	void nobodyReviewsOrApprovesTheirOwnItemAndStaffPushesWaitForReview() {
		Http staffPush = demo("fgj-editor");
		Map<String, Object> body = push(ext(), "员工账号推送的信息", "PROACTIVE");
		body.put("agency", "yiyuan-fgj");
		Http.Response held = staffPush.postJson("/api/v1/intake/documents", body);
		assertThat(held.status()).isEqualTo(201);
		assertThat(held.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(held.json().get("heldBecause").asString()).contains("审查和审批");
		long id = held.json().get("id").asLong();
		// the editor holds no reviewer role; the system administrator holds every role but may not approve what it reviewed
		Http admin = session("admin", ADMIN_PASSWORD);
		Http.Response self = session("fgj-editor", DEMO_PASSWORD).postForm("/console/documents/" + id + "/review",
				"/console/documents/" + id, Map.of("political", "true", "legal", "true", "secrecy", "true", "text", "true"), true);
		assertThat(self.status()).isEqualTo(403);
		assertThat(admin.postForm("/console/documents/" + id + "/review", "/console/documents/" + id,
				Map.of("political", "true", "legal", "true", "secrecy", "true", "text", "true"), true).status()).isEqualTo(302);
		Http.Response selfApproval = admin.postForm("/console/documents/" + id + "/approve", "/console/documents/" + id, Map.of(),
				true);
		assertThat(selfApproval.status()).isEqualTo(409);
		assertThat(selfApproval.body()).contains("审批人不能审批自己起草或审查的信息");
		assertThat(anonymous().get("/api/v1/public/documents/" + id).status()).isEqualTo(404);
	}

	@Test
	void aCorrectionKeepsTheItemProactiveAndItsOldVersion() {
		Http oa = oaToken("yiyuan-fgj");
		JsonNode created = oa.postJson("/api/v1/intake/documents", push(ext(), "需要更正的通知", "PROACTIVE")).json();
		long id = created.get("id").asLong();
		Http admin = session("fgj-admin", DEMO_PASSWORD);
		Http.Response corrected = admin.postForm("/console/documents/" + id + "/correct", "/console/documents/" + id + "/correct",
				Map.of("title", "需要更正的通知（更正）", "formedOn", "2026-11-20", "attribute", "NOT_DISCLOSED", "exemptionGround",
						"STATE_SECRET", "exemptionReason", "试图借更正改为不公开", "note", "更正文号"),
				true);
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(302);
		JsonNode after = anonymous().get("/api/v1/public/documents/" + id).json();
		assertThat(after.get("title").asString()).isEqualTo("需要更正的通知（更正）");
		assertThat(after.get("version").asInt()).isEqualTo(2);
		assertThat(after.get("correctionNote").asString()).isEqualTo("更正文号");
		assertThat(after.get("indexNumber").asString()).isEqualTo(created.get("indexNumber").asString());
		assertThat(jdbc.sql("SELECT attribute FROM pub_document WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("PROACTIVE");
		assertThat(jdbc.sql("SELECT title FROM pub_document_version WHERE document_id = ? AND version = 1").param(id)
			.query(String.class).single()).isEqualTo("需要更正的通知");
	}

	// ---- validity and cleanup ---------------------------------------------------------------------------

	@Test
	void aRepealedNormativeDocumentShowsItsBannerAndTheCleanupResultIsPublished() throws Exception {
		Http oa = oaToken("yiyuan-fgj");
		Map<String, Object> normative = push(ext(), "沂源县价格监督检查管理办法", "PROACTIVE");
		normative.put("normative", true);
		normative.put("catalogNodes", List.of("a20-01"));
		JsonNode doc = oa.postJson("/api/v1/intake/documents", normative).json();
		long id = doc.get("id").asLong();
		// a normative document waits for its interpretation (三同步); here the leader records why none is needed
		assertThat(doc.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(demo("fgj-leader").postJson("/api/v1/documents/" + id + "/interpretation-waiver",
				Map.of("reason", "价格监督检查的程序性规定，已有解读继续适用")).status()).isEqualTo(200);
		String view = "/console/documents/" + id;
		assertThat(session("fgj-reviewer", DEMO_PASSWORD).postForm(view + "/review", view,
				Map.of("political", "true", "legal", "true", "secrecy", "true", "text", "true"), true).status()).isEqualTo(302);
		assertThat(session("fgj-leader", DEMO_PASSWORD).postForm(view + "/approve", view, Map.of(), true).status())
			.isEqualTo(302);
		Http admin = session("fgj-admin", DEMO_PASSWORD);
		Http.Response start = admin.postForm("/console/normative/rounds", "/console/normative?agency=yiyuan-fgj",
				Map.of("agency", "yiyuan-fgj", "title", "2026年规范性文件集中清理"), true);
		assertThat(start.status()).isEqualTo(302);
		String roundPath = start.header("Location").replaceAll("^https?://[^/]+", "");
		long round = Long.parseLong(roundPath.replaceAll(".*/rounds/(\\d+).*", "$1"));
		assertThat(admin.postForm("/console/normative/rounds/" + round + "/items/" + id + "?agency=yiyuan-fgj", roundPath,
				Map.of("outcome", "REPEAL", "effectiveOn", "2026-11-25", "note", "上位法已修改"), true).status()).isEqualTo(302);
		Http.Response missing = admin.postForm("/console/normative/rounds/" + round + "/conclude?agency=yiyuan-fgj", roundPath,
				Map.of("decision", ""), true);
		assertThat(missing.body()).contains("请填写清理决定");
		assertThat(anonymous().get("/api/v1/public/documents/" + id).json().get("validity").asString()).isEqualTo("有效");
		assertThat(admin.postForm("/console/normative/rounds/" + round + "/conclude?agency=yiyuan-fgj", roundPath,
				Map.of("decision", "《沂源县发展和改革局关于公布规范性文件清理结果的决定》", "decidedOn", "2026-11-25"), true).status())
			.isEqualTo(302);
		JsonNode after = anonymous().get("/api/v1/public/documents/" + id).json();
		assertThat(after.get("validity").asString()).isEqualTo("废止");
		assertThat(after.get("validityChangedOn").asString()).isEqualTo("2026-11-25");
		assertThat(anonymous().get("/agencies/yiyuan-fgj/documents/" + id + "/").body()).contains("本文件已于", "2026-11-25", "废止");
		String result = anonymous().get("/agencies/yiyuan-fgj/cleanup/" + round + "/").body();
		assertThat(result).contains("沂源县价格监督检查管理办法", "废止", "清理决定");
		// the item's own page changed before the request was answered; the normative page follows
		assertThat(Files.readString(site.fileFor("/agencies/yiyuan-fgj/documents/" + id + "/").orElseThrow()))
			.contains("本文件已于");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Files.readString(site.fileFor("/agencies/yiyuan-fgj/normative/").orElseThrow())).contains("2026年规范性文件集中清理"));
	}

	// ---- the catalogue ----------------------------------------------------------------------------------

	@Test
	void everyAgencyGetsTheStandardCatalogueOfItsLevel() {
		long county = agencies.requireByCode("yiyuan-fgj").id();
		long town = agencies.requireByCode("yiyuan-lucun").id();
		long village = agencies.requireByCode("yiyuan-lucun-fenghuang").id();
		assertThat(catalog.topLevel(county)).extracting(n -> n.code())
			.containsExactly("guide", "rules", "statutory", "annual-reports", "on-request");
		assertThat(catalog.node(county, "a20-01")).isPresent();
		assertThat(catalog.node(county, "a21c-01")).isPresent();
		assertThat(catalog.node(county, "a21t-01")).isEmpty();
		assertThat(catalog.node(town, "a21t-01")).isPresent();
		assertThat(catalog.tree(county)).anyMatch(n -> n.entry() != null && n.entry().levels().contains("县级"));
		assertThat(catalog.tree(town)).anyMatch(n -> n.entry() != null);
		assertThat(catalog.node(village, "a20-01")).isEmpty();
		assertThat(catalog.topLevel(village)).hasSize(5);
		String statutory = anonymous().get("/agencies/yiyuan-fgj/statutory/").body();
		assertThat(statutory).contains("法定主动公开内容", "政府信息公开指南", "政府信息公开工作年度报告");
	}

	@Test
	void anAgencyMaintainsItsNodesButCannotHideARequiredEntry() {
		Http admin = session("fgj-admin", DEMO_PASSWORD);
		Http.Response added = admin.postForm("/console/catalog/add", "/console/catalog?agency=yiyuan-fgj",
				Map.of("agency", "yiyuan-fgj", "parentCode", "statutory", "code", "price-monitoring", "title", "价格监测",
						"timeLimitRule", "MONTHLY", "emptyExplanation", "本栏目每月发布一次价格监测报告，本月报告尚在编制。"),
				true);
		assertThat(added.status()).isEqualTo(302);
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		assertThat(catalog.node(fgj, "price-monitoring")).isPresent();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Files.readString(site.fileFor("/agencies/yiyuan-fgj/statutory/").orElseThrow())).contains("本月报告尚在编制"));
		long rules = catalog.node(fgj, "rules").orElseThrow().id();
		Http.Response hide = admin.postForm("/console/catalog/nodes/" + rules, "/console/catalog/nodes/" + rules,
				Map.of("title", "政府信息公开制度", "hidden", "on", "timeLimitRule", "STANDING"), true);
		assertThat(hide.body()).contains("必设的一级栏目，不能隐藏");
		assertThat(session("fgj-editor", DEMO_PASSWORD).postForm("/console/catalog/add", "/console/catalog?agency=yiyuan-fgj",
				Map.of("agency", "yiyuan-fgj", "code", "editor-node", "title", "编辑新增"), true).status()).isEqualTo(403);
	}
}
