package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys of the power list and the service guides over real HTTP: an editor adds and adjusts an item
 * through the API with reasons, the public sees the current list, the item's history and the change log; a
 * spreadsheet with one bad row saves nothing and names the row, a valid one is imported and its export re-imports
 * unchanged; the comparison flags a county item whose basis differs from the city's; a guide missing elements is
 * reported and never public until published.
 */
abstract class PowerListJourneyTest extends JourneySupport {

	static final List<String> HEADERS = List.of("事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "承办机构", "责任事项", "追责情形",
			"监督电话");

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 10_000_000_000L, 36).toUpperCase();
	}

	static Map<String, Object> power(String code, String name, String basis, String reason) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("code", code);
		body.put("name", name);
		body.put("type", "LICENSING");
		body.put("basis", basis);
		body.put("handlingUnit", "投资科");
		body.put("responsibilities", List.of(Map.of("stage", "受理", "text", "对申请材料进行审查"), Map.of("stage", "决定", "text", "作出核准决定")));
		body.put("accountability", "对符合条件的申请不予受理的");
		body.put("supervisionPhone", "0533-3241234");
		body.put("reason", reason);
		return body;
	}

	static byte[] workbook(List<List<String>> rows) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("权责清单");
			Row head = sheet.createRow(0);
			for (int c = 0; c < HEADERS.size(); c++) {
				head.createCell(c).setCellValue(HEADERS.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (rows.get(r).get(c) != null) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	static List<String> row(String code, String name, String type, String basis) {
		return Arrays.asList(code, name, type, basis, null, "综合科", "立案：依法立案\n决定：作出处理决定", "不履行职责的", "0533-3241234");
	}

	@Test
	void anEditorKeepsTheListWithReasonsAndThePublicSeesTheHistory() {
		String code = unique("JZ-");
		Http editor = demo("fgj-editor");
		Http.Response created = editor.postJson("/api/v1/powers", power(code, "固定资产投资项目核准", "《企业投资项目核准和备案管理条例》第三条", "依据条例新增"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.header("Location")).endsWith("/api/v1/powers/" + id);

		// an adjustment without a reason is a field error; another agency's editor may not adjust
		Map<String, Object> adjusted = power(code, "企业投资项目核准", "《企业投资项目核准和备案管理条例》第三条", null);
		Http.Response noReason = editor.putJson("/api/v1/powers/" + id, adjusted);
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.header("Content-Type")).startsWith("application/problem+json");
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		adjusted.put("reason", "名称按省级通用目录统一");
		adjusted.put("effectiveOn", "2026-04-01");
		assertThat(demo("nyj-editor").putJson("/api/v1/powers/" + id, adjusted).status()).isEqualTo(403);
		Http.Response ok = editor.putJson("/api/v1/powers/" + id, adjusted);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("version").asInt()).isEqualTo(2);

		// the public API: the contract's fields, and the history with reasons and dates
		JsonNode list = anonymous().get("/api/v1/public/powers?agency=yiyuan-fgj&type=LICENSING&q=" + code).json();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		JsonNode item = list.get("items").get(0);
		assertThat(item.get("code").asString()).isEqualTo(code);
		assertThat(item.get("name").asString()).isEqualTo("企业投资项目核准");
		assertThat(item.get("type").asString()).isEqualTo("LICENSING");
		assertThat(item.get("basis").asString()).contains("第三条");
		assertThat(item.get("agency").asString()).isEqualTo("yiyuan-fgj");
		assertThat(item.get("version").asInt()).isEqualTo(2);
		JsonNode one = anonymous().get("/api/v1/public/powers/" + id).json();
		assertThat(one.get("history")).hasSize(2);
		assertThat(one.get("history").get(0).get("reason").asString()).isEqualTo("名称按省级通用目录统一");
		assertThat(one.get("history").get(0).get("effectiveOn").asString()).isEqualTo("2026-04-01");
		assertThat(one.get("history").get(1).get("snapshot").get("name").asString()).isEqualTo("固定资产投资项目核准");

		// the public pages, with no session
		for (String path : List.of("/agencies/yiyuan-fgj/powers/", "/agencies/yiyuan-fgj/powers/" + id + "/",
				"/agencies/yiyuan-fgj/powers/changes/", "/agencies/yiyuan-fgj/powers/?type=LICENSING&q=" + code)) {
			Http.Response page = anonymous().get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.header("Set-Cookie")).as(path).isNull();
			assertThat(page.body()).as(path).contains("企业投资项目核准");
		}
		assertThat(anonymous().get("/agencies/yiyuan-fgj/powers/" + id + "/").body()).contains("名称按省级通用目录统一", "固定资产投资项目核准",
				"受理", "第2版");
		assertThat(anonymous().get("/agencies/yiyuan-fgj/powers/changes/").body()).contains("名称按省级通用目录统一", "依据条例新增");
		assertThat(anonymous().get("/agencies/yiyuan-nyj/powers/" + id + "/").status()).isEqualTo(404);

		// removed: off the current list, the history stays public
		assertThat(editor.postJson("/api/v1/powers/" + id + "/removal", Map.of("reason", "职能划转")).status()).isEqualTo(200);
		assertThat(anonymous().get("/api/v1/public/powers?agency=yiyuan-fgj&q=" + code).json().get("total").asLong()).isZero();
		assertThat(anonymous().get("/api/v1/public/powers/" + id).json().get("history")).hasSize(3);
	}

	@Test
	void anImportWithOneBadRowSavesNothingAndAValidOneRoundTrips() throws IOException {
		String a = unique("IA-");
		String b = unique("IB-");
		byte[] bad = workbook(List.of(row(a, "农药经营许可", "行政许可", "《农药管理条例》第二十四条"),
				row(b, "对违法经营农药的处罚", "行政审批", "《农药管理条例》第五十五条")));
		Http editor = demo("fgj-editor");
		Http.Response refused = editor.postFile("/api/v1/powers/import", "/login", Map.of("agency", "yiyuan-fgj", "reason", "年度调整"),
				"清单.xlsx", bad);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("未导入任何内容");
		assertThat(refused.body()).contains("row3.事项类型", "第3行“事项类型”");
		assertThat(anonymous().get("/api/v1/public/powers?agency=yiyuan-fgj&q=" + a).json().get("total").asLong()).isZero();

		// a file that is not xlsx is refused clearly
		Http.Response csv = editor.postFile("/api/v1/powers/import", "/login", Map.of("agency", "yiyuan-fgj", "reason", "年度调整"),
				"清单.csv", "a,b".getBytes());
		assertThat(csv.status()).isEqualTo(400);
		assertThat(csv.json().get("detail").asString()).contains(".xlsx");

		// the console: the same bad file shows the row report on the page
		Http console = session("fgj-editor", DEMO_PASSWORD);
		Http.Response page = console.postFile("/console/powers/import", "/console/powers?agency=yiyuan-fgj",
				Map.of("agency", "yiyuan-fgj", "reason", "年度调整"), "清单.xlsx", bad);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("导入错误报告", "第3行“事项类型”");

		byte[] good = workbook(List.of(row(a, "农药经营许可", "行政许可", "《农药管理条例》第二十四条"),
				row(b, "对违法经营农药的处罚", "行政处罚", "《农药管理条例》第五十五条")));
		Http.Response imported = editor.postFile("/api/v1/powers/import", "/login",
				Map.of("agency", "yiyuan-fgj", "reason", "2026年清单调整", "effectiveOn", "2026-06-01"), "清单.xlsx", good);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).isEqualTo(2);
		JsonNode before = anonymous().get("/api/v1/public/powers?agency=yiyuan-fgj&size=100").json().get("items");

		byte[] exported = console.getBytes("/console/powers/export?agency=yiyuan-fgj").body();
		Http.Response again = editor.postFile("/api/v1/powers/import", "/login", Map.of("agency", "yiyuan-fgj", "reason", "核对"),
				"导出.xlsx", exported);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("created").asInt()).isZero();
		assertThat(again.json().get("adjusted").asInt()).isZero();
		assertThat(anonymous().get("/api/v1/public/powers?agency=yiyuan-fgj&size=100").json().get("items")).isEqualTo(before);
		assertThat(console.get("/console/powers?agency=yiyuan-fgj").body()).contains("农药经营许可");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(anonymous().get("/sitemap.xml").body()).contains("/agencies/yiyuan-fgj/powers/changes/"));

		// the console's form: a missing name and type are shown on the page, a valid item is added
		Http.Response invalid = console.postForm("/console/powers/new", "/console/powers?agency=yiyuan-fgj",
				Map.of("agency", "yiyuan-fgj", "code", unique("CF-"), "basis", "依据", "reason", "新增"), true);
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("请填写事项名称", "请选择事项类型");
		Http.Response added = console.postForm("/console/powers/new", "/console/powers?agency=yiyuan-fgj",
				Map.of("agency", "yiyuan-fgj", "code", unique("CF-"), "name", "价格监督检查", "typeCode", "INSPECTION", "basis",
						"《价格法》第三十三条", "reason", "新增", "effectiveOn", "2026-06-01"), true);
		assertThat(added.status()).isEqualTo(302);
		Http.Response view = console.get(added.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.body()).contains("价格监督检查", "行政检查", "调整事项");
	}

	@Test
	void theComparisonFlagsACountyBasisThatDiffersFromTheCitys() {
		String code = unique("CMP-");
		String cityCode = unique("zibo-").toLowerCase();
		Map<String, Object> city = new HashMap<>(Map.of("code", cityCode, "name", "淄博市发展和改革委员会", "level", "CITY", "type",
				"DEPARTMENT"));
		city.put("creditCode", creditCode("1137030000" + String.format("%07d", System.nanoTime() % 10_000_000)));
		Http.Response createdCity = admin().postJson("/api/v1/agencies", city);
		assertThat(createdCity.status()).as(createdCity.body()).isEqualTo(201);
		Map<String, Object> cityItem = power(code, "企业投资项目核准", "《企业投资项目核准和备案管理条例》第三条、第十条", "市级目录");
		cityItem.put("agency", cityCode);
		assertThat(admin().postJson("/api/v1/powers", cityItem).status()).isEqualTo(201);
		Http.Response county = demo("fgj-editor").postJson("/api/v1/powers",
				power(code, "企业投资项目核准", "《企业投资项目核准和备案管理条例》第三条", "对照市级目录新增"));
		long id = county.json().get("id").asLong();

		JsonNode c = anonymous().get("/api/v1/public/powers/" + id + "/comparison").json();
		assertThat(c.get("differs").asBoolean()).isTrue();
		assertThat(c.get("others")).hasSize(1);
		JsonNode other = c.get("others").get(0);
		assertThat(other.get("agency").asString()).isEqualTo(cityCode);
		assertThat(other.get("level").asString()).isEqualTo("CITY");
		assertThat(other.get("basisDiffers").asBoolean()).isTrue();
		assertThat(other.get("nameDiffers").asBoolean()).isFalse();
		assertThat(other.get("typeDiffers").asBoolean()).isFalse();

		Http.Response page = anonymous().get("/agencies/yiyuan-fgj/powers/" + id + "/comparison/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("淄博市发展和改革委员会", "市级", "不一致", "<mark>");
		Http.Response console = session("gkb", DEMO_PASSWORD).get("/console/powers/" + id);
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.body()).contains("淄博市发展和改革委员会", "不一致");
	}

	@Test
	void aGuideMissingElementsIsReportedAndNeverPublicUntilPublished() {
		Http editor = demo("fgj-editor");
		String name = unique("企业投资项目备案");
		Http.Response created = editor.postJson("/api/v1/services", Map.of("agency", "yiyuan-fgj", "kind", "PUBLIC_SERVICE",
				"name", name, "basis", "《企业投资项目核准和备案管理条例》第十三条", "body", "县发展和改革局"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Map<String, Object> guide = new HashMap<>(Map.of("itemName", name, "basis", "《企业投资项目核准和备案管理条例》第十三条", "conditions",
				"在本县行政区域内建设的企业投资项目", "materials", "项目备案信息表", "place", "县政务服务中心二楼", "handlingBody", "县发展和改革局",
				"officeHours", "工作日 9:00-17:00", "phone", "0533-3241234"));
		assertThat(editor.putJson("/api/v1/services/" + id + "/guide", guide).status()).isEqualTo(200);

		for (Http staff : List.of(editor, demo("gkb"))) {
			JsonNode report = staff.get("/api/v1/services/incomplete-guides?agency=yiyuan-fgj").json();
			JsonNode mine = null;
			for (JsonNode r : report) {
				if (r.get("itemId").asLong() == id) {
					mine = r;
				}
			}
			assertThat(mine).isNotNull();
			assertThat(mine.get("missing").toString()).isEqualTo("[\"收费标准\",\"办理流程\"]");
		}
		assertThat(session("gkb", DEMO_PASSWORD).get("/console/services").body()).contains(name, "收费标准、办理流程");

		// unpublished: the item is listed, its guide is nowhere public
		assertThat(anonymous().get("/api/v1/public/services/" + id).json().get("guide").isNull()).isTrue();
		assertThat(anonymous().get("/agencies/yiyuan-fgj/services/" + id + "/").body()).contains(name).doesNotContain("县政务服务中心二楼");
		assertThat(anonymous().get("/agencies/yiyuan-fgj/services/").body()).contains(name).doesNotContain("查看办事指南：" + name);

		guide.put("fees", "不收费");
		guide.put("process", "申请—受理—备案");
		assertThat(editor.putJson("/api/v1/services/" + id + "/guide", guide).status()).isEqualTo(200);
		assertThat(demo("nyj-editor").postJson("/api/v1/services/" + id + "/guide/publication", Map.of()).status()).isEqualTo(403);
		assertThat(editor.postJson("/api/v1/services/" + id + "/guide/publication", Map.of()).status()).isEqualTo(200);
		JsonNode published = anonymous().get("/api/v1/public/services/" + id).json();
		assertThat(published.get("guide").get("place").asString()).isEqualTo("县政务服务中心二楼");
		assertThat(published.get("guide").get("missing")).isEmpty();
		Http.Response page = anonymous().get("/agencies/yiyuan-fgj/services/" + id + "/");
		assertThat(page.body()).contains("县政务服务中心二楼", "申请—受理—备案");
		assertThat(page.header("Set-Cookie")).isNull();

		assertThat(editor.delete("/api/v1/services/" + id + "/guide/publication").status()).isEqualTo(200);
		assertThat(anonymous().get("/api/v1/public/services/" + id).json().get("guide").isNull()).isTrue();
		assertThat(anonymous().get("/agencies/yiyuan-fgj/services/" + id + "/").body()).doesNotContain("县政务服务中心二楼");

		Http console = session("fgj-editor", DEMO_PASSWORD);
		assertThat(console.get("/console/services/" + id).status()).isEqualTo(200);
		assertThat(session("gkb", DEMO_PASSWORD).get("/console/powers/types").body()).contains("行政许可", "其他行政权力");
	}
}
