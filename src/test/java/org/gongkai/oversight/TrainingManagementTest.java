package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.identity.StaffDirectory;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.testing.MovableClock;
import org.gongkai.testing.StatisticsContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Training on the shared statistics application: the shipped bank, the plan's minimum, attendance only from the
 * agency's staff, the shortfall figure as the clock moves through the year, and tests — marking (a multiple choice
 * right only when exactly right), the pass mark, answers hidden before submission, the time limit, and staff of
 * another agency refused. Works in 2031 and 2032 for the 农业农村局, years no other test uses.
 */
class TrainingManagementTest extends StatisticsContext {

	@Autowired
	TrainingManagement training;

	@Autowired
	TrainingExamManagement exams;

	@Autowired
	TrainingQueries queries;

	@Autowired
	TrainingFigures figures;

	@Autowired
	QuestionBank bank;

	@Autowired
	StaffDirectory staff;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.gongkai.demo.DemoTraining demo;

	@Autowired
	TrainingDashboard dashboard;

	long nyj;

	long fgj;

	long county;

	Instant found;

	@BeforeAll
	void agencies() {
		found = clock.now;
		nyj = agencies.requireByCode("yiyuan-nyj").id();
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		county = agencies.requireByCode("yiyuan").id();
	}

	@AfterAll
	void restore() {
		clock.now = found;
		SecurityContextHolder.clearContext();
	}

