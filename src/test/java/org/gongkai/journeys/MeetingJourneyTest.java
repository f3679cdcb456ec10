package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Open meetings over real HTTP: a meeting created with its agenda through the staff API and announced; its public page,
 * the list, the feed and the 公众参与 column without the non-public agenda item; an application through the form (notice,
 * consent, honeypot, confirmation with tracking code) and one through the public API; the tracking page; the console's
 * applications queue, where approvals stop at the seats; then, once the meeting is held, the application refused as
 * closed, and the decided items recorded and published. No applicant's name or phone ever reaches a public response.
 */
abstract class MeetingJourneyTest extends JourneySupport {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String SECRET_ITEM = "县看守所改扩建选址";

	static final String APPLICANT = "赵晓燕";

	static final String APPLICANT_PHONE = "13811112222";

	static final String API_APPLICANT = "钱立新";

	static final String API_PHONE = "13933334444";

	static final String DECIDED = "会议原则同意县城老旧小区改造实施方案，由县发展改革局会同有关部门组织实施。";

	static String local(LocalDateTime t) {
		return t.toString().substring(0, 16);
	}

	long applications(long meetingId) {
		return jdbc.sql("SELECT COUNT(*) FROM pt_meeting_application WHERE meeting_id = ?").param(meetingId).query(Long.class).single();
	}

