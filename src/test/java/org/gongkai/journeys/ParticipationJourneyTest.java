package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.platform.Zones;
import org.junit.jupiter.api.Test;

/**
 * The four kinds of participation record together over real HTTP, each referring to the others only through their
 * (kind, id) links: a decision item in a published catalogue; a consultation on it, commented on, closed, answered and
 * its feedback published; a poll on it; a meeting whose decided item refers to the decision and the consultation. The
 * decision's page gathers them with their status, the meeting's page links back, and a reference to a record that is
 * not public (a draft consultation, a draft poll, a decided item not yet published) is shown nowhere in public. The
 * 公众参与 column, site-wide and per agency, and the sitemap list public records only; public pages without a form set
 * no cookie.
 */
abstract class ParticipationJourneyTest extends JourneySupport {

	static final String DECISION = "全县城区停车设施专项规划";

	static final String ANSWERED = "关于城区停车收费管理办法公开征求意见";

	static final String OPEN = "关于城区停车场建设管理办法公开征求意见";

	static final String DRAFT_CONSULTATION = "关于城区停车位共享办法公开征求意见（草稿）";

	static final String OTHER_AGENCY = "关于高标准农田建设管理办法公开征求意见";

	static final String POLL = "城区停车收费标准民意调查";

	static final String DRAFT_POLL = "城区夜间停车需求民意调查（草稿）";

	static final String MEETING = "县发展改革局局长办公会议（停车设施规划）";

	static final String DECIDED = "会议原则同意全县城区停车设施专项规划，由县发展改革局按程序报批。";

	static final String DRAFT_TEXT = "沂源县城区停车收费管理办法（征求意见稿）\n第一条 为规范停车收费，制定本办法。\n第二条 本办法适用于县城城区。";

	static LocalDate today() {
		return LocalDate.now(Zones.CHINA);
	}

