package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The public side of 互动交流 over real HTTP: a message sent through the public API with a resident ID number
 * and a mobile number in its text, accepted and assigned by the county, answered by the department, then
 * published everywhere with both numbers masked and without the sender; a message the sender did not allow
 * to be published that never appears; the form with its notice, errors, honeypot and confirmation; the
 * tracking page that answers a wrong code and wrong digits alike; and the monthly statistics.
 */
abstract class MessageJourneyTest extends JourneySupport {

	static final String NOT_FOUND = "未找到与查询码和联系电话后四位相符的留言";

	static final String SENDER = "张秀兰";

	static final String SENDER_PHONE = "13966668888";

	static final String MOBILE_IN_TEXT = "13812345678";

	static final String WRITE = "/interaction/write?agency=yiyuan";

	/** An 18-character resident ID number with its GB 11643 check character. */
	static String residentId(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	static Map<String, Object> message(String title, String content, boolean publicAllowed) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan");
		body.put("type", "CONSULTATION");
		body.put("title", title);
		body.put("content", content);
		body.put("name", SENDER);
		body.put("phone", SENDER_PHONE);
		body.put("email", "zxl@example.cn");
		body.put("publicAllowed", publicAllowed);
		return body;
	}

	long messages() {
		return jdbc.sql("SELECT COUNT(*) FROM ia_message").query(Long.class).single();
	}

	@Test
	void aRepliedMessageIsPublishedEverywhereMaskedAndWithoutItsSender() {
		String id = residentId("37032319850612003");
		assertThat(org.gongkai.platform.ResidentIds.isValid(id)).isTrue();
		String title = "关于历山路夜间施工噪音的咨询";
		Http.Response sent = anonymous().postJson("/api/v1/public/messages", message(title,
				"历山路夜间施工噪音很大，我是附近居民（身份证号" + id + "），请问施工许可允许到几点？可以联系" + MOBILE_IN_TEXT + "。", true));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		long messageId = sent.json().get("id").asLong();
		String code = sent.json().get("trackingCode").asString();
		assertThat(code).startsWith("LY").hasSize(12);

		// nothing is public before the reply
		assertThat(anonymous().get("/api/v1/public/messages/" + messageId).status()).isEqualTo(404);
		assertThat(anonymous().get("/interaction/messages/" + messageId + "/").status()).isEqualTo(404);

		// the county accepts and assigns it to the department; only its staff see the sender
		Http county = demo("hd-handler");
		Http.Response accepted = county.postJson("/api/v1/messages/" + messageId + "/accept", Map.of());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.json().get("sender").get("phone").asString()).isEqualTo(SENDER_PHONE);
		assertThat(anonymous().postJson("/api/v1/messages/" + messageId + "/accept", Map.of()).status()).isEqualTo(401);
		Http.Response assigned = county.postJson("/api/v1/messages/" + messageId + "/assign",
				Map.of("agency", "yiyuan-fgj", "note", "请发展改革局答复"));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		assertThat(assigned.json().get("handlingAgency").asString()).isEqualTo("yiyuan-fgj");
		assertThat(county.postJson("/api/v1/messages/" + messageId + "/reply", Map.of("content", "县政府代为答复的内容")).status())
			.as("the county no longer handles it").isEqualTo(403);

		// the department replies (quoting the number) and the message becomes public
		Http department = demo("fgj-messages");
		Http.Response replied = department.postJson("/api/v1/messages/" + messageId + "/reply", Map.of("content",
				"经核查，该工程夜间施工已办理许可，施工时间至22时。施工单位已承诺降噪，现场负责人电话" + MOBILE_IN_TEXT + "。"));
		assertThat(replied.status()).as(replied.body()).isEqualTo(200);
		assertThat(replied.json().get("status").asString()).isEqualTo("REPLIED");
		assertThat(replied.json().get("isPublic").asBoolean()).isTrue();
		String departmentName = agencies.requireByCode("yiyuan-fgj").name();
		String itemPath = "/interaction/messages/" + messageId + "/";

