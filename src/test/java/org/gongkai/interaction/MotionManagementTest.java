package org.gongkai.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.Zones;
import org.gongkai.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The handling of suggestions and proposals against the rules: deadlines from the year's arrangement, late replies,
 * the consultation before the reply, publication decisions, their limit in working days and masking, and the
 * statistics. Runs the application on H2 with the demo county, acting as its demo staff, with a clock the test moves.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
@RecordApplicationEvents
@DirtiesContext
class MotionManagementTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-motions-");
	}

	private static final AtomicInteger NUMBERS = new AtomicInteger(100);

	/** A resident ID with a valid check digit (GB 11643's example). */
	private static final String RESIDENT_ID = "11010519491231002X";

	@Autowired
	MotionManagement management;

	@Autowired
	MotionQueries queries;

	@Autowired
	MotionStatistics statistics;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	MovableClock clock;

	@Autowired
	MotionPages pages;

	@Autowired
	MotionApiController api;

	@Autowired
	ApplicationEvents events;

	long county;

	long fgj;

	long nyj;

	long jtj;

	@BeforeEach
	void setUp() {
		county = agencies.requireByCode("yiyuan").id();
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		nyj = agencies.requireByCode("yiyuan-nyj").id();
		jtj = agencies.requireByCode("yiyuan-jtj").id();
		clock.today(LocalDate.of(2026, 3, 2));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	// ---- actors -------------------------------------------------------------------------------------------

	void as(String username, long agencyId, Role role, boolean subtree) {
		Actor actor = new Actor(agencyId * 100 + role.ordinal(), username, username, agencyId,
				List.of(new RoleGrant(role, agencyId, subtree)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}

	void asSupervisor() {
		as("gkb", county, Role.SUPERVISOR, true);
	}

	void asLeadAdmin() {
		as("fgj-admin", fgj, Role.AGENCY_ADMIN, false);
	}

	void asLeadApprover() {
		as("fgj-leader", fgj, Role.APPROVER, false);
	}

	void asLeadEditor() {
		as("fgj-editor", fgj, Role.EDITOR, false);
	}

	Motion register(int year, MotionKind kind, long lead, List<Long> coUnits, LocalDate assignedOn, LocalDate dueOn) {
		asSupervisor();
		return management.register(new MotionRegistration(year, kind, String.valueOf(NUMBERS.incrementAndGet()), null,
				"关于加快推进农村公路提档升级的建议", "建议对县乡道路进行提档升级。", "张三、李四", "联系电话 13912345678",
				lead, coUnits, assignedOn, dueOn));
	}

	void consult(long id, LocalDate on) {
		asLeadEditor();
		management.recordConsultation(id, on, MotionConsultationForm.IN_PERSON, "张三代表、县发展改革局副局长", "当面听取了代表的意见。");
	}

	Motion replyAsLead(long id, MotionCategory category, String text, LocalDate on) {
		asLeadAdmin();
		return management.reply(id, category, text, on);
	}

	// ---- deadlines ----------------------------------------------------------------------------------------

	@Test
	void theDeadlineFollowsTheYearsArrangementUnlessTheDispatcherSetsOne() {
		asSupervisor();
		Motion byDefault = register(2031, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		assertThat(byDefault.dueOn()).as("3 calendar months from assignment by default").isEqualTo(LocalDate.of(2026, 6, 2));
		assertThat(byDefault.dueRule()).isEqualTo("交办之日起3个月");

		asSupervisor();
		management.arrange(2032, "县十八届人大三次会议", "政协县十四届三次会议", 2, null, 20, true);
		Motion twoMonths = register(2032, MotionKind.PROPOSAL, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		assertThat(twoMonths.dueOn()).isEqualTo(LocalDate.of(2026, 5, 2));
		assertThat(twoMonths.sessionLabel()).as("the year's session label for the kind").isEqualTo("政协县十四届三次会议");
		Motion explicit = register(2032, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 15));
		assertThat(explicit.dueOn()).isEqualTo(LocalDate.of(2026, 4, 15));
		assertThat(explicit.sessionLabel()).isEqualTo("县十八届人大三次会议");

		// a fixed date for the year moves the motions that follow the arrangement, not the one with its own deadline
		asSupervisor();
		management.arrange(2032, "县十八届人大三次会议", "政协县十四届三次会议", 2, LocalDate.of(2032, 6, 30), 20, true);
		asSupervisor();
		assertThat(queries.staffView(twoMonths.id()).dueOn()).isEqualTo(LocalDate.of(2032, 6, 30));
		assertThat(queries.staffView(twoMonths.id()).dueRule()).isEqualTo("2032年度统一答复期限");
		assertThat(queries.staffView(explicit.id()).dueOn()).isEqualTo(LocalDate.of(2026, 4, 15));

		// only the dispatcher sets the arrangement; an agency's editor cannot register
		asLeadEditor();
		assertThatThrownBy(() -> management.arrange(2033, null, null, 3, null, 20, true)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		asLeadEditor();
		assertThatThrownBy(() -> management.register(new MotionRegistration(2031, MotionKind.SUGGESTION, "9001", null, "标题", null,
				"王五", null, fgj, List.of(), LocalDate.of(2026, 3, 2), null))).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
	}

	@Test
	void theNumberIsUniquePerYearAndKindAndInvalidInputSavesNothing() {
		asSupervisor();
		management.register(new MotionRegistration(2034, MotionKind.SUGGESTION, "7", null, "甲", null, "王五", null, fgj, List.of(),
				LocalDate.of(2026, 3, 2), null));
		InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
				() -> management.register(new MotionRegistration(2034, MotionKind.SUGGESTION, "7", null, " ", null, null, null,
						fgj, List.of(fgj), LocalDate.of(2026, 3, 3), null)));
		assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
			.contains("number", "title", "proposers", "coUnits", "assignedOn");
		// the same number as a proposal is another motion
		assertThat(management.register(new MotionRegistration(2034, MotionKind.PROPOSAL, "7", null, "乙", null, "赵六", null, fgj,
				List.of(), LocalDate.of(2026, 3, 2), null)).numberLabel()).isEqualTo("提案第7号");
		assertThat(queries.queue(List.of(fgj), 2034, null, null, false, 1, 50)).hasSize(2);
	}

	// ---- replies ------------------------------------------------------------------------------------------

	@Test
	void aReplyAfterTheDeadlineIsCountedLate() {
		Motion onTime = register(2035, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 10));
		Motion late = register(2035, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 10));
		clock.today(LocalDate.of(2026, 3, 20));
		consult(onTime.id(), LocalDate.of(2026, 3, 5));
		consult(late.id(), LocalDate.of(2026, 3, 5));
		asLeadAdmin();
		assertThat(queries.queue(List.of(fgj), 2035, null, null, true, 1, 10)).allMatch(MotionQueries.QueueItem::overdue);

		Motion a = replyAsLead(onTime.id(), MotionCategory.A, "已经解决。", LocalDate.of(2026, 3, 10));
		Motion b = replyAsLead(late.id(), MotionCategory.B, "正在解决。", LocalDate.of(2026, 3, 11));
		assertThat(a.replyLate()).isFalse();
		assertThat(a.firstReplyLate()).isFalse();
		assertThat(b.replyLate()).isTrue();
		assertThat(b.firstReplyLate()).isTrue();
		assertThat(b.status()).isEqualTo(MotionStatus.REPLIED);
		assertThat(queries.replies(b.id())).singleElement().satisfies(r -> assertThat(r.late()).isTrue());

		MotionStatistics.Figures f = statistics.forUnit(fgj, 2035);
		assertThat(f.replied()).isEqualTo(2);
		assertThat(f.repliedOnTime()).isEqualTo(1);
		assertThat(f.repliedLate()).isEqualTo(1);
		assertThat(f.overdue()).isZero();
	}

	@Test
	void aReplyIsRefusedWithoutAConsultationWhenTheYearRequiresOne() {
		Motion m = register(2036, MotionKind.PROPOSAL, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		clock.today(LocalDate.of(2026, 3, 20));
		DomainException refused = org.junit.jupiter.api.Assertions.assertThrows(DomainException.class,
				() -> replyAsLead(m.id(), MotionCategory.A, "已经解决。", LocalDate.of(2026, 3, 20)));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.getMessage()).contains("答复前与提出人面商", "请先登记面商情况");
		asLeadAdmin();
		assertThat(queries.staffView(m.id()).status()).as("nothing saved").isEqualTo(MotionStatus.REGISTERED);
		assertThat(queries.replies(m.id())).isEmpty();

		// a consultation after the reply date does not count for it
		consult(m.id(), LocalDate.of(2026, 3, 18));
		assertThatThrownBy(() -> replyAsLead(m.id(), MotionCategory.A, "已经解决。", LocalDate.of(2026, 3, 17)))
			.isInstanceOf(DomainException.class).hasMessageContaining("面商");
		assertThat(replyAsLead(m.id(), MotionCategory.A, "已经解决。", LocalDate.of(2026, 3, 20)).status())
			.isEqualTo(MotionStatus.REPLIED);

		// a year that does not require the consultation lets the reply through
		asSupervisor();
		management.arrange(2037, null, null, 3, null, 20, false);
		Motion free = register(2037, MotionKind.PROPOSAL, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		assertThat(replyAsLead(free.id(), MotionCategory.C, "留作参考。", LocalDate.of(2026, 3, 20)).status())
			.isEqualTo(MotionStatus.REPLIED);
	}

	@Test
	void coUnitsGiveOpinionsOnlyForTheirOwnUnit() {
		Motion m = register(2038, MotionKind.SUGGESTION, fgj, List.of(nyj), LocalDate.of(2026, 3, 2), null);
		as("nyj-editor", nyj, Role.EDITOR, false);
		Motion handled = management.coUnitOpinion(m.id(), nyj, "建议结合高标准农田建设统筹推进。", LocalDate.of(2026, 3, 2));
		assertThat(handled.status()).isEqualTo(MotionStatus.HANDLING);
		assertThat(queries.coUnits(m.id())).singleElement().satisfies(u -> assertThat(u.opinion()).contains("高标准农田"));
		as("jtj-editor", jtj, Role.EDITOR, false);
		assertThatThrownBy(() -> management.coUnitOpinion(m.id(), jtj, "意见", LocalDate.of(2026, 3, 2)))
			.isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		asLeadEditor();
		assertThatThrownBy(() -> management.coUnitOpinion(m.id(), nyj, "意见", LocalDate.of(2026, 3, 2)))
			.isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		assertThat(queries.history(m.id())).extracting(MotionHistoryEntry::action).containsExactly("registered", "co-opinion");
	}

	// ---- publication --------------------------------------------------------------------------------------

	@Test
	void aReplyNotPublishedNeverReachesThePublic() {
		Motion unreplied = register(2039, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		Motion m = register(2039, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		consult(m.id(), LocalDate.of(2026, 3, 2));
		clock.today(LocalDate.of(2026, 3, 9));
		replyAsLead(m.id(), MotionCategory.C, "涉及尚未公开的规划，留作参考。", LocalDate.of(2026, 3, 9));

		asLeadApprover();
		InvalidInputException noReason = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
				() -> management.decidePublication(m.id(), MotionPublication.NOT_PUBLISHED, " ", null));
		assertThat(noReason.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("reason");
		asLeadEditor();
		assertThatThrownBy(() -> management.decidePublication(m.id(), MotionPublication.FULL, null, null))
			.as("an editor does not decide").isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);

		asLeadApprover();
		Motion decided = management.decidePublication(m.id(), MotionPublication.NOT_PUBLISHED, "涉及尚未公开的规划内容", null);
		assertThat(decided.isPublic()).isFalse();
		assertThat(decided.publishedText()).isNull();
		assertThat(queries.publicMotion(m.id())).isEmpty();
		assertThat(queries.publicMotion(unreplied.id())).isEmpty();
		assertThat(queries.publicPage(2039, null, null, 1, 50).total()).isZero();
		assertThat(queries.publicIds()).doesNotContain(m.id(), unreplied.id());
		assertThat(events.stream(PublicMotionChanged.class).filter(e -> e.motionId() == m.id())).isEmpty();
		assertThat(statistics.forUnit(fgj, 2039).notPublished()).isEqualTo(1);
	}

	@Test
	void publicationTwentyOneWorkingDaysAfterTheReplyIsLateAndTwentyIsNot() {
		LocalDate repliedOn = LocalDate.of(2026, 4, 1);
		Motion onTime = register(2040, MotionKind.PROPOSAL, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		Motion late = register(2040, MotionKind.PROPOSAL, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		consult(onTime.id(), LocalDate.of(2026, 3, 2));
		consult(late.id(), LocalDate.of(2026, 3, 2));
		clock.today(repliedOn);
		Motion replied = replyAsLead(onTime.id(), MotionCategory.A, "已采纳。", repliedOn);
		replyAsLead(late.id(), MotionCategory.A, "已采纳。", repliedOn);
		LocalDate limit = calendar.addWorkingDays(repliedOn, 20);
		assertThat(replied.publishDueOn()).isEqualTo(limit);
		assertThat(limit).as("Qingming (6 April) is skipped").isEqualTo(LocalDate.of(2026, 4, 30));

		clock.today(limit);
		asLeadApprover();
		Motion published = management.decidePublication(onTime.id(), MotionPublication.FULL, null, null);
		assertThat(published.publicationLate()).isFalse();

		clock.today(calendar.addWorkingDays(repliedOn, 21));
		asLeadApprover();
		Motion lateOne = management.decidePublication(late.id(), MotionPublication.FULL, null, null);
		assertThat(lateOne.publicationLate()).isTrue();
		assertThat(lateOne.publishedOn()).as("the 21st working day comes after the May Day holiday")
			.isEqualTo(LocalDate.of(2026, 5, 6));
		assertThat(statistics.forUnit(fgj, 2040).publicationLate()).isEqualTo(1);
		assertThat(events.stream(PublicMotionChanged.class)).contains(new PublicMotionChanged(late.id(), fgj, true));
	}

	@Test
	void aPublicationLimitInAYearWithoutHolidayNoticeIsProvisional() {
		clock.today(LocalDate.of(2027, 1, 4));
		Motion m = register(2045, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2027, 1, 4), null);
		consult(m.id(), LocalDate.of(2027, 1, 4));
		Motion replied = replyAsLead(m.id(), MotionCategory.A, "已采纳。", LocalDate.of(2027, 1, 4));
		assertThat(replied.publishDueProvisional()).as("2027's holiday notice is not loaded").isTrue();
		assertThat(replied.publishDueOn()).isEqualTo(calendar.addWorkingDaysProvisionally(LocalDate.of(2027, 1, 4), 20).date());
		asSupervisor();
		management.recountProvisional();
		assertThat(queries.staffView(m.id()).publishDueProvisional()).as("still not loaded").isTrue();
	}

	@Test
	void phoneNumbersAndIdNumbersAreMaskedInThePublishedText() {
		Motion full = register(2041, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		Motion summary = register(2041, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		consult(full.id(), LocalDate.of(2026, 3, 2));
		consult(summary.id(), LocalDate.of(2026, 3, 2));
		clock.today(LocalDate.of(2026, 3, 9));
		String reply = "张三代表：您好！经办人电话13912345678，身份证号" + RESIDENT_ID + "。所提建议已采纳。";
		replyAsLead(full.id(), MotionCategory.A, reply, LocalDate.of(2026, 3, 9));
		replyAsLead(summary.id(), MotionCategory.B, reply, LocalDate.of(2026, 3, 9));

		asLeadApprover();
		Motion f = management.decidePublication(full.id(), MotionPublication.FULL, null, null);
		assertThat(f.publishedText()).contains("139****5678", "110105********002X", "所提建议已采纳")
			.doesNotContain("13912345678", RESIDENT_ID);
		assertThatThrownBy(() -> management.decidePublication(summary.id(), MotionPublication.SUMMARY, "篇幅较长", null))
			.isInstanceOf(InvalidInputException.class);
		Motion s = management.decidePublication(summary.id(), MotionPublication.SUMMARY, "篇幅较长",
				"正在推进，联系人电话 13800001111。");
		assertThat(s.publishedText()).isEqualTo("正在推进，联系人电话 138****1111。");
		assertThat(queries.publicMotion(full.id()).orElseThrow().publishedText()).doesNotContain("13912345678");

		// a published reply cannot be re-decided; it is withdrawn with a reason, and leaves the public reads
		assertThatThrownBy(() -> management.decidePublication(full.id(), MotionPublication.NOT_PUBLISHED, "理由", null))
			.isInstanceOf(DomainException.class).hasMessageContaining("撤回");
		management.withdrawPublication(full.id(), "答复内容有误");
		assertThat(queries.publicMotion(full.id())).isEmpty();
		assertThat(events.stream(PublicMotionChanged.class)).contains(new PublicMotionChanged(full.id(), fgj, false));
		MotionStatistics.Figures fig = statistics.forUnit(fgj, 2041);
		assertThat(fig.publishedSummary()).isEqualTo(1);
		assertThat(fig.publishedFull()).isZero();
		assertThat(fig.withdrawn()).isEqualTo(1);
	}

	// ---- feedback -----------------------------------------------------------------------------------------

	@Test
	void anUnsatisfiedProposerGetsOneSecondHandling() {
		Motion m = register(2042, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		consult(m.id(), LocalDate.of(2026, 3, 2));
		clock.today(LocalDate.of(2026, 3, 9));
		replyAsLead(m.id(), MotionCategory.C, "留作参考。", LocalDate.of(2026, 3, 9));
		asLeadEditor();
		assertThatThrownBy(() -> management.recordFeedback(m.id(), MotionFeedback.UNSATISFIED, null, LocalDate.of(2026, 3, 9)))
			.isInstanceOf(InvalidInputException.class);
		management.recordFeedback(m.id(), MotionFeedback.UNSATISFIED, "没有解决实际问题", LocalDate.of(2026, 3, 9));
		asSupervisor();
		Motion again = management.rehandle(m.id(), LocalDate.of(2026, 4, 9), "请重新研究");
		assertThat(again.status()).isEqualTo(MotionStatus.REHANDLING);
		assertThat(again.round()).isEqualTo(2);
		assertThat(again.dueOn()).isEqualTo(LocalDate.of(2026, 4, 9));
		// the second round needs its own consultation
		clock.today(LocalDate.of(2026, 3, 10));
		assertThatThrownBy(() -> replyAsLead(m.id(), MotionCategory.B, "正在解决。", LocalDate.of(2026, 3, 10)))
			.isInstanceOf(DomainException.class).hasMessageContaining("重新面商");
		consult(m.id(), LocalDate.of(2026, 3, 9));
		assertThatThrownBy(() -> replyAsLead(m.id(), MotionCategory.B, "已列入明年计划。", LocalDate.of(2026, 3, 9)))
			.as("not on the day of the first reply").isInstanceOf(InvalidInputException.class).hasMessageContaining("应晚于上次答复日期");
		Motion second = replyAsLead(m.id(), MotionCategory.B, "已列入明年计划。", LocalDate.of(2026, 3, 10));
		assertThat(second.replyCategory()).isEqualTo(MotionCategory.B);
		assertThat(second.firstReplyLate()).isFalse();
		assertThat(queries.replies(m.id())).hasSize(2);
		asLeadEditor();
		management.recordFeedback(m.id(), MotionFeedback.UNSATISFIED, "仍不满意", LocalDate.of(2026, 3, 10));
		asSupervisor();
		assertThatThrownBy(() -> management.rehandle(m.id(), LocalDate.of(2026, 5, 9), null)).isInstanceOf(DomainException.class)
			.hasMessageContaining("只能").hasMessageContaining("一次");
		Motion closed = management.close(m.id());
		assertThat(closed.status()).isEqualTo(MotionStatus.CLOSED);
		assertThat(queries.history(m.id())).extracting(MotionHistoryEntry::action)
			.containsSubsequence("registered", "consulted", "replied", "feedback", "rehandle", "consulted", "replied", "feedback",
					"closed");
	}

	// ---- who dispatches -----------------------------------------------------------------------------------

	static int status(Runnable step) {
		DomainException e = org.junit.jupiter.api.Assertions.assertThrows(DomainException.class, step::run);
		return e.status();
	}

	@Test
	void theLeadUnitsOwnAdministratorIsNotItsDispatcher() {
		Motion m = register(2046, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 30));

		// the unit's administrator, even with a subtree grant on its own unit, cannot re-time, re-assign or register
		for (boolean subtree : List.of(false, true)) {
			as("fgj-admin", fgj, Role.AGENCY_ADMIN, subtree);
			assertThat(status(() -> management.setDeadline(m.id(), LocalDate.of(2026, 12, 31), "我们需要更多时间"))).isEqualTo(403);
			as("fgj-admin", fgj, Role.AGENCY_ADMIN, subtree);
			assertThat(status(() -> management.changeUnits(m.id(), fgj, List.of(nyj), "理由"))).isEqualTo(403);
			as("fgj-admin", fgj, Role.AGENCY_ADMIN, subtree);
			assertThat(status(() -> management.register(new MotionRegistration(2046, MotionKind.SUGGESTION, "8001", null, "标题",
					null, "王五", null, fgj, List.of(), LocalDate.of(2026, 3, 2), null)))).isEqualTo(403);
		}
		asSupervisor();
		assertThat(queries.staffView(m.id()).dueOn()).isEqualTo(LocalDate.of(2026, 4, 30));

		// it replies, the proposer is unsatisfied: the unit does not decide on a second handling, nor close its motion
		consult(m.id(), LocalDate.of(2026, 3, 2));
		clock.today(LocalDate.of(2026, 3, 9));
		replyAsLead(m.id(), MotionCategory.C, "留作参考。", LocalDate.of(2026, 3, 9));
		asLeadEditor();
		management.recordFeedback(m.id(), MotionFeedback.UNSATISFIED, "没有解决实际问题", LocalDate.of(2026, 3, 9));
		asLeadAdmin();
		assertThat(status(() -> management.rehandle(m.id(), LocalDate.of(2026, 4, 9), "再办一次"))).isEqualTo(403);
		asLeadAdmin();
		assertThat(status(() -> management.close(m.id()))).isEqualTo(403);

		// the county's administrator (a subtree grant above the unit) and a supervisor of the unit itself do dispatch
		as("county-admin", county, Role.AGENCY_ADMIN, true);
		assertThat(management.isDispatcher(org.gongkai.platform.Actors.require(), fgj)).isTrue();
		assertThat(management.isDispatcher(org.gongkai.platform.Actors.require(), county))
			.as("not for the county government's own motions").isFalse();
		as("fgj-supervisor", fgj, Role.SUPERVISOR, false);
		assertThat(management.close(m.id()).status()).isEqualTo(MotionStatus.CLOSED);
	}

	@Test
	void anExpiredDeadlineIsMovedOnlyByASupervisorAndTheReplyStaysLateAgainstIt() {
		Motion m = register(2047, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 10));
		Motion open = register(2047, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31));
		consult(m.id(), LocalDate.of(2026, 3, 2));
		consult(open.id(), LocalDate.of(2026, 3, 2));
		clock.today(LocalDate.of(2026, 3, 12));

		// the county's administrator dispatches, but does not move a deadline that has passed
		as("county-admin", county, Role.AGENCY_ADMIN, true);
		assertThat(status(() -> management.setDeadline(m.id(), LocalDate.of(2026, 3, 31), "延期"))).isEqualTo(409);
		as("county-admin", county, Role.AGENCY_ADMIN, true);
		assertThat(management.setDeadline(open.id(), LocalDate.of(2026, 4, 10), "涉及多个部门").dueOn())
			.isEqualTo(LocalDate.of(2026, 4, 10));

		// the supervisor may, with a reason; the reply is still late against the deadline that had passed
		asSupervisor();
		assertThatThrownBy(() -> management.setDeadline(m.id(), LocalDate.of(2026, 3, 31), " "))
			.isInstanceOf(InvalidInputException.class);
		Motion moved = management.setDeadline(m.id(), LocalDate.of(2026, 3, 31), "涉及跨部门协调，经政务公开办同意延期");
		assertThat(moved.dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(moved.missedDueOn()).isEqualTo(LocalDate.of(2026, 3, 10));
		Motion replied = replyAsLead(m.id(), MotionCategory.A, "已经解决。", LocalDate.of(2026, 3, 12));
		assertThat(replied.replyLate()).isTrue();
		assertThat(replied.firstReplyLate()).isTrue();
		assertThat(queries.replies(m.id())).singleElement().satisfies(r -> {
			assertThat(r.late()).isTrue();
			assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 3, 10));
		});
		// a deadline moved before it passed is the one the reply is measured against
		assertThat(replyAsLead(open.id(), MotionCategory.A, "已经解决。", LocalDate.of(2026, 3, 12)).replyLate()).isFalse();
		assertThat(statistics.forUnit(fgj, 2047).repliedLate()).isEqualTo(1);
	}

	@Test
	void onlyTheSystemAdministratorOrASupervisorOfARootAgencyArrangesTheYear() {
		as("fgj-supervisor", fgj, Role.SUPERVISOR, true);
		assertThat(status(() -> management.arrange(2048, null, null, 1, null, 5, false))).isEqualTo(403);
		as("county-supervisor", county, Role.SUPERVISOR, false);
		assertThat(status(() -> management.arrange(2048, null, null, 1, null, 5, false)))
			.as("a grant on the root alone does not reach the units").isEqualTo(403);
		as("county-admin", county, Role.AGENCY_ADMIN, true);
		assertThat(status(() -> management.arrange(2048, null, null, 1, null, 5, false))).isEqualTo(403);
		assertThat(management.arrangement(2048).custom()).isFalse();
		asSupervisor();
		assertThat(management.arrange(2048, null, null, 1, null, 5, false).replyMonths()).isEqualTo(1);
	}

	// ---- the second handling ------------------------------------------------------------------------------

	Motion unsatisfiedAndHandledAgain(int year, LocalDate rehandleOn) {
		Motion m = register(year, MotionKind.SUGGESTION, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		consult(m.id(), LocalDate.of(2026, 3, 2));
		clock.today(LocalDate.of(2026, 3, 9));
		replyAsLead(m.id(), MotionCategory.A, "第一次答复：所提建议已采纳。", LocalDate.of(2026, 3, 9));
		asLeadApprover();
		management.decidePublication(m.id(), MotionPublication.FULL, null, null);
		asLeadEditor();
		management.recordFeedback(m.id(), MotionFeedback.UNSATISFIED, "没有解决实际问题", LocalDate.of(2026, 3, 9));
		clock.today(rehandleOn);
		asSupervisor();
		Motion again = management.rehandle(m.id(), rehandleOn.plusMonths(1), "请重新研究");
		assertThat(again.rehandledOn()).isEqualTo(rehandleOn);
		consult(m.id(), rehandleOn);
		return again;
	}

	@Test
	void aSecondReplyIsDatedOnOrAfterTheRehandlingAndNotInTheFuture() {
		Motion m = unsatisfiedAndHandledAgain(2049, LocalDate.of(2026, 3, 16));
		InvalidInputException beforeRehandling = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
				() -> replyAsLead(m.id(), MotionCategory.B, "第二次答复。", LocalDate.of(2026, 3, 12)));
		assertThat(beforeRehandling.problems()).singleElement().satisfies(p -> {
			assertThat(p.field()).isEqualTo("repliedOn");
			assertThat(p.message()).contains("2026-03-16");
		});
		assertThatThrownBy(() -> replyAsLead(m.id(), MotionCategory.B, "第二次答复。", LocalDate.of(2026, 3, 17)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("不能晚于今天");
		asSupervisor();
		assertThat(queries.replies(m.id())).as("nothing saved").hasSize(1);
		assertThat(replyAsLead(m.id(), MotionCategory.B, "第二次答复。", LocalDate.of(2026, 3, 16)).repliedOn())
			.isEqualTo(LocalDate.of(2026, 3, 16));
	}

	// ---- the public sees the published round --------------------------------------------------------------

	@Test
	void thePublicSeesThePublishedRoundNotASecondReplyAwaitingItsDecision() {
		Motion m = unsatisfiedAndHandledAgain(2050, LocalDate.of(2026, 3, 16));
		Motion second = replyAsLead(m.id(), MotionCategory.C, "第二次答复：留作参考。", LocalDate.of(2026, 3, 16));
		assertThat(second.replyCategory()).isEqualTo(MotionCategory.C);
		assertThat(second.isPublic()).as("the first reply stays public").isTrue();

		Motion shown = queries.publicMotion(m.id()).orElseThrow();
		assertThat(shown.replyCategory()).isEqualTo(MotionCategory.A);
		assertThat(shown.repliedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
		assertThat(shown.replyContent()).isNull();
		assertThat(shown.proposerContact()).isNull();
		assertThat(queries.publicPage(2050, null, null, 1, 10).items()).singleElement().satisfies(p -> {
			assertThat(p.replyCategory()).isEqualTo(MotionCategory.A);
			assertThat(p.repliedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
		});

		String page = pages.itemPage(m.id()).orElseThrow();
		assertThat(page).contains(MotionCategory.A.label(), "2026-03-09", "第一次答复")
			.doesNotContain(MotionCategory.C.label(), "2026-03-16", "第二次答复");
		String list = pages.listPage(new MotionPages.Filters(2050, null, null, 1)).orElseThrow();
		assertThat(list).contains("2026-03-09").doesNotContain("2026-03-16");
		java.util.Map<String, Object> item = api.publicItem(m.id());
		assertThat(item.get("category")).isEqualTo(MotionCategory.A);
		assertThat(item.get("repliedOn")).isEqualTo(LocalDate.of(2026, 3, 9));
		assertThat((String) item.get("text")).contains("第一次答复");

		// once the second reply is published, the public sees it
		clock.today(LocalDate.of(2026, 3, 17));
		asLeadApprover();
		management.decidePublication(m.id(), MotionPublication.FULL, null, null);
		assertThat(queries.publicMotion(m.id()).orElseThrow().replyCategory()).isEqualTo(MotionCategory.C);
		assertThat(pages.itemPage(m.id()).orElseThrow()).contains(MotionCategory.C.label(), "2026-03-16", "第二次答复");
	}

	@Test
	void theItemPagesPubDateIsThePublicationTimeInChinaTime() {
		Motion m = register(2051, MotionKind.PROPOSAL, fgj, List.of(), LocalDate.of(2026, 3, 2), null);
		consult(m.id(), LocalDate.of(2026, 3, 2));
		// 23:30 in Beijing is still 15:30 UTC the same day; the date must be China's
		clock.now = LocalDate.of(2026, 3, 9).atTime(23, 30).atZone(Zones.CHINA).toInstant();
		replyAsLead(m.id(), MotionCategory.A, "已采纳。", LocalDate.of(2026, 3, 9));
		clock.now = LocalDate.of(2026, 3, 10).atTime(7, 5).atZone(Zones.CHINA).toInstant();
		asLeadApprover();
		management.decidePublication(m.id(), MotionPublication.FULL, null, null);
		assertThat(pages.itemPage(m.id()).orElseThrow()).contains("<meta name=\"PubDate\" content=\"2026-03-10 07:05\">");
	}

	// ---- statistics ---------------------------------------------------------------------------------------

	@Test
	void theStatisticsEqualACountOfTheMotions() {
		int year = 2043;
		record Plan(long lead, MotionKind kind, MotionCategory category, boolean lateReply, MotionPublication publication,
				MotionFeedback feedback) {
		}
		List<Plan> plans = List.of(new Plan(fgj, MotionKind.SUGGESTION, MotionCategory.A, false, MotionPublication.FULL, MotionFeedback.SATISFIED),
				new Plan(fgj, MotionKind.SUGGESTION, MotionCategory.B, true, MotionPublication.SUMMARY, MotionFeedback.BASICALLY_SATISFIED),
				new Plan(fgj, MotionKind.PROPOSAL, MotionCategory.C, false, MotionPublication.NOT_PUBLISHED, MotionFeedback.UNSATISFIED),
				new Plan(fgj, MotionKind.PROPOSAL, MotionCategory.A, false, null, null),
				new Plan(fgj, MotionKind.PROPOSAL, null, false, null, null),
				new Plan(nyj, MotionKind.SUGGESTION, MotionCategory.C, true, MotionPublication.FULL, MotionFeedback.SATISFIED));
		List<Motion> created = new ArrayList<>();
		for (Plan p : plans) {
			clock.today(LocalDate.of(2026, 3, 2));
			Motion m = register(year, p.kind(), p.lead(), p.lead() == fgj ? List.of(nyj) : List.of(fgj), LocalDate.of(2026, 3, 2),
					LocalDate.of(2026, 3, 20));
			if (p.category() != null) {
				String editor = p.lead() == fgj ? "fgj-editor" : "nyj-editor";
				as(editor, p.lead(), Role.EDITOR, false);
				management.recordConsultation(m.id(), LocalDate.of(2026, 3, 2), MotionConsultationForm.PHONE, "代表", "电话沟通");
				LocalDate on = p.lateReply() ? LocalDate.of(2026, 3, 23) : LocalDate.of(2026, 3, 19);
				clock.today(on);
				as(editor, p.lead(), Role.EDITOR, false);
				management.reply(m.id(), p.category(), "答复全文。", on);
				if (p.publication() != null) {
					as("leader", p.lead(), Role.APPROVER, false);
					management.decidePublication(m.id(), p.publication(), p.publication() == MotionPublication.FULL ? null : "理由",
							p.publication() == MotionPublication.SUMMARY ? "摘要" : null);
				}
				if (p.feedback() != null) {
					as(editor, p.lead(), Role.EDITOR, false);
					management.recordFeedback(m.id(), p.feedback(), "意见", on);
				}
			}
			asSupervisor();
			created.add(queries.staffView(m.id()));
		}
		clock.today(LocalDate.of(2026, 4, 1));

		for (long unit : List.of(fgj, nyj)) {
			List<Motion> led = created.stream().filter(m -> m.leadUnit() == unit).toList();
			List<Motion> co = created.stream().filter(m -> m.leadUnit() != unit).toList();
			MotionStatistics.Figures f = statistics.forUnit(unit, year);
			assertThat(f.suggestions()).isEqualTo(count(led, m -> m.kind() == MotionKind.SUGGESTION));
			assertThat(f.proposals()).isEqualTo(count(led, m -> m.kind() == MotionKind.PROPOSAL));
			assertThat(f.received()).isEqualTo(led.size());
			assertThat(f.coHandled()).isEqualTo(co.size());
			assertThat(f.coSuggestions()).isEqualTo(count(co, m -> m.kind() == MotionKind.SUGGESTION));
			assertThat(f.replied()).isEqualTo(count(led, m -> m.repliedOn() != null));
			assertThat(f.repliedLate()).isEqualTo(count(led, m -> Boolean.TRUE.equals(m.replyLate())));
			assertThat(f.repliedOnTime()).isEqualTo(count(led, m -> Boolean.FALSE.equals(m.replyLate())));
			for (MotionCategory c : MotionCategory.values()) {
				int expected = count(led, m -> m.replyCategory() == c);
				assertThat(c == MotionCategory.A ? f.categoryA() : c == MotionCategory.B ? f.categoryB() : f.categoryC())
					.isEqualTo(expected);
			}
			assertThat(f.publishedFull()).isEqualTo(count(led, m -> m.isPublic() && m.publication() == MotionPublication.FULL));
			assertThat(f.publishedSummary()).isEqualTo(count(led, m -> m.publication() == MotionPublication.SUMMARY));
			assertThat(f.notPublished()).isEqualTo(count(led, m -> m.publication() == MotionPublication.NOT_PUBLISHED));
			assertThat(f.satisfied()).isEqualTo(count(led, m -> m.feedback() == MotionFeedback.SATISFIED));
			assertThat(f.basicallySatisfied()).isEqualTo(count(led, m -> m.feedback() == MotionFeedback.BASICALLY_SATISFIED));
			assertThat(f.unsatisfied()).isEqualTo(count(led, m -> m.feedback() == MotionFeedback.UNSATISFIED));
			assertThat(f.overdue()).isEqualTo(count(led, m -> m.repliedOn() == null));
		}
		// the lead unit's numbers, written out: 5 received, 4 replied (1 late), A 2 B 1 C 1 → adoption 75.0 %
		MotionStatistics.Figures fgjFigures = statistics.forUnit(fgj, year);
		assertThat(fgjFigures.received()).isEqualTo(5);
		assertThat(fgjFigures.replied()).isEqualTo(4);
		assertThat(fgjFigures.repliedLate()).isEqualTo(1);
		assertThat(fgjFigures.adoptionRate()).isEqualByComparingTo(new BigDecimal("75.0"));
		assertThat(fgjFigures.coHandled()).isEqualTo(1);

		MotionStatistics.Figures total = statistics.summary(year);
		assertThat(total.received()).isEqualTo(created.size());
		assertThat(total.replied()).isEqualTo(count(created, m -> m.repliedOn() != null));
		assertThat(total.coHandled()).isEqualTo(created.size());
		assertThat(total.publishedFull()).isEqualTo(2);
		assertThat(total.adoptionRate()).isEqualByComparingTo(new BigDecimal("60.0"));
		assertThat(statistics.byUnit(year)).extracting(MotionStatistics.Figures::agencyCode)
			.containsExactly("yiyuan-fgj", "yiyuan-nyj");
	}

	private static int count(List<Motion> motions, java.util.function.Predicate<Motion> p) {
		return (int) motions.stream().filter(p).count();
	}
}