	static Map<String, Object> consultation(String agency, String title, Long decision) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", agency);
		body.put("title", title);
		body.put("draft", DRAFT_TEXT);
		body.put("basis", "《中华人民共和国价格法》第十八条");
		body.put("explanation", "为规范城区停车收费行为，起草了本办法。");
		body.put("opensOn", today().toString());
		body.put("closesOn", today().plusDays(30).toString());
		body.put("channelEmail", "fgj@example.cn");
		body.put("commentsPublic", true);
		body.put("decision", decision);
		return body;
	}

	static Map<String, Object> poll(String title, long decision) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("title", title);
		body.put("description", "为编制城区停车设施专项规划，听取群众意见。");
		body.put("opensOn", today().toString());
		body.put("closesOn", today().plusDays(10).toString());
		body.put("identityRule", "MOBILE");
		body.put("resultsVisibility", "LIVE");
		body.put("refKind", "decision");
		body.put("refId", decision);
		body.put("questions", List.of(Map.of("kind", "SINGLE", "prompt", "您是否赞成调整停车收费标准？", "required", true, "options",
				List.of("赞成", "不赞成", "说不清"))));
		return body;
	}

	static String local(LocalDateTime t) {
		return t.toString().substring(0, 16);
	}

	long created(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	static void ok(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	/** A public page without a form: 200, rendered without a session, so no cookie. */
	String publicPage(String path) {
		Http.Response r = anonymous().get(path);
		assertThat(r.status()).as(path).isEqualTo(200);
		assertThat(r.header("Set-Cookie")).as(path + " sets no cookie").isNull();
		return r.body();
	}

	@Test
	void aDecisionGathersItsConsultationPollAndMeetingAndNothingUnpublishedLeaks() {
		int year = today().getYear();
		Http editor = demo("fgj-editor");

		// the decision item, in a published catalogue
		Map<String, Object> item = new HashMap<>();
		item.put("agency", "yiyuan-fgj");
		item.put("year", year);
		item.put("title", DECISION);
		item.put("summary", "统筹全县城区停车设施布局，明确建设目标和保障措施。");
		item.put("unit", "yiyuan-fgj");
		item.put("planQuarter", 4);
		item.put("methods", List.of("ONLINE", "HEARING"));
		item.put("expertRequired", true);
		long decision = created(editor.postJson("/api/v1/major-decisions", item));
		ok(demo("fgj-admin").postJson("/api/v1/major-decisions/catalogues/publish",
				Map.of("agency", "yiyuan-fgj", "year", year, "approvalNote", "经县委同意")));
		String decisionPath = "/participation/decisions/" + decision + "/";
		assertThat(publicPage(decisionPath)).contains(DECISION).doesNotContain("意见征集、民意调查和会议");

		// a consultation on the decision: commented on, closed, answered, its feedback published
		long answered = created(editor.postJson("/api/v1/consultations", consultation("yiyuan-fgj", ANSWERED, decision)));
		ok(editor.postJson("/api/v1/consultations/" + answered + "/publish", Map.of()));
		long comment = created(anonymous().postJson("/api/v1/public/consultations/" + answered + "/comments",
				Map.of("name", "赵六", "contact", "13700001111", "content", "建议夜间停车免费，我的电话13812345678。")));
		// while open, the decision page shows it with its countdown
		assertThat(publicPage(decisionPath)).contains("意见征集", ANSWERED, "征集中", "距征集截止还有30天");
		ok(editor.postJson("/api/v1/consultations/comments/" + comment + "/accept", Map.of()));
		ok(editor.postJson("/api/v1/consultations/" + answered + "/close", Map.of("reason", "已收到足够的意见，提前结束征集。")));
		created(editor.postJson("/api/v1/consultations/" + answered + "/feedback",
				Map.of("comments", List.of(comment), "outcome", "ADOPTED")));
		ok(editor.putJson("/api/v1/consultations/" + answered + "/summary", Map.of("mainChanges", "增加夜间免费停车的规定。")));
		ok(editor.postJson("/api/v1/consultations/" + answered + "/feedback/publish", Map.of()));
		String consultationPath = "/participation/consultations/" + answered + "/";
		assertThat(publicPage(consultationPath)).contains(ANSWERED, "已反馈", DECISION, decisionPath)
			.doesNotContain("赵六", "13700001111", "13812345678");

		// a consultation on the decision that stays a draft, and a draft poll on it
		long draftConsultation = created(
				editor.postJson("/api/v1/consultations", consultation("yiyuan-fgj", DRAFT_CONSULTATION, decision)));
		long draftPoll = created(editor.postJson("/api/v1/polls", poll(DRAFT_POLL, decision)));

		// a poll on the decision, published
		long poll = created(editor.postJson("/api/v1/polls", poll(POLL, decision)));
		ok(editor.postJson("/api/v1/polls/" + poll + "/publish", Map.of()));
		String pollPath = "/participation/polls/" + poll + "/";
		assertThat(publicPage(pollPath)).contains(POLL, DECISION, decisionPath);

		// an open consultation of the same agency (no link) and one of another agency
		long open = created(editor.postJson("/api/v1/consultations", consultation("yiyuan-fgj", OPEN, null)));
		ok(editor.postJson("/api/v1/consultations/" + open + "/publish", Map.of()));
		long elsewhere = created(demo("nyj-editor").postJson("/api/v1/consultations", consultation("yiyuan-nyj", OTHER_AGENCY, null)));
		ok(demo("nyj-editor").postJson("/api/v1/consultations/" + elsewhere + "/publish", Map.of()));

		// a meeting, announced, then held; its decided item refers to the decision, the consultation and the draft
		LocalDate meetingDay = today().plusDays(5);
		Map<String, Object> meeting = new HashMap<>();
		meeting.put("agency", "yiyuan-fgj");
		meeting.put("title", MEETING);
		meeting.put("type", "OFFICE");
		meeting.put("startsAt", local(meetingDay.atTime(9, 30)));
		meeting.put("place", "县发展改革局三楼会议室");
		meeting.put("advanceNotice", true);
		meeting.put("invited", List.of("PUBLIC"));
		meeting.put("seats", 2);
		meeting.put("applyDeadline", local(meetingDay.minusDays(1).atTime(17, 0)));
		meeting.put("items", List.of(Map.of("title", DECISION, "proposer", "县发展改革局", "isPublic", true, "openToApplications", true)));
		long meetingId = created(editor.postJson("/api/v1/meetings", meeting));
		ok(editor.postJson("/api/v1/meetings/" + meetingId + "/publish", Map.of()));
		LocalDateTime held = LocalDateTime.now(Zones.CHINA).minusHours(2);
		jdbc.sql("UPDATE pt_meeting SET starts_at = ?, meeting_date = ?, apply_deadline = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(held.atZone(Zones.CHINA).toInstant()), held.toLocalDate(),
					java.sql.Timestamp.from(held.minusDays(1).atZone(Zones.CHINA).toInstant()), meetingId)
			.update();
		created(editor.postJson("/api/v1/meetings/" + meetingId + "/decided-items", Map.of("content", DECIDED, "links",
				List.of(Map.of("kind", "decision", "id", decision), Map.of("kind", "consultation", "id", answered),
						Map.of("kind", "consultation", "id", draftConsultation)))));
		String meetingPath = "/participation/meetings/" + meetingId + "/";
		// the decided item is not public yet: neither it nor its reference shows
		assertThat(publicPage(meetingPath)).contains(MEETING).doesNotContain(DECIDED);
		assertThat(publicPage(decisionPath)).as("a decided item not yet published is not shown as a reference")
			.doesNotContain(MEETING);
		ok(editor.postJson("/api/v1/meetings/" + meetingId + "/outcome/publish", Map.of()));

		// the meeting's page links to the decision and the consultation, never to the draft
		assertThat(publicPage(meetingPath)).contains(DECIDED, "href=\"" + decisionPath + "\"", DECISION,
				"href=\"" + consultationPath + "\"", ANSWERED)
			.doesNotContain(DRAFT_CONSULTATION, "/participation/consultations/" + draftConsultation + "/");

		// the decision's page gathers the consultation with its status and adoption figures, the poll and the meeting
		String decisionPage = publicPage(decisionPath);
		assertThat(decisionPage).contains("意见征集、民意调查和会议", "href=\"" + consultationPath + "\"", ANSWERED, "已反馈",
				"收到意见1条（有效意见1条），采纳1条", "采纳率100.0%", "href=\"" + pollPath + "\"", POLL, "民意调查", "href=\"" + meetingPath + "\"",
				MEETING, "会议公开")
			.doesNotContain(DRAFT_CONSULTATION, DRAFT_POLL, "/participation/consultations/" + draftConsultation + "/",
					"/participation/polls/" + draftPoll + "/", "赵六", "13812345678");
		assertThat(anonymous().get("/api/v1/public/major-decisions/" + decision).body()).doesNotContain(DRAFT_CONSULTATION, DRAFT_POLL);

		// the drafts are nowhere in public
		for (String path : new String[] { "/participation/consultations/" + draftConsultation + "/",
				"/participation/polls/" + draftPoll + "/" }) {
			assertThat(anonymous().get(path).status()).as(path).isEqualTo(404);
		}

		// the site-wide column: four sections in order, the open consultation first with its countdown
		String home = publicPage("/participation/");
		assertThat(home).contains(OPEN, ANSWERED, OTHER_AGENCY, DECISION, POLL, MEETING, "距征集截止还有30天")
			.doesNotContain(DRAFT_CONSULTATION, DRAFT_POLL);
		int consultations = home.indexOf("id=\"sec-consultation\"");
		int decisions = home.indexOf("id=\"sec-decision\"");
		int polls = home.indexOf("id=\"sec-poll\"");
		int meetings = home.indexOf("id=\"sec-meeting\"");
		assertThat(consultations).isPositive();
		assertThat(decisions).isGreaterThan(consultations);
		assertThat(polls).isGreaterThan(decisions);
		assertThat(meetings).isGreaterThan(polls);
		String consultationSection = home.substring(consultations, decisions);
		assertThat(consultationSection.indexOf(OPEN)).as("the open consultation before the answered one")
			.isLessThan(consultationSection.indexOf(ANSWERED));
		assertThat(consultationSection.indexOf("距征集截止还有30天")).isLessThan(consultationSection.indexOf(ANSWERED));
		assertThat(home.substring(decisions, polls)).contains(DECISION);
		assertThat(home.substring(polls, meetings)).contains(POLL);
		assertThat(home.substring(meetings)).contains(MEETING);

		// the agency's column: its own records only, and the agency's column navigation
		String column = publicPage("/agencies/yiyuan-fgj/participation/");
		assertThat(column).contains(OPEN, ANSWERED, DECISION, POLL, MEETING, "aria-label=\"政府信息公开栏目\"")
			.containsPattern("href=\"/agencies/yiyuan-fgj/participation/\"\\s+aria-current=\"page\"")
			.doesNotContain(OTHER_AGENCY, DRAFT_CONSULTATION, DRAFT_POLL);
		assertThat(publicPage("/agencies/yiyuan-nyj/participation/")).contains(OTHER_AGENCY).doesNotContain(OPEN, ANSWERED, POLL);

		// the kinds' lists
		assertThat(publicPage("/participation/decisions/?agency=yiyuan-fgj&year=" + year)).contains(DECISION);
		assertThat(publicPage("/participation/consultations/")).contains(OPEN, ANSWERED).doesNotContain(DRAFT_CONSULTATION);
		assertThat(publicPage("/participation/polls/")).contains(POLL).doesNotContain(DRAFT_POLL);
		assertThat(publicPage("/participation/meetings/")).contains(MEETING);

		// the sitemap: the public records, not the drafts
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(anonymous().get("/sitemap.xml").body())
			.contains(decisionPath + "</loc>", consultationPath + "</loc>", "/participation/consultations/" + open + "/</loc>",
					"/participation/consultations/" + elsewhere + "/</loc>", pollPath + "</loc>", meetingPath + "</loc>",
					"/participation/</loc>", "/agencies/yiyuan-fgj/participation/</loc>"));
		assertThat(anonymous().get("/sitemap.xml").body())
			.doesNotContain("/participation/consultations/" + draftConsultation + "/</loc>", "/participation/polls/" + draftPoll + "/</loc>");

		// a consultation withdrawn leaves the decision's page, the column and the sitemap
		ok(editor.postJson("/api/v1/consultations/" + answered + "/withdraw", Map.of("reason", "决策事项调整")));
		assertThat(publicPage(decisionPath)).doesNotContain(ANSWERED).contains(POLL, MEETING);
		assertThat(publicPage(meetingPath)).doesNotContain(ANSWERED, consultationPath).contains(DECISION);
		assertThat(publicPage("/participation/")).doesNotContain(ANSWERED);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(anonymous().get("/sitemap.xml").body()).doesNotContain(consultationPath + "</loc>"));
	}
}
