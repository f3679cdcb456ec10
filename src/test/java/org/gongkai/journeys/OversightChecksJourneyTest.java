package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.platform.SitemapContributor;
import org.gongkai.platform.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console pages of self-checks, inspections, bulletins and source reviews over real HTTP, and the public bulletin
 * pages: a unit's editor opens the month's self-check (its figures filled in) and is told what is missing; the county's
 * supervisor inspects the 发展和改革局, records a finding the unit answers; a bulletin generated from the round is
 * invisible on the portal as a draft, issued public it is shown without a session and listed in the sitemap, a
 * staff-only one never; others are refused the supervisor's steps.
 */
abstract class OversightChecksJourneyTest extends JourneySupport {

	@Autowired
	List<SitemapContributor> sitemap;

	private static void ok(Http.Response r, int status, String... contains) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		for (String c : contains) {
			assertThat(r.body()).as(r.body()).contains(c);
		}
	}

	private static String path(Http.Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		return redirect.header("Location").replaceAll("^https?://[^/]+", "");
	}

	@Test
	void selfCheckInspectionFindingAndPublicBulletin() {
		LocalDate today = LocalDate.now(Zones.CHINA);
		String tag = String.valueOf(System.nanoTime() % 1_000_000);
		Http gkb = session("gkb", DEMO_PASSWORD);
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		Http other = session("nyj-editor", DEMO_PASSWORD);
		Http anonymous = anonymous();

		// the console entry and its pages; the public is sent to the login
		assertThat(anonymous.get("/console/self-checks").status()).isEqualTo(302);
		ok(gkb.get("/console"), 200, "href=\"/console/self-checks\"", "自查督查");
		ok(gkb.get("/console/self-checks"), 200, "各单位自查情况", "每月自查", "季度督查与整改", "督查通报", "信息源头梳理");
		ok(editor.get("/console/self-checks"), 200, "每月自查");

		// the unit's editor opens this month's self-check: the checklist with its automatic figures
		String month = YearMonth.from(today).toString();
		String check = path(editor.postForm("/console/self-checks/open", "/console/self-checks",
				Map.of("agency", "yiyuan-fgj", "month", month), true));
		ok(editor.get(check), 200, "栏目是否按时更新", "是否有空白栏目", "保存并报送");
		// reporting with nothing answered: the page again with what is missing
		ok(editor.postForm(check + "/answers", check, Map.of("action", "submit"), true), 200, "请填写“栏目是否按时更新”的检查结果");
		// another unit's editor cannot see it; the supervisor can, without the form
		assertThat(other.get(check).status()).isEqualTo(403);
		String supervisorView = gkb.get(check).body();
		assertThat(supervisorView).contains("栏目是否按时更新").doesNotContain("保存并报送");
		// the checklist is the supervisor's
		ok(gkb.get("/console/self-checks/items"), 200, "新增自查项目");
		assertThat(editor.get("/console/self-checks/items").status()).isEqualTo(403);

		// the supervisor's inspection of the unit, with a finding
		String title = "第四季度政务公开督查" + tag;
		Map<String, String> round = new HashMap<>(Map.of("agency", "yiyuan", "title", title, "year", String.valueOf(today.getYear()),
				"quarter", String.valueOf((today.getMonthValue() - 1) / 3 + 1), "inspectedOn", today.toString(), "units", "yiyuan-fgj"));
		assertThat(editor.postForm("/console/oversight-inspections", "/console/oversight-inspections", round, true).status()).isEqualTo(403);
		String roundPage = path(gkb.postForm("/console/oversight-inspections", "/console/oversight-inspections", round, true));
		String problem = "政策文件栏目超过6个月未更新" + tag;
		ok(gkb.postForm(roundPage + "/findings", roundPage, Map.of("unit", "yiyuan-fgj", "problem", " "), true), 200, "请填写存在的问题");
		path(gkb.postForm(roundPage + "/findings", roundPage,
				Map.of("unit", "yiyuan-fgj", "problem", problem, "measures", "补充发布", "responsible", "办公室"), true));
		String sheet = gkb.get(roundPage).body();
		assertThat(sheet).contains("督察表", title, problem, "整改责任主体");
		String finding = sheet.replaceAll("(?s).*href=\"(/console/oversight-inspections/findings/\\d+)\"[^>]*>" + problem + ".*", "$1");
		assertThat(finding).startsWith("/console/oversight-inspections/findings/");
		// the unit sees it to rectify and answers; another unit cannot
		ok(editor.get("/console/oversight-inspections"), 200, problem);
		assertThat(other.get(finding).status()).isEqualTo(403);
		path(editor.postForm(finding + "/answer", finding, Map.of("rectification", "已补充发布3条政策文件"), true));
		ok(gkb.get(finding), 200, "待复查", "复查结果");

		// a bulletin from the round: a draft is not public
		assertThat(editor.postForm("/console/bulletins", "/console/bulletins", Map.of("agency", "yiyuan"), true).status()).isEqualTo(403);
		String bulletin = path(gkb.postForm("/console/bulletins", "/console/bulletins",
				Map.of("agency", "yiyuan", "inspection", roundPage.substring(roundPage.lastIndexOf('/') + 1)), true));
		String id = bulletin.substring(bulletin.lastIndexOf('/') + 1);
		ok(gkb.get(bulletin), 200, "一、总体情况", problem, "下载Word版");
		assertThat(anonymous.get("/bulletins/" + id + "/").status()).isEqualTo(404);
		Http.Response word = gkb.get(bulletin + "/word");
		assertThat(word.status()).isEqualTo(200);
		assertThat(word.header("Content-Type")).contains("wordprocessingml");
		String bulletinTitle = "关于" + title + "情况的通报";
		Map<String, String> issue = new HashMap<>(Map.of("title", bulletinTitle, "documentNumber", "沂公开办〔" + today.getYear() + "〕" + tag + "号",
				"overall", "全县各单位共主动公开政府信息。", "problems", "（一）县发展和改革局：\n1. " + problem + "。",
				"requirements", "各单位逐条整改、销号管理。", "publicBulletin", "true", "action", "issue"));
		path(gkb.postForm(bulletin, bulletin, issue, true));
		// issued: no form any more, shown on the portal without a session
		assertThat(gkb.get(bulletin).body()).doesNotContain("保存并印发");
		Http.Response pub = anonymous.get("/bulletins/" + id + "/");
		ok(pub, 200, bulletinTitle, "一、总体情况", "二、存在问题", "三、下一步工作要求", problem);
		assertThat(pub.header("Set-Cookie")).isNull();
		ok(anonymous.get("/bulletins/"), 200, bulletinTitle);
		assertThat(sitemap.stream().flatMap(c -> c.publicPaths().stream())).contains("/bulletins/" + id + "/");

		// a staff-only bulletin, issued, is never public
		String internal = path(gkb.postForm("/console/bulletins", "/console/bulletins",
				Map.of("agency", "yiyuan", "periodFrom", today.withDayOfMonth(1).toString(), "periodTo", today.toString()), true));
		String internalId = internal.substring(internal.lastIndexOf('/') + 1);
		String internalTitle = "内部通报" + tag;
		Map<String, String> internalIssue = new HashMap<>(issue);
		internalIssue.put("title", internalTitle);
		internalIssue.remove("publicBulletin");
		path(gkb.postForm(internal, internal, internalIssue, true));
		assertThat(anonymous.get("/bulletins/" + internalId + "/").status()).isEqualTo(404);
		assertThat(anonymous.get("/bulletins/").body()).doesNotContain(internalTitle);
		assertThat(sitemap.stream().flatMap(c -> c.publicPaths().stream())).doesNotContain("/bulletins/" + internalId + "/");
		// staff of the county's units read issued bulletins in the console
		ok(editor.get("/console/bulletins"), 200, bulletinTitle);

		// the source review pages: the unit opens its November self-check, the supervisor sees the overview
		ok(editor.get("/console/source-reviews"), 200, "信息源头梳理");
		String review = path(editor.postForm("/console/source-reviews/open", "/console/source-reviews",
				Map.of("agency", "yiyuan-fgj", "kind", "NOVEMBER", "year", String.valueOf(today.getYear())), true));
		ok(editor.get(review), 200, "11月未公开信息自查", "报送政务公开办");
		assertThat(other.get(review).status()).isEqualTo(403);
		ok(gkb.get("/console/source-reviews?kind=NOVEMBER&year=" + today.getYear()), 200, "各单位情况", "进行中");
	}
}
