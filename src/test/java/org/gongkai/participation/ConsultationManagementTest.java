package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The rules of consultations against the embedded database with the demo county and a clock the test moves: the
 * states by date (open on both end days, China time), the 30-day rule and its reason, comments refused outside the
 * period (409) and for unpublished ones (404), moderation, the adoption feedback refused until every valid comment is
 * answered and the summary written, the counts and rate, masking in public, the 24-hour duplicate check, scoping,
 * audit and the public events.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
@RecordApplicationEvents
@DirtiesContext
class ConsultationManagementTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-consultation-");
	}

	static final LocalDate OPENS = LocalDate.of(2026, 3, 10);

	static final LocalDate CLOSES = LocalDate.of(2026, 4, 8);

	static final String DRAFT = "沂源县城市公共停车场管理办法（征求意见稿）\n第一章 总则\n第一条 为加强城市公共停车场管理，制定本办法。\n"
			+ "第二条 本办法适用于本县城区范围内的公共停车场。\n第三条 停车收费实行政府指导价。\n收费标准另行公布。";

	@Autowired
	ConsultationManagement management;

	@Autowired
	ConsultationQueries queries;

	@Autowired
	ConsultationPages pages;

	@Autowired
	ConsultationKind kind;

	@Autowired
	ConsultationSite site;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ConsultationDailyEvents daily;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	long fgj;

	@BeforeEach
	void setUp() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		clock.at(LocalDate.of(2026, 3, 2), 10, 0);
		asEditor(fgj);
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	void as(String username, long agencyId, Role role) {
		Actor actor = new Actor(agencyId * 100 + role.ordinal(), username, username, agencyId,
				List.of(new RoleGrant(role, agencyId, false)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}

	void asEditor(long agency) {
		as("editor-" + agency, agency, Role.EDITOR);
	}

	static ConsultationInput input(String title, LocalDate opens, LocalDate closes, String shortReason) {
		return new ConsultationInput("yiyuan-fgj", title, DRAFT, "《中华人民共和国价格法》", "为规范停车秩序，起草了本办法。", opens, closes,
				shortReason, "fgj@example.cn", "沂源县城历山路1号", null, "0533-3241234", null, ConsultationFieldRule.OPTIONAL,
				ConsultationFieldRule.OPTIONAL, true, null);
	}

	Consultation published(String title) {
		Consultation c = management.create(input(title, OPENS, CLOSES, null));
		return management.publish(c.id());
	}

	static CommentInput comment(String text) {
		return new CommentInput(null, text, "李四", "13900001234");
	}

	@Test
	void aPeriodShorterThanThirtyDaysNeedsItsReasonWhichIsPublished() {
		LocalDate closes = OPENS.plusDays(28); // 29 days, both ends counted
		assertThatThrownBy(() -> management.create(input("短期征集", OPENS, closes, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("shortReason"));
		Consultation c = management.create(input("短期征集", OPENS, closes, "上级要求月底前出台，时间紧急"));
		assertThat(c.shortReason()).isEqualTo("上级要求月底前出台，时间紧急");
		// exactly 30 days needs no reason, and none is kept
		Consultation thirty = management.create(input("三十日征集", OPENS, OPENS.plusDays(29), "多余的说明"));
		assertThat(thirty.shortReason()).isNull();
		assertThat(ConsultationRules.periodDays(OPENS, OPENS.plusDays(29))).isEqualTo(30);
	}

	@Test
	void theStateFollowsTheClockAndBothEndDaysAreOpen() {
		Consultation draft = management.create(input("状态测试", OPENS, CLOSES, null));
		assertThat(queries.status(draft)).isEqualTo(ConsultationStatus.DRAFT);
		assertThat(queries.publicConsultation(draft.id())).isEmpty();
		Consultation c = management.publish(draft.id());
		assertThat(queries.status(c)).isEqualTo(ConsultationStatus.NOT_STARTED);
		clock.at(OPENS.minusDays(1), 23, 59);
		assertThat(queries.status(c)).isEqualTo(ConsultationStatus.NOT_STARTED);
		clock.at(OPENS, 0, 0);
		assertThat(queries.status(c)).isEqualTo(ConsultationStatus.OPEN);
		clock.at(CLOSES, 23, 59);
		assertThat(queries.status(c)).isEqualTo(ConsultationStatus.OPEN);
		assertThat(kind.find(c.id())).get().satisfies(l -> assertThat(l.note()).contains("今天截止"));
		clock.at(CLOSES.plusDays(1), 0, 0);
		assertThat(queries.status(c)).isEqualTo(ConsultationStatus.CLOSED);
		assertThat(ConsultationStatus.CLOSED.label()).isEqualTo("已结束");
	}

	@Test
	void aCommentOutsideThePeriodIsRefusedWith409AndAnUnpublishedOneIs404() {
		Consultation draft = management.create(input("期外意见", OPENS, CLOSES, null));
		SecurityContextHolder.clearContext();
		assertThatThrownBy(() -> management.comment(draft.id(), comment("草稿阶段提出的意见内容"), "WEB"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
		asEditor(fgj);
		Consultation c = management.publish(draft.id());
		SecurityContextHolder.clearContext();
		assertThatThrownBy(() -> management.comment(c.id(), comment("开始前提出的意见内容"), "WEB"))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.getMessage()).contains("尚未开始");
			});
		clock.at(OPENS, 9, 0);
		Comment ok = management.comment(c.id(), new CommentInput(2, "第二条的适用范围应包括乡镇驻地。", null, null), "WEB");
		assertThat(ok.status()).isEqualTo(CommentStatus.PENDING);
		assertThat(ok.article()).isEqualTo(2);
		clock.at(CLOSES.plusDays(1), 0, 1);
		assertThatThrownBy(() -> management.comment(c.id(), comment("截止后提出的意见内容"), "WEB"))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.getMessage()).contains("已于" + CLOSES + "结束");
			});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_consultation_comment WHERE consultation_id = ?").param(c.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anEarlyCloseEndsThePeriodTodayAndRecordsIt() {
		Consultation c = published("提前结束");
		clock.at(OPENS.plusDays(3), 15, 0);
		// Art. 14 ¶2: ending a 30-day consultation on day 4 shortens the announced period; not without a reason
		assertThatThrownBy(() -> management.close(c.id(), " "))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("reason"));
		assertThat(queries.status(queries.publicConsultation(c.id()).orElseThrow())).isEqualTo(ConsultationStatus.OPEN);
		Consultation closed = management.close(c.id(), "上级机关决定暂缓出台本办法");
		assertThat(closed.closedEarlyReason()).isEqualTo("上级机关决定暂缓出台本办法");
		assertThat(pages.item(closed)).contains("实际结束", "提前结束的原因", "上级机关决定暂缓出台本办法");
		assertThat(closed.closedEarlyOn()).isEqualTo(OPENS.plusDays(3));
		assertThat(closed.effectiveClosesOn()).isEqualTo(OPENS.plusDays(3));
		assertThat(queries.status(closed)).isEqualTo(ConsultationStatus.CLOSED);
		assertThatThrownBy(() -> management.comment(c.id(), comment("提前结束后提出的意见"), "WEB"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(409));
		assertThatThrownBy(() -> management.close(c.id(), "再次结束")).isInstanceOf(DomainException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'consultation.closed' AND subject_id = ?")
			.param(String.valueOf(c.id())).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT after_state FROM audit_entry WHERE action = 'consultation.closed' AND subject_id = ?")
			.param(String.valueOf(c.id())).query(String.class).single()).contains("上级机关决定暂缓出台本办法");
	}

	@Test
	void articlesAreTheLinesBeginningWithDiAndTiao() {
		Consultation c = management.create(input("条款拆分", OPENS, CLOSES, null));
		assertThat(c.articles()).extracting(ConsultationArticle::heading).containsExactly("第一条", "第二条", "第三条");
		assertThat(c.articles().get(2).text()).isEqualTo("第三条 停车收费实行政府指导价。\n收费标准另行公布。");
		assertThat(c.preamble()).contains("第一章 总则");
		management.publish(c.id()); // the day before its first day: the period counts whole
		clock.at(OPENS, 9, 0);
		assertThatThrownBy(() -> management.comment(c.id(), new CommentInput(4, "不存在的条款的意见", null, null), "WEB"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("article"));
	}

	@Test
	void theCommentRulesDecideWhetherNameAndContactAreRequired() {
		ConsultationInput in = input("实名征集", OPENS, CLOSES, null);
		Consultation c = management.create(new ConsultationInput(in.agency(), in.title(), in.draft(), in.basis(), in.explanation(),
				in.opensOn(), in.closesOn(), null, null, null, null, null, null, ConsultationFieldRule.REQUIRED,
				ConsultationFieldRule.REQUIRED, false, null));
		management.publish(c.id()); // the day before its first day: the period counts whole
		clock.at(OPENS, 9, 0);
		assertThatThrownBy(() -> management.comment(c.id(), new CommentInput(null, "没有留姓名和联系方式的意见", " ", null), "WEB"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactlyInAnyOrder("name", "contact"));
		assertThat(management.comment(c.id(), new CommentInput(null, "留了姓名和联系方式的意见", "王五", "wangwu@example.cn"), "WEB"))
			.isNotNull();
	}

	@Test
	void theSameTextTwiceWithin24HoursIsADoubleSubmission() {
		Consultation c = published("重复提交");
		clock.at(OPENS, 9, 0);
		management.comment(c.id(), comment("建议增加夜间免费停车时段。"), "WEB");
		clock.at(OPENS, 20, 0);
		assertThatThrownBy(() -> management.comment(c.id(), comment("建议增加夜间免费停车时段。"), "API"))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.getMessage()).contains("请勿重复提交");
			});
		clock.at(OPENS.plusDays(1), 9, 1);
		assertThat(management.comment(c.id(), comment("建议增加夜间免费停车时段。"), "WEB").id()).isPositive();
	}

	@Test
	void theFeedbackIsPublishedOnlyWhenEveryValidCommentIsAnsweredAndTheSummaryWritten() {
		Consultation c = published("采纳反馈");
		clock.at(OPENS.plusDays(1), 9, 0);
		SecurityContextHolder.clearContext();
		Comment a = management.comment(c.id(), comment("建议对新能源汽车减半收费，联系13812345678。"), "WEB");
		Comment b = management.comment(c.id(), comment("新能源汽车停车应当优惠。"), "WEB");
		Comment d = management.comment(c.id(), comment("第三条收费标准应当听证。"), "WEB");
		Comment spam = management.comment(c.id(), comment("低价代办各类证件，加微信"), "WEB");
		Comment pending = management.comment(c.id(), comment("应当增加残疾人专用车位。"), "WEB");
		asEditor(fgj);
		management.accept(a.id());
		management.accept(b.id());
		management.accept(d.id());
		assertThatThrownBy(() -> management.reject(spam.id(), CommentRejection.OTHER, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("note"));
		management.reject(spam.id(), CommentRejection.SPAM, null);
		assertThatThrownBy(() -> management.accept(spam.id())).isInstanceOf(DomainException.class);

		// not closed yet
		assertThatThrownBy(() -> management.publishFeedback(c.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(409));
		assertThatThrownBy(() -> management.answer(c.id(), List.of(a.id()), null, AdoptionFeedbackOutcome.ADOPTED, null))
			.isInstanceOf(DomainException.class);
		clock.at(CLOSES.plusDays(1), 9, 0);

		// a pending comment blocks
		assertThatThrownBy(() -> management.publishFeedback(c.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("未审核"));
		management.accept(pending.id());

		// a group of two, partly adopted, needs a topic and a reason
		assertThatThrownBy(() -> management.answer(c.id(), List.of(a.id(), b.id()), null, AdoptionFeedbackOutcome.PARTLY_ADOPTED, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactlyInAnyOrder("topic", "reason"));
		management.answer(c.id(), List.of(a.id(), b.id()), "新能源汽车停车收费优惠", AdoptionFeedbackOutcome.PARTLY_ADOPTED,
				"新能源汽车首2小时免费，未采纳减半收费。");
		assertThatThrownBy(() -> management.answer(c.id(), List.of(a.id()), null, AdoptionFeedbackOutcome.ADOPTED, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).message()).contains("已经作出反馈"));
		assertThatThrownBy(() -> management.answer(c.id(), List.of(spam.id()), null, AdoptionFeedbackOutcome.ADOPTED, null))
			.isInstanceOf(InvalidInputException.class);
		management.answer(c.id(), List.of(d.id()), null, AdoptionFeedbackOutcome.ADOPTED, null);

		// one accepted comment still lacks feedback
		assertThatThrownBy(() -> management.publishFeedback(c.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.getMessage()).contains("1条有效意见未作出采纳情况反馈");
			});
		assertThatThrownBy(() -> management.answer(c.id(), List.of(pending.id()), null, AdoptionFeedbackOutcome.NOT_ADOPTED, " "))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("reason"));
		management.answer(c.id(), List.of(pending.id()), null, AdoptionFeedbackOutcome.NOT_ADOPTED, "专用车位已由《无障碍环境建设法》规定。");

		// the summary text is missing
		assertThatThrownBy(() -> management.publishFeedback(c.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("说明"));
		management.saveSummary(c.id(), "增加新能源汽车首2小时免费的规定；收费标准制定前组织听证。");
		Consultation done = management.publishFeedback(c.id());
		assertThat(queries.status(done)).isEqualTo(ConsultationStatus.FEEDBACK_PUBLISHED);

		ConsultationTally t = queries.tally(c.id());
		assertThat(t.received()).isEqualTo(5);
		assertThat(t.accepted()).isEqualTo(4);
		assertThat(t.rejected()).isEqualTo(1);
		assertThat(t.adopted()).isEqualTo(1);
		assertThat(t.partlyAdopted()).isEqualTo(2);
		assertThat(t.notAdopted()).isEqualTo(1);
		assertThat(t.oneLiner()).isEqualTo("收到意见5条（有效意见4条），采纳1条，部分采纳2条，采纳率75.0%");
		assertThat(kind.find(c.id())).get().satisfies(l -> {
			assertThat(l.status()).isEqualTo("已反馈");
			assertThat(l.note()).isEqualTo("收到意见5条（有效意见4条），采纳1条，部分采纳2条，采纳率75.0%");
		});

		// the public page: masked comment text, no names or contacts, the summary and the groups
		String page = pages.item(done);
		assertThat(page).contains("收到意见5条", "新能源汽车停车收费优惠", "部分采纳", "138****5678", "增加新能源汽车首2小时免费的规定")
			.doesNotContain("13812345678")
			.doesNotContain("李四")
			.doesNotContain("13900001234")
			.doesNotContain("低价代办");

		// nothing changes after publication
		assertThatThrownBy(() -> management.saveSummary(c.id(), "再次修改")).isInstanceOf(DomainException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'consultation.%' AND subject_id = ?")
			.param(String.valueOf(c.id())).query(Long.class).single()).isGreaterThanOrEqualTo(14);
		assertThat(events.stream(PublicConsultationChanged.class).filter(e -> e.id() == c.id())).isNotEmpty();
	}

	@Test
	void acceptedCommentsAreShownMaskedAndWithoutTheCommenterOnlyWhenTheRulesSaySo() {
		Consultation c = published("公开意见");
		clock.at(OPENS, 9, 0);
		SecurityContextHolder.clearContext();
		Comment accepted = management.comment(c.id(), new CommentInput(1, "身份证" + "11010519491231002X" + "的居民建议延长免费时段。", "周九",
				"13600001111"), "WEB");
		management.comment(c.id(), comment("尚未审核的意见不公开。"), "WEB");
		asEditor(fgj);
		management.accept(accepted.id());
		ConsultationPages.View view = pages.view(queries.publicConsultation(c.id()).orElseThrow());
		assertThat(view.comments()).extracting(ConsultationPages.PublicComment::content)
			.containsExactly("身份证110105********002X的居民建议延长免费时段。");
		assertThat(view.comments()).extracting(ConsultationPages.PublicComment::article).containsExactly("第一条");
		String page = pages.item(c);
		assertThat(page).contains("110105********002X").doesNotContain("11010519491231002X").doesNotContain("周九")
			.doesNotContain("13600001111").doesNotContain("尚未审核的意见不公开");

		ConsultationInput in = input("不公开意见", OPENS, CLOSES, null);
		// published on its first day: the day is not counted and the period falls short of 30 days
		Consultation hidden = management.publish(management.create(new ConsultationInput(in.agency(), in.title(), in.draft(), in.basis(),
				in.explanation(), in.opensOn(), in.closesOn(), null, null, null, null, null, null, ConsultationFieldRule.OPTIONAL,
				ConsultationFieldRule.OPTIONAL, false, null)).id(), "测试：当日发布");
		Comment other = management.comment(hidden.id(), comment("这条意见不会公开显示。"), "WEB");
		management.accept(other.id());
		assertThat(pages.view(hidden).comments()).isNull();
		assertThat(pages.item(hidden)).doesNotContain("这条意见不会公开显示");
	}

	@Test
	void withdrawalTakesAConsultationOffThePortalAndNeedsAReason() {
		Consultation c = published("撤回测试");
		assertThat(site.publicPaths()).contains(ConsultationKind.path(c.id()));
		assertThatThrownBy(() -> management.withdraw(c.id(), " ")).isInstanceOf(InvalidInputException.class);
		Consultation w = management.withdraw(c.id(), "决策事项调整，暂停征求意见");
		assertThat(queries.status(w)).isEqualTo(ConsultationStatus.WITHDRAWN);
		assertThat(queries.publicConsultation(c.id())).isEmpty();
		assertThat(site.publicPaths()).doesNotContain(ConsultationKind.path(c.id()));
		assertThat(kind.highlights(null, 100)).extracting(ParticipationLink::id).doesNotContain(c.id());
		assertThat(events.stream(PublicConsultationChanged.class).filter(e -> e.id() == c.id() && !e.isPublic())).hasSize(1);
	}

	@Test
	void aPublishedConsultationIsNotEditedButMayBeExtended() {
		Consultation c = published("延长测试");
		assertThatThrownBy(() -> management.update(c.id(), input("改标题", OPENS, CLOSES, null))).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> management.extend(c.id(), CLOSES.minusDays(1), null)).isInstanceOf(InvalidInputException.class);
		assertThat(management.extend(c.id(), CLOSES.plusDays(10), null).closesOn()).isEqualTo(CLOSES.plusDays(10));
		// no more than a year, as for a new consultation
		assertThatThrownBy(() -> management.extend(c.id(), OPENS.plusDays(366), null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).message()).contains("不能超过一年"));
		assertThat(management.extend(c.id(), OPENS.plusDays(365), null).closesOn()).isEqualTo(OPENS.plusDays(365));
	}

	@Test
	void publishedOnItsFirstDayThatDayIsNotCountedAndAShortPeriodNeedsItsReason() {
		// 30 days with both ends, published at 17:00 on the first day: 29 days are left (民法典 Art. 201)
		clock.at(OPENS, 17, 0);
		Consultation c = management.create(input("当天发布", OPENS, OPENS.plusDays(29), null));
		assertThat(c.shortReason()).isNull();
		assertThatThrownBy(() -> management.publish(c.id()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("shortReason"));
		Consultation published = management.publish(c.id(), "省厅要求月底前报送");
		assertThat(published.shortReason()).isEqualTo("省厅要求月底前报送");
		assertThat(queries.status(published)).isEqualTo(ConsultationStatus.OPEN);
		// published the day before, the same dates need no reason
		clock.at(OPENS.minusDays(1), 17, 0);
		Consultation early = management.create(input("提前发布", OPENS, OPENS.plusDays(29), null));
		assertThat(management.publish(early.id()).shortReason()).isNull();
	}

	@Test
	void commentsByEmailLetterFaxOrPhoneAreRecordedByStaffAndCounted() {
		Consultation c = published("其他渠道");
		clock.at(OPENS.plusDays(2), 10, 0);
		Comment letter = management.recordComment(c.id(), "POST", OPENS.plusDays(1), 3, "来信建议收费标准听证。", "王老师",
				"沂源县历山街道");
		assertThat(letter.status()).isEqualTo(CommentStatus.ACCEPTED);
		assertThat(letter.channel()).isEqualTo("POST");
		assertThat(letter.receivedOn()).isEqualTo(OPENS.plusDays(1));
		assertThat(letter.moderatedBy()).isEqualTo("editor-" + fgj);
		// a channel that is not one, a day outside the period or in the future, no text
		assertThatThrownBy(() -> management.recordComment(c.id(), "WEB", OPENS.minusDays(1), null, " ", null, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactlyInAnyOrder("channel", "receivedOn", "content"));
		assertThatThrownBy(() -> management.recordComment(c.id(), "EMAIL", OPENS.plusDays(3), null, "明天才会收到的邮件。", null, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("receivedOn"));
		// a supervisor or another agency may not record
		as("nyj-editor", agencies.requireByCode("yiyuan-nyj").id(), Role.EDITOR);
		assertThatThrownBy(() -> management.recordComment(c.id(), "FAX", OPENS.plusDays(1), null, "传真意见内容。", null, null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		asEditor(fgj);

		// after the period: a letter received on the last day is still recorded, one received later is not
		clock.at(CLOSES.plusDays(3), 9, 0);
		Comment phone = management.recordComment(c.id(), "PHONE", CLOSES, null, "电话反映停车位不足。", null, null);
		assertThatThrownBy(() -> management.recordComment(c.id(), "POST", CLOSES.plusDays(1), null, "逾期收到的来信。", null, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("receivedOn"));
		ConsultationTally t = queries.tally(c.id());
		assertThat(t.received()).isEqualTo(2);
		assertThat(t.accepted()).isEqualTo(2);
		assertThat(t.unanswered()).isEqualTo(2);

		// they count in the completeness check of the feedback
		management.saveSummary(c.id(), "无修改。");
		management.answer(c.id(), List.of(letter.id()), null, AdoptionFeedbackOutcome.ADOPTED, null);
		assertThatThrownBy(() -> management.publishFeedback(c.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("1条有效意见未作出采纳情况反馈"));
		management.answer(c.id(), List.of(phone.id()), null, AdoptionFeedbackOutcome.NOT_ADOPTED, "停车位规划另行制定。");
		management.publishFeedback(c.id());
		assertThat(queries.tally(c.id()).oneLiner()).isEqualTo("收到意见2条（有效意见2条），采纳1条，部分采纳0条，采纳率50.0%");
		// refused once the feedback is published
		assertThatThrownBy(() -> management.recordComment(c.id(), "EMAIL", CLOSES, null, "公布后补登的意见。", null, null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(409));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'consultation.comment.recorded' AND subject_id = ?")
			.param(String.valueOf(c.id())).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theDailyJobPublishesTheEventForConsultationsThatOpenedOrClosedThatDay() {
		Consultation c = published("每日状态");
		Consultation other = management.publish(management.create(input("其他日期", OPENS.plusDays(1), CLOSES.plusDays(5), null)).id());
		clock.at(OPENS, 0, 1);
		events.clear();
		assertThat(daily.publishDayChanges()).isGreaterThanOrEqualTo(1);
		assertThat(events.stream(PublicConsultationChanged.class).map(PublicConsultationChanged::id)).contains(c.id())
			.doesNotContain(other.id());
		clock.at(CLOSES.plusDays(1), 0, 1);
		events.clear();
		daily.publishDayChanges();
		assertThat(events.stream(PublicConsultationChanged.class).map(PublicConsultationChanged::id)).contains(c.id())
			.doesNotContain(other.id());
		clock.at(CLOSES, 0, 1);
		events.clear();
		daily.publishDayChanges();
		assertThat(events.stream(PublicConsultationChanged.class).map(PublicConsultationChanged::id)).doesNotContain(c.id());
	}

	@Test
	void aCommentRacingAnEarlyCloseWaitsForItAndIsRefused() throws Exception {
		Consultation c = published("加锁");
		clock.at(OPENS.plusDays(1), 9, 0);
		java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
		org.springframework.security.core.context.SecurityContext staff = SecurityContextHolder.getContext();
		// staff close the consultation in a transaction that stays open a moment after the row is locked
		java.util.concurrent.Future<?> closing = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> {
			SecurityContextHolder.setContext(staff);
			tx.executeWithoutResult(s -> {
				management.close(c.id(), "决策事项调整");
				locked.countDown();
				try {
					Thread.sleep(400);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
			return null;
		});
		assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		SecurityContextHolder.clearContext();
		// the comment reads the consultation under its lock: it waits for the close and then sees it closed
		assertThatThrownBy(() -> management.comment(c.id(), comment("与提前结束同时提交的意见。"), "WEB"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(409));
		closing.get(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_consultation_comment WHERE consultation_id = ?").param(c.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void staffOfAnotherAgencyMayNotManageAndTheStartMayNotLieInThePast() {
		Consultation c = management.create(input("越权测试", LocalDate.of(2026, 3, 1), CLOSES, null));
		as("nyj-editor", agencies.requireByCode("yiyuan-nyj").id(), Role.EDITOR);
		assertThatThrownBy(() -> management.publish(c.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		asEditor(fgj);
		assertThatThrownBy(() -> management.publish(c.id()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("opensOn"));
	}

	@Test
	void openConsultationsComeFirstInThePublicList() {
		Consultation later = published("尚未开始的征集");
		clock.at(LocalDate.of(2026, 3, 2), 10, 0);
		Consultation now = management.publish(management.create(input("正在征集的事项", LocalDate.of(2026, 3, 2),
				LocalDate.of(2026, 4, 30), null)).id());
		List<Long> order = queries.publicList(fgj, null).stream().map(Consultation::id).toList();
		assertThat(order.indexOf(now.id())).isLessThan(order.indexOf(later.id()));
		assertThat(kind.highlights(fgj, 1)).extracting(ParticipationLink::status).containsExactly("征集中");
		assertThat(queries.publicList(fgj, ConsultationStatus.NOT_STARTED)).extracting(Consultation::id).contains(later.id())
			.doesNotContain(now.id());
	}
}
