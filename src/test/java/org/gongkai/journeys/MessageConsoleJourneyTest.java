package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.interaction.InteractionManagement;
import org.gongkai.interaction.Message;
import org.gongkai.interaction.MessageChannel;
import org.gongkai.interaction.MessageSubmission;
import org.gongkai.interaction.MessageType;
import org.gongkai.platform.Actors;
import org.gongkai.platform.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff console of public messages over real HTTP: the county's message handler accepts a message and assigns
 * it to the development and reform bureau, whose handler finds it in the queue and replies (an empty reply is
 * refused at its field and changes nothing); the supervising office supervises it with a deadline; an editor of
 * another agency cannot open it; the sender's phone is on the message page but the statistics show only counts;
 * the agency administrator's periods form refuses 0 days; the queue's dashboard views and the review steps.
 */
abstract class MessageConsoleJourneyTest extends JourneySupport {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	InteractionManagement management;

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

	/** A message from the public to an agency, through the domain (the public form is another module's page). */
	private Message submit(String agency, MessageType type, String title, String name, String phone) {
		String content = "请问" + title + "的具体办理要求和时间安排，谢谢！（第" + SERIAL.incrementAndGet() + "次询问，" + System.nanoTime() + "）";
		return Actors.callAsSystem(() -> management.submit(
				new MessageSubmission(agency, null, type, title, content, name, phone, null, true), MessageChannel.WEB));
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM ia_message WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void aMessageIsAcceptedAssignedSupervisedAndRepliedThroughTheConsole() {
		LocalDate today = LocalDate.now(Zones.CHINA);
		String phone = "1391234" + String.format("%04d", SERIAL.incrementAndGet() % 10000);
		Message m = submit("yiyuan", MessageType.CONSULTATION, "城区道路停车收费标准", "张晓燕", phone);
		String page = "/console/messages/" + m.id();
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		String fgjName = agencies.requireByCode("yiyuan-fgj").name();

		Http hd = session("hd-handler", DEMO_PASSWORD);
		Http messages = session("fgj-messages", DEMO_PASSWORD);
		Http gkb = session("gkb", DEMO_PASSWORD);
		Http editor = session("nyj-editor", DEMO_PASSWORD);

		// the menu entry only for those who may open messages
		ok(hd.get("/console"), 200, "href=\"/console/messages\"", "互动交流");
		assertThat(editor.get("/console").body()).doesNotContain("href=\"/console/messages\"");
		assertThat(editor.get("/console/messages").status()).isEqualTo(403);

		// the county's handler finds it waiting for review, with everything staff see
		ok(hd.get("/console/messages?status=SUBMITTED"), 200, m.trackingCode(), "城区道路停车收费标准", "咨询", "待审看");
		ok(hd.get(page), 200, "张晓燕", phone, "同意公开", "<legend>不予受理</legend>", "<legend>转办</legend>", "受理</button>",
				"留言人同意公开，答复后将在网站公开");
		assertThat(hd.get(page).body()).doesNotContain("<legend>答复</legend>", "<legend>督办</legend>");

		// accepted, then assigned: a missing agency is refused at its field
		path(hd.postForm(page + "/accept", page, Map.of(), true));
		ok(hd.get(page), 200, "已受理，应于", "办理中");
		assertThat(status(m.id())).isEqualTo("ACCEPTED");
		ok(hd.postForm(page + "/assign", page, Map.of("agency", "", "note", ""), true), 200, "id=\"agency-error\">请选择承办单位");
		path(hd.postForm(page + "/assign", page, Map.of("agency", String.valueOf(fgj), "note", "请发改局答复"), true));
		ok(hd.get(page), 200, "已转" + fgjName + "办理", "（转办）");
		assertThat(jdbc.sql("SELECT handling_agency_id FROM ia_message WHERE id = ?").param(m.id()).query(Long.class).single())
			.isEqualTo(fgj);
		// the receiving agency no longer answers it
		assertThat(hd.get(page).body()).doesNotContain("<legend>答复</legend>");

		// the bureau's handler finds it among its open messages and may answer it
		ok(messages.get("/console/messages?view=open"), 200, m.trackingCode());
		ok(messages.get(page), 200, "<legend>答复</legend>", "<legend>延期</legend>", "<legend>退回</legend>", phone);

		// the supervising office presses with a deadline; a past deadline is refused
		// the supervisor sees the message and its handling, but not the sender's contact (the form's notice says so)
		ok(gkb.get(page), 200, "<legend>督办</legend>", "（仅受理、承办单位可见）");
		assertThat(gkb.get(page).body()).doesNotContain(phone);
		ok(gkb.postForm(page + "/supervise", page, Map.of("note", "请尽快答复", "dueOn", today.minusDays(1).toString()), true), 200,
				"id=\"dueOn-error\">督办期限不能早于今天");
		path(gkb.postForm(page + "/supervise", page, Map.of("note", "请于三日内答复留言人", "dueOn", today.plusDays(3).toString()), true));
		ok(gkb.get(page), 200, "已督办，限 " + today.plusDays(3), "请于三日内答复留言人", "督办中");
		ok(messages.get("/console/messages?view=supervised"), 200, m.trackingCode());
		// the supervisor does not answer for the bureau
		assertThat(gkb.get(page).body()).doesNotContain("<legend>答复</legend>");
		ok(gkb.postForm(page + "/reply", page, Map.of("content", "督办人不应答复此留言"), true), 403, "只有受理或承办单位的互动交流办理人员");

		// an empty reply is refused at its field and nothing changes
		ok(messages.postForm(page + "/reply", page, Map.of("content", "", "withholdReason", ""), true), 200,
				"id=\"content-error\">请填写答复内容（至少5个字）", "提交的内容有误");
		assertThat(status(m.id())).isEqualTo("ACCEPTED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ia_reply WHERE message_id = ?").param(m.id()).query(Long.class).single()).isZero();

		// the reply: the message is answered, the supervision met, and it leaves the open queue
		path(messages.postForm(page + "/reply", page,
				Map.of("content", "城区道路停车收费标准已在县发展改革局网站公布，白天每小时2元；详询经办人13855556666。", "withholdReason", ""),
				true));
		Http.Response replied = messages.get(page);
		ok(replied, 200, "已答复，留言和答复将在网站公开", "城区道路停车收费标准已在县发展改革局网站公布", "详询经办人13855556666", "按期办结",
				"已在网站公开", fgjName + "答复（" + today + "）：", "详询经办人" + org.gongkai.platform.PersonalDataScanner.mask("13855556666"));
		assertThat(org.gongkai.platform.PersonalDataScanner.mask("13855556666")).isNotEqualTo("13855556666");
		assertThat(replied.body()).doesNotContain("<legend>答复</legend>");
		assertThat(status(m.id())).isEqualTo("REPLIED");
		assertThat(messages.get("/console/messages?view=open").body()).doesNotContain(m.trackingCode());
		ok(messages.get("/console/messages?status=REPLIED"), 200, m.trackingCode());

		// an editor of another agency may not open it, and sees none of the sender's data
		Http.Response denied = editor.get(page);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.body()).doesNotContain(phone, "张晓燕");
		assertThat(editor.postForm(page + "/accept", "/console", Map.of(), true).status()).isEqualTo(403);

