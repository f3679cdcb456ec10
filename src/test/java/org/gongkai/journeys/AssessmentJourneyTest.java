package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * 绩效考核 over real HTTP: the county supervisor (gkb) installs the 鲤城 2020 template (the templates cite their
 * sources), starts a run over the county, enters a manual deduction (refused without evidence, accepted with it) and
 * finalises; a department sees nothing while it is a draft, then its own sheet and its Excel export, never the ranking
 * or another agency's sheet. Staff pages only: nothing of it is public.
 */
abstract class AssessmentJourneyTest extends JourneySupport {

	static final String NAME = "旅程测试2024年度考核方案";

	@Test
	void theSupervisorRunsAnAssessmentAndADepartmentSeesOnlyItsOwnFinalSheet() {
		Http gkb = session("gkb", DEMO_PASSWORD);
		String home = gkb.get("/console/assessments").body();
		assertThat(home).contains("绩效考核", "涞源县2023年政务公开考核评分细则", "2020年泉州市鲤城区政务公开指数绩效考评标准表",
				"www.qzlc.gov.cn/xxgk/zfxxgk/xxgkzdgd/202012/t20201214_2479123.htm", "2023-11-24");
		String template = gkb.get("/console/assessments/templates/laiyuan-2023").body();
		assertThat(template).contains("年度信息总量", "主动公开信息", "108");

		// the install form refuses a missing template with the input kept
		Http.Response bad = gkb.postForm("/console/assessments/templates/install", "/console/assessments",
				Map.of("owner", "yiyuan", "template", "", "year", "2024", "name", NAME), true);
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("请选择考核方案模板", NAME);

		Http.Response installed = gkb.postForm("/console/assessments/templates/install", "/console/assessments",
				Map.of("owner", "yiyuan", "template", "licheng-2020", "year", "2024", "name", NAME), true);
		assertThat(installed.status()).as(installed.body()).isEqualTo(302);
		String schemePath = path(installed.header("Location"));
		String scheme = gkb.get(schemePath).body();
		assertThat(scheme).contains(NAME, "超期办理，每件扣6分", "依申请公开超期答复", "每个扣6分，最多扣6分", "37");

		Http.Response started = gkb.postForm(schemePath + "/runs", schemePath, Map.of(), true);
		assertThat(started.status()).as(started.body()).isEqualTo(302);
		String runPath = path(started.header("Location"));
		String run = gkb.get(runPath).body();
		assertThat(run).contains("考核排名", "沂源县发展和改革局", "鲁村镇", "草稿", "2024-12-31");
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		String sheetPath = runPath + "/sheets/" + fgj;
		String sheet = gkb.get(sheetPath).body();
		assertThat(sheet).contains("沂源县发展和改革局 2024年度考核评分表", "泄露国家秘密", "佐证材料");
		long itemId = Long.parseLong(match(sheet, "name=\"itemId\" value=\"(\\d+)\""));

		// a department sees neither the draft ranking nor its draft sheet
		Http fgjEditor = session("fgj-editor", DEMO_PASSWORD);
		assertThat(fgjEditor.get(runPath).status()).isEqualTo(403);
		assertThat(fgjEditor.get(sheetPath).status()).isEqualTo(404);

		// a deduction without evidence is refused with the amount kept; with the file it counts
		Http.Response refused = gkb.postForm(sheetPath + "/manual", sheetPath,
				Map.of("itemId", String.valueOf(itemId), "amount", "1", "note", "两条信息索引号缺失"), true);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("扣分须上传佐证材料", "两条信息索引号缺失");
		Http.Response entered = gkb.postFile(sheetPath + "/manual", sheetPath,
				Map.of("itemId", String.valueOf(itemId), "amount", "1", "note", "两条信息索引号缺失"), "evidence", "截图.pdf",
				"%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
		assertThat(entered.status()).as(entered.body()).isEqualTo(302);
		assertThat(gkb.get(sheetPath).body()).contains("佐证材料：截图.pdf", "两条信息索引号缺失");
		assertThat(gkb.get("/console").body()).contains("待定稿的绩效考核");

		String revision = match(gkb.get(runPath).body(), "name=\"revision\" value=\"(\\d+)\"");
		Http.Response finalised = gkb.postForm(runPath + "/finalise", runPath, Map.of("revision", revision), true);
		assertThat(finalised.status()).as(finalised.body()).isEqualTo(302);
		assertThat(gkb.get(runPath).body()).contains("已定稿").doesNotContain("重新计算");
		Http.Response ranking = gkb.get(runPath + "/ranking.xlsx");
		assertThat(ranking.status()).isEqualTo(200);
		assertThat(ranking.header("Content-Type")).contains("spreadsheetml");

		// now the department sees its own sheet (and can export it), not another's, not the ranking
		assertThat(fgjEditor.get(sheetPath).body()).contains("2024年度考核评分表", "两条信息索引号缺失").doesNotContain("name=\"amount\"");
		assertThat(fgjEditor.get(sheetPath + ".xlsx").status()).isEqualTo(200);
		long nyj = agencies.requireByCode("yiyuan-nyj").id();
		assertThat(fgjEditor.get(runPath + "/sheets/" + nyj).status()).isEqualTo(404);
		assertThat(fgjEditor.get(runPath).status()).isEqualTo(403);
		assertThat(fgjEditor.get("/console/assessments").body()).contains("本单位考核结果");
		// nothing of it is public
		assertThat(anonymous().get(sheetPath).status()).isIn(302, 401, 403);
	}

	private static String path(String location) {
		return location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
	}

	private static String match(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}
}
