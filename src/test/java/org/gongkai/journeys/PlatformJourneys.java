package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.CreditCode;
import org.gongkai.platform.StaticSite;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys of the foundation over real HTTP: calendar, organisation, identity, audit and
 * the portal shell. Each subclass runs them on one database: the embedded H2 default and a real PostgreSQL.
 */
abstract class PlatformJourneys extends JourneySupport {

	// ---- calendar -------------------------------------------------------------------------------

	@Test
	void calendarAnswersTheContractExample() {
		JsonNode due = anonymous().get("/api/v1/public/calendar/working-days?from=2025-09-25&add=20").json();
		assertThat(due.get("from").asString()).isEqualTo("2025-09-25");
		assertThat(due.get("add").asInt()).isEqualTo(20);
		assertThat(due.get("due").asString()).isEqualTo("2025-10-29");
		assertThat(due.get("provisional").asBoolean()).isFalse();
		assertThat(anonymous().get("/api/v1/public/calendar/working-days?from=2026-02-10&add=20").json().get("due").asString())
			.isEqualTo("2026-03-16");
	}

	@Test
	void calendarRefusesAYearWhoseNoticeIsNotLoaded() {
		Http.Response r = anonymous().get("/api/v1/public/calendar/working-days?from=2026-12-20&add=20");
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.json().get("title").asString()).isEqualTo("无法计算");
		assertThat(r.json().get("detail").asString()).contains("2027年的法定节假日安排尚未录入");
		JsonNode provisional = anonymous().get("/api/v1/public/calendar/working-days?from=2026-12-20&add=20&provisional=true").json();
		assertThat(provisional.get("provisional").asBoolean()).isTrue();
	}

	@Test
	void calendarYearShowsItsDaysAndSource() {
		JsonNode year = anonymous().get("/api/v1/public/calendar/2026").json();
		assertThat(year.get("source").asString()).contains("2026年部分节假日安排");
		assertThat(year.get("holidays").toString()).contains("2026-02-16").doesNotContain("2026-02-14");
		assertThat(year.get("makeupWorkdays")).hasSize(6);
		assertThat(anonymous().get("/api/v1/public/calendar/2031").status()).isEqualTo(404);
	}

	@Test
	void malformedQueriesGetFieldProblems() {
		Http.Response r = anonymous().get("/api/v1/public/calendar/working-days?from=yesterday&add=20");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
		assertThat(anonymous().get("/api/v1/public/calendar/working-days?from=2026-01-05").json().get("errors").get(0)
			.get("field").asString()).isEqualTo("add");
	}

	@Test
	void onlyASystemAdministratorLoadsAYearAndABadYearSavesNothing() {
		Map<String, Object> bad = Map.of("source", "《国务院办公厅关于2030年部分节假日安排的通知》", "holidays",
				List.of(Map.of("date", "2030-01-01", "name", "元旦")), "makeupWorkdays", List.of("2030-01-02"));
		assertThat(demo("gkb").putJson("/api/v1/calendar/2030", bad).status()).isEqualTo(403);
		Http.Response refused = admin().putJson("/api/v1/calendar/2030", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("2030-01-02 不是周六或周日");
		assertThat(anonymous().get("/api/v1/public/calendar/2030").status()).isEqualTo(404);

		Map<String, Object> good = Map.of("source", "《国务院办公厅关于2030年部分节假日安排的通知》", "holidays",
				List.of(Map.of("date", "2030-01-01", "name", "元旦")), "makeupWorkdays", List.of("2030-01-05"));
		assertThat(admin().putJson("/api/v1/calendar/2030", good).status()).isEqualTo(200);
		// 2030-01-01 is a Tuesday holiday and Saturday 01-05 is worked: +3 from 12-31 (Tue) → 01-03? no:
		// counting from 01-01: off; 01-02 (1), 01-03 (2), 01-04 (3)
		assertThat(anonymous().get("/api/v1/public/calendar/working-days?from=2030-01-01&add=4").json().get("due").asString())
			.isEqualTo("2030-01-05");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'calendar.year-loaded' AND subject_id = '2030'")
			.query(Long.class).single()).isEqualTo(1);
	}

	// ---- authentication and scoping ----------------------------------------------------------------

	@Test
	void writesWithoutCredentialsAnswer401AndConsoleRedirectsToLogin() {
		Http.Response r = anonymous().postJson("/api/v1/agencies", newDepartment("anon-x", "匿名", null));
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.json().get("title").asString()).isEqualTo("需要登录");
		assertThat(anonymous().putJson("/api/v1/agencies/yiyuan-fgj/disclosure-office", Map.of("name", "x")).status())
			.isEqualTo(401);
		Http.Response console = anonymous().get("/console/agencies");
		assertThat(console.status()).isEqualTo(302);
		assertThat(console.header("Location")).endsWith("/login");
		assertThat(api("admin", "wrong-password-1").get("/api/v1/me").status()).isEqualTo(401);
		JsonNode me = admin().get("/api/v1/me").json();
		assertThat(me.get("grants").get(0).get("role").asString()).isEqualTo("SYSTEM_ADMIN");
		assertThat(me.get("grants").get(0).get("agencyId").isNull()).isTrue();
		assertThat(agencies.requireByCode("yiyuan").parentId()).isNull();
	}

	@Test
	void anEditorCannotReadOrChangeAnotherDepartmentsRecords() {
		long nyj = agencies.requireByCode("yiyuan-nyj").id();
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		Http editor = demo("fgj-editor");
		assertThat(editor.putJson("/api/v1/agencies/yiyuan-nyj/disclosure-office", Map.of("name", "改名")).status())
			.isEqualTo(403);
		assertThat(editor.putJson("/api/v1/agencies/yiyuan-nyj", Map.of("name", "改名", "level", "COUNTY", "type",
				"DEPARTMENT")).status()).isEqualTo(403);
		assertThat(editor.postJson("/api/v1/agencies", newDepartment("ed-x", "编辑新建", null)).status()).isEqualTo(403);

		Http console = session("fgj-editor", DEMO_PASSWORD);
		Http.Response other = console.get("/console/agencies/" + nyj);
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.body()).contains("没有权限").doesNotContain("Exception");
		assertThat(console.get("/console/agencies/" + fgj).status()).isEqualTo(200);
		assertThat(console.get("/console/agencies").body()).contains("沂源县发展和改革局").doesNotContain("沂源县农业农村局");
		assertThat(agencies.office(nyj).name()).isNotEqualTo("改名");
	}

	@Test
	void anAgencyAdministratorKeepsItsOwnGuideUpToDate() {
		Http fgjAdmin = demo("fgj-admin");
		Map<String, Object> office = Map.of("name", "县发展改革局办公室", "address", "沂源县振兴路88号", "officeHours",
				"工作日 8:30—17:30", "phone", "0533-3999001", "email", "fgj@yiyuan.example.gov.cn", "supervisionPhone",
				"0533-3241234", "leaderName", "韩志刚", "leaderTitle", "副局长", "divisionOfWork", "分管政务公开");
		Http.Response saved = fgjAdmin.putJson("/api/v1/agencies/yiyuan-fgj/disclosure-office", office);
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("updatedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(fgjAdmin.putJson("/api/v1/agencies/yiyuan-nyj/disclosure-office", office).status()).isEqualTo(403);
		Http.Response invalid = fgjAdmin.putJson("/api/v1/agencies/yiyuan-fgj/disclosure-office",
				Map.of("name", "县发展改革局办公室", "email", "not-an-email", "postcode", "12"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("电子邮箱格式不正确", "邮政编码应为6位数字");
		assertThat(agencies.office(agencies.requireByCode("yiyuan-fgj").id()).phone()).isEqualTo("0533-3999001");

		// the public guide shows the new data once the static site has caught up with the event
		Path guide = site.fileFor("/agencies/yiyuan-fgj/guide/").orElseThrow();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Files.readString(guide)).contains("0533-3999001"));
		assertThat(anonymous().get("/agencies/yiyuan-fgj/guide/").body()).contains("0533-3999001", "更新日期");
	}

	@Test
	void aSupervisorCreatesADepartmentThatAppearsInThePublicDirectory() {
		String credit = creditCode("11370323004399001");
		Http.Response created = demo("gkb").postJson("/api/v1/agencies",
				newDepartment("yiyuan-tjj", "沂源县统计局", credit));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/api/v1/public/agencies/yiyuan-tjj");
		assertThat(anonymous().get("/api/v1/public/agencies").body()).contains("沂源县统计局");
		Path directory = site.fileFor("/agencies/").orElseThrow();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(Files.readString(directory)).contains("沂源县统计局");
			assertThat(site.fileFor("/agencies/yiyuan-tjj/guide/").orElseThrow()).exists();
		});
		// the same code twice is refused, and the supervisor of one county cannot create a root
		Http.Response again = demo("gkb").postJson("/api/v1/agencies", newDepartment("yiyuan-tjj", "重复", null));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body()).contains("已被使用");
		assertThat(demo("gkb").postJson("/api/v1/agencies", Map.of("code", "root-x", "name", "另一县", "level", "COUNTY",
				"type", "PEOPLES_GOVERNMENT", "creditCode", creditCode("11370324004399002"))).status()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedWithFieldMessagesAndNothingIsSaved() {
		Http.Response r = admin().postJson("/api/v1/agencies",
				Map.of("code", "Bad Code", "name", "", "type", "DEPARTMENT", "parentCode", "yiyuan", "creditCode",
						"91350100M000100Y44"));
		assertThat(r.status()).isEqualTo(400);
		JsonNode errors = r.json().get("errors");
		assertThat(errors.toString()).contains("\"code\"", "\"name\"", "\"level\"", "\"creditCode\"", "校验位不正确");
		assertThat(agencies.findByCode("Bad Code")).isEmpty();
		Http.Response notJson = admin().postJson("/api/v1/agencies", "{not json");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().get("detail").asString()).contains("JSON");
		Http.Response badEnum = admin().postJson("/api/v1/agencies", Map.of("code", "x-enum", "name", "枚举", "level",
				"GALAXY", "type", "DEPARTMENT", "parentCode", "yiyuan"));
		assertThat(badEnum.status()).isEqualTo(400);
		assertThat(badEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
	}

	@Test
	void integrationTokensAreScopedShownOnceAndRevocable() {
		Http.Response issued = demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "OA系统", "scopes", List.of("intake")));
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		long id = issued.json().get("id").asLong();
		assertThat(token).startsWith("gk_");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM id_api_token WHERE token_hash = ? OR token_prefix = ?")
			.params(token, token).query(Long.class).single()).isZero();

		JsonNode me = new Http(port).bearer(token).get("/api/v1/me").json();
		assertThat(me.get("token").asBoolean()).isTrue();
		assertThat(me.get("agency").asString()).isEqualTo("yiyuan-fgj");
		assertThat(me.get("scopes").toString()).contains("intake");
		assertThat(demo("fgj-admin").get("/api/v1/agencies/yiyuan-fgj/tokens").body()).contains("OA系统").doesNotContain(token);
		assertThat(session("fgj-admin", DEMO_PASSWORD).get("/console/tokens").body()).contains("签发新令牌", "OA系统")
			.doesNotContain(token);

		assertThat(demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-nyj/tokens",
				Map.of("name", "OA", "scopes", List.of("intake"))).status()).isEqualTo(403);
		assertThat(demo("fgj-editor").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "OA", "scopes", List.of("intake"))).status()).isEqualTo(403);
		assertThat(demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "OA", "scopes", List.of("everything"))).status()).isEqualTo(400);

		assertThat(demo("fgj-admin").delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
		assertThat(new Http(port).bearer(token).get("/api/v1/me").status()).isEqualTo(401);
		assertThat(new Http(port).bearer("gk_forged").get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void repeatedWrongPasswordsLockTheAccount() {
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		Http.Response created = admin().postJson("/api/v1/accounts", Map.of("username", "lock-me", "displayName", "锁定测试",
				"agencyId", fgj, "password", "Tr0ub4dor-2026", "grants", List.of(Map.of("role", "EDITOR", "agencyId", fgj))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(api("lock-me", "Tr0ub4dor-2026").get("/api/v1/me").status()).isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(api("lock-me", "wrong-" + i).get("/api/v1/me").status()).isEqualTo(401);
		}
		assertThat(api("lock-me", "Tr0ub4dor-2026").get("/api/v1/me").status()).isEqualTo(401);
		Http form = new Http(port);
		assertThat(form.login("lock-me", "Tr0ub4dor-2026").header("Location")).endsWith("/login?error=locked");
		assertThat(form.get("/login?error=locked").body()).contains("账号已被锁定");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'account.locked'").query(Long.class).single())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void formLoginNeedsTheCsrfTokenAndTheDashboardFollowsTheRole() {
		Http noToken = new Http(port);
		assertThat(noToken.postForm("/login", "/login", Map.of("username", "admin", "password", ADMIN_PASSWORD), false)
			.status()).isEqualTo(403);
		Http adminSession = session("admin", ADMIN_PASSWORD);
		String dashboard = adminSession.get("/console").body();
		assertThat(dashboard).contains("工作台", "单位管理", "账号管理", "审计日志", "工作日历");
		String editorDashboard = session("fgj-editor", DEMO_PASSWORD).get("/console").body();
		assertThat(editorDashboard).contains("工作台", "单位管理").doesNotContain("账号管理", "审计日志");
		assertThat(new Http(port).login("admin", "nope-nope-1").header("Location")).endsWith("/login?error=bad");
	}

	@Test
	void aConsoleFormShowsChineseMessagesAndKeepsNothing() {
		Http console = session("admin", ADMIN_PASSWORD);
		Http.Response page = console.postForm("/console/agencies/new", "/console/agencies/new",
				Map.of("parentCode", "yiyuan", "name", "沂源县测试局", "code", "yiyuan-csj", "level", "COUNTY", "type",
						"DEPARTMENT", "creditCode", "91350100M000100Y44"),
				true);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("统一社会信用代码校验位不正确", "提交的内容有误");
		assertThat(agencies.findByCode("yiyuan-csj")).isEmpty();
	}

	@Test
	void theAuditTrailRecordsChangesAndIsReadOnlyByThoseWhoSupervise() {
		Http console = session("admin", ADMIN_PASSWORD);
		assertThat(console.postForm("/console/agencies/new", "/console/agencies/new",
				Map.of("parentCode", "yiyuan", "name", "沂源县审计局", "code", "yiyuan-sjj", "level", "COUNTY", "type",
						"DEPARTMENT", "creditCode", creditCode("11370323004399003")),
				true).status()).isEqualTo(302);
		String audit = console.get("/console/audit?action=agency.created&q=%E5%AE%A1%E8%AE%A1%E5%B1%80").body();
		assertThat(audit).contains("新增单位 沂源县审计局", "admin");
		assertThat(session("fgj-editor", DEMO_PASSWORD).get("/console/audit").status()).isEqualTo(403);
		// a supervisor sees the county's entries
		assertThat(session("gkb", DEMO_PASSWORD).get("/console/audit?q=%E5%AE%A1%E8%AE%A1%E5%B1%80").body())
			.contains("新增单位 沂源县审计局");
	}

	@Test
	void anAgencyAdministratorGrantsOnlyOrdinaryRolesInItsOwnAgency() {
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		long nyj = agencies.requireByCode("yiyuan-nyj").id();
		Http fgjAdmin = demo("fgj-admin");
		assertThat(fgjAdmin.postJson("/api/v1/accounts", Map.of("username", "fgj-new-editor", "displayName", "新编辑",
				"agencyId", fgj, "password", "Xin-Bianji-2026", "grants", List.of(Map.of("role", "EDITOR", "agencyId", fgj))))
			.status()).isEqualTo(201);
		assertThat(fgjAdmin.postJson("/api/v1/accounts", Map.of("username", "fgj-new-sup", "displayName", "越权",
				"agencyId", fgj, "password", "Yue-Quan-2026x", "grants",
				List.of(Map.of("role", "SUPERVISOR", "agencyId", fgj)))).status()).isEqualTo(403);
		assertThat(fgjAdmin.postJson("/api/v1/accounts", Map.of("username", "nyj-new-editor", "displayName", "越权",
				"agencyId", nyj, "password", "Yue-Quan-2026x", "grants", List.of(Map.of("role", "EDITOR", "agencyId", nyj))))
			.status()).isEqualTo(403);
		Http.Response weak = admin().postJson("/api/v1/accounts", Map.of("username", "weak-pw", "displayName", "弱密码",
				"agencyId", fgj, "password", "12345", "grants", List.of(Map.of("role", "EDITOR", "agencyId", fgj))));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("密码至少需要10位");
		assertThat(api("fgj-new-editor", "Xin-Bianji-2026").get("/api/v1/me").json().get("agency").asString())
			.isEqualTo("yiyuan-fgj");
	}

	@Test
	void staffChangeTheirOwnPassword() {
		long lucun = agencies.requireByCode("yiyuan-lucun").id();
		assertThat(admin().postJson("/api/v1/accounts", Map.of("username", "pw-changer", "displayName", "改密码",
				"agencyId", lucun, "password", "Old-Secret-2026", "grants", List.of(Map.of("role", "EDITOR", "agencyId", lucun))))
			.status()).isEqualTo(201);
		Http console = session("pw-changer", "Old-Secret-2026");
		Http.Response wrong = console.postForm("/console/password", "/console/password",
				Map.of("currentPassword", "not-it-2026", "newPassword", "New-Secret-2026", "confirmation", "New-Secret-2026"), true);
		assertThat(wrong.body()).contains("当前密码不正确");
		Http.Response mismatch = console.postForm("/console/password", "/console/password",
				Map.of("currentPassword", "Old-Secret-2026", "newPassword", "New-Secret-2026", "confirmation", "Other-2026x"), true);
		assertThat(mismatch.body()).contains("两次输入的新密码不一致");
		assertThat(console.postForm("/console/password", "/console/password", Map.of("currentPassword", "Old-Secret-2026",
				"newPassword", "New-Secret-2026", "confirmation", "New-Secret-2026"), true).status()).isEqualTo(302);
		assertThat(api("pw-changer", "Old-Secret-2026").get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api("pw-changer", "New-Secret-2026").get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorLoadsAYearFromThePastedNotice() {
		Http console = session("admin", ADMIN_PASSWORD);
		String notice = "一、元旦：1月1日（周二）放假1天。\n二、春节：2月2日（周六）至8日（周五）放假调休，共7天。1月27日（周日）上班。";
		Http.Response preview = console.postForm("/console/calendar/edit", "/console/calendar/edit?year=2029",
				Map.of("year", "2029", "source", "测试通知", "notice", notice, "action", "parse"), true);
		assertThat(preview.body()).contains("2029-02-02 春节", "2029-01-27").contains("请逐一核对后保存");
		assertThat(anonymous().get("/api/v1/public/calendar/2029").status()).isEqualTo(404);
		assertThat(console.postForm("/console/calendar/edit", "/console/calendar/edit?year=2029",
				Map.of("year", "2029", "source", "测试通知", "holidays", "2029-01-01 元旦\n2029-02-02 春节", "makeups",
						"2029-01-27", "action", "save"), true).status()).isEqualTo(302);
		assertThat(anonymous().get("/api/v1/public/calendar/2029").json().get("makeupWorkdays").toString())
			.contains("2029-01-27");
	}

	@Test
	void aSessionEndsWhenItsAccountIsResetAndPeersCannotTakeEachOtherOver() {
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		JsonNode second = admin().postJson("/api/v1/accounts", Map.of("username", "fgj-admin2", "displayName", "第二管理员",
				"agencyId", fgj, "password", "Second-Admin-2026", "grants", List.of(Map.of("role", "AGENCY_ADMIN", "agencyId", fgj))))
			.json();
		long secondId = second.get("id").asLong();
		// an agency administrator may neither take over another administrator nor create one
		Http fgjAdmin = session("fgj-admin", DEMO_PASSWORD);
		assertThat(fgjAdmin.postForm("/console/accounts/" + secondId + "/reset-password", "/console/accounts", Map.of(), true)
			.status()).isEqualTo(403);
		assertThat(demo("fgj-admin").postJson("/api/v1/accounts", Map.of("username", "fgj-admin3", "displayName", "越权",
				"agencyId", fgj, "password", "Third-Admin-2026", "grants", List.of(Map.of("role", "AGENCY_ADMIN", "agencyId", fgj))))
			.status()).isEqualTo(403);

		Http secondSession = session("fgj-admin2", "Second-Admin-2026");
		assertThat(secondSession.get("/console").status()).isEqualTo(200);
		Http adminConsole = session("admin", ADMIN_PASSWORD);
		assertThat(adminConsole.postForm("/console/accounts/" + secondId + "/reset-password", "/console/accounts/" + secondId,
				Map.of(), true).status()).isEqualTo(302);
		Http.Response after = secondSession.get("/console");
		assertThat(after.status()).isEqualTo(302);
		assertThat(after.header("Location")).endsWith("/login");
	}

	@Test
	void aTokenOfAnAbolishedAgencyStopsWorkingAndStaffEmailsStayPrivate() {
		assertThat(admin().postJson("/api/v1/agencies", newDepartment("yiyuan-gone", "沂源县将撤销局",
				creditCode("11370323004399006"))).status()).isEqualTo(201);
		String token = admin().postJson("/api/v1/agencies/yiyuan-gone/tokens", Map.of("name", "OA", "scopes", List.of("intake")))
			.json().get("token").asString();
		assertThat(new Http(port).bearer(token).get("/api/v1/me").status()).isEqualTo(200);
		long id = agencies.requireByCode("yiyuan-gone").id();
		assertThat(session("admin", ADMIN_PASSWORD).postForm("/console/agencies/" + id + "/deactivate", "/console/agencies/" + id,
				Map.of(), true).status()).isEqualTo(302);
		assertThat(new Http(port).bearer(token).get("/api/v1/me").status()).isEqualTo(401);

		JsonNode detail = anonymous().get("/api/v1/public/agencies/yiyuan-fgj").json();
		assertThat(detail.get("contacts").get(0).has("phone")).isTrue();
		assertThat(detail.get("contacts").get(0).has("email")).isFalse();
	}

	// ---- portal ------------------------------------------------------------------------------------

	@Test
	void everyPortalPageCarriesTheSiteTagsAndSetsNoCookie() {
		for (String path : List.of("/", "/agencies/", "/agencies/yiyuan/", "/agencies/yiyuan/guide/")) {
			Http.Response r = anonymous().get(path);
			assertThat(r.status()).as(path).isEqualTo(200);
			assertThat(r.body()).as(path)
				.contains("<html lang=\"zh-CN\">", "name=\"SiteIDCode\" content=\"3703230001\"", "name=\"SiteName\"",
						"name=\"ColumnType\"", "我为政府网站找错", "网站标识码", "跳到主要内容", "id=\"elder-toggle\"");
			assertThat(r.header("Set-Cookie")).as(path).isNull();
		}
		String column = anonymous().get("/agencies/yiyuan-fgj/").body();
		assertThat(column).contains("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开工作年度报告");
		String guide = anonymous().get("/agencies/yiyuan-lucun/guide/").body();
		assertThat(guide).contains("办公地址", "办公时间", "联系电话", "分管负责人", "监督电话", "更新日期", "第二十一条");
		assertThat(anonymous().get("/sitemap.xml").body()).contains("/agencies/yiyuan-fgj/guide/");
	}

	@Test
	void unknownAddressesGetChineseErrors() {
		Http.Response page = anonymous().get("/agencies/no-such-agency/");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("您访问的页面不存在").doesNotContain("Exception", "at org.");
		Http.Response api = anonymous().get("/api/v1/public/nothing-here");
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.json().get("title").asString()).isEqualTo("未找到");
	}

	@Test
	void anAbolishedAgencyLeavesEveryPublicSurface() {
		Http console = session("admin", ADMIN_PASSWORD);
		String code = "yiyuan-xzj";
		assertThat(admin().postJson("/api/v1/agencies", newDepartment(code, "沂源县撤并局", creditCode("11370323004399004")))
			.status()).isEqualTo(201);
		Path page = site.fileFor("/agencies/" + code + "/").orElseThrow();
		await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(page));
		long id = agencies.requireByCode(code).id();
		assertThat(console.postForm("/console/agencies/" + id + "/deactivate", "/console/agencies/" + id, Map.of(), true)
			.status()).isEqualTo(302);
		assertThat(anonymous().get("/api/v1/public/agencies").body()).doesNotContain(code);
		assertThat(anonymous().get("/api/v1/public/agencies/" + code).status()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(page).doesNotExist();
			assertThat(Files.readString(site.fileFor("/agencies/").orElseThrow())).doesNotContain("沂源县撤并局");
			assertThat(Files.readString(site.fileFor("/sitemap.xml").orElseThrow())).doesNotContain(code);
		});
		assertThat(anonymous().get("/agencies/" + code + "/").status()).isEqualTo(404);
		// the record and its history stay
		assertThat(agencies.findByCode(code)).isPresent();
	}

	@Test
	void theOpenApiDescriptionCoversTheContract() {
		String spec = anonymous().get("/v3/api-docs").body();
		assertThat(spec).contains("/api/v1/public/calendar/working-days", "/api/v1/public/calendar/{year}",
				"/api/v1/public/agencies", "/api/v1/agencies/{code}/tokens", "Gongkai");
	}
}
