package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongkai.platform.Zones;
import org.junit.jupiter.api.Test;

/**
 * Training over real HTTP, in the console: the 发展和改革局's editor makes the year's plan (refused below the minimum
 * with a Chinese message), adds a planned session, records it held with attendance from the bureau's staff, uploads the
 * slides and builds a test from the bank; a colleague finds the test on the dashboard, takes it without seeing any
 * answer and reads the marked result with explanations; staff of another agency are refused; the county supervisor
 * sees the unit in the overview and exports it to Excel.
 */
abstract class TrainingJourneyTest extends JourneySupport {

	private static final Pattern ITEM = Pattern.compile("sessions/new\\?agency=yiyuan-fgj&amp;year=(\\d+)&amp;item=(\\d+)");

	private static final Pattern PRESENCE = Pattern.compile("name=\"presence-(\\d+)\"");

	private static final Pattern SESSION = Pattern.compile("/console/training/sessions/(\\d+)$");

	private static final Pattern EXAM = Pattern.compile("/console/training/exams/(\\d+)$");

	private static final Pattern ATTEMPT = Pattern.compile("/console/training/attempts/(\\d+)$");

	private static final Pattern RADIO = Pattern.compile("type=\"radio\" name=\"q(\\d+)\"");

	private static final Pattern CHECKBOX = Pattern.compile("type=\"checkbox\" name=\"q(\\d+)-([A-D])\"");

