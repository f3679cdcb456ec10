package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.participation.MajorDecision.Method;
import org.gongkai.participation.MajorDecisionManagement.ItemInput;
import org.gongkai.testing.MovableClock;
import org.gongkai.testing.StatisticsContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The participation figures of one agency and year, against a known set of records of 2025 made through the modules'
 * services on past days: consultations opened and closed (one opened in 2024 and closed in 2025, one withdrawn, one
 * never published, one of another agency), comments and their adoption feedback, the published feedback, the major
 * decisions of the year's catalogue (one moved out), meetings and polls (withdrawn ones and ones of 2024 left out).
 * Each figure's records are as many as the figure and carry no commenter. Runs the application on H2 with the demo
 * county (without its demo items) and a clock the test moves.
 */
class ParticipationStatisticsTest extends StatisticsContext {


	private static final String COMMENTER = "赵六";

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	MajorDecisionManagement decisions;

	@Autowired
	MeetingManagement meetings;

	@Autowired
	PollManagement polls;

	@Autowired
	ParticipationStatistics statistics;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	MovableClock clock;

	long fgj;

	long nyj;

	long county;

	Consultation withFeedback;

	Consultation openAtYearEnd;

	Consultation fromLastYear;

	Meeting meeting;

	Poll poll;

	MajorDecision kept;

	MajorDecision alsoKept;

	@BeforeAll
	void records() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		nyj = agencies.requireByCode("yiyuan-nyj").id();
		county = agencies.requireByCode("yiyuan").id();

		// a consultation of 2024 that ends in 2025, with one comment (counted in 2024)
		clock.today(LocalDate.of(2024, 12, 9));
		fromLastYear = consultation("yiyuan-fgj", "价格听证办法（征求意见稿）", LocalDate.of(2024, 12, 10), LocalDate.of(2025, 1, 10));
		comment(fromLastYear, LocalDate.of(2024, 12, 12), "建议增加听证参加人的名额。");

		// meetings and polls of 2024 are not counted in 2025
		clock.today(LocalDate.of(2024, 12, 20));
		meeting(fgj, "2024年第十次常务会议", "2024-12-27T09:30");
		poll(fgj, "2024年度满意度调查", LocalDate.of(2024, 12, 20), LocalDate.of(2024, 12, 31));

		// the 2025 catalogue of major decisions: three items, published, one moved out afterwards
		clock.today(LocalDate.of(2025, 1, 15));
		as(fgj, Role.EDITOR);
		kept = decisions.add(fgj, 2025, item("城区停车设施专项规划"), null);
		alsoKept = decisions.add(fgj, 2025, item("县域物流发展规划"), null);
		MajorDecision removed = decisions.add(fgj, 2025, item("县城供热价格调整"), null);
		decisions.add(fgj, 2024, item("上一年度的决策事项"), null);
		decisions.publish(fgj, 2025, LocalDate.of(2025, 1, 15), "经县政府常务会议同意");
		decisions.publish(fgj, 2024, LocalDate.of(2025, 1, 15), "经县政府常务会议同意");
		clock.today(LocalDate.of(2025, 3, 1));
		as(fgj, Role.EDITOR);
		decisions.remove(removed.id(), "上级统一部署，暂不调整");