	@Test
	void theShippedBankTestsThe2019RegulationArticleByArticle() {
		as("gkb", county, Role.SUPERVISOR, true);
		List<Question> all = bank.list(false);
		assertThat(all).hasSizeGreaterThanOrEqualTo(30);
		assertThat(all).allSatisfy(q -> {
			assertThat(q.articles()).isNotEmpty();
			assertThat(q.explanation()).startsWith("第");
			assertThat(TrainingMarking.keyProblem(q.kind(), q.answer(), q.options().size())).as(q.stem()).isNull();
		});
		assertThat(all.stream().flatMap(q -> q.articles().stream()).distinct().toList()).contains(26, 30, 32, 33, 36, 42, 49);
		assertThat(all.stream().map(Question::kind).distinct().toList()).contains(QuestionKind.SINGLE, QuestionKind.MULTIPLE,
				QuestionKind.TRUE_FALSE);
		Question deadline = all.stream().filter(q -> q.stem().contains("不能当场答复")).findFirst().orElseThrow();
		assertThat(deadline.options().get(deadline.answer().charAt(0) - 'A')).isEqualTo("20个工作日");

		// a unit's editor builds tests from the bank but neither reads its answers nor edits it
		as("nyj-editor", nyj, Role.EDITOR, false);
		assertThat(bank.choices()).hasSize(all.size());
		assertThatThrownBy(() -> bank.list(false)).isInstanceOf(DomainException.class).extracting("status").isEqualTo(403);
		assertThatThrownBy(() -> bank.retire(deadline.id(), true)).extracting("status").isEqualTo(403);

		// the supervisor edits: a bad key is refused, a retired question is not drawn
		as("gkb", county, Role.SUPERVISOR, true);
		assertThatThrownBy(() -> bank.add(new QuestionBank.QuestionInput(QuestionKind.SINGLE, "题干", List.of("甲", "乙"), "AB", "33", "第三十三条")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting("field").containsExactly("answer"));
		Question added = bank.add(new QuestionBank.QuestionInput(QuestionKind.TRUE_FALSE, "2031年自编判断题：行政机关公开政府信息，应当坚持以公开为常态、不公开为例外。",
				null, "正确", "5", "第五条。"));
		assertThat(added.answer()).isEqualTo("T");
		bank.retire(added.id(), true);
		assertThat(bank.choices()).extracting(QuestionBank.Choice::id).doesNotContain(added.id());
	}

	@Test
	void thePlanKeepsTheMinimumAndAttendanceComesOnlyFromTheAgencysStaff() {
		clock.at(LocalDate.of(2032, 5, 10), 9, 0);
		as("nyj-editor", nyj, Role.EDITOR, false);
		assertThatThrownBy(() -> training.savePlan(nyj, 2032, new TrainingManagement.PlanInput(null, 1, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting("message").containsExactly("每年至少安排2次政务公开培训"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ov_training_plan WHERE plan_year = 2032").query(Long.class).single()).isZero();
		TrainingPlan plan = training.savePlan(nyj, 2032, new TrainingManagement.PlanInput(null, 2, null));
		assertThat(plan.title()).isEqualTo("沂源县农业农村局2032年度政务公开培训计划");
		as("fgj-editor", fgj, Role.EDITOR, false);
		assertThatThrownBy(() -> training.savePlan(nyj, 2032, new TrainingManagement.PlanInput(null, 3, null))).extracting("status")
			.isEqualTo(403);

		as("nyj-editor", nyj, Role.EDITOR, false);
		long own = staff.accountsOf(nyj).get(0).accountId();
		long other = staff.accountsOf(fgj).get(0).accountId();
		TrainingManagement.SessionInput outsider = session(LocalDate.of(2032, 5, 8), List.of(
				new TrainingManagement.StaffPresence(own, TrainingManagement.Presence.PRESENT, null),
				new TrainingManagement.StaffPresence(other, TrainingManagement.Presence.PRESENT, null)));
		assertThatThrownBy(() -> training.recordSession(nyj, outsider)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting("message").contains("参训人员只能从本单位工作人员名单中选择"));
		TrainingManagement.SessionInput noReason = session(LocalDate.of(2032, 5, 8),
				List.of(new TrainingManagement.StaffPresence(own, TrainingManagement.Presence.ABSENT, " ")));
		assertThatThrownBy(() -> training.recordSession(nyj, noReason)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting("field").containsExactly("reason-" + own));
		TrainingManagement.SessionInput future = session(LocalDate.of(2032, 5, 11),
				List.of(new TrainingManagement.StaffPresence(own, TrainingManagement.Presence.PRESENT, null)));
		assertThatThrownBy(() -> training.recordSession(nyj, future)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting("field").containsExactly("heldOn"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ov_training_session WHERE agency_id = ? AND held_on >= DATE '2032-01-01' AND held_on <= DATE '2032-12-31'").param(nyj)
			.query(Long.class).single()).isZero();

		TrainingSession held = training.recordSession(nyj, session(LocalDate.of(2032, 5, 8),
				List.of(new TrainingManagement.StaffPresence(own, TrainingManagement.Presence.ABSENT, "外出执法检查"))));
		List<TrainingSession.Attendance> lines = queries.attendance(held.id());
		assertThat(lines).extracting(TrainingSession.Attendance::displayName, TrainingSession.Attendance::attended,
				TrainingSession.Attendance::absenceReason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(staff.accountsOf(nyj).get(0).displayName(), false, "外出执法检查"),
					org.assertj.core.groups.Tuple.tuple("镇农业综合服务中心 李明", true, null));
		TrainingQueries.YearCheck check = queries.check(nyj, 2032);
		assertThat(check.expected()).isEqualTo(1);
		assertThat(check.attendanceRate()).as("externals are not counted in the rate").isZero();
	}

	@Test
	void theShortfallCountsPlannedSessionsWhoseMonthIsOverAgainstSessionsHeld() {
		clock.at(LocalDate.of(2031, 1, 6), 9, 0);
		as("nyj-editor", nyj, Role.EDITOR, false);
		TrainingPlan plan = training.savePlan(nyj, 2031, new TrainingManagement.PlanInput(null, 2, "上半年学习法规政策"));
		training.addItem(plan.id(), new TrainingManagement.ItemInput(3, "《条例》学习", List.of(TrainingAudience.LEADERS, TrainingAudience.STAFF),
				TrainingMethod.MEETING, "局机关全体干部职工"));
		TrainingPlan.Item july = training.addItem(plan.id(), new TrainingManagement.ItemInput(7, "依申请公开热点难点座谈",
				List.of(TrainingAudience.SECTION_HEADS), TrainingMethod.GROUP_STUDY, null));
		assertThatThrownBy(() -> training.addItem(plan.id(), new TrainingManagement.ItemInput(13, " ", List.of(), null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting("field").containsExactly("month", "topic", "audiences", "method"));
		var agency = agencies.requireById(nyj);

		OversightFigure march30 = shortfall(agency, LocalDate.of(2031, 3, 30));
		assertThat(march30.value()).isZero();
		assertThat(march30.soon()).as("due at the end of this month").isEqualTo(1);
		OversightFigure march31 = shortfall(agency, LocalDate.of(2031, 3, 31));
		assertThat(march31.value()).isEqualTo(1);
		assertThat(march31.records()).extracting(r -> r.title()).containsExactly("《条例》学习");

		clock.at(LocalDate.of(2031, 4, 2), 15, 0);
		long own = staff.accountsOf(nyj).get(0).accountId();
		training.recordSession(nyj, new TrainingManagement.SessionInput(null, LocalDate.of(2031, 4, 2), "《条例》学习（推迟举办）", "局办公室主任",
				"局三楼会议室", TrainingMethod.MEETING, null,
				List.of(new TrainingManagement.StaffPresence(own, TrainingManagement.Presence.PRESENT, null)), List.of()));
		assertThat(shortfall(agency, LocalDate.of(2031, 4, 10)).value()).isZero();
		assertThat(figures.compute(agency, LocalDate.of(2031, 4, 10))).filteredOn(f -> f.key().equals("training.held"))
			.extracting(OversightFigure::value).containsExactly(1L);
		assertThat(figures.compute(agency, LocalDate.of(2031, 4, 1))).filteredOn(f -> f.key().equals("training.held"))
			.extracting(OversightFigure::value).as("counted up to the day").containsExactly(0L);
		assertThat(shortfall(agency, LocalDate.of(2031, 7, 31)).value()).isEqualTo(1);
		assertThat(shortfall(agency, LocalDate.of(2031, 7, 31)).records()).extracting(r -> r.title()).containsExactly(july.topic());
		assertThat(figures.definitions()).extracting(FigureDefinition::key).containsExactly("training.held", "training.shortfall");

		// the yearly check and the supervisor's overview of the subtree
		clock.at(LocalDate.of(2031, 8, 3), 9, 0);
		as("gkb", county, Role.SUPERVISOR, true);
		TrainingQueries.YearCheck row = queries.overview(2031).stream().filter(c -> c.agency().id() == nyj).findFirst().orElseThrow();
		assertThat(row.planned()).isEqualTo(2);
		assertThat(row.held()).isEqualTo(1);
		assertThat(row.shortfall()).isEqualTo(1);
		assertThat(row.attendanceRate()).isEqualTo(100);
		assertThat(queries.overview(2031).stream().filter(c -> c.agency().id() == fgj).findFirst().orElseThrow().hasPlan()).isFalse();
		as("nyj-editor", nyj, Role.EDITOR, false);
		assertThat(queries.overview(2031)).extracting(c -> c.agency().id()).containsExactly(nyj);
	}

	@Test
	void testsAreMarkedAgainstThePassMarkAndAnswersStayHiddenUntilSubmission() {
		clock.at(LocalDate.of(2031, 9, 15), 9, 0);
		as("nyj-editor", nyj, Role.EDITOR, false);
		long own = staff.accountsOf(nyj).get(0).accountId();
		TrainingSession s = training.recordSession(nyj, new TrainingManagement.SessionInput(null, LocalDate.of(2031, 9, 15), "2031年9月测试用培训",
				"局办公室", null, TrainingMethod.VIDEO, null,
				List.of(new TrainingManagement.StaffPresence(own, TrainingManagement.Presence.PRESENT, null)), List.of()));
		as("gkb", county, Role.SUPERVISOR, true);
		List<Question> all = bank.list(false);
		Question single = all.stream().filter(q -> q.kind() == QuestionKind.SINGLE).findFirst().orElseThrow();
		Question multiple = all.stream().filter(q -> q.kind() == QuestionKind.MULTIPLE && q.answer().length() == 3).findFirst().orElseThrow();
		Question trueFalse = all.stream().filter(q -> q.kind() == QuestionKind.TRUE_FALSE).findFirst().orElseThrow();

		as("nyj-editor", nyj, Role.EDITOR, false);
		assertThatThrownBy(() -> exams.build(s.id(), chosen(List.of(), 60, null))).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting("field").containsExactly("questionIds"));
		TrainingExam exam = exams.build(s.id(), chosen(List.of(single.id(), multiple.id(), trueFalse.id()), null, null));
		assertThat(exam.passMark()).isEqualTo(60);
		TrainingExam strict = exams.build(s.id(), chosen(List.of(single.id(), multiple.id(), trueFalse.id()), 70, null));
		TrainingExam timed = exams.build(s.id(), chosen(List.of(single.id()), null, 10));
		TrainingExam drawn = exams.build(s.id(), new TrainingExamManagement.ExamInput(null, TrainingExamManagement.Selection.ARTICLES, 2,
				"33", 7L, List.of(), null, null, null, null));
		assertThat(drawn.selection()).contains("随机种子 7", "第三十三条");

		// a staff member of another agency neither sees nor takes the test
		as("fgj-editor", fgj, Role.EDITOR, false);
		assertThatThrownBy(() -> exams.readable(exam.id())).extracting("status").isEqualTo(403);
		assertThatThrownBy(() -> exams.start(exam.id())).extracting("status").isEqualTo(403);
		assertThat(exams.toTake(org.gongkai.platform.Actors.require())).extracting(TrainingExam::id).doesNotContain(exam.id());

		// the taker's paper carries no answers; a multiple choice with one option missing is wrong
		as("nyj-staff-a", nyj, Role.REVIEWER, false);
		assertThat(exams.toTake(org.gongkai.platform.Actors.require())).extracting(TrainingExam::id).contains(exam.id(), strict.id());
		TrainingAttempt a = exams.start(exam.id());
		assertThat(exams.start(exam.id()).id()).as("the open attempt is resumed").isEqualTo(a.id());
		TrainingExamManagement.Paper paper = exams.paper(a.id());
		assertThat(Arrays.stream(TrainingExamManagement.PaperQuestion.class.getRecordComponents()).map(c -> c.getName()))
			.doesNotContain("answer", "explanation");
		assertThat(paper.questions()).extracting(TrainingExamManagement.PaperQuestion::stem)
			.containsExactly(single.stem(), multiple.stem(), trueFalse.stem());
		assertThatThrownBy(() -> exams.result(a.id())).isInstanceOf(DomainException.class);
		Map<Long, String> answers = new HashMap<>();
		answers.put(paper.questions().get(0).id(), single.answer());
		answers.put(paper.questions().get(1).id(), multiple.answer().substring(0, 2));
		answers.put(paper.questions().get(2).id(), trueFalse.answer());
		TrainingExamManagement.Result r = exams.submit(a.id(), answers);
		assertThat(r.attempt().score()).isEqualTo(67);
		assertThat(r.attempt().passed()).isTrue();
		assertThat(r.lines()).extracting(TrainingExamManagement.ResultLine::correct).containsExactly(true, false, true);
		assertThat(r.lines().get(1).answerLabel()).isEqualTo(multiple.answer());
		assertThat(r.lines().get(1).question().explanation()).isEqualTo(multiple.explanation());
		assertThatThrownBy(() -> exams.submit(a.id(), answers)).extracting("status").isEqualTo(409);
		assertThatThrownBy(() -> exams.start(exam.id())).as("one attempt").extracting("status").isEqualTo(409);

		// the same answers against a pass mark of 70
		TrainingAttempt b = exams.start(strict.id());
		Map<Long, String> again = new HashMap<>();
		List<TrainingExamManagement.PaperQuestion> qs = exams.paper(b.id()).questions();
		again.put(qs.get(0).id(), single.answer());
		again.put(qs.get(1).id(), "ABCD");
		again.put(qs.get(2).id(), trueFalse.answer());
		TrainingExamManagement.Result strictResult = exams.submit(b.id(), again);
		assertThat(strictResult.attempt().score()).isEqualTo(67);
		assertThat(strictResult.attempt().passed()).isFalse();

		// over the time limit: recorded as late, not counted
		TrainingAttempt c = exams.start(timed.id());
		clock.now = clock.now.plusSeconds(12 * 60);
		TrainingExamManagement.Result lateResult = exams.submit(c.id(), Map.of(exams.paper(c.id()).questions().get(0).id(), single.answer()));
		assertThat(lateResult.attempt().late()).isTrue();
		assertThat(lateResult.attempt().score()).isZero();

		// a colleague who may still take the test does not see the answers of others; after taking it, does
		as("nyj-editor", nyj, Role.EDITOR, false);
		assertThatThrownBy(() -> exams.result(a.id())).extracting("status").isEqualTo(403);
		assertThat(exams.attempts(exam.id())).extracting(TrainingAttempt::score).containsExactly(67);
		TrainingAttempt mine = exams.start(exam.id());
		exams.submit(mine.id(), Map.of());
		assertThat(exams.result(a.id()).lines()).hasSize(3);
		as("fgj-editor", fgj, Role.EDITOR, false);
		assertThatThrownBy(() -> exams.result(a.id())).extracting("status").isEqualTo(403);
		as("gkb", county, Role.SUPERVISOR, true);
		assertThat(exams.result(a.id()).attempt().username()).isEqualTo("nyj-staff-a");

		TrainingQueries.YearCheck check = queries.check(nyj, 2031);
		assertThat(check.takers()).isEqualTo(4);
		assertThat(check.passed()).isEqualTo(1);
		assertThat(check.passRate()).isEqualTo(25);
	}

	@Test
	void theDemoSeedFollowsSeed000OnceAndTheDashboardPointsToTheTest() {
		clock.at(LocalDate.of(2033, 9, 1), 10, 0);
		demo.seed();
		demo.seed();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ov_training_plan WHERE agency_id = ? AND plan_year = 2033").param(nyj).query(Long.class)
			.single()).isEqualTo(1);
		as("gkb", county, Role.SUPERVISOR, true);
		TrainingPlan plan = queries.plan(nyj, 2033).orElseThrow();
		assertThat(plan.plannedSessions()).isEqualTo(2);
		assertThat(plan.content()).contains("统一要求，自行组织", "集中为主、自主学习为辅");
		assertThat(plan.items()).extracting(TrainingPlan.Item::month).containsExactly(6, 12);
		List<TrainingSession> held = queries.sessions(nyj, 2033);
		assertThat(held).singleElement().satisfies(x -> assertThat(x.heldOn()).isEqualTo(LocalDate.of(2033, 6, 18)));
		List<TrainingExam> tests = queries.examsOfSession(held.get(0).id());
		assertThat(tests).singleElement().satisfies(e -> assertThat(e.selection()).contains("10题", "随机种子 2021"));

		as("nyj-newcomer", nyj, Role.REVIEWER, false);
		List<org.gongkai.platform.DashboardCard> cards = dashboard.cardsFor(org.gongkai.platform.Actors.require());
		assertThat(cards).filteredOn(c -> c.order() == 45).singleElement()
			.satisfies(c -> assertThat(c.detail()).isEqualTo("培训按计划进行"));
		assertThat(cards).filteredOn(c -> c.order() == 46).singleElement().satisfies(c -> assertThat(c.tone()).isEqualTo("warn"));
		assertThat(exams.toTake(org.gongkai.platform.Actors.require())).extracting(TrainingExam::id).contains(tests.get(0).id());
		as("fgj-newcomer", fgj, Role.REVIEWER, false);
		assertThat(exams.toTake(org.gongkai.platform.Actors.require())).extracting(TrainingExam::id).doesNotContain(tests.get(0).id());
	}

	private static TrainingExamManagement.ExamInput chosen(List<Long> ids, Integer passMark, Integer minutes) {
		return new TrainingExamManagement.ExamInput(null, TrainingExamManagement.Selection.CHOSEN, null, null, null, ids, passMark, 1, minutes,
				null);
	}

	private OversightFigure shortfall(org.gongkai.organisation.Agency agency, LocalDate on) {
		return figures.compute(agency, on).stream().filter(f -> f.key().equals("training.shortfall")).findFirst().orElseThrow();
	}

	private static TrainingManagement.SessionInput session(LocalDate on, List<TrainingManagement.StaffPresence> presence) {
		return new TrainingManagement.SessionInput(null, on, "《条例》专题学习", "局办公室主任", "局三楼会议室", TrainingMethod.MEETING, null, presence,
				List.of("镇农业综合服务中心 李明"));
	}
}
