package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The console of the automatic inspection over real HTTP: the county's supervising office sees the overview of the
 * agencies below, recomputes an agency, reads its indicators, columns, links and the indicator catalogue, exports the
 * overview, and a wrong number in the indicator form comes back with its message and saves nothing; an agency's
 * editor sees its own agency's score on the dashboard and page but cannot recompute, edit indicators or open another
 * agency; the public is sent to the login.
 */
abstract class MonitoringJourneyTest extends JourneySupport {

	@Test
	void theSupervisorWorksTheMonitoringConsoleAndAnAgencySeesOnlyItsOwn() {
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		long nyj = agencies.requireByCode("yiyuan-nyj").id();
		String fgjName = agencies.requireByCode("yiyuan-fgj").name();
		Http gkb = session("gkb", DEMO_PASSWORD);

		assertThat(gkb.get("/console").body()).contains("href=\"/console/monitoring\"", "公开监测", "监测：单项否决单位",
				"监测：预警单位");
		Http.Response recompute = gkb.postForm("/console/monitoring/agencies/" + fgj + "/recompute",
				"/console/monitoring/agencies/" + fgj, Map.of(), true);
		assertThat(recompute.status()).as(recompute.body()).isEqualTo(302);
		Http.Response page = gkb.get("/console/monitoring/agencies/" + fgj);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("得分与结论", "首页不更新", "空白栏目", "重新计算</button>", "全部监测数据", "待确认");
		assertThat(page.header("Cache-Control")).contains("no-store");
		Http.Response overview = gkb.get("/console/monitoring?sort=vetoes");
		assertThat(overview.status()).as(overview.body()).isEqualTo(200);
		assertThat(overview.body()).contains("公开监测总览", fgjName, "/console/monitoring/agencies/" + fgj);
		Http.Response columns = gkb.get("/console/monitoring/agencies/" + fgj + "/columns");
		assertThat(columns.status()).as(columns.body()).isEqualTo(200);
		assertThat(columns.body()).contains("栏目更新周期", "政府信息公开指南", "name=\"windowClass\"");
		Http.Response links = gkb.get("/console/monitoring/agencies/" + fgj + "/links");
		assertThat(links.status()).as(links.body()).isEqualTo(200);
		assertThat(links.body()).contains("只有返回404、403的链接计为不可用");
		Http.Response export = gkb.get("/console/monitoring/export.xlsx");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Type")).contains("spreadsheetml");

		Http.Response catalogue = gkb.get("/console/monitoring/indicators");
		assertThat(catalogue.status()).as(catalogue.body()).isEqualTo(200);
		assertThat(catalogue.body()).contains("国办秘函〔2019〕19号 单项否决：栏目不更新", "待确认", "空白栏目");
		long id = jdbc.sql("SELECT id FROM ov_indicator WHERE code = 'deduct.links'").query(Long.class).single();
		String before = jdbc.sql("SELECT CAST(points AS VARCHAR(20)) || '/' || CAST(version AS VARCHAR(10)) FROM ov_indicator WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		String form = "/console/monitoring/indicators/" + id;
		assertThat(gkb.get(form).body()).contains("修改指标：不能正常访问的链接", "本指标的数值尚未确认");
		Http.Response wrong = gkb.postForm(form, form, Map.of("threshold", "1", "points", "半分", "cap", "5",
				"version", "0", "active", "true"), true);
		assertThat(wrong.status()).as(wrong.body()).isEqualTo(200);
		assertThat(wrong.body()).contains("请填写数字，例如 5 或 0.5", "value=\"半分\"", "提交的内容有误");
		assertThat(jdbc.sql("SELECT CAST(points AS VARCHAR(20)) || '/' || CAST(version AS VARCHAR(10)) FROM ov_indicator WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(before);

		Http editor = session("fgj-editor", DEMO_PASSWORD);
		assertThat(editor.get("/console").body()).contains("公开监测得分");
		Http.Response own = editor.get("/console/monitoring");
		assertThat(own.status()).isEqualTo(302);
		assertThat(own.header("Location")).endsWith("/console/monitoring/agencies/" + fgj);
		Http.Response ownPage = editor.get("/console/monitoring/agencies/" + fgj);
		assertThat(ownPage.status()).isEqualTo(200);
		assertThat(ownPage.body()).contains("得分与结论").doesNotContain("重新计算</button>");
		assertThat(editor.get("/console/monitoring/agencies/" + nyj).status()).isEqualTo(403);
		assertThat(editor.get(form).status()).isEqualTo(403);
		assertThat(editor.get("/console/monitoring/export.xlsx").status()).isEqualTo(403);
		assertThat(editor.postForm("/console/monitoring/agencies/" + fgj + "/recompute", "/console/monitoring/agencies/" + fgj,
				Map.of(), true).status()).isEqualTo(403);

		assertThat(anonymous().get("/console/monitoring").status()).isEqualTo(302);
	}

	@Test
	void otherSystemsReadAnAgencysInspectionThroughTheApiWithTheReportsScopeOnly() {
		// staff over Basic: the agency's own editor reads its agency, not another one
		Http.Response own = demo("fgj-editor").get("/api/v1/reports/oversight?agency=yiyuan-fgj");
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		JsonNode body = own.json();
		assertThat(body.get("agency").asString()).isEqualTo("yiyuan-fgj");
		assertThat(body.get("verdict").asString()).isEqualTo(body.get("vetoed").asBoolean() ? "不合格（单项否决）"
				: body.get("passed").asBoolean() ? "合格" : "不合格（低于60分）");
		assertThat(body.get("indicators").size()).isGreaterThan(5);
		JsonNode empty = body.get("figures").get("columns.empty");
		assertThat(empty.get("label").asString()).isEqualTo("空白栏目");
		assertThat(empty.get("records").size()).isGreaterThanOrEqualTo(empty.get("value").asInt());
		Http.Response other = demo("fgj-editor").get("/api/v1/reports/oversight?agency=yiyuan-nyj");
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.header("Content-Type")).contains("application/problem+json");

		// a token of the county government with the reports scope reads every agency below; other scopes read nothing
		Http reports = new Http(port).bearer(admin().postJson("/api/v1/agencies/yiyuan/tokens",
				Map.of("name", "市级监测平台", "scopes", List.of("reports"))).json().get("token").asString());
		Http.Response below = reports.get("/api/v1/reports/oversight?agency=yiyuan-nyj");
		assertThat(below.status()).as(below.body()).isEqualTo(200);
		assertThat(below.json().get("agencyName").asString()).isEqualTo(agencies.requireByCode("yiyuan-nyj").name());
		Http intake = new Http(port).bearer(admin().postJson("/api/v1/agencies/yiyuan/tokens",
				Map.of("name", "OA-监测", "scopes", List.of("intake"))).json().get("token").asString());
		assertThat(intake.get("/api/v1/reports/oversight?agency=yiyuan-nyj").status()).isEqualTo(403);

		// the public gets nothing; an unknown agency and a missing parameter are problems
		Http.Response anonymousRead = anonymous().get("/api/v1/reports/oversight?agency=yiyuan-fgj");
		assertThat(anonymousRead.status()).isEqualTo(401);
		assertThat(anonymousRead.header("Content-Type")).contains("application/problem+json");
		assertThat(reports.get("/api/v1/reports/oversight?agency=no-such-unit").status()).isEqualTo(404);
		Http.Response missing = reports.get("/api/v1/reports/oversight");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("agency");
	}
}