		// the consultation of 2025 with comments answered and the feedback published
		withFeedback = consultation("yiyuan-fgj", "停车场管理办法（征求意见稿）", LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 31));
		Comment adopted = comment(withFeedback, LocalDate.of(2025, 3, 5), "建议对新能源汽车减半收费。");
		Comment partly = comment(withFeedback, LocalDate.of(2025, 3, 6), "建议夜间免费停车。");
		Comment not = comment(withFeedback, LocalDate.of(2025, 3, 7), "建议取消全部停车收费。");
		Comment spam = comment(withFeedback, LocalDate.of(2025, 3, 8), "低价代办各类证件，加微信");
		as(fgj, Role.EDITOR);
		consultations.accept(adopted.id());
		consultations.accept(partly.id());
		consultations.accept(not.id());
		consultations.reject(spam.id(), CommentRejection.SPAM, null);
		clock.today(LocalDate.of(2025, 4, 2));
		as(fgj, Role.EDITOR);
		consultations.answer(withFeedback.id(), List.of(adopted.id()), null, AdoptionFeedbackOutcome.ADOPTED, null);
		consultations.answer(withFeedback.id(), List.of(partly.id()), null, AdoptionFeedbackOutcome.PARTLY_ADOPTED,
				"夜间前两小时免费。");
		consultations.answer(withFeedback.id(), List.of(not.id()), null, AdoptionFeedbackOutcome.NOT_ADOPTED,
				"停车收费是调节停车需求的必要手段。");
		consultations.saveSummary(withFeedback.id(), "增加新能源汽车和夜间停车优惠。");
		withFeedback = consultations.publishFeedback(withFeedback.id());

		// withdrawn and never published consultations of 2025
		clock.today(LocalDate.of(2025, 5, 1));
		Consultation withdrawn = consultation("yiyuan-fgj", "撤回的征求意见稿", LocalDate.of(2025, 5, 2), LocalDate.of(2025, 6, 5));
		comment(withdrawn, LocalDate.of(2025, 5, 3), "撤回前收到的意见。");
		as(fgj, Role.EDITOR);
		consultations.withdraw(withdrawn.id(), "起草依据发生变化");
		consultations.create(input("yiyuan-fgj", "未发布的征求意见稿", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 5)));
		// another agency's
		as(nyj, Role.EDITOR);
		consultation("yiyuan-nyj", "农业补贴办法（征求意见稿）", LocalDate.of(2025, 5, 4), LocalDate.of(2025, 6, 5));

		// a meeting and a poll of 2025, and a withdrawn one of each
		clock.today(LocalDate.of(2025, 5, 10));
		meeting = meeting(fgj, "2025年第五次常务会议", "2025-05-20T09:30");
		Meeting withdrawnMeeting = meeting(fgj, "撤回的会议", "2025-05-21T09:30");
		as(fgj, Role.EDITOR);
		meetings.withdraw(withdrawnMeeting.id(), "会议延期");
		clock.today(LocalDate.of(2025, 6, 1));
		poll = poll(fgj, "养老服务需求调查", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
		Poll withdrawnPoll = poll(fgj, "撤回的调查", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
		as(fgj, Role.EDITOR);
		polls.withdraw(withdrawnPoll.id(), "题目有误");

		// open across the year's end, with one comment still waiting for moderation
		clock.today(LocalDate.of(2025, 12, 1));
		openAtYearEnd = consultation("yiyuan-fgj", "物业服务收费办法（征求意见稿）", LocalDate.of(2025, 12, 2), LocalDate.of(2026, 1, 5));
		comment(openAtYearEnd, LocalDate.of(2025, 12, 3), "建议公开物业服务成本。");
		clock.today(LocalDate.of(2026, 3, 2));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theFiguresOfTheYearCountOnlyWhatTheRulesSay() {
		as(fgj, Role.EDITOR);
		ParticipationStatistics.Figures f = statistics.year(fgj, 2025);
		assertThat(f).isEqualTo(new ParticipationStatistics.Figures(2, 2, 5, 1, 1, 1, 1, 2, 1, 1));

		assertThat(references(statistics.records(fgj, 2025, "consultations")))
			.containsExactly("征求意见#" + withFeedback.id(), "征求意见#" + openAtYearEnd.id());
		assertThat(statistics.records(fgj, 2025, "consultationsClosed")).extracting(CountedRecord::reference, CountedRecord::date)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("征求意见#" + fromLastYear.id(), LocalDate.of(2025, 1, 10)),
					org.assertj.core.groups.Tuple.tuple("征求意见#" + withFeedback.id(), LocalDate.of(2025, 3, 31)));
		assertThat(statistics.records(fgj, 2025, "feedbackPublished")).containsExactly(new CountedRecord(
				"征求意见#" + withFeedback.id(), withFeedback.title(), LocalDate.of(2025, 4, 2),
				"/console/participation/consultations/" + withFeedback.id() + "/feedback"));
		assertThat(statistics.records(fgj, 2025, "adopted")).singleElement()
			.satisfies(r -> assertThat(r.title()).endsWith("采纳").doesNotContain(COMMENTER));
		assertThat(statistics.records(fgj, 2025, "comments")).extracting(CountedRecord::title)
			.noneMatch(t -> t.contains(COMMENTER) || t.contains("新能源"));
		assertThat(references(statistics.records(fgj, 2025, "majorDecisions")))
			.containsExactlyInAnyOrder("2025-" + kept.seq(), "2025-" + alsoKept.seq());
		assertThat(statistics.records(fgj, 2025, "meetings")).extracting(CountedRecord::reference).containsExactly("会议#" + meeting.id());
		assertThat(statistics.records(fgj, 2025, "polls")).containsExactly(new CountedRecord("调查#" + poll.id(), poll.title(),
				LocalDate.of(2025, 6, 1), "/console/participation/polls/" + poll.id()));

		// every figure has as many records as its count
		int[] values = { f.consultations(), f.consultationsClosed(), f.comments(), f.adopted(), f.partlyAdopted(),
				f.notAdopted(), f.feedbackPublished(), f.majorDecisions(), f.meetings(), f.polls() };
		for (int i = 0; i < values.length; i++) {
			String figure = ParticipationStatistics.FIGURES.get(i);
			assertThat(statistics.records(fgj, 2025, figure)).as(figure).hasSize(values[i]);
		}

		// 2024: the consultation opened then with its comment, its catalogue item, its meeting and poll
		ParticipationStatistics.Figures before = statistics.year(fgj, 2024);
		assertThat(before).isEqualTo(new ParticipationStatistics.Figures(1, 0, 1, 0, 0, 0, 0, 1, 1, 1));
		assertThatThrownBy(() -> statistics.records(fgj, 2025, "letters")).isInstanceOf(RuntimeException.class);
	}

	@Test
	void staffOfTheAgencyAndSupervisorsReadTheFiguresOthersDoNot() {
		as(fgj, Role.REVIEWER);
		assertThat(statistics.year(fgj, 2025).consultations()).isEqualTo(2);
		as(fgj, Role.APPROVER);
		assertThat(statistics.records(fgj, 2025, "polls")).hasSize(1);
		as(county, Role.SUPERVISOR, true);
		assertThat(statistics.year(fgj, 2025).meetings()).isEqualTo(1);
		as(nyj, Role.EDITOR);
		assertThat(statistics.year(nyj, 2025).consultations()).isEqualTo(1);
		assertThatThrownBy(() -> statistics.year(fgj, 2025)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		as(fgj, Role.REQUEST_HANDLER);
		assertThatThrownBy(() -> statistics.records(fgj, 2025, "comments")).isInstanceOf(DomainException.class);
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private static List<String> references(List<CountedRecord> records) {
		return records.stream().map(CountedRecord::reference).toList();
	}

	private static ConsultationInput input(String agency, String title, LocalDate opens, LocalDate closes) {
		return new ConsultationInput(agency, title, "第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行。", "《中华人民共和国价格法》",
				"为规范管理，起草了本办法。", opens, closes, null, "fgj@example.cn", null, null, null, null, ConsultationFieldRule.OPTIONAL,
				ConsultationFieldRule.OPTIONAL, true, null);
	}

	/** Created and published by the agency's editor on the clock's day. */
	private Consultation consultation(String agency, String title, LocalDate opens, LocalDate closes) {
		long agencyId = agencies.requireByCode(agency).id();
		as(agencyId, Role.EDITOR);
		Consultation c = consultations.create(input(agency, title, opens, closes));
		return consultations.publish(c.id());
	}

	/** A comment of the public sent online on the given day (the clock moves there). */
	private Comment comment(Consultation c, LocalDate on, String text) {
		clock.today(on);
		SecurityContextHolder.clearContext();
		return consultations.comment(c.id(), new CommentInput(null, text, COMMENTER, "13900001234"), "WEB");
	}

	private static ItemInput item(String title) {
		return new ItemInput(title, "拟制定" + title + "，明确目标任务和保障措施。", "yiyuan-fgj", "规划科", null, 2,
				List.of(Method.ONLINE), null, false, false, false, null);
	}

	private Meeting meeting(long agency, String title, String startsAt) {
		as(agency, Role.EDITOR);
		Meeting m = meetings.create(agency, new MeetingDraft(title, "EXECUTIVE", startsAt, "县政府第一会议室", true, null,
				List.of("PUBLIC"), "0", null));
		meetings.addItem(m.id(), new MeetingItemDraft("县城老旧小区改造实施方案", "县住房城乡建设局", true, false, null));
		return meetings.publish(m.id());
	}

	private Poll poll(long agency, String title, LocalDate opens, LocalDate closes) {
		as(agency, Role.EDITOR);
		Poll p = polls.create(new PollDraft(agencies.requireById(agency).code(), title, "为了解群众需求。", opens.toString(),
				closes.toString(), PollIdentityRule.MOBILE.name(), PollResultsVisibility.AFTER_CLOSE.name(), null, null, null),
				List.of(new PollQuestionInput("SINGLE", "您是否支持？", true, null, null, null, List.of("支持", "不支持"))));
		return polls.publish(p.id());
	}

	void as(long agencyId, Role role) {
		as(agencyId, role, false);
	}

	void as(long agencyId, Role role, boolean subtree) {
		as(role.name().toLowerCase() + "-" + agencyId, agencyId, role, subtree);
	}
}