		// the statistics show counts only, for the agencies one may see
		Http.Response stats = gkb.get("/console/messages/statistics?month=" + java.time.YearMonth.from(today));
		ok(stats, 200, "合计", "<th scope=\"row\">" + fgjName + "</th>", "按期率", "平均用时", "满意率");
		assertThat(stats.body()).doesNotContain(phone, "张晓燕", "城区道路停车收费标准", m.trackingCode());
		ok(messages.get("/console/messages/statistics"), 200, "<th scope=\"row\">" + fgjName + "</th>");
		ok(messages.get("/console/messages/statistics?month=2026-13"), 400);
		assertThat(editor.get("/console/messages/statistics").status()).isEqualTo(403);
	}

	@Test
	void theAgencyAdministratorSetsPeriodsAndLeaderMailboxes() {
		Http admin = session("fgj-admin", DEMO_PASSWORD);
		String settings = "/console/messages/settings";
		ok(admin.get(settings), 200, "咨询答复期限", "审看期限", "追问期限", "领导信箱", "还没有领导信箱");

		Map<String, String> f = new HashMap<>(Map.of("agency", "yiyuan-fgj", "consultationDays", "0", "suggestionDays", "5",
				"complaintDays", "5", "helpDays", "5", "reviewDays", "2", "maxExtensionDays", "5", "reopenWindowDays", "15"));
		ok(admin.postForm(settings, settings, f, true), 200, "id=\"consultationDays-error\">咨询答复期限应在1至60之间");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ia_settings WHERE agency_id = ?")
			.param(agencies.requireByCode("yiyuan-fgj").id())
			.query(Long.class)
			.single()).isZero();
		f.put("consultationDays", "abc");
		ok(admin.postForm(settings, settings, f, true), 200, "id=\"consultationDays-error\">咨询答复期限应填写整数");
		f.put("consultationDays", "7");
		path(admin.postForm(settings, settings, f, true));
		ok(admin.get(settings + "?agency=yiyuan-fgj"), 200, "互动交流办理期限已保存",
				"id=\"settings-consultationDays\" name=\"consultationDays\" type=\"number\" value=\"7\"");

		// a leader mailbox: the missing holder is refused, then it is added and edited
		String boxes = settings + "/mailboxes";
		ok(admin.postForm(boxes, settings, Map.of("agency", "yiyuan-fgj", "id", "0", "name", "局长信箱", "holder", "", "active", "true",
				"sortOrder", "1"), true), 200, "id=\"holder-error\">请填写领导姓名", "value=\"局长信箱\"");
		String saved = path(admin.postForm(boxes, settings, Map.of("agency", "yiyuan-fgj", "id", "0", "name", "局长信箱", "holder", "赵明",
				"holderTitle", "局长", "active", "true", "sortOrder", "1"), true));
		ok(admin.get(saved), 200, "领导信箱“局长信箱”已保存", "<th scope=\"row\">局长信箱</th>", "赵明", "启用");
		long box = jdbc.sql("SELECT id FROM ia_mailbox WHERE name = '局长信箱'").query(Long.class).single();
		ok(admin.get(settings + "?agency=yiyuan-fgj&mailbox=" + box), 200, "修改领导信箱：局长信箱");
		path(admin.postForm(boxes, settings, Map.of("agency", "yiyuan-fgj", "id", String.valueOf(box), "name", "局长信箱", "holder",
				"赵明", "holderTitle", "局长", "sortOrder", "1"), true));
		ok(admin.get(settings), 200, "停用");

		// settings are the agency administrator's
		Http handler = session("fgj-messages", DEMO_PASSWORD);
		assertThat(handler.get(settings + "?agency=yiyuan-fgj").status()).isEqualTo(403);
		f.put("consultationDays", "9");
		assertThat(handler.postForm(settings, "/console/messages", f, true).status()).isEqualTo(403);
	}

	@Test
	void theQueueShowsTheDashboardsViewsAndTheReviewStepsRefuseWhatTheyMust() {
		Http hd = session("hd-handler", DEMO_PASSWORD);
		Message old = submit("yiyuan", MessageType.COMPLAINT, "小区噪音扰民长期未解决", "李国强", "13700001111");
		Message spam = submit("yiyuan", MessageType.SUGGESTION, "建议增加公交线路班次", "王芳", "13700002222");
		// the first message has waited 40 days: past the reply date and near the 3-month veto
		LocalDate submitted = LocalDate.now(Zones.CHINA).minusDays(40);
		jdbc.sql("UPDATE ia_message SET submitted_on = ?, review_due_on = ? WHERE id = ?")
			.params(submitted, submitted.plusDays(2), old.id())
			.update();
		String veto = submitted.plusMonths(3).plusDays(1).toString();

		Http.Response aging = hd.get("/console/messages?view=aging");
		ok(aging, 200, old.trackingCode(), "临近3个月：须在" + veto + "前答复", "审看超期");
		assertThat(aging.body()).doesNotContain(spam.trackingCode());
		ok(hd.get("/console/messages?type=COMPLAINT"), 200, old.trackingCode());
		assertThat(hd.get("/console/messages?type=COMPLAINT").body()).doesNotContain(spam.trackingCode());
		ok(hd.get("/console/messages?view=overdue"), 200);
		ok(hd.get("/console/messages?view=nonsense"), 400);
		ok(hd.get("/console/" + "messages/" + old.id()), 200, "临近3个月：须在" + veto + "前答复");

		// not accepted: 其他原因 needs a reason; then rejected as spam, and it cannot be accepted any more
		String page = "/console/messages/" + spam.id();
		ok(hd.postForm(page + "/reject", page, Map.of("reason", "OTHER", "note", ""), true), 200,
				"id=\"note-error\">选择“其他原因”时请写明理由");
		assertThat(status(spam.id())).isEqualTo("SUBMITTED");
		path(hd.postForm(page + "/reject", page, Map.of("reason", "SPAM", "note", ""), true));
		ok(hd.get(page), 200, "已不予受理：垃圾信息或无实质内容", "不予受理的留言不在网站公开");
		assertThat(status(spam.id())).isEqualTo("REJECTED");
		ok(hd.postForm(page + "/accept", "/console/messages/" + old.id(), Map.of(), true), 409, "只有待审看的留言可以受理");

		// a handler without an editor role may not record a public concern: the Chinese refusal, nothing recorded
		String oldPage = "/console/messages/" + old.id();
		ok(hd.postForm(oldPage + "/concern", oldPage, Map.of(), true), 409, "只有已受理的留言可以列为社会关切");
		path(hd.postForm(oldPage + "/accept", oldPage, Map.of(), true));
		ok(hd.postForm(oldPage + "/concern", oldPage, Map.of(), true), 403, "列为社会关切须由承办单位的信息发布员");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ia_message_event WHERE message_id = ? AND action = 'concern'")
			.param(old.id()).query(Long.class).single()).isZero();

		// withholding and releasing publication
		ok(hd.postForm(oldPage + "/withhold", oldPage, Map.of("reason", ""), true), 200, "id=\"reason-error\">请写明不公开的理由");
		path(hd.postForm(oldPage + "/withhold", oldPage, Map.of("reason", "涉及个人家庭住址"), true));
		ok(hd.get(oldPage), 200, "已设为不公开（涉及个人家庭住址）", "恢复公开</button>");
		path(hd.postForm(oldPage + "/release", oldPage, Map.of(), true));
		ok(hd.get(oldPage), 200, "留言人同意公开，答复后将在网站公开");
	}
}
