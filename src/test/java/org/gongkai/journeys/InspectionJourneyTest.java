package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyManagement;
import org.gongkai.organisation.AgencyType;
import org.gongkai.platform.Actors;
import org.gongkai.platform.SitemapContributor;
import org.gongkai.platform.Zones;
import org.gongkai.powers.InspectionDraw;
import org.gongkai.powers.InspectionManagement;
import org.gongkai.powers.InspectionPlan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys of random inspections (双随机、一公开) over real HTTP: an agency's editor lists an inspection item,
 * fills the pools, publishes a plan and draws; the public reproduces the published draw from its seed and candidate
 * lists with an independent implementation of the documented algorithm, the verify endpoint agrees, and a tampered
 * result is reported inconsistent; a redraw keeps the earlier draw; the results are published, an individual's name
 * masked.
 */
abstract class InspectionJourneyTest extends JourneySupport {

	@Autowired
	AgencyManagement agencyManagement;

	@Autowired
	InspectionManagement inspections;

	@Autowired
	List<SitemapContributor> sitemap;

	List<String> sitemapPaths() {
		return sitemap.stream().flatMap(c -> c.publicPaths().stream()).toList();
	}

	static String today() {
		return LocalDate.now(Zones.CHINA).toString();
	}

	static String unique() {
		return String.valueOf(System.nanoTime() % 100_000_000);
	}