	@Test
	void announcementApplicationApprovalAndPublishedDecisions() {
		LocalDate meetingDay = LocalDate.now(CHINA).plusDays(5);
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("title", "县发展改革局局长办公会议（老旧小区改造）");
		body.put("type", "OFFICE");
		body.put("startsAt", local(meetingDay.atTime(9, 30)));
		body.put("place", "县发展改革局三楼会议室");
		body.put("advanceNotice", true);
		body.put("liveUrl", "https://live.example.cn/fgj/2026-1");
		body.put("invited", List.of("PUBLIC", "STAKEHOLDER", "MEDIA"));
		body.put("seats", 1);
		body.put("applyDeadline", local(meetingDay.minusDays(1).atTime(17, 0)));
		body.put("items", List.of(Map.of("title", "县城老旧小区改造实施方案", "proposer", "县发展改革局", "isPublic", true,
				"openToApplications", true), Map.of("title", SECRET_ITEM, "proposer", "县公安局", "isPublic", false)));
		Http editor = demo("fgj-editor");
		assertThat(anonymous().postJson("/api/v1/meetings", body).status()).isEqualTo(401);
		assertThat(demo("nyj-editor").postJson("/api/v1/meetings", body).status()).as("another agency").isEqualTo(403);
		Http.Response created = editor.postJson("/api/v1/meetings", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.json().get("items")).hasSize(2);
		long openItem = created.json().get("items").get(0).get("id").asLong();
		String page = "/participation/meetings/" + id + "/";

		// a draft is nowhere in public
		assertThat(anonymous().get(page).status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/meetings/" + id).status()).isEqualTo(404);
		assertThat(anonymous().postJson("/api/v1/public/meetings/" + id + "/applications", Map.of("name", "x")).status()).isEqualTo(404);

		// announced: the public page, the list, the column, the feed and the API, without the non-public item
		Http.Response published = editor.postJson("/api/v1/meetings/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("isPublic").asBoolean()).isTrue();
		Http.Response shown = anonymous().get(page);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.header("Set-Cookie")).isNull();
		assertThat(shown.body()).contains("县发展改革局局长办公会议（老旧小区改造）", "县城老旧小区改造实施方案", "另有1项议题依法不予公开", "直播",
				"https://live.example.cn/fgj/2026-1", "申请列席", "/participation/meetings/" + id + "/apply", "lang=\"zh-CN\"")
			.doesNotContain(SECRET_ITEM);
		for (String path : new String[] { "/participation/meetings/", "/participation/meetings/?agency=yiyuan-fgj&type=OFFICE&year="
				+ meetingDay.getYear(), "/participation/", "/agencies/yiyuan-fgj/participation/", "/participation/meetings/feed.atom" }) {
			Http.Response r = anonymous().get(path);
			assertThat(r.status()).as(path).isEqualTo(200);
			assertThat(r.body()).as(path).contains("县发展改革局局长办公会议（老旧小区改造）").doesNotContain(SECRET_ITEM);
		}
		assertThat(anonymous().get("/participation/meetings/?agency=yiyuan-nyj").body()).doesNotContain("老旧小区改造）");
		assertThat(anonymous().get("/participation/meetings/?type=NOPE").status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/").body()).contains(meetingDay + " 09:30 召开");
		JsonNode list = anonymous().get("/api/v1/public/meetings?agency=yiyuan-fgj").json();
		assertThat(list.get("total").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(list.get("items").get(0).get("upcoming").asBoolean()).isTrue();
		JsonNode one = anonymous().get("/api/v1/public/meetings/" + id).json();
		assertThat(one.get("agendaItems")).hasSize(1);
		assertThat(one.get("nonPublicItems").asInt()).isEqualTo(1);
		assertThat(one.toString()).doesNotContain(SECRET_ITEM);

		// the application form: notice, consent, honeypot; then a real application with its tracking code
		String applyPath = "/participation/meetings/" + id + "/apply";
		Http visitor = anonymous();
		Http.Response form = visitor.get(applyPath);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.header("Cache-Control")).contains("no-store");
		assertThat(form.body()).contains("name=\"_csrf\"", "name=\"homepage\"", "个人信息处理说明", "保存期限", "90日", "公众代表",
				"县城老旧小区改造实施方案").doesNotContain(SECRET_ITEM, "人大代表");
		Map<String, String> fields = new HashMap<>(Map.of("name", APPLICANT, "category", "PUBLIC", "workUnit", "历山街道",
				"phone", APPLICANT_PHONE, "items", String.valueOf(openItem), "reason", "我家在改造范围内"));
		Http.Response noConsent = visitor.postForm(applyPath, applyPath, fields, true);
		assertThat(noConsent.status()).isEqualTo(400);
		assertThat(noConsent.body()).contains("error-summary", "我已阅读并知悉", APPLICANT);
		Map<String, String> robot = new HashMap<>(fields);
		robot.put("consent", "yes");
		robot.put("homepage", "http://spam.example");
		assertThat(visitor.postForm(applyPath, applyPath, robot, true).status()).isEqualTo(200);
		assertThat(applications(id)).isZero();
		assertThat(visitor.postForm(applyPath, applyPath, Map.of("name", APPLICANT), false).status()).as("no CSRF").isEqualTo(403);
		fields.put("consent", "yes");
		Http.Response sent = visitor.postForm(applyPath, applyPath, fields, true);
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		assertThat(sent.header("Location")).endsWith("/participation/meetings/applied");
		Http.Response confirmation = visitor.get("/participation/meetings/applied");
		Matcher code = Pattern.compile("id=\"tracking-code\">(LX[A-Z0-9]{10})<").matcher(confirmation.body());
		assertThat(code.find()).as(confirmation.body()).isTrue();
		String formCode = code.group(1);
		assertThat(applications(id)).isEqualTo(1);

		// an application through the public API, a duplicate and a wrong category
		Map<String, Object> apiApplication = new HashMap<>(Map.of("name", API_APPLICANT, "category", "MEDIA", "workUnit", "沂源县融媒体中心",
				"phone", API_PHONE, "items", List.of(openItem)));
		Http.Response viaApi = anonymous().postJson("/api/v1/public/meetings/" + id + "/applications", apiApplication);
		assertThat(viaApi.status()).as(viaApi.body()).isEqualTo(201);
		assertThat(viaApi.json().get("trackingCode").asString()).startsWith("LX");
		long apiApplicationId = viaApi.json().get("id").asLong();
		assertThat(anonymous().postJson("/api/v1/public/meetings/" + id + "/applications", apiApplication).status()).isEqualTo(409);
		Map<String, Object> wrong = new HashMap<>(apiApplication);
		wrong.put("phone", "13900009999");
		wrong.put("category", "NPC_DEPUTY");
		Http.Response badCategory = anonymous().postJson("/api/v1/public/meetings/" + id + "/applications", wrong);
		assertThat(badCategory.status()).isEqualTo(400);
		assertThat(badCategory.header("Content-Type")).contains("application/problem+json");
		assertThat(badCategory.body()).contains("category");

		// the tracking page: wrong digits and right digits
		Http.Response wrongDigits = anonymous().postForm("/participation/meetings/track", "/participation/meetings/track",
				Map.of("code", formCode, "verifier", "0000"), true);
		assertThat(wrongDigits.body()).contains("未找到与查询码和手机号码后四位相符的列席申请");
		Http.Response tracked = anonymous().postForm("/participation/meetings/track", "/participation/meetings/track",
				Map.of("code", formCode, "verifier", "2222"), true);
		assertThat(tracked.status()).isEqualTo(200);
		assertThat(tracked.body()).contains("待审核", "县城老旧小区改造实施方案");

		// the console: the dashboard card, the queue with the applicants, approval within the one seat
		Http console = session("fgj-editor", DEMO_PASSWORD);
		assertThat(console.get("/console").body()).contains("会议列席申请待审核");
		assertThat(console.get("/console/participation/meetings").body()).contains("县发展改革局局长办公会议（老旧小区改造）");
		String view = "/console/participation/meetings/" + id;
		Http.Response queue = console.get(view);
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains(APPLICANT, APPLICANT_PHONE, API_APPLICANT, SECRET_ITEM);
		long formApplicationId = jdbc.sql("SELECT id FROM pt_meeting_application WHERE tracking_code = ?").param(formCode)
			.query(Long.class).single();
		Http.Response approved = console.postForm(view + "/applications/" + formApplicationId + "/approve", view, Map.of(), true);
		assertThat(approved.status()).isEqualTo(302);
		Http.Response full = editor.postJson("/api/v1/meetings/applications/" + apiApplicationId + "/approve", Map.of());
		assertThat(full.status()).as("no seat left").isEqualTo(409);
		assertThat(full.body()).contains("名额已满");
		assertThat(editor.postJson("/api/v1/meetings/applications/" + apiApplicationId + "/refuse", Map.of()).status()).isEqualTo(400);
		Http.Response refused = editor.postJson("/api/v1/meetings/applications/" + apiApplicationId + "/refuse",
				Map.of("reason", "名额已满，欢迎通过网络直播关注会议"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		assertThat(refused.json().get("status").asString()).isEqualTo("REFUSED");
		assertThat(anonymous().postForm("/participation/meetings/track", "/participation/meetings/track",
				Map.of("code", viaApi.json().get("trackingCode").asString(), "verifier", "4444"), true).body())
			.contains("未同意列席", "名额已满，欢迎通过网络直播关注会议");
		assertThat(anonymous().postForm("/participation/meetings/track", "/participation/meetings/track",
				Map.of("code", formCode, "verifier", "2222"), true).body()).contains("已同意列席");
		Http.Response csv = console.get(view + "/attendees.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains(APPLICANT, APPLICANT_PHONE).doesNotContain(API_APPLICANT);
		// every step is in the audit trail, the export of personal data too
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_type = 'Meeting' AND subject_id = ?")
			.param(String.valueOf(id)).query(String.class).list())
			.contains("meeting.created", "meeting.published", "meeting.application-received", "meeting.application-approved",
					"meeting.application-refused", "meeting.applicants-read");
		assertThat(session("gkb", DEMO_PASSWORD).get(view).body()).as("the supervisor sees no applicant")
			.contains("县发展改革局局长办公会议（老旧小区改造）").doesNotContain(APPLICANT_PHONE);

		// time passes: the meeting is held (moved into the past, as the clock would)
		LocalDateTime held = LocalDateTime.now(CHINA).minusHours(2);
		jdbc.sql("UPDATE pt_meeting SET starts_at = ?, meeting_date = ?, apply_deadline = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(held.atZone(CHINA).toInstant()), held.toLocalDate(),
					java.sql.Timestamp.from(held.minusDays(1).atZone(CHINA).toInstant()), id)
			.update();
		Map<String, String> late = new HashMap<>(fields);
		late.put("phone", "13877776666");
		// the form, opened before the deadline, is sent after it (the closed form page has no form: the token comes from another)
		Http.Response closed = visitor.postForm(applyPath, "/participation/meetings/track", late, true);
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.body()).contains("已截止");
		Map<String, Object> lateApi = new HashMap<>(apiApplication);
		lateApi.put("phone", "13877775555");
		assertThat(anonymous().postJson("/api/v1/public/meetings/" + id + "/applications", lateApi).status()).isEqualTo(409);

		// the decided item, recorded through the API and through the console, then published
		Http.Response decided = editor.postJson("/api/v1/meetings/" + id + "/decided-items",
				Map.of("itemId", openItem, "content", DECIDED));
		assertThat(decided.status()).as(decided.body()).isEqualTo(201);
		Http.Response badLink = editor.postJson("/api/v1/meetings/" + id + "/decided-items",
				Map.of("content", "另行研究。", "links", List.of(Map.of("kind", "decision", "id", 999999))));
		assertThat(badLink.status()).isEqualTo(400);
		assertThat(badLink.body()).contains("links");
		Http.Response standalone = console.postForm(view + "/decided", view, Map.of("itemId", "", "content", "会议要求做好群众宣传解释工作。"), true);
		assertThat(standalone.status()).isEqualTo(302);
		assertThat(anonymous().get(page).body()).doesNotContain(DECIDED);
		long standaloneId = jdbc.sql("SELECT id FROM pt_meeting_decided WHERE meeting_id = ? AND item_id IS NULL").param(id)
			.query(Long.class).single();
		assertThat(console.postForm(view + "/decided/" + standaloneId, view, Map.of("itemId", "", "content",
				"会议要求做好群众宣传解释工作，及时回应群众关切。", "linkTyped", ""), true).status()).isEqualTo(302);
		assertThat(console.postForm(view + "/decided/" + standaloneId, view, Map.of("itemId", "", "content", ""), true).status())
			.isEqualTo(400);
		assertThat(console.get("/console").body()).contains("会议议定事项待公开");
		Http.Response outcome = editor.postJson("/api/v1/meetings/" + id + "/outcome/publish", Map.of());
		assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
		Http.Response after = anonymous().get(page);
		assertThat(after.body()).contains("议定事项", DECIDED, "会议要求做好群众宣传解释工作，及时回应群众关切").doesNotContain(SECRET_ITEM, "href=\"" + applyPath + "\"");
		assertThat(anonymous().get("/api/v1/public/meetings/" + id).json().get("decidedItems")).hasSize(2);
		assertThat(anonymous().get("/participation/meetings/").body()).contains("已公开议定事项2项");

		// nothing personal anywhere public
		for (String path : new String[] { page, "/participation/meetings/", "/participation/meetings/feed.atom", "/participation/",
				"/api/v1/public/meetings/" + id, "/api/v1/public/meetings" }) {
			assertThat(anonymous().get(path).body()).as(path).doesNotContain(APPLICANT, APPLICANT_PHONE, API_APPLICANT, API_PHONE);
		}

		// withdrawn: gone from the portal
		assertThat(editor.postJson("/api/v1/meetings/" + id + "/withdraw", Map.of()).status()).isEqualTo(400);
		assertThat(editor.postJson("/api/v1/meetings/" + id + "/withdraw", Map.of("reason", "会议信息有误，更正后重新发布")).status())
			.isEqualTo(200);
		assertThat(anonymous().get(page).status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/meetings/" + id).status()).isEqualTo(404);
		assertThat(anonymous().get("/participation/meetings/").body()).doesNotContain("老旧小区改造）");
		// the approved applicant is told the meeting was withdrawn, not asked to come
		assertThat(anonymous().postForm("/participation/meetings/track", "/participation/meetings/track",
				Map.of("code", formCode, "verifier", "2222"), true).body())
			.contains("会议已撤回", "会议信息有误，更正后重新发布").doesNotContain("请按会议时间携带有效身份证件");
	}
	@Test
	void theConsolePreparesAMeetingWithItsAgendaAndMaterials() {
		Http console = session("fgj-editor", DEMO_PASSWORD);
		String base = "/console/participation/meetings";
		Http.Response blank = console.get(base + "/new");
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("会议名称", "会议类型", "公开报名名额", "报名截止时间", "利益相关方", "法律顾问");
		LocalDate day = LocalDate.now(CHINA).plusDays(10);
		Map<String, String> form = new HashMap<>(Map.of("agency", "yiyuan-fgj", "title", "县发展改革局专题会议（价格听证）", "type",
				"TOPICAL", "startsAt", local(day.atTime(14, 30)), "place", "县政务服务中心", "advanceNotice", "true", "liveUrl",
				"ftp://live.example.cn/x", "seats", "3", "applyDeadline", local(day.atTime(15, 0))));
		Http.Response bad = console.postForm(base + "/new", base + "/new", form, true);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("直播地址须以 https:// 开头", "报名截止时间应早于会议开始时间", "请选择邀请列席的人员类别",
				"县发展改革局专题会议（价格听证）");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_meeting WHERE title = ?").param("县发展改革局专题会议（价格听证）").query(Long.class).single())
			.isZero();
		form.put("liveUrl", "");
		form.put("seats", "0");
		form.put("applyDeadline", "");
		Http.Response created = console.postForm(base + "/new", base + "/new", form, true);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String view = created.header("Location").replaceFirst("^https?://[^/]+", "");
		long id = Long.parseLong(view.substring(view.lastIndexOf('/') + 1));
		assertThat(console.postForm(view + "/publish", view, Map.of(), true).status()).isEqualTo(302);
		assertThat(console.get(view).body()).as("no agenda yet").contains("请先填写会议议题");
		assertThat(console.postForm(view + "/items", view, Map.of("itemTitle", "", "isPublic", "true"), true).status()).isEqualTo(400);
		assertThat(console.postForm(view + "/items", view, Map.of("itemTitle", "居民用水价格调整方案", "proposer", "县发展改革局", "isPublic",
				"true"), true).status()).isEqualTo(302);
		assertThat(console.postFile(view + "/materials", view, Map.of("materialTitle", "价格调整方案说明"), "说明.txt",
				"调整方案说明全文".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(302);
		assertThat(console.postForm(view + "/materials", view, Map.of("materialTitle", "成本监审报告", "url", "https://www.example.cn/report"),
				true).status()).isEqualTo(302);
		Http.Response edit = console.get(view + "/edit");
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.body()).contains("县发展改革局专题会议（价格听证）");
		assertThat(console.postForm(view + "/publish", view, Map.of(), true).status()).isEqualTo(302);
		Http.Response page = anonymous().get("/participation/meetings/" + id + "/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("居民用水价格调整方案", "价格调整方案说明", "https://www.example.cn/report").doesNotContain("另有");
		Matcher file = Pattern.compile("href=\"(/participation/meetings/" + id + "/materials/\\d+)\"").matcher(page.body());
		assertThat(file.find()).isTrue();
		Http.Response download = anonymous().get(file.group(1));
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("调整方案说明全文");
		assertThat(anonymous().get("/participation/meetings/" + id + "/apply").status()).as("no seats open").isEqualTo(409);
		Http.Response withdrawn = console.postForm(view + "/withdraw", view, Map.of("reason", "听证会改期"), true);
		assertThat(withdrawn.status()).isEqualTo(302);
		assertThat(anonymous().get(file.group(1)).status()).isEqualTo(404);
	}
}