		// the public entry: the four published fields, both numbers masked, no sender, no cookie
		Http.Response page = anonymous().get(itemPath);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Set-Cookie")).isNull();
		assertThat(page.body()).contains(title, "受理日期", "答复日期", "答复部门", "答复内容", departmentName, "施工时间至22时",
				id.substring(0, 6) + "********" + id.substring(14), "138****5678", "lang=\"zh-CN\"", "跳到主要内容",
				"href=\"/interaction/\"");
		assertNothingPersonal(page.body(), id);

		// the lists, filtered and not, the agency's column, and the feeds
		for (String path : new String[] { "/interaction/messages/", "/interaction/messages/?agency=yiyuan-fgj&type=CONSULTATION",
				"/interaction/messages/?agency=yiyuan", "/agencies/yiyuan-fgj/interaction/", "/interaction/" }) {
			Http.Response list = anonymous().get(path);
			assertThat(list.status()).as(path).isEqualTo(200);
			assertThat(list.header("Set-Cookie")).as(path).isNull();
			assertThat(list.body()).as(path).contains(title, "href=\"" + itemPath + "\"", departmentName);
			assertNothingPersonal(list.body(), id);
		}
		assertThat(anonymous().get("/interaction/messages/?type=HELP").body()).doesNotContain(title);
		assertThat(anonymous().get("/interaction/messages/?type=NOPE").status()).isEqualTo(404);
		assertThat(anonymous().get("/agencies/yiyuan-fgj/interaction/").body()).contains("aria-current=\"page\"", "互动交流",
				"/interaction/write?agency=yiyuan-fgj");
		assertThat(anonymous().get("/agencies/yiyuan-fgj/").body()).contains("href=\"/agencies/yiyuan-fgj/interaction/\"");
		for (String feed : new String[] { "/interaction/messages/feed.atom", "/agencies/yiyuan-fgj/interaction/feed.atom" }) {
			Http.Response atom = anonymous().get(feed);
			assertThat(atom.status()).isEqualTo(200);
			assertThat(atom.header("Content-Type")).contains("atom+xml");
			assertThat(atom.body()).contains(title, itemPath, "urn:gongkai:message:" + messageId);
			assertNothingPersonal(atom.body(), id);
		}

