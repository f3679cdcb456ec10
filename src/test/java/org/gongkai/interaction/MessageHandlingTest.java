package org.gongkai.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.Zones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The handling rules of public messages against the embedded database with the demo county: review, assignment,
 * reply dates through the calendar, late replies, extension, supervision, publication with masking and consent,
 * rating and the one reopening, the 3-month levels and the monthly statistics.
 */
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
class MessageHandlingTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		String dir = Files.createTempDirectory("gongkai-msg-").toString();
		registry.add("gongkai.data-dir", () -> dir);
	}

	/** A valid GB 11643 resident ID number (check digit computed). */
	static final String RESIDENT_ID = withCheckDigit("11010519491231002");

	@Autowired
	InteractionManagement management;

	@Autowired
	MessageQueries queries;

	@Autowired
	InteractionStatistics statistics;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void clearActor() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aSubmissionWithMissingFieldsNamesEachAndSavesNothing() {
		int before = count();
		assertThatThrownBy(() -> management.submit(
				new MessageSubmission("yiyuan", null, null, " ", "太短", null, "12345", "not-an-email", null), MessageChannel.WEB))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field)
				.containsExactlyInAnyOrder("type", "title", "content", "name", "phone", "email", "publicAllowed"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theSameTextFromTheSamePhoneTwiceInADayIsRefused() {
		MessageSubmission s = submission("重复提交测试", "请问县城公共自行车的办卡地点在哪里，需要什么材料？", "13900001111", true);
		management.submit(s, MessageChannel.WEB);
		assertThatThrownBy(() -> management.submit(s, MessageChannel.WEB)).isInstanceOf(DomainException.class)
			.hasMessageContaining("请勿重复提交");
	}

	@Test
	void acceptanceStartsTheReplyDateInWorkingDaysAndAssignmentKeepsIt() {
		Message m = submit("咨询公积金提取", "请问住房公积金提取需要哪些材料，办理地点在哪里？谢谢。", "13900002222", true);
		assertThat(m.status()).isEqualTo(MessageStatus.SUBMITTED);
		Message accepted = as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		assertThat(accepted.acceptedOn()).isEqualTo(today);
		assertThat(accepted.dueOn()).isEqualTo(calendar.addWorkingDaysProvisionally(today, 5).date());
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		Message assigned = as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.assign(m.id(), fgj, "请发改局答复"));
		assertThat(assigned.handlingAgencyId()).isEqualTo(fgj);
		assertThat(assigned.dueOn()).isEqualTo(accepted.dueOn());
		// the county's handler no longer answers it; the department's does
		assertThatThrownBy(() -> as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reply(m.id(), "答复内容测试", null)))
			.isInstanceOf(DomainException.class);
		Message replied = as("fgj-messages", Role.MESSAGE_HANDLER, "yiyuan-fgj",
				() -> management.reply(m.id(), "您好，提取住房公积金需携带身份证和相关证明材料。", null));
		assertThat(replied.status()).isEqualTo(MessageStatus.REPLIED);
		assertThat(replied.firstReplyLate()).isFalse();
		assertThat(queries.publicMessage(m.id())).get().satisfies(p -> {
			assertThat(p.replyingAgency()).isEqualTo(agencies.requireByCode("yiyuan-fgj").name());
			assertThat(p.acceptedOn()).isEqualTo(today);
			assertThat(p.repliedOn()).isEqualTo(today);
		});
	}

	@Test
	void aReplyAfterTheReplyDateIsCountedLateInTheStatistics() {
		Message m = submit("投诉噪音扰民", "某工地夜间施工噪音很大，影响周边居民休息，请有关部门处理。", "13900003333", true);
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		jdbc.sql("UPDATE ia_message SET due_on = ? WHERE id = ?").params(today.minusDays(1), m.id()).update();
		long agency = agencies.requireByCode("yiyuan").id();
		InteractionStatistics.Row before = statistics.year(agency, today.getYear());
		Message replied = as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan",
				() -> management.reply(m.id(), "已转相关部门核查处理，感谢监督。", null));
		assertThat(replied.firstReplyLate()).isTrue();
		InteractionStatistics.Row after = statistics.year(agency, today.getYear());
		assertThat(after.late()).isEqualTo(before.late() + 1);
		assertThat(after.replied()).isEqualTo(before.replied() + 1);
		assertThat(after.onTime()).isEqualTo(before.onTime());
		InteractionStatistics.Table month = statistics.month(YearMonth.from(today));
		assertThat(month.total().late()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void residentIdsAndMobileNumbersAreMaskedInThePublicEntryAndTheSenderNeverAppears() {
		Message m = submit("身份证" + RESIDENT_ID + "办理问题",
				"我的身份证号码是" + RESIDENT_ID + "，电话13812345678，请问社保卡补办流程？", "13900004444", true);
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan",
				() -> management.reply(m.id(), "请携带身份证（" + RESIDENT_ID + "）到社保大厅办理，联系电话13812345678。", null));
		MessageQueries.PublicMessage p = queries.publicMessage(m.id()).orElseThrow();
		String all = p.title() + p.content() + p.reply() + p.replies();
		assertThat(all).doesNotContain(RESIDENT_ID).doesNotContain("13812345678").doesNotContain("13900004444");
		assertThat(p.content()).contains("138****5678");
		assertThat(queries.publicPage(null, null, null, 1, 100).items()).anySatisfy(i -> {
			assertThat(i.id()).isEqualTo(m.id());
			assertThat(i.content()).doesNotContain(RESIDENT_ID);
		});
	}

	@Test
	void withoutTheSendersConsentOrWithheldByStaffAMessageIsNeverPublic() {
		Message m = submit("个人事项咨询", "我家的低保申请审批到哪一步了，请帮忙查询一下进度。", "13900005555", false);
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reply(m.id(), "您的申请正在审核中。", null));
		assertThat(queries.publicMessage(m.id())).isEmpty();
		assertThat(queries.publicIds()).noneMatch(x -> x[0] == m.id());
		assertThatThrownBy(() -> as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.release(m.id())))
			.hasMessageContaining("留言人选择了不公开");

		Message n = submit("公开咨询", "请问县图书馆周末的开放时间是几点到几点？", "13900006666", true);
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(n.id()));
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reply(n.id(), "周末开放时间为9:00至17:00。", null));
		assertThat(queries.publicMessage(n.id())).isPresent();
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.withhold(n.id(), "涉及个人事项"));
		assertThat(queries.publicMessage(n.id())).isEmpty();
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.release(n.id()));
		assertThat(queries.publicMessage(n.id())).isPresent();
	}

	@Test
	void aRejectedMessageShowsItsReasonToTheSenderAndIsNeverPublic() {
		Message m = submit("反映问题", "这是一条应当通过信访渠道反映的诉求内容，请处理。", "13900007777", true);
		assertThatThrownBy(() -> as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan",
				() -> management.reject(m.id(), RejectionReason.OTHER, null)))
			.isInstanceOf(InvalidInputException.class);
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reject(m.id(), RejectionReason.PETITION, null));
		MessageQueries.SenderView view = queries.track(m.trackingCode(), "7777").orElseThrow();
		assertThat(view.message().status()).isEqualTo(MessageStatus.REJECTED);
		assertThat(view.events()).anySatisfy(e -> assertThat(e.note()).contains("属于信访事项"));
		assertThat(queries.publicMessage(m.id())).isEmpty();
		// a wrong verifier and an unknown code give the same empty answer
		assertThat(queries.track(m.trackingCode(), "0000")).isEmpty();
		assertThat(queries.track("LYNOSUCHCODE", "7777")).isEmpty();
	}

	@Test
	void staffOfAnotherAgencyCannotReviewAndOnlyTheSupervisorSupervises() {
		Message m = submit("咨询农业补贴", "请问今年的耕地地力保护补贴什么时候发放？", "13900008888", true);
		assertThatThrownBy(() -> as("nyj-x", Role.MESSAGE_HANDLER, "yiyuan-nyj", () -> management.accept(m.id())))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		assertThatThrownBy(() -> as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan",
				() -> management.supervise(m.id(), "请尽快答复", today.plusDays(3))))
			.isInstanceOf(DomainException.class);
		Supervision s = asSupervisor(() -> management.supervise(m.id(), "请于三日内答复", today.plusDays(3)));
		assertThat(s.open()).isTrue();
		assertThatThrownBy(() -> asSupervisor(() -> management.supervise(m.id(), "期限错误", today.minusDays(1))))
			.isInstanceOf(InvalidInputException.class);
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reply(m.id(), "补贴将于下月发放。", null));
		assertThat(asSupervisor(() -> queries.staffView(m.id())).supervisions()).singleElement().satisfies(x -> {
			assertThat(x.resolvedOn()).isEqualTo(today);
			assertThat(x.late()).isFalse();
		});
	}

	@Test
	void oneExtensionWithinTheAgencysMaximumMovesTheReplyDate() {
		Message m = submit("建议增设公交线路", "建议增设一条从县城到鲁村镇的公交线路，方便群众出行。", "13900009999", true);
		Message accepted = as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		assertThatThrownBy(() -> as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.extend(m.id(), 6, "需调研")))
			.isInstanceOf(InvalidInputException.class);
		Message extended = as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.extend(m.id(), 3, "需要实地调研"));
		assertThat(extended.dueOn()).isEqualTo(calendar.addWorkingDaysProvisionally(accepted.acceptedOn(), 8).date());
		assertThatThrownBy(() -> as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.extend(m.id(), 1, "再延")))
			.hasMessageContaining("已经延期过一次");
	}

	@Test
	void theSenderRatesEachReplyOnceAndReopensOnlyOnce() {
		Message m = submit("咨询办事时间", "请问政务服务中心中午是否办理业务？", "13900001234", true);
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		assertThatThrownBy(() -> management.rate(m.trackingCode(), "1234", Rating.SATISFIED, null))
			.hasMessageContaining("答复后");
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reply(m.id(), "中午实行延时服务。", null));
		assertThatThrownBy(() -> management.rate(m.trackingCode(), "9999", Rating.SATISFIED, null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
		management.rate(m.trackingCode(), "1234", Rating.DISSATISFIED, "没有说明具体时间");
		assertThatThrownBy(() -> management.rate(m.trackingCode(), "1234", Rating.SATISFIED, null))
			.hasMessageContaining("已评价");
		Message reopened = management.reopen(m.trackingCode(), "1234", "请说明中午办理的具体时间段");
		assertThat(reopened.status()).isEqualTo(MessageStatus.REOPENED);
		assertThat(queries.publicMessage(m.id())).get().satisfies(p -> assertThat(p.reopened()).isTrue());
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reply(m.id(), "中午12:00至14:00办理。", null));
		assertThat(queries.publicMessage(m.id()).orElseThrow().replies()).hasSize(2);
		management.rate(m.trackingCode(), "1234", Rating.SATISFIED, null);
		assertThatThrownBy(() -> management.reopen(m.trackingCode(), "1234", "还有一个问题想问"))
			.hasMessageContaining("只能追问一次");
	}

	@Test
	void unansweredValidMessagesWarnAt30DaysAlarmAt60AndFailTheSiteAfterThreeMonths() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		Message m = submit("长期未答复测试", "这是一条用于测试三个月未答复预警的留言内容。", "13900004321", true);
		assertThat(InteractionRules.level(m, today)).isEqualTo(InteractionRules.Level.NONE);
		assertThat(InteractionRules.level(aged(m, today.minusDays(30)), today)).isEqualTo(InteractionRules.Level.WARNING);
		assertThat(InteractionRules.level(aged(m, today.minusDays(60)), today)).isEqualTo(InteractionRules.Level.ALARM);
		assertThat(InteractionRules.level(aged(m, today.minusMonths(3)), today)).isEqualTo(InteractionRules.Level.ALARM);
		assertThat(InteractionRules.level(aged(m, today.minusMonths(3).minusDays(1)), today))
			.isEqualTo(InteractionRules.Level.VETO);
		Message rejected = aged(m, today.minusMonths(4)).with(b -> b.status = MessageStatus.REJECTED);
		assertThat(InteractionRules.level(rejected, today)).isEqualTo(InteractionRules.Level.NONE);
	}

	@Autowired
	InteractionRetention retention;

	@Test
	void theSendersDataIsErasedAfterTheRetentionPeriodAndTheRecordStays() {
		Message old = submit("保留期限测试", "这是一条用于测试个人信息保存期限的留言内容。", "13900005678", true);
		Message recent = submit("保留期限测试二", "这是一条刚刚答复的留言，不应删除留言人信息。", "13900005679", true);
		for (Message m : List.of(old, recent)) {
			as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
			as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reply(m.id(), "已答复，感谢您的留言。", null));
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		jdbc.sql("UPDATE ia_message SET replied_on = ? WHERE id = ?")
			.params(today.minusDays(retention.retentionDays() + 1L), old.id())
			.update();
		assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
		Message erased = as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> queries.staffView(old.id())).message();
		assertThat(erased.senderName()).isEqualTo(Messages.ERASED);
		assertThat(erased.senderPhone()).doesNotContain("5678");
		assertThat(erased.content()).contains("个人信息保存期限");
		assertThat(as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> queries.staffView(recent.id())).message().senderPhone())
			.isEqualTo("13900005679");
	}

	@Test
	void noExtensionOnceTheReplyDateHasPassed() {
		Message m = submit("延期边界测试", "这是一条用于测试答复期限届满后不能延期的留言。", "13900002468", true);
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		jdbc.sql("UPDATE ia_message SET due_on = ? WHERE id = ?").params(today.minusDays(1), m.id()).update();
		assertThatThrownBy(() -> as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.extend(m.id(), 3, "需要调研")))
			.hasMessageContaining("届满后不能再延期");
		Message replied = as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reply(m.id(), "已答复，谢谢。", null));
		assertThat(replied.firstReplyLate()).isTrue();
	}

	@Test
	void aMessageKeptOffTheSiteCannotBecomeATopicOfPublicConcern() {
		Message m = submit("不公开的留言", "这是一条留言人不同意公开的留言，不能变成公开的关切事项。", "13900002469", false);
		assertThatThrownBy(() -> as("adm", Role.AGENCY_ADMIN, "yiyuan", () -> management.raiseConcern(m.id())))
			.hasMessageContaining("只有已受理的留言");
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		assertThatThrownBy(() -> as("adm", Role.AGENCY_ADMIN, "yiyuan", () -> management.raiseConcern(m.id())))
			.hasMessageContaining("不同意公开");
		// an editor who may not see the message cannot raise it either
		Message open = submit("可以公开的留言", "这是一条留言人同意公开的留言，可以列为社会关切。", "13900002470", true);
		as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(open.id()));
		assertThatThrownBy(() -> as("ed", Role.EDITOR, "yiyuan", () -> management.raiseConcern(open.id())))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThat(as("adm", Role.AGENCY_ADMIN, "yiyuan", () -> management.raiseConcern(open.id())).title())
			.isEqualTo("可以公开的留言");
	}

	@Test
	void tenWrongVerifiersLockATrackingCodeForAnHour() {
		Message m = submit("查询码锁定测试", "这是一条用于测试查询码连续输错后锁定的留言。", "13900002471", true);
		assertThat(queries.track(m.trackingCode(), "2471")).isPresent();
		for (int i = 0; i < 10; i++) {
			assertThat(queries.track(m.trackingCode(), String.format("%04d", i))).isEmpty();
		}
		assertThat(queries.track(m.trackingCode(), "2471")).as("locked even with the right digits").isEmpty();
		jdbc.sql("UPDATE ia_message SET tracking_locked_until = NULL WHERE id = ?").param(m.id()).update();
		assertThat(queries.track(m.trackingCode(), "2471")).isPresent();
	}

	@Test
	void aReopenedMessageWaitsFromTheFollowUpQuestionNotFromItsSubmission() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		Message m = submit("追问时限测试", "这是一条用于测试追问后等待时间计算的留言。", "13900002472", true);
		Message reopened = m.with(b -> {
			b.status = MessageStatus.REOPENED;
			b.submittedOn = today.minusMonths(4);
			b.reopenedOn = today.minusDays(5);
		});
		assertThat(InteractionRules.level(reopened, today)).isEqualTo(InteractionRules.Level.NONE);
		assertThat(InteractionRules.waitingSince(reopened)).isEqualTo(today.minusDays(5));
	}

	@Test
	void aPageFarPastTheEndIsEmptyNotAnError() {
		assertThat(queries.publicPage(null, null, null, 1_000_000_000, 100).items()).isEmpty();
	}

	@Test
	void aSupervisorWhoNeitherReviewsNorHandlesDoesNotSeeTheSendersContact() {
		Message m = submit("联系方式可见范围", "这是一条用于测试留言人联系方式可见范围的留言。", "13900002473", true);
		MessageQueries.StaffView supervisor = asSupervisor(() -> queries.staffView(m.id()));
		assertThat(supervisor.message().senderPhone()).isEqualTo(MessageQueries.HIDDEN_SENDER);
		assertThat(supervisor.message().senderName()).isEqualTo(MessageQueries.HIDDEN_SENDER);
		assertThat(as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> queries.staffView(m.id())).message().senderPhone())
			.isEqualTo("13900002473");
	}

	@Test
	void aProvisionalReplyDateIsRecountedAndTheLateFlagDecidedAgainAfterTheReply() {
		Message m = submit("暂定期限重算", "这是一条用于测试暂定答复期限重新计算的留言。", "13900002474", true);
		Message accepted = as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.accept(m.id()));
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		// as if counted into a year without its holiday notice: a provisional date that proved too early
		jdbc.sql("UPDATE ia_message SET due_on = ?, due_provisional = TRUE WHERE id = ?").params(today.minusDays(1), m.id()).update();
		Message replied = as("hd-handler", Role.MESSAGE_HANDLER, "yiyuan", () -> management.reply(m.id(), "已答复，谢谢。", null));
		assertThat(replied.firstReplyLate()).isTrue();
		org.gongkai.platform.Actors.runAsSystem(management::recountProvisional);
		Message recounted = asSupervisor(() -> queries.staffView(m.id())).message();
		assertThat(recounted.dueOn()).isEqualTo(accepted.dueOn());
		assertThat(recounted.dueProvisional()).isFalse();
		assertThat(recounted.firstReplyLate()).isFalse();
		assertThat(asSupervisor(() -> queries.staffView(m.id())).replies()).singleElement()
			.satisfies(r -> assertThat(r.late()).isFalse());
	}

	// ---- helpers -------------------------------------------------------------------------------------

	private static Message aged(Message m, LocalDate submittedOn) {
		return m.with(b -> b.submittedOn = submittedOn);
	}

	private MessageSubmission submission(String title, String content, String phone, boolean publicAllowed) {
		return new MessageSubmission("yiyuan", null, MessageType.CONSULTATION, title, content, "张三", phone, null, publicAllowed);
	}

	private Message submit(String title, String content, String phone, boolean publicAllowed) {
		return management.submit(submission(title, content, phone, publicAllowed), MessageChannel.WEB);
	}

	private int count() {
		return jdbc.sql("SELECT COUNT(*) FROM ia_message").query(Integer.class).single();
	}

	private <T> T as(String username, Role role, String agencyCode, Supplier<T> work) {
		long agencyId = agencies.requireByCode(agencyCode).id();
		return run(new Actor(1000, username, username, agencyId, List.of(new RoleGrant(role, agencyId, false)), Set.of(), false),
				work);
	}

	private <T> T asSupervisor(Supplier<T> work) {
		long county = agencies.requireByCode("yiyuan").id();
		return run(new Actor(1001, "gkb", "gkb", county, List.of(new RoleGrant(Role.SUPERVISOR, county, true)), Set.of(), false),
				work);
	}

	private static <T> T run(Actor actor, Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((ActorHolder) () -> actor, null, List.of()));
		var previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private static String withCheckDigit(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		String checks = "10X98765432";
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + checks.charAt(sum % 11);
	}
}