	@Test
	void planSessionAndTestTakenInTheConsole() {
		LocalDate today = LocalDate.now(Zones.CHINA);
		int year = today.getYear();
		String home = "/console/training?agency=yiyuan-fgj&year=" + year;
		Http editor = session("fgj-editor", DEMO_PASSWORD);
		assertThat(editor.get("/console").body()).contains("培训");
		assertThat(editor.get(home).body()).contains(year + "年度政务公开培训", "年度培训计划");

		// the plan: at least two sessions
		String planPath = "/console/training/plan?agency=yiyuan-fgj&year=" + year;
		Http.Response tooFew = editor.postForm(planPath, home, Map.of("title", "", "plannedSessions", "1", "content", "上半年学习法规政策"), true);
		assertThat(tooFew.status()).isEqualTo(200);
		assertThat(tooFew.body()).contains("提交的内容有误", "每年至少安排2次政务公开培训", "aria-invalid=\"true\"", "上半年学习法规政策");
		Http.Response saved = editor.postForm(planPath, home, Map.of("title", "", "plannedSessions", "2", "content", "上半年学习法规政策"), true);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		Http.Response item = editor.postForm("/console/training/plan/items?agency=yiyuan-fgj&year=" + year, home,
				Map.of("month", "1", "topic", "发改局《条例》专题学习", "audiences", "STAFF", "method", "MEETING", "requiredAttendees", "局机关全体干部职工"),
				true);
		assertThat(item.status()).as(item.body()).isEqualTo(302);
		String page = editor.get(home).body();
		assertThat(page).contains("沂源县发展和改革局" + year + "年度政务公开培训计划", "发改局《条例》专题学习", "信息员/工作人员", "会议培训");
		Matcher m = ITEM.matcher(page);
		assertThat(m.find()).isTrue();
		String itemId = m.group(2);

		// the session held, attendance from the bureau's staff list
		String form = "/console/training/sessions/new?agency=yiyuan-fgj&year=" + year + "&item=" + itemId;
		String formPage = editor.get(form).body();
		assertThat(formPage).contains("本单位工作人员出席情况");
		Set<String> staffIds = new LinkedHashSet<>();
		Matcher p = PRESENCE.matcher(formPage);
		while (p.find()) {
			staffIds.add(p.group(1));
		}
		assertThat(staffIds).hasSizeGreaterThanOrEqualTo(2);
		Map<String, String> fields = new HashMap<>(Map.of("planItem", itemId, "heldOn", today.toString(), "topic", "发改局《条例》专题学习",
				"speakers", "局办公室主任", "place", "局二楼会议室", "method", "MEETING", "externalAttendees", "县重点项目服务中心 张华"));
		String absent = staffIds.iterator().next();
		staffIds.forEach(id -> fields.put("presence-" + id, "PRESENT"));
		fields.put("presence-" + absent, "ABSENT");
		Http.Response noReason = editor.postForm("/console/training/sessions/new?agency=yiyuan-fgj&year=" + year, form, fields, true);
		assertThat(noReason.status()).isEqualTo(200);
		assertThat(noReason.body()).contains("缺席，请填写缺席原因");
		fields.put("reason-" + absent, "参加县发改系统会议");
		Http.Response recorded = editor.postForm("/console/training/sessions/new?agency=yiyuan-fgj&year=" + year, form, fields, true);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
		Matcher s = SESSION.matcher(recorded.header("Location"));
		assertThat(s.find()).isTrue();
		String sessionPage = "/console/training/sessions/" + s.group(1);
		assertThat(editor.get(sessionPage).body()).contains("参加县发改系统会议", "县重点项目服务中心 张华", "单位外人员", "1月：发改局《条例》专题学习");

		// the slides
		byte[] pdf = "%PDF-1.4 培训课件".getBytes(StandardCharsets.UTF_8);
		assertThat(editor.postFile(sessionPage + "/materials", sessionPage, Map.of(), "slides.pdf", pdf).status()).isEqualTo(302);
		Http.Response wrong = editor.postFile(sessionPage + "/materials", sessionPage, Map.of(), "slides.pdf", "not a pdf".getBytes());
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("内容与扩展名不符");
		Matcher mat = Pattern.compile("(/console/training/sessions/\\d+/materials/\\d+)").matcher(editor.get(sessionPage).body());
		assertThat(mat.find()).isTrue();
		assertThat(editor.getBytes(mat.group(1)).body()).isEqualTo(pdf);

		// a test drawn from the bank
		Http.Response built = editor.postForm(sessionPage + "/exams", sessionPage, Map.of("title", "发改局《条例》测试", "selection", "RANDOM",
				"count", "5", "seed", "11", "passMark", "60", "maxAttempts", "1"), true);
		assertThat(built.status()).as(built.body()).isEqualTo(302);
		Matcher e = EXAM.matcher(built.header("Location"));
		assertThat(e.find()).isTrue();
		String examPage = "/console/training/exams/" + e.group(1);
		assertThat(editor.get(examPage).body()).contains("发改局《条例》测试", "5题", "随机种子 11");

		// staff of another agency: refused
		Http other = session("nyj-editor", DEMO_PASSWORD);
		assertThat(other.get(examPage).status()).isEqualTo(403);
		assertThat(other.get(sessionPage).status()).isEqualTo(403);

		// a colleague takes the test
		Http taker = session("fgj-reviewer", DEMO_PASSWORD);
		assertThat(taker.get("/console").body()).contains("待参加的培训测试", "发改局《条例》测试");
		assertThat(taker.get(examPage).body()).contains("开始答题");
		Http.Response started = taker.postForm(examPage + "/start", examPage, Map.of(), true);
		assertThat(started.status()).isEqualTo(302);
		Matcher a = ATTEMPT.matcher(started.header("Location"));
		assertThat(a.find()).isTrue();
		String attemptPage = "/console/training/attempts/" + a.group(1);
		String paper = taker.get(attemptPage).body();
		assertThat(paper).contains("交卷").doesNotContain("正确答案", "解析", "第三十三条：");
		assertThat(other.get(attemptPage).status()).isEqualTo(403);
		Map<String, String> answers = new HashMap<>();
		Matcher r = RADIO.matcher(paper);
		while (r.find()) {
			answers.putIfAbsent("q" + r.group(1), paper.contains("name=\"q" + r.group(1) + "\" id=\"q" + r.group(1) + "-T\"") ? "T" : "A");
		}
		Matcher c = CHECKBOX.matcher(paper);
		while (c.find()) {
			if (!c.group(2).equals("D")) {
				answers.put("q" + c.group(1) + "-" + c.group(2), "on");
			}
		}
		assertThat(answers).isNotEmpty();
		Http.Response submitted = taker.postForm(attemptPage, attemptPage, answers, true);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
		String result = taker.get(attemptPage).body();
		assertThat(result).contains("成绩", "正确答案：", "您的答案：", "解析（第");
		assertThat(taker.get(examPage).body()).doesNotContain("开始答题");
		assertThat(taker.postForm(examPage + "/start", examPage, Map.of(), true).header("Location")).endsWith(examPage);

		// the supervisor's overview and its export
		Http supervisor = session("gkb", DEMO_PASSWORD);
		assertThat(supervisor.get("/console/training/overview?year=" + year).body()).contains("沂源县发展和改革局", "已制定");
		var xlsx = supervisor.getBytes("/console/training/overview.xlsx?year=" + year);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.body()[0]).isEqualTo((byte) 'P');
		assertThat(editor.get("/console/training/overview").status()).isEqualTo(403);
		assertThat(editor.get("/console/training/questions").status()).isEqualTo(403);
		assertThat(supervisor.get("/console/training/questions").body()).contains("政务公开培训试题库", "第三十三条");
		Http.Response badQuestion = supervisor.postForm("/console/training/questions/new", "/console/training/questions/new",
				Map.of("kind", "MULTIPLE", "stem", "发改局自编多选题", "optionA", "甲", "optionB", "乙", "optionC", "丙", "answer", "A",
						"articles", "99", "explanation", ""), true);
		assertThat(badQuestion.status()).isEqualTo(200);
		assertThat(badQuestion.body()).contains("多选题至少有两个正确答案", "条款序号应在1至56之间", "请填写答案解析", "发改局自编多选题");

		// staff who keep no training records still find their tests
		Http handler = session("fgj-handler", DEMO_PASSWORD);
		assertThat(handler.get("/console/training").body()).contains("待参加的测试", "发改局《条例》测试");
		assertThat(handler.get(sessionPage).status()).isEqualTo(403);
	}
}
