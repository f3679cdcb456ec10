package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The work plan over HTTP: the supervisor creates a plan, a table with a bad row imports nothing and names the row,
 * the good table is imported and the plan issued; the unit's administrator claims its task (a bad phone is a field
 * error; another unit may not claim it), reports progress; the supervisor adds a 督办 note, the unit answers, the
 * supervisor closes the item; the public page shows it done without persons or phones, and the export carries the
 * claim. Staff pages are refused to the public and to other units.
 */
abstract class WorkPlanJourneyTest extends JourneySupport {

	static byte[] table(List<String[]> rows) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.createSheet("任务分解表");
			s.createRow(0).createCell(0).setCellValue("政务公开主要任务分解表");
			String[] head = { "工作任务", "", "工作要求", "责任单位", "具体工作措施", "责任科室、责任人及联系方式" };
			Row h = s.createRow(1);
			for (int i = 0; i < head.length; i++) {
				h.createCell(i).setCellValue(head[i]);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = s.createRow(r + 2);
				for (int c = 0; c < rows.get(r).length; c++) {
					if (rows.get(r)[c] != null) {
						row.createCell(c).setCellValue(rows.get(r)[c]);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void aTaskGoesFromImportThroughClaimProgressAndSupervisionToClosing() throws IOException {
		String title = "工作要点" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		int year = LocalDate.now().getYear();
		String requirement = "定期公布并动态调整政府定价的涉企经营服务性收费目录清单（" + title + "）。";

		// the public and another unit's editor may not open the console pages
		assertThat(anonymous().get("/console/work-plans").status()).isEqualTo(302);
		Http gkb = session("gkb", DEMO_PASSWORD);
		assertThat(gkb.get("/console/work-plans").status()).isEqualTo(200);
		Map<String, String> plan = new HashMap<>(Map.of("agency", "yiyuan", "title", title, "year", String.valueOf(year), "progressDay", "25",
				"publicPlan", "true"));
		Http.Response created = gkb.postForm("/console/work-plans/new", "/console/work-plans/new", plan, true);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String planPath = created.header("Location").replaceAll("^https?://[^/]+", "");
		long planId = Long.parseLong(planPath.substring(planPath.lastIndexOf('/') + 1));
		Http nyj = session("nyj-editor", DEMO_PASSWORD);
		assertThat(nyj.get(planPath).status()).isEqualTo(403);
		// a draft is not public
		assertThat(anonymous().get("/work-plans/" + planId + "/").status()).isEqualTo(404);

		// a table with a bad row imports nothing and names the row
		byte[] bad = table(List.of(new String[] { "做好优化营商环境信息公开", "优化涉企服务", requirement, "各镇（街道）、经济开发区和县发展改革局" },
				new String[] { null, null, null, "县发展改革局" }));
		Http.Response refused = gkb.postFile(planPath + "/import", planPath, Map.of(), "bad.xlsx", bad);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("工作表“任务分解表”第4行：请填写工作要求");
		assertThat(gkb.get(planPath).body()).doesNotContain(requirement);
		byte[] good = table(List.<String[]>of(new String[] { "做好优化营商环境信息公开", "优化涉企服务", requirement, "各镇（街道）、经济开发区和县发展改革局" }));
		Http.Response imported = gkb.postFile(planPath + "/import", planPath, Map.of(), "good.xlsx", good);
		assertThat(imported.status()).as(imported.body()).isEqualTo(302);
		String page = gkb.get(planPath).body();
		assertThat(page).contains(requirement).contains("未识别：经济开发区").contains("县发展改革局");
		assertThat(gkb.postForm(planPath + "/issue", planPath, Map.of(), true).status()).isEqualTo(302);

		long taskId = jdbc.sql("SELECT id FROM ov_task WHERE plan_id = ?").param(planId).query(Long.class).single();
		long itemId = jdbc.sql("SELECT u.id FROM ov_task_unit u WHERE u.task_id = ? AND u.agency_id = ?")
			.params(taskId, agencies.requireByCode("yiyuan-fgj").id()).query(Long.class).single();
		String taskPath = "/console/work-plans/tasks/" + taskId;

		// the unit claims: another unit may not, a bad phone is a field error
		Http fgj = session("fgj-admin", DEMO_PASSWORD);
		assertThat(fgj.get("/console/work-plans/mine").body()).contains(taskPath);
		assertThat(fgj.get("/console").body()).contains("待认领的工作任务", "本月待报送进展");
		assertThat(gkb.get("/console").body()).contains("各单位逾期的工作任务");
		assertThat(gkb.get("/console/work-plans").body()).contains(title);
		Map<String, String> claim = new HashMap<>(Map.of("measures", "在价格收费栏目公布收费目录清单，调整后5个工作日内更新", "office", "价格科", "person",
				"陈静", "phone", "3240103"));
		assertThat(nyj.get(taskPath).status()).isEqualTo(403);
		Http.Response badPhone = fgj.postForm("/console/work-plans/items/" + itemId + "/claim", taskPath, claim, true);
		assertThat(badPhone.status()).isEqualTo(200);
		assertThat(badPhone.body()).contains("联系电话应为固定电话");
		claim.put("phone", "0533-3240103");
		assertThat(fgj.postForm("/console/work-plans/items/" + itemId + "/claim", taskPath, claim, true).status()).isEqualTo(302);
		Map<String, String> progress = Map.of("content", "已公布收费目录清单初稿", "percent", "50", "state", "ON_TRACK");
		assertThat(fgj.postForm("/console/work-plans/items/" + itemId + "/progress", taskPath, progress, true).status()).isEqualTo(302);

		// 督办, answered by the next report; then 销号
		Map<String, String> note = Map.of("note", "请补充公开收费标准调整情况", "dueOn", LocalDate.now().plusDays(5).toString());
		assertThat(fgj.postForm("/console/work-plans/items/" + itemId + "/supervise", taskPath, note, true).status()).isEqualTo(403);
		assertThat(gkb.postForm("/console/work-plans/items/" + itemId + "/supervise", taskPath, note, true).status()).isEqualTo(302);
		assertThat(fgj.get(taskPath).body()).contains("请补充公开收费标准调整情况").contains("待答复");
		Map<String, String> answer = Map.of("content", "已补充公开收费标准调整情况", "percent", "100", "state", "DONE");
		assertThat(fgj.postForm("/console/work-plans/items/" + itemId + "/progress", taskPath, answer, true).status()).isEqualTo(302);
		assertThat(gkb.get(taskPath).body()).contains("已答复").contains("答复督办");
		Http.Response noNote = gkb.postForm("/console/work-plans/items/" + itemId + "/close", taskPath, Map.of("closeNote", ""), true);
		assertThat(noNote.status()).isEqualTo(200);
		assertThat(noNote.body()).contains("请填写销号说明");
		assertThat(gkb.postForm("/console/work-plans/items/" + itemId + "/close", taskPath, Map.of("closeNote", "经核查已完成"), true).status())
			.isEqualTo(302);

		// the public page: done, measures shown, no person or phone, no cookie; listed and in the sitemap
		Http.Response pub = anonymous().get("/work-plans/" + planId + "/");
		assertThat(pub.status()).isEqualTo(200);
		assertThat(pub.header("Set-Cookie")).isNull();
		assertThat(pub.body()).contains(requirement).contains("已完成").contains("在价格收费栏目公布收费目录清单").doesNotContain("陈静")
			.doesNotContain("0533-3240103").doesNotContain("价格科").contains("href=\"/bulletins/\"");
		assertThat(anonymous().get("/work-plans/").body()).contains("/work-plans/" + planId + "/").contains(title);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Files.readString(site.fileFor("/sitemap.xml").orElseThrow())).contains("/work-plans/" + planId + "/"));

		// the export carries the claim in the seed's layout
		java.net.http.HttpResponse<byte[]> export = gkb.getBytes(planPath + "/export.xlsx");
		assertThat(export.statusCode()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
			Sheet s = wb.getSheetAt(0);
			assertThat(s.getRow(1).getCell(2).getStringCellValue()).isEqualTo("工作要求");
			assertThat(s.getRow(2).getCell(2).getStringCellValue()).isEqualTo(requirement);
			assertThat(s.getRow(2).getCell(4).getStringCellValue()).isEqualTo("县发展改革局：在价格收费栏目公布收费目录清单，调整后5个工作日内更新");
			assertThat(s.getRow(2).getCell(5).getStringCellValue()).isEqualTo("县发展改革局：价格科，陈静，0533-3240103");
		}
		assertThat(fgj.getBytes(planPath + "/export.xlsx").statusCode()).isEqualTo(403);
	}
}