	/** Fills the fgj pools with a few inspectors and entities (one of them an individual business without a code). */
	void fillPools(String tag) {
		Http editor = demo("fgj-editor");
		// a list with a wrong line saves nothing and names the line
		String badInspectors = "王强," + tag + "-01,县发展改革局,南麻街道\n李敏,,县发展改革局,\n";
		Http.Response bad = editor.postJson("/api/v1/inspections/pools/import",
				Map.of("agency", "yiyuan-fgj", "pool", "INSPECTORS", "text", badInspectors));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.body()).contains("第2行");
		String inspectors = String.join("\n", "王强," + tag + "-01,县发展改革局,南麻街道", "李敏," + tag + "-02,县发展改革局,悦庄镇",
				"赵刚\t" + tag + "-03\t县发展改革局\t鲁村镇", "孙丽," + tag + "-04,县发展改革局,", "周涛," + tag + "-05,县发展改革局,");
		Http.Response ok = editor.postJson("/api/v1/inspections/pools/import",
				Map.of("agency", "yiyuan-fgj", "pool", "INSPECTORS", "text", inspectors));
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("imported").asInt()).isEqualTo(5);

		Http.Response badCode = editor.postJson("/api/v1/inspections/entities",
				Map.of("agency", "yiyuan-fgj", "name", "某公司", "creditCode", "913703231234567890"));
		assertThat(badCode.status()).isEqualTo(400);
		assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("creditCode");
		StringBuilder entities = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			String code = creditCode("9137032" + String.format("%08d", (Long.parseLong(tag) + i) % 100_000_000) + "AB");
			entities.append("沂源县第").append(i + 1).append("商贸有限公司").append(tag).append(',').append(code)
				.append(",沂源县南麻街道").append(i + 1).append("号,企业,一般\n");
		}
		entities.append("张三丰").append(tag).append(",,南麻街道人民路8号,个体工商户,低\n");
		Http.Response imported = editor.postJson("/api/v1/inspections/pools/import",
				Map.of("agency", "yiyuan-fgj", "pool", "ENTITIES", "text", entities.toString()));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(7);
	}

	long item(String name) {
		Http.Response item = demo("fgj-editor").postJson("/api/v1/inspections/items", Map.of("agency", "yiyuan-fgj", "name", name,
				"objectType", "从事价格经营活动的企业", "basis", "《中华人民共和国价格法》第三十四条", "method", "现场检查", "frequency",
				"每年抽查比例不低于3%", "department", "价格监督检查科"));
		assertThat(item.status()).as(item.body()).isEqualTo(201);
		return item.json().get("id").asLong();
	}

	long publishedPlan(String title, long itemId, int entities) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("title", title);
		body.put("items", List.of(itemId));
		body.put("periodFrom", today());
		body.put("periodTo", LocalDate.now(Zones.CHINA).plusMonths(1).toString());
		body.put("entityCount", entities);
		body.put("inspectorsPerEntity", 2);
		body.put("entropySource", "抽取当日福彩3D开奖号码");
		Http.Response created = demo("fgj-editor").postJson("/api/v1/inspections/plans", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(demo("fgj-admin").postJson("/api/v1/inspections/plans/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	@Test
	void aPublishedDrawIsReproducedFromItsSeedAndATamperedOneIsNot() throws Exception {
		String tag = unique();
		fillPools(tag);
		long itemId = item("价格行为检查" + tag);

		// a plan needs two inspectors per entity; a draft is not public and cannot be drawn
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("title", "2026年价格行为双随机抽查" + tag);
		body.put("items", List.of(itemId));
		body.put("periodFrom", today());
		body.put("periodTo", LocalDate.now(Zones.CHINA).plusMonths(1).toString());
		body.put("entityCount", 3);
		body.put("inspectorsPerEntity", 1);
		body.put("entropySource", "抽取当日福彩3D开奖号码");
		Http editor = demo("fgj-editor");
		Http.Response one = editor.postJson("/api/v1/inspections/plans", body);
		assertThat(one.status()).isEqualTo(400);
		assertThat(one.body()).contains("inspectorsPerEntity");
		body.put("inspectorsPerEntity", 2);
		Http.Response created = editor.postJson("/api/v1/inspections/plans", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long planId = created.json().get("id").asLong();
		assertThat(anonymous().get("/api/v1/public/inspections/plans/" + planId).status()).isEqualTo(404);
		Http.Response early = editor.postJson("/api/v1/inspections/plans/" + planId + "/draw", Map.of("publicEntropy", "381"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.header("Content-Type")).startsWith("application/problem+json");

		// published: the public sees the plan and its entropy source before the draw
		assertThat(editor.postJson("/api/v1/inspections/plans/" + planId + "/publish", Map.of()).status()).isEqualTo(200);
		JsonNode plans = anonymous().get("/api/v1/public/inspections/plans?agency=yiyuan-fgj").json();
		assertThat(plans.findValuesAsString("title")).contains("2026年价格行为双随机抽查" + tag);

		// the supervisor may look but not draw; the editor draws
		assertThat(demo("gkb").get("/api/v1/inspections/plans/" + planId).status()).isEqualTo(200);
		assertThat(demo("gkb").postJson("/api/v1/inspections/plans/" + planId + "/draw", Map.of("publicEntropy", "381")).status())
			.isEqualTo(403);
		Http.Response drawn = editor.postJson("/api/v1/inspections/plans/" + planId + "/draw", Map.of("publicEntropy", "3 8 1"));
		assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
		long drawId = drawn.json().get("id").asLong();
		// one draw per plan: again without a reason is refused
		Http.Response again = editor.postJson("/api/v1/inspections/plans/" + planId + "/draw", Map.of("publicEntropy", "999"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("理由");

		// the public reproduces the draw from the published seed and candidate lists, independently
		Http.Response published = anonymous().get("/api/v1/public/inspections/draws/" + drawId);
		assertThat(published.status()).isEqualTo(200);
		JsonNode draw = published.json();
		String seed = draw.get("seed").asString();
		assertThat(seed).startsWith(planId + "|").contains("|3 8 1|").matches(".*\\|[0-9a-f]{32}");
		List<String> entityKeys = draw.get("candidates").get("entities").findValuesAsString("key");
		List<String> inspectorKeys = draw.get("candidates").get("inspectors").findValuesAsString("key");
		assertThat(entityKeys).hasSizeGreaterThanOrEqualTo(7);
		List<String> expectedEntities = shuffle(seed, entityKeys).subList(0, 3);
		List<String> drawnEntities = draw.get("result").findValuesAsString("entityKey");
		assertThat(drawnEntities).isEqualTo(expectedEntities);
		for (JsonNode r : draw.get("result")) {
			List<String> expected = shuffle(seed + "|entity:" + r.get("entityKey").asString(), inspectorKeys).subList(0, 2);
			List<String> actual = new ArrayList<>();
			r.get("inspectorKeys").forEach(k -> actual.add(k.asString()));
			assertThat(actual).isEqualTo(expected);
		}
		// the individual business is masked everywhere public
		assertThat(published.body()).contains("张**").doesNotContain("张三丰", "南麻街道人民路8号");

		// the verify endpoint and page agree
		assertThat(anonymous().get("/api/v1/public/inspections/draws/" + drawId + "/verify").json().get("consistent").asBoolean())
			.isTrue();
		String drawPage = "/agencies/yiyuan-fgj/inspections/draws/" + drawId + "/";
		Http.Response page = anonymous().get(drawPage);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Set-Cookie")).isNull();
		assertThat(page.body()).contains("<html lang=\"zh-CN\">", seed.substring(seed.length() - 32), "张**").doesNotContain("张三丰");
		Http.Response verifyPage = anonymous().get(drawPage + "verify");
		assertThat(verifyPage.status()).isEqualTo(200);
		assertThat(verifyPage.body()).contains("一致").doesNotContain("不一致");

		// a tampered result row is reported inconsistent
		String other = entityKeys.stream().filter(k -> !drawnEntities.contains(k)).findFirst().orElseThrow();
		jdbc.sql("UPDATE pw_insp_draw_pick SET entity_key = ? WHERE draw_id = ? AND rank_no = 1").params(other, drawId).update();
		assertThat(anonymous().get("/api/v1/public/inspections/draws/" + drawId + "/verify").json().get("consistent").asBoolean())
			.isFalse();
		assertThat(anonymous().get(drawPage + "verify").body()).contains("不一致");
		jdbc.sql("UPDATE pw_insp_draw_pick SET entity_key = ? WHERE draw_id = ? AND rank_no = 1")
			.params(drawnEntities.get(0), drawId)
			.update();
		assertThat(anonymous().get("/api/v1/public/inspections/draws/" + drawId + "/verify").json().get("consistent").asBoolean())
			.isTrue();

		// a later change to the pool does not change the record: the snapshot stays and the draw still verifies
		String key = drawnEntities.get(0);
		long retired = key.startsWith("ID") ? Long.parseLong(key.substring(2))
				: jdbc.sql("SELECT id FROM pw_insp_entity WHERE credit_code = ?").param(key).query(Long.class).single();
		assertThat(demo("fgj-editor").postJson("/api/v1/inspections/entities/" + retired + "/retire", Map.of("reason", "已注销")).status())
			.isEqualTo(204);
		assertThat(demo("fgj-editor").postJson("/api/v1/inspections/entities/" + retired + "/retire", Map.of()).status()).isEqualTo(404);
		JsonNode after = anonymous().get("/api/v1/public/inspections/draws/" + drawId).json();
		assertThat(after.get("candidates").get("entities").findValuesAsString("key")).isEqualTo(entityKeys);
		assertThat(anonymous().get("/api/v1/public/inspections/draws/" + drawId + "/verify").json().get("consistent").asBoolean())
			.isTrue();

		// the pages, feeds and sitemap list the plan and the draw
		String planPage = "/agencies/yiyuan-fgj/inspections/plans/" + planId + "/";
		assertThat(anonymous().get("/agencies/yiyuan-fgj/inspections/").body()).contains("价格行为检查" + tag, "href=\"" + planPage + "\"",
				"href=\"" + drawPage + "\"");
		assertThat(anonymous().get("/inspections/").body()).contains("href=\"" + planPage + "\"");
		assertThat(anonymous().get(planPage).body()).contains("抽取当日福彩3D开奖号码", "价格行为检查" + tag);
		assertThat(anonymous().get("/inspections/algorithm").body()).contains("Fisher–Yates", "SHA-256");
		Http.Response feed = anonymous().get("/agencies/yiyuan-fgj/inspections/feed.atom");
		assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
		assertThat(feed.body()).contains("urn:gongkai:inspection-plan:" + planId);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Files.readString(site.fileFor("/sitemap.xml").orElseThrow())).contains(drawPage));
	}

	@Test
	void aRedrawKeepsTheEarlierDrawAndTheResultsArePublished() {
		String tag = unique();
		fillPools(tag);
		long planId = publishedPlan("餐饮服务双随机抽查" + tag, item("餐饮服务检查" + tag), 2);
		Http editor = demo("fgj-editor");
		long first = editor.postJson("/api/v1/inspections/plans/" + planId + "/draw", Map.of("publicEntropy", "527")).json().get("id").asLong();
		// a redraw is for the agency administrator, not an editor
		Map<String, Object> redraw = Map.of("publicEntropy", "604", "redrawReason", "抽中的检查人员与检查对象存在利害关系，依法回避");
		assertThat(editor.postJson("/api/v1/inspections/plans/" + planId + "/draw", redraw).status()).isEqualTo(403);
		Http.Response redrawn = demo("fgj-admin").postJson("/api/v1/inspections/plans/" + planId + "/draw", redraw);
		assertThat(redrawn.status()).as(redrawn.body()).isEqualTo(201);
		long second = redrawn.json().get("id").asLong();
		assertThat(redrawn.json().get("seq").asInt()).isEqualTo(2);
		JsonNode earlier = anonymous().get("/api/v1/public/inspections/draws/" + first).json();
		assertThat(earlier.get("superseded").asBoolean()).isTrue();
		assertThat(anonymous().get("/api/v1/public/inspections/draws/" + first + "/verify").json().get("consistent").asBoolean()).isTrue();
		assertThat(anonymous().get("/agencies/yiyuan-fgj/inspections/draws/" + first + "/").body()).contains("已被重新抽取取代");

		// results: refused on the superseded draw, a problem needs a note, publication waits for every entity
		Map<String, Object> result = new HashMap<>(Map.of("rank", 1, "outcome", "NO_PROBLEM", "checkedOn", today()));
		assertThat(editor.postJson("/api/v1/inspections/draws/" + first + "/results", result).status()).isEqualTo(409);
		assertThat(editor.postJson("/api/v1/inspections/draws/" + second + "/results", result).status()).isEqualTo(200);
		// once a result is recorded, no redraw can bury it
		Http.Response buried = demo("fgj-admin").postJson("/api/v1/inspections/plans/" + planId + "/draw",
				Map.of("publicEntropy", "777", "redrawReason", "想换一批"));
		assertThat(buried.status()).as(buried.body()).isEqualTo(409);
		assertThat(buried.json().get("detail").asString()).contains("已登记检查结果");
		assertThat(anonymous().get("/api/v1/public/inspections/draws/" + second).json().get("superseded").asBoolean()).isFalse();
		Http.Response noNote = editor.postJson("/api/v1/inspections/draws/" + second + "/results",
				Map.of("rank", 2, "outcome", "RECTIFICATION_ORDERED", "checkedOn", today()));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(editor.postJson("/api/v1/inspections/plans/" + planId + "/results/publish", Map.of()).status()).isEqualTo(409);
		assertThat(anonymous().get("/api/v1/public/inspections/draws/" + second).json().get("result").get(0).has("outcome")).isFalse();
		assertThat(editor.postJson("/api/v1/inspections/draws/" + second + "/results", Map.of("rank", 2, "outcome",
				"RECTIFICATION_ORDERED", "note", "价格公示不规范，联系人13812345678，已责令整改", "checkedOn", today())).status())
			.isEqualTo(200);
		Http.Response out = editor.postJson("/api/v1/inspections/plans/" + planId + "/results/publish", Map.of());
		assertThat(out.status()).as(out.body()).isEqualTo(200);
		assertThat(out.json().get("status").asString()).isEqualTo("RESULTS_PUBLISHED");
		JsonNode draw = anonymous().get("/api/v1/public/inspections/draws/" + second).json();
		assertThat(draw.get("result").findValuesAsString("outcomeLabel")).containsExactly("未发现问题", "发现问题已责令整改");
		assertThat(draw.toString()).contains("138****5678").doesNotContain("13812345678");
		assertThat(anonymous().get("/agencies/yiyuan-fgj/inspections/draws/" + second + "/").body()).contains("发现问题已责令整改");
		assertThat(editor.postJson("/api/v1/inspections/plans/" + planId + "/draw",
				Map.of("publicEntropy", "1", "redrawReason", "再抽")).status()).isEqualTo(409);
	}

	@Test
	void staffKeepTheListsAndDrawInTheConsole() {
		String tag = unique();
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		Http.Response home = editor.get("/console/inspections");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("双随机一公开", "随机抽查事项清单", "执法检查人员名录库");
		String itemForm = "/console/inspections/item?agency=yiyuan-fgj";
		Http.Response invalid = editor.postForm(itemForm, itemForm, Map.of("name", "", "objectType", "", "basis", "", "method", ""), true);
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("id=\"name-error\"", "请填写抽查事项名称");
		Http.Response saved = editor.postForm(itemForm, itemForm, Map.of("name", "价格公示检查" + tag, "objectType", "经营者", "basis",
				"《明码标价和禁止价格欺诈规定》", "method", "现场检查"), true);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(editor.get("/console/inspections?agency=yiyuan-fgj").body()).contains("价格公示检查" + tag);
		String importForm = "/console/inspections/import?agency=yiyuan-fgj";
		Http.Response badLine = editor.postForm(importForm, importForm, Map.of("pool", "ENTITIES", "text",
				"甲公司,913703230000000000,地址,企业,一般"), true);
		assertThat(badLine.body()).contains("第1行：统一社会信用代码");
		fillPools(tag);
		long planId = publishedPlan("控制台抽查计划" + tag, item("控制台事项" + tag), 2);
		String planPage = "/console/inspections/plans/" + planId;
		assertThat(editor.get(planPage).body()).contains("控制台抽查计划" + tag, "抽取当日福彩3D开奖号码");
		Http.Response empty = editor.postForm(planPage + "/draw", planPage, Map.of("publicEntropy", ""), true);
		assertThat(empty.body()).contains("id=\"publicEntropy-error\"");
		assertThat(editor.postForm(planPage + "/draw", planPage, Map.of("publicEntropy", "715"), true).status()).isEqualTo(302);
		String drawn = editor.get(planPage).body();
		assertThat(drawn).contains("第1次抽取", "|715|", "登记检查结果");
		Http.Response twice = editor.postForm(planPage + "/draw", planPage, Map.of("publicEntropy", "716", "redrawReason", ""), true);
		assertThat(twice.body()).contains("不能重复抽取");
		// the supervisor looks, without the forms
		assertThat(session("gkb", DEMO_PASSWORD).get(planPage).body()).contains("控制台抽查计划" + tag).doesNotContain("登记检查结果");
	}

	@Test
	void individualsAreMaskedWhateverTheirCategoryAndALongAreaDoesNotBreakTheDraw() {
		String tag = unique();
		fillPools(tag);
		Http editor = demo("fgj-editor");
		// no credit code, no category: an individual all the same
		Http.Response person = editor.postJson("/api/v1/inspections/entities",
				Map.of("agency", "yiyuan-fgj", "name", "欧阳修远" + tag, "address", "悦庄镇幸福路" + tag + "号"));
		assertThat(person.status()).as(person.body()).isEqualTo(201);
		assertThat(person.json().get("kind").asString()).isEqualTo("INDIVIDUAL");
		Http.Response other = editor.postJson("/api/v1/inspections/entities",
				Map.of("agency", "yiyuan-fgj", "name", "钱多多" + tag, "category", "其他", "address", "鲁村镇" + tag + "号"));
		assertThat(other.status()).isEqualTo(201);
		Http.Response firm = editor.postJson("/api/v1/inspections/entities", Map.of("agency", "yiyuan-fgj", "name",
				"沂源县供销合作社" + tag, "address", "城区" + tag + "号", "kind", "ORGANISATION"));
		assertThat(firm.json().get("kind").asString()).isEqualTo("ORGANISATION");
		// an inspector's area may be up to 200 characters
		String area = "沂源县南麻街道、悦庄镇、鲁村镇、东里镇、燕崖镇、中庄镇、西里镇、张家坡镇、石桥镇、大张庄镇".repeat(3);
		assertThat(area.length()).isGreaterThan(50).isLessThanOrEqualTo(200);
		Http.Response inspector = editor.postJson("/api/v1/inspections/inspectors",
				Map.of("agency", "yiyuan-fgj", "name", "刘洋", "certificateNo", tag + "-99", "unitName", "县发展改革局", "area", area));
		assertThat(inspector.status()).as(inspector.body()).isEqualTo(201);

		long planId = publishedPlan("个人遮蔽抽查" + tag, item("遮蔽事项" + tag), 2);
		Http.Response drawn = editor.postJson("/api/v1/inspections/plans/" + planId + "/draw", Map.of("publicEntropy", "123"));
		assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
		long drawId = drawn.json().get("id").asLong();
		Http.Response published = anonymous().get("/api/v1/public/inspections/draws/" + drawId);
		assertThat(published.body()).contains("欧**", "钱**", "沂源县供销合作社" + tag, "城区" + tag + "号")
			.doesNotContain("欧阳修远", "幸福路" + tag, "钱多多", "鲁村镇" + tag + "号");
		assertThat(jdbc.sql("SELECT area FROM pw_insp_draw_candidate WHERE draw_id = ? AND name = '刘洋'").param(drawId)
			.query(String.class).single()).isEqualTo(area);
		String page = anonymous().get("/agencies/yiyuan-fgj/inspections/draws/" + drawId + "/").body();
		assertThat(page).contains("欧**").doesNotContain("欧阳修远", "钱多多");
		assertThat(anonymous().get("/api/v1/public/inspections/draws/" + drawId + "/verify").json().get("consistent").asBoolean())
			.isTrue();
	}

	@Test
	void pastedListsSplitOnTabsOrAsciiCommasAndNameLinesWithTheWrongCellCount() {
		String tag = unique();
		Http editor = demo("fgj-editor");
		// a full-width comma is part of a name, not a separator: the line has too few cells
		Http.Response wide = editor.postJson("/api/v1/inspections/pools/import", Map.of("agency", "yiyuan-fgj", "pool", "INSPECTORS",
				"text", "王强," + tag + "-71,县发展改革局,南麻街道\n李敏，" + tag + "-72，县发展改革局，悦庄镇\n"));
		assertThat(wide.status()).isEqualTo(400);
		assertThat(wide.body()).contains("第2行").doesNotContain("第1行");
		Http.Response many = editor.postJson("/api/v1/inspections/pools/import", Map.of("agency", "yiyuan-fgj", "pool", "ENTITIES",
				"text", "某店" + tag + ",,地址,类别,低,个人,多余\n"));
		assertThat(many.status()).isEqualTo(400);
		assertThat(many.body()).contains("第1行");
		// tabs keep a comma inside a cell
		Http.Response tabs = editor.postJson("/api/v1/inspections/pools/import", Map.of("agency", "yiyuan-fgj", "pool", "ENTITIES",
				"text", "沂源县某超市" + tag + "\t\t南麻街道8号,101室\t零售\t低\t单位\n"));
		assertThat(tabs.status()).as(tabs.body()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT address || '|' || entity_kind FROM pw_insp_entity WHERE name = ?").param("沂源县某超市" + tag)
			.query(String.class).single()).isEqualTo("南麻街道8号,101室|ORGANISATION");
	}

	@Test
	void aRetiredEntryIsReactivatedAndOlderPlansArePaged() {
		String tag = unique();
		fillPools(tag);
		Http editor = demo("fgj-editor");
		String code = creditCode("9137032" + String.format("%08d", Long.parseLong(tag) % 100_000_000) + "AB");
		long id = jdbc.sql("SELECT id FROM pw_insp_entity WHERE credit_code = ?").param(code).query(Long.class).single();
		assertThat(editor.postJson("/api/v1/inspections/entities/" + id + "/retire", Map.of()).status()).isEqualTo(204);
		// it cannot be added again, but it can be put back
		assertThat(editor.postJson("/api/v1/inspections/entities", Map.of("agency", "yiyuan-fgj", "name", "重新加入", "creditCode", code))
			.status()).isEqualTo(400);
		assertThat(editor.postJson("/api/v1/inspections/entities/" + id + "/reactivate", Map.of()).status()).isEqualTo(204);
		assertThat(editor.postJson("/api/v1/inspections/entities/" + id + "/reactivate", Map.of()).status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT active FROM pw_insp_entity WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
		// and in the console
		Http console = session("fgj-editor", DEMO_PASSWORD);
		String home = "/console/inspections?agency=yiyuan-fgj";
		assertThat(console.postForm("/console/inspections/entities/" + id + "/retire?agency=yiyuan-fgj", home, Map.of(), true).status())
			.isEqualTo(302);
		assertThat(console.get(home).body()).contains("已移出名录库", "/console/inspections/entities/" + id + "/reactivate");
		assertThat(console.postForm("/console/inspections/entities/" + id + "/reactivate?agency=yiyuan-fgj", home, Map.of(), true)
			.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT active FROM pw_insp_entity WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();

		// the public plans are paged: every plan is reachable, however many there are
		long older = publishedPlan("较早的计划" + tag, item("分页事项" + tag), 1);
		long newer = publishedPlan("较新的计划" + tag, item("分页事项二" + tag), 1);
		Http.Response first = anonymous().get("/api/v1/public/inspections/plans?agency=yiyuan-fgj&size=1");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().size()).isEqualTo(1);
		long total = Long.parseLong(first.header("X-Total-Count"));
		assertThat(total).isGreaterThanOrEqualTo(2);
		assertThat(first.header("Link")).contains("page=2", "rel=\"next\"");
		List<Long> seen = new ArrayList<>();
		for (int page = 1; page <= (total + 199) / 200; page++) {
			anonymous().get("/api/v1/public/inspections/plans?agency=yiyuan-fgj&size=200&page=" + page).json()
				.forEach(n -> seen.add(n.get("id").asLong()));
		}
		assertThat(seen).contains(older, newer).hasSize((int) total);
		assertThat(anonymous().get("/api/v1/public/inspections/plans?size=0").status()).isEqualTo(400);
		assertThat(anonymous().get("/agencies/yiyuan-fgj/inspections/?page=1").status()).isEqualTo(200);
	}

	@Test
	void missingFormFieldsAreAFormErrorNotAServerError() {
		String tag = unique();
		fillPools(tag);
		long planId = publishedPlan("缺字段计划" + tag, item("缺字段事项" + tag), 1);
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		String planPage = "/console/inspections/plans/" + planId;
		assertThat(editor.postForm(planPage + "/draw", planPage, Map.of("publicEntropy", "42"), true).status()).isEqualTo(302);
		Http.Response missing = editor.postForm(planPage + "/results", planPage, Map.of("outcome", "NO_PROBLEM", "checkedOn", today()),
				true);
		assertThat(missing.status()).isLessThan(500);
		assertThat(missing.body()).contains("请指明抽取记录");
		long drawId = jdbc.sql("SELECT id FROM pw_insp_draw WHERE plan_id = ?").param(planId).query(Long.class).single();
		Http.Response noRank = editor.postForm(planPage + "/results", planPage,
				Map.of("drawId", String.valueOf(drawId), "outcome", "NO_PROBLEM", "checkedOn", today()), true);
		assertThat(noRank.status()).isLessThan(500);
		assertThat(noRank.body()).contains("请选择抽中的检查对象");
	}

	// ---- the documented algorithm, written again here so that the test does not trust the application's code ----

	static List<String> shuffle(String seed, List<String> keys) throws RuntimeException {
		List<String> a = new ArrayList<>(keys);
		a.sort(null);
		byte[] s = seed.getBytes(StandardCharsets.UTF_8);
		long[] counter = { 0 };
		List<Integer> buffer = new ArrayList<>();
		java.util.function.IntSupplier next = () -> {
			if (buffer.isEmpty()) {
				try {
					MessageDigest sha = MessageDigest.getInstance("SHA-256");
					sha.update(s);
					sha.update(java.nio.ByteBuffer.allocate(8).putLong(counter[0]++).array());
					for (byte b : sha.digest()) {
						buffer.add(b & 0xff);
					}
				}
				catch (java.security.NoSuchAlgorithmException e) {
					throw new IllegalStateException(e);
				}
			}
			return buffer.remove(0);
		};
		for (int i = a.size() - 1; i >= 1; i--) {
			long n = i + 1;
			long limit = (1L << 32) - (1L << 32) % n;
			long x;
			do {
				x = 0;
				for (int k = 0; k < 4; k++) {
					x = (x << 8) | next.getAsInt();
				}
			}
			while (x >= limit);
			int j = (int) (x % n);
			String t = a.get(i);
			a.set(i, a.get(j));
			a.set(j, t);
		}
		return a;
	}

	@Test
	void anAbolishedAgencysPlansAndDrawsLeaveThePublicApiAndTheSitemap() {
		String tag = unique();
		String prefix = "113703" + String.format("%011d", Long.parseLong(tag) % 100_000_000);
		Agency old = Actors.callAsSystem(() -> agencyManagement.create(new NewAgency("yiyuan-insp-" + tag, "沂源县撤并局" + tag, "撤并局",
				AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan", creditCode(prefix), null, null)));
		long[] ids = Actors.callAsSystem(() -> {
			long itemId = inspections.addItem(old.id(), "抽查事项" + tag, "企业", "依据", "现场检查", "每年一次", "执法科").id();
			inspections.addInspector(old.id(), "王强", tag + "-1", "撤并局", null);
			inspections.addInspector(old.id(), "李敏", tag + "-2", "撤并局", null);
			inspections.addEntity(old.id(), "沂源县某商贸有限公司" + tag, null, "南麻街道", "企业", "一般",
					org.gongkai.powers.InspectionEntityKind.ORGANISATION);
			InspectionPlan plan = inspections.createPlan(old.id(), "撤并前的计划" + tag, List.of(itemId), LocalDate.now(Zones.CHINA),
					LocalDate.now(Zones.CHINA).plusMonths(1), null, 1, 2, "抽取当日福彩3D开奖号码");
			inspections.publishPlan(plan.id());
			InspectionDraw draw = inspections.draw(plan.id(), "3 8 1", null);
			return new long[] { plan.id(), draw.id() };
		});
		String planPath = "/api/v1/public/inspections/plans/" + ids[0];
		String drawPath = "/api/v1/public/inspections/draws/" + ids[1];
		assertThat(anonymous().get(planPath).status()).isEqualTo(200);
		assertThat(anonymous().get(drawPath).status()).isEqualTo(200);
		assertThat(sitemapPaths()).anyMatch(p -> p.contains(old.code()) && p.endsWith("plans/" + ids[0] + "/"));

		Actors.runAsSystem(() -> agencyManagement.deactivate(old.id()));

		assertThat(anonymous().get(planPath).status()).isEqualTo(404);
		assertThat(anonymous().get(drawPath).status()).isEqualTo(404);
		assertThat(anonymous().get(drawPath + "/verify").status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/inspections/plans?agency=" + old.code()).status()).isEqualTo(404);
		List<Long> seen = new ArrayList<>();
		anonymous().get("/api/v1/public/inspections/plans?size=200").json().forEach(n -> seen.add(n.get("id").asLong()));
		assertThat(seen).doesNotContain(ids[0]);
		assertThat(sitemapPaths()).noneMatch(p -> p.contains(old.code()));
	}
}