		// the public API, list and entry
		Http.Response apiList = anonymous().get("/api/v1/public/messages?agency=yiyuan-fgj&type=CONSULTATION");
		assertThat(apiList.status()).isEqualTo(200);
		assertThat(apiList.json().get("total").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(apiList.body()).contains("\"id\":" + messageId, title);
		assertNothingPersonal(apiList.body(), id);
		Http.Response apiItem = anonymous().get("/api/v1/public/messages/" + messageId);
		assertThat(apiItem.status()).isEqualTo(200);
		JsonNode item = apiItem.json();
		assertThat(item.get("title").asString()).isEqualTo(title);
		assertThat(item.get("acceptedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(item.get("repliedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(item.get("replyingAgency").asString()).isEqualTo(departmentName);
		assertThat(item.get("reply").asString()).contains("施工时间至22时", "138****5678");
		assertThat(item.get("content").asString()).contains("138****5678").doesNotContain(id);
		assertThat(item.has("name") || item.has("phone") || item.has("sender")).isFalse();
		assertNothingPersonal(apiItem.body(), id);

		// the sitemap lists the entry and the columns
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(anonymous().get("/sitemap.xml").body())
			.contains(itemPath, "/agencies/yiyuan-fgj/interaction/", "/interaction/statistics"));

		// the sender follows it: the right digits show the reply; wrong digits and an unknown code the same answer
		Http tracker = anonymous();
		Http.Response tracked = tracker.postForm("/interaction/track", "/interaction/track",
				Map.of("code", code.toLowerCase(), "verifier", "8888"), true);
		assertThat(tracked.status()).isEqualTo(200);
		assertThat(tracked.header("Cache-Control")).contains("no-store");
		assertThat(tracked.body()).contains("已答复", "施工时间至22时", "评价答复", "追问", "满意", "基本满意", "不满意", departmentName);
		Http.Response wrongDigits = tracker.postForm("/interaction/track", "/interaction/track",
				Map.of("code", code, "verifier", "1234"), true);
		Http.Response unknown = tracker.postForm("/interaction/track", "/interaction/track",
				Map.of("code", "LYZZZZZZZZZZ", "verifier", "8888"), true);
		assertThat(wrongDigits.status()).isEqualTo(unknown.status()).isEqualTo(200);
		for (Http.Response r : new Http.Response[] { wrongDigits, unknown }) {
			assertThat(r.body()).contains(NOT_FOUND).doesNotContain("id=\"status\"", "施工时间至22时", title);
		}
		assertThat(stripCode(wrongDigits.body())).isEqualTo(stripCode(unknown.body().replace("LYZZZZZZZZZZ", code)));

		// the sender rates the reply once and then reopens it; the public entry says so
		Http.Response rated = tracker.postForm("/interaction/track/rate", "/interaction/track",
				Map.of("code", code, "verifier", "8888", "rating", "BASICALLY_SATISFIED", "note", "回复及时"), true);
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(rated.body()).contains("感谢您的评价", "您的评价").doesNotContain("评价答复</h3>");
		Http.Response reopened = tracker.postForm("/interaction/track/reopen", "/interaction/track",
				Map.of("code", code, "verifier", "8888", "reason", "请问周末是否也允许夜间施工？"), true);
		assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
		assertThat(reopened.body()).contains("追问已提交", "追问办理中");
		assertThat(anonymous().get(itemPath).body()).contains("追问办理中", "施工时间至22时");
	}

	@Test
	void aMessageTheSenderKeptPrivateNeverAppearsAnywherePublic() {
		String title = "关于我家低保申请进度的咨询";
		Http.Response sent = anonymous().postJson("/api/v1/public/messages",
				message(title, "我于上月提交了低保申请，想了解目前的审核进度和还需要补充的材料。", false));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		long messageId = sent.json().get("id").asLong();
		Http county = demo("hd-handler");
		assertThat(county.postJson("/api/v1/messages/" + messageId + "/accept", Map.of()).status()).isEqualTo(200);
		Http.Response replied = county.postJson("/api/v1/messages/" + messageId + "/reply",
				Map.of("content", "您的申请已进入入户调查环节，预计两周内完成审核。"));
		assertThat(replied.status()).as(replied.body()).isEqualTo(200);
		assertThat(replied.json().get("isPublic").asBoolean()).isFalse();

		assertThat(anonymous().get("/api/v1/public/messages/" + messageId).status()).isEqualTo(404);
		assertThat(anonymous().get("/interaction/messages/" + messageId + "/").status()).isEqualTo(404);
		for (String path : new String[] { "/interaction/messages/", "/interaction/messages/?agency=yiyuan", "/interaction/",
				"/agencies/yiyuan/interaction/", "/interaction/messages/feed.atom", "/agencies/yiyuan/interaction/feed.atom",
				"/api/v1/public/messages", "/api/v1/public/messages?agency=yiyuan" }) {
			assertThat(anonymous().get(path).body()).as(path).doesNotContain(title, "入户调查");
		}
		assertThat(anonymous().get("/sitemap.xml").body()).doesNotContain("/interaction/messages/" + messageId + "/");
	}

	@Test
	void theFormExplainsThePersonalDataKeepsWhatWasTypedTrapsRobotsAndGivesTheTrackingCode() {
		Http sender = anonymous();
		Http.Response form = sender.get(WRITE);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.header("Cache-Control")).contains("no-store");
		String officePhone = agencies.office(agencies.requireByCode("yiyuan").id()).phone();
		assertThat(form.body()).contains("name=\"_csrf\"", "name=\"homepage\"", "个人信息处理说明", "处理者", "处理目的",
				"收集的信息", "保存期限", "您的权利", "是否同意公开", "咨询", "建议", "投诉", "求助", "for=\"f-title\"",
				agencies.requireByCode("yiyuan").name());
		if (officePhone != null) {
			assertThat(form.body()).contains(officePhone);
		}
		assertThat(anonymous().get("/interaction/write?agency=no-such-agency").status()).isEqualTo(404);
		long before = messages();

		Map<String, String> valid = new HashMap<>();
		valid.put("agency", "yiyuan");
		valid.put("type", "SUGGESTION");
		valid.put("title", "建议在城区增设公共自行车站点");
		valid.put("content", "城区公共自行车站点太少，建议在人民广场和汽车站附近增设站点，方便市民出行。");
		valid.put("name", "李明");
		valid.put("phone", "13700001234");
		valid.put("email", "");
		valid.put("publicAllowed", "true");
		valid.put("consent", "yes");
		valid.put("homepage", "");

		// a content too short and a wrong phone: both messages, the typed values kept
		Map<String, String> wrong = new HashMap<>(valid);
		wrong.put("content", "太少了");
		wrong.put("phone", "12345");
		Http.Response refused = sender.postForm("/interaction/write", WRITE, wrong, true);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("role=\"alert\"", "提交的留言有 2 处需要修改", "href=\"#f-content\"",
				"href=\"#f-phone\"", "留言内容至少10个字", "联系电话格式不正确", "value=\"李明\"", "value=\"12345\"",
				"value=\"建议在城区增设公共自行车站点\"", "aria-invalid=\"true\"");
		assertThat(messages()).isEqualTo(before);

		// without the acknowledgement nothing is saved
		Map<String, String> noConsent = new HashMap<>(valid);
		noConsent.remove("consent");
		noConsent.remove("publicAllowed");
		Http.Response unacknowledged = sender.postForm("/interaction/write", WRITE, noConsent, true);
		assertThat(unacknowledged.status()).isEqualTo(400);
		assertThat(unacknowledged.body()).contains("href=\"#f-consent\"", "href=\"#f-publicAllowed\"");
		assertThat(messages()).isEqualTo(before);

		// a filled honeypot looks accepted, but nothing is saved and no code is given
		Map<String, String> robot = new HashMap<>(valid);
		robot.put("homepage", "http://spam.example.com/");
		Http.Response trapped = sender.postForm("/interaction/write", WRITE, robot, true);
		assertThat(trapped.status()).isEqualTo(200);
		assertThat(trapped.body()).contains("留言已提交").doesNotContain("id=\"tracking-code\"", "spam.example.com");
		assertThat(messages()).isEqualTo(before);

		// without the CSRF token the post is refused
		assertThat(anonymous().postForm("/interaction/write", WRITE, valid, false).status()).isEqualTo(403);
		assertThat(messages()).isEqualTo(before);

		// the message goes through; the confirmation shows the code once
		Http.Response submitted = sender.postForm("/interaction/write", WRITE, valid, true);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
		String confirmation = submitted.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(confirmation).isEqualTo("/interaction/write/submitted");
		Http.Response shown = sender.get(confirmation);
		assertThat(shown.status()).isEqualTo(200);
		Matcher m = Pattern.compile("id=\"tracking-code\">(LY[A-Z0-9]{10})<").matcher(shown.body());
		assertThat(m.find()).as(shown.body()).isTrue();
		assertThat(shown.body()).contains("联系电话的后四位", "/interaction/track?code=" + m.group(1));
		assertThat(messages()).isEqualTo(before + 1);
		assertThat(sender.get(confirmation).status()).as("shown only once").isEqualTo(302);
		assertThat(jdbc.sql("SELECT channel FROM ia_message WHERE tracking_code = ?").param(m.group(1)).query(String.class).single())
			.isEqualTo("WEB");

		// the sender sees it waiting for review
		Http.Response tracked = anonymous().postForm("/interaction/track", "/interaction/track",
				Map.of("code", m.group(1), "verifier", "1234"), true);
		assertThat(tracked.body()).contains("待审看", "建议在城区增设公共自行车站点").doesNotContain(NOT_FOUND, "评价答复");
	}

	@Test
	void anUnknownTypeIsAFieldErrorAndThePagesWithoutAFormSetNoCookie() {
		Map<String, Object> body = message("关于公交线路调整的建议", "建议增加通往工业园区的公交班次，方便上下班。", true);
		body.put("type", "PRAISE");
		long before = messages();
		Http.Response bad = anonymous().postJson("/api/v1/public/messages", body);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).contains("application/problem+json");
		JsonNode problem = bad.json();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("type");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("CONSULTATION");
		assertThat(messages()).isEqualTo(before);
		Http.Response empty = anonymous().postJson("/api/v1/public/messages", Map.of("agency", "yiyuan"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("\"field\":\"title\"", "\"field\":\"publicAllowed\"");
		assertThat(anonymous().get("/api/v1/public/messages?type=PRAISE").status()).isEqualTo(400);
		assertThat(anonymous().get("/api/v1/public/messages/999999").status()).isEqualTo(404);

		YearMonth last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
		YearMonth current = last.plusMonths(1);
		for (String path : new String[] { "/interaction/", "/interaction/messages/", "/interaction/statistics?month=" + last,
				"/interaction/statistics", "/agencies/yiyuan/interaction/" }) {
			Http.Response r = anonymous().get(path);
			assertThat(r.status()).as(path).isEqualTo(200);
			assertThat(r.header("Set-Cookie")).as(path).isNull();
		}
		Http.Response home = anonymous().get("/interaction/");
		assertThat(home.body()).contains("href=\"/interaction/motions/\"", "href=\"/concerns/\"", "href=\"/interaction/track\"",
				"/interaction/write?agency=yiyuan", "/interaction/statistics?month=" + last);
		Http.Response stats = anonymous().get("/interaction/statistics?month=" + last);
		assertThat(stats.body()).contains("<th scope=\"col\">收到</th>", "<th scope=\"col\">按时答复率</th>",
				"<th scope=\"col\">平均答复用时（工作日）</th>", "<th scope=\"col\">满意率</th>", "<th scope=\"row\">合计</th>");
		assertThat(anonymous().get("/interaction/statistics?month=" + current).status()).isEqualTo(404);
		assertThat(anonymous().get("/interaction/statistics?month=nonsense").status()).isEqualTo(404);
		assertThat(anonymous().get("/").body()).contains("<a href=\"/interaction/\">互动交流</a>");
	}

	@Test
	void aLeaderMailboxIsListedAndItsFormWritesToItsAgency() {
		long county = agencies.requireByCode("yiyuan").id();
		jdbc.sql("INSERT INTO ia_mailbox (agency_id, name, holder, holder_title, description, active, sort_order, created_at) "
				+ "VALUES (?, '县长信箱', '陈县长', '县长', '欢迎来信', TRUE, 1, CURRENT_TIMESTAMP)")
			.param(county)
			.update();
		long box = jdbc.sql("SELECT MAX(id) FROM ia_mailbox").query(Long.class).single();
		String write = "/interaction/write?agency=yiyuan&mailbox=" + box;
		assertThat(anonymous().get("/interaction/").body()).contains("县长信箱", "/interaction/write?agency=yiyuan&amp;mailbox=" + box);
		assertThat(anonymous().get("/agencies/yiyuan/interaction/").body()).contains("写信给县长信箱");
		Http.Response form = anonymous().get(write);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("写信给县长信箱", "陈县长", "name=\"mailbox\"", "个人信息处理说明");
		assertThat(anonymous().get("/interaction/write?mailbox=999999").status()).isEqualTo(404);
		assertThat(anonymous().get("/interaction/messages/?mailbox=" + box).status()).isEqualTo(200);
		assertThat(anonymous().get("/interaction/messages/?agency=yiyuan-fgj&mailbox=" + box).status()).isEqualTo(404);

		Http sender = anonymous();
		Map<String, String> letter = new HashMap<>();
		letter.put("agency", "yiyuan");
		letter.put("mailbox", Long.toString(box));
		letter.put("type", "HELP");
		letter.put("title", "老旧小区加装电梯求助");
		letter.put("content", "我们小区是九十年代的老楼，老人上下楼困难，希望帮助协调加装电梯。");
		letter.put("name", "周大爷");
		letter.put("phone", "0533-3221234");
		letter.put("publicAllowed", "true");
		letter.put("consent", "yes");
		Http.Response sent = sender.postForm("/interaction/write", write, letter, true);
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT mailbox_id FROM ia_message WHERE title = '老旧小区加装电梯求助'").query(Long.class).single())
			.isEqualTo(box);
	}

	private static void assertNothingPersonal(String body, String residentId) {
		assertThat(body).doesNotContain(residentId, MOBILE_IN_TEXT, SENDER, SENDER_PHONE, "zxl@example.cn");
	}

	private static String stripCode(String body) {
		return body.replaceAll("name=\"_csrf\"[^>]*>", "").replaceAll("value=\"[^\"]*\"", "");
	}
}
