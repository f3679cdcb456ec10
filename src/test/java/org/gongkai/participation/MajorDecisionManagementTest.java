package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.participation.MajorDecision.Method;
import org.gongkai.participation.MajorDecision.Status;
import org.gongkai.participation.MajorDecisionManagement.ItemInput;
import org.gongkai.participation.MajorDecisionManagement.NewDocument;
import org.gongkai.participation.MajorDecisionManagement.StageInput;
import org.gongkai.participation.MajorDecisionStage.MeetingForm;
import org.gongkai.participation.MajorDecisionStage.Outcome;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DashboardCard;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The major-decision catalogue against the ordinance (《重大行政决策程序暂行条例》): the order of the procedure stages
 * (legality review only after public participation and the required expert argument and risk assessment; collective
 * discussion only after a lawful review; decided only after an adopting discussion), the 409 that names the missing
 * stage, the public visibility of a catalogue and of a stage, adjustments, roles and tokens, and the dashboard. Runs the
 * application on H2 with the demo county and a fixed clock.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
@RecordApplicationEvents
@DirtiesContext
class MajorDecisionManagementTest {

	@TestConfiguration(proxyBeanMethods = false)
	static class Referrals {

		/** Another kind of record that refers to decision {@link #REFERRED}: one public reference, one not. */
		@Bean
		ParticipationKind referringKind() {
			return new ParticipationKind() {

				@Override
				public String kind() {
					return "test-referring";
				}

				@Override
				public String title() {
					return "测试征集";
				}

				@Override
				public String listPath(String agencyCode) {
					return "/test/";
				}

				@Override
				public List<ParticipationLink> highlights(Long agencyId, int limit) {
					return List.of();
				}

				@Override
				public java.util.Optional<ParticipationLink> find(long id) {
					return java.util.Optional.empty();
				}

				@Override
				public List<ParticipationLink> linkable(long agencyId) {
					return List.of();
				}

				@Override
				public List<ParticipationLink> referencing(String kind, long id) {
					if (!"decision".equals(kind) || id != REFERRED.get()) {
						return List.of();
					}
					return List.of(new ParticipationLink("test-referring", 1, 1, "规划草案公开征求意见", "/test/1/", true, "已反馈",
							"收到意见12条，采纳5条"), new ParticipationLink("test-referring", 2, 1, "尚未发布的征集草稿", "/test/2/", false,
									"草稿", ""));
				}
			};
		}
	}

	static final java.util.concurrent.atomic.AtomicLong REFERRED = new java.util.concurrent.atomic.AtomicLong(-1);

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-decisions-");
		MovableClock.startsAt(registry, LocalDate.of(2026, 5, 10).atTime(10, 0));
	}

	/** Each test its own catalogue year, so that tests do not see each other's catalogues. */
	private static final AtomicInteger YEARS = new AtomicInteger(2030);

	static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

	@Autowired
	MajorDecisionManagement management;

	@Autowired
	MajorDecisionQueries queries;

	@Autowired
	MajorDecisionPages pages;

	@Autowired
	MajorDecisionKind kind;

	@Autowired
	MajorDecisionDashboard dashboard;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ParticipationLinks links;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.gongkai.platform.FileStore files;

	long fgj;

	long nyj;

	long county;

	@BeforeEach
	void setUp() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		nyj = agencies.requireByCode("yiyuan-nyj").id();
		county = agencies.requireByCode("yiyuan").id();
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	void as(Actor actor) {
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}

	void as(long agencyId, Role role, boolean subtree) {
		as(new Actor(agencyId * 100 + role.ordinal(), "user-" + role + "-" + agencyId, "测试", agencyId,
				List.of(new RoleGrant(role, agencyId, subtree)), Set.of(), false));
	}

	void asEditor(long agencyId) {
		as(agencyId, Role.EDITOR, false);
	}

	static ItemInput item(String title, boolean expert, boolean risk) {
		return new ItemInput(title, "拟制定" + title + "，明确目标任务和保障措施。", "yiyuan-fgj", "规划科", null, 2,
				List.of(Method.ONLINE, Method.HEARING), null, expert, risk, false, null);
	}

	MajorDecision add(long agency, int year, ItemInput in) {
		asEditor(agency);
		return management.add(agency, year, in, null);
	}

	StageInput stage(MajorDecisionStage s, Outcome outcome) {
		return new StageInput(s, TODAY, s.label() + "情况说明", null, outcome,
				s == MajorDecisionStage.COLLECTIVE_DISCUSSION ? MeetingForm.EXECUTIVE : null);
	}

	MajorDecision.StageRecord record(long id, MajorDecisionStage s) {
		return management.recordStage(id, stage(s, null), List.of());
	}

	static String conflict(Runnable action) {
		try {
			action.run();
		}
		catch (DomainException e) {
			assertThat(e.status()).as(e.getMessage()).isEqualTo(409);
			return e.getMessage();
		}
		throw new AssertionError("expected a 409");
	}

	// ---- the order of the stages ---------------------------------------------------------------------------

	@Test
	void aLegalityReviewWaitsForParticipationAndTheRequiredExpertArgumentAndRiskAssessment() {
		int year = YEARS.incrementAndGet();
		MajorDecision d = add(fgj, year, item("城区供热价格调整方案", true, true));
		assertThat(d.status()).isEqualTo(Status.NOT_STARTED);
		assertThat(d.plannedLabel()).isEqualTo(year + "年第二季度");

		String refused = conflict(() -> management.recordStage(d.id(), stage(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL), List.of()));
		assertThat(refused).startsWith("尚未完成公众参与、专家论证、风险评估，不能进行合法性审查").contains("第二十六条");

		management.recordStage(d.id(), stage(MajorDecisionStage.PUBLIC_PARTICIPATION, null),
				List.of(new NewDocument("征求意见公告", "https://www.example.gov.cn/zqyj/1.html", null, null)));
		assertThat(queries.find(d.id()).orElseThrow().status()).isEqualTo(Status.IN_PROGRESS);
		management.recordStage(d.id(), stage(MajorDecisionStage.EXPERT_ARGUMENT, null), List.of());
		refused = conflict(() -> management.recordStage(d.id(), stage(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL), List.of()));
		assertThat(refused).startsWith("尚未完成风险评估，");

		management.recordStage(d.id(), stage(MajorDecisionStage.RISK_ASSESSMENT, null), List.of());
		MajorDecision.StageRecord review = management.recordStage(d.id(), stage(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL),
				List.of());
		// a legality review is not public unless said so
		assertThat(review.isPublic()).isFalse();
		assertThat(review.outcome()).isEqualTo(Outcome.LEGAL);
	}

	@Test
	void anItemWithoutExpertArgumentOrRiskAssessmentGoesToReviewAfterParticipationAlone() {
		MajorDecision d = add(fgj, YEARS.incrementAndGet(), item("农村公路养护办法", false, false));
		record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION);
		assertThat(management.recordStage(d.id(), stage(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL), List.of()).stage())
			.isEqualTo(MajorDecisionStage.LEGALITY_REVIEW);
	}

	@Test
	void anExemptItemNeedsAStatedReasonAndThenNoParticipation() {
		int year = YEARS.incrementAndGet();
		asEditor(fgj);
		ItemInput noReason = new ItemInput("应急物资储备调整", "内容", "yiyuan-fgj", null, 6, null, List.of(), null, false, false, true,
				null);
		assertThatThrownBy(() -> management.add(fgj, year, noReason, null)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).anyMatch(p -> p.field().equals("exemptReason")));
		ItemInput exempt = new ItemInput("应急物资储备调整", "内容", "yiyuan-fgj", null, 6, null, List.of(), null, false, false, true,
				"涉及国家秘密，依法不公开征求意见");
		MajorDecision d = management.add(fgj, year, exempt, null);
		assertThat(d.plannedLabel()).isEqualTo(year + "年6月");
		assertThat(management.recordStage(d.id(), stage(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL), List.of()).stage())
			.isEqualTo(MajorDecisionStage.LEGALITY_REVIEW);
	}

	@Test
	void collectiveDiscussionNeedsALawfulReviewAndAnUnlawfulOneCanBeFollowedByANewReview() {
		MajorDecision d = add(fgj, YEARS.incrementAndGet(), item("城乡供水一体化方案", false, false));
		record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION);
		String refused = conflict(() -> management.recordStage(d.id(),
				stage(MajorDecisionStage.COLLECTIVE_DISCUSSION, Outcome.PASSED), List.of()));
		assertThat(refused).contains("尚未完成合法性审查", "第二十五条第二款");

		management.recordStage(d.id(), stage(MajorDecisionStage.LEGALITY_REVIEW, Outcome.UNLAWFUL), List.of());
		refused = conflict(() -> management.recordStage(d.id(), stage(MajorDecisionStage.COLLECTIVE_DISCUSSION, Outcome.PASSED),
				List.of()));
		assertThat(refused).contains("不合法");
		// nor can it be decided
		assertThat(conflict(() -> management.take(d.id(), "决定", null, TODAY, "https://www.example.gov.cn/a.html", null, null)))
			.contains("不能标记为已决策");

		management.recordStage(d.id(), stage(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL), List.of());
		management.recordStage(d.id(), stage(MajorDecisionStage.COLLECTIVE_DISCUSSION, Outcome.PASSED), List.of());

		// the outcome must fit the stage, the meeting form is required
		assertThatThrownBy(() -> management.recordStage(d.id(), new StageInput(MajorDecisionStage.COLLECTIVE_DISCUSSION, TODAY, null,
				null, Outcome.LEGAL, null), List.of())).isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.problems()).extracting(p -> p.field()).contains("outcome", "meetingForm"));
	}

	// ---- taking the decision -------------------------------------------------------------------------------

	@Test
	void aDecisionWithoutItsLegalityReviewCannotBeMarkedTaken() {
		MajorDecision d = add(fgj, YEARS.incrementAndGet(), item("县城停车收费标准", false, false));
		record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION);
		String refused = conflict(() -> management.take(d.id(), "关于调整县城停车收费标准的通知", "沂发改〔2026〕3号", TODAY,
				"https://www.example.gov.cn/tz.html", null, null));
		assertThat(refused).contains("尚未完成合法性审查", "不能标记为已决策");
		assertThat(queries.find(d.id()).orElseThrow().status()).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void aDecisionIsTakenOnlyAfterAnAdoptingDiscussionAndThenCarriesItsDocumentProgressAndEvaluation() {
		MajorDecision d = add(fgj, YEARS.incrementAndGet(), item("县域医疗共同体建设方案", false, false));
		record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION);
		management.recordStage(d.id(), stage(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL), List.of());
		assertThat(conflict(() -> management.take(d.id(), "决定", null, TODAY, "https://www.example.gov.cn/a.html", null, null)))
			.contains("集体讨论决定");
		management.recordStage(d.id(), stage(MajorDecisionStage.COLLECTIVE_DISCUSSION, Outcome.REJECTED), List.of());
		assertThat(conflict(() -> management.take(d.id(), "决定", null, TODAY, "https://www.example.gov.cn/a.html", null, null)))
			.contains("通过");
		// progress and evaluation only after the decision
		assertThat(conflict(() -> management.addProgress(d.id(), TODAY, "已启动"))).contains("作出决策后");

		management.recordStage(d.id(), stage(MajorDecisionStage.COLLECTIVE_DISCUSSION, Outcome.PASSED_IN_PRINCIPLE), List.of());
		// the document needs a link or a file
		assertThatThrownBy(() -> management.take(d.id(), "关于印发方案的通知", null, TODAY, null, null, null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting(p -> p.field()).contains("decisionUrl"));
		MajorDecision taken = management.take(d.id(), "关于印发县域医疗共同体建设方案的通知", "沂政发〔2026〕5号", TODAY, null, "方案.pdf",
				"%PDF-1.4 test".getBytes());
		assertThat(taken.status()).isEqualTo(Status.DECIDED);
		assertThat(taken.decisionFileName()).isEqualTo("方案.pdf");
		management.addProgress(d.id(), TODAY, "已组建县域医共体3个");
		management.evaluate(d.id(), TODAY, "评估认为方案实施效果良好", "https://www.example.gov.cn/pg.html", null, null);
		// a decided item takes no more stages
		assertThat(conflict(() -> record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION))).contains("已决策");
		assertThat(events.stream(ChangeRecorded.class).filter(e -> e.subjectId().equals(String.valueOf(d.id())))
			.map(ChangeRecorded::action)).contains("decision.added", "decision.stage-recorded", "decision.taken",
					"decision.progress-recorded", "decision.evaluated");
	}

	// ---- public visibility ---------------------------------------------------------------------------------

	@Test
	void nothingOfAnUnpublishedCatalogueIsPublicAndAPublishedOneShowsOnlyPublicStageContent() {
		int year = YEARS.incrementAndGet();
		MajorDecision d = add(nyj, year, item("高标准农田建设规划", false, false));
		record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION);
		MajorDecision.StageRecord review = management.recordStage(d.id(), new StageInput(MajorDecisionStage.LEGALITY_REVIEW, TODAY,
				"审查意见：第五条需修改（内部）", null, Outcome.LEGAL, null),
				List.of(new NewDocument("合法性审查意见书", "https://intranet.example/hf.pdf", null, null),
						new NewDocument("审查意见扫描件", null, "意见.pdf", "%PDF-1.4 内部".getBytes())));
		long reviewFile = review.documents().stream().filter(MajorDecision.Document::isFile).findFirst().orElseThrow().id();
		// an attachment of a wrong type is refused with nothing saved
		assertThatThrownBy(() -> management.recordStage(d.id(), stage(MajorDecisionStage.EXPERT_ARGUMENT, null),
				List.of(new NewDocument("脚本", null, "x.exe", new byte[] { 1 })))).isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.problems()).extracting(p -> p.field()).contains("documentFile"));
		assertThat(queries.stages(d.id())).extracting(x -> x.stage()).doesNotContain(MajorDecisionStage.EXPERT_ARGUMENT);
		MajorDecision.StageRecord participationFile = management.recordStage(d.id(), stage(MajorDecisionStage.PUBLIC_PARTICIPATION,
				null), List.of(new NewDocument("意见采纳情况", null, "采纳.pdf", "%PDF-1.4 公开".getBytes())));
		long publicFile = participationFile.documents().get(0).id();
		assertThat(queries.publicFile(d.id(), String.valueOf(publicFile))).as("not before the catalogue is published").isEmpty();
		var nyjAgency = agencies.requireById(nyj);
		assertThat(queries.publicItem(d.id())).isEmpty();
		assertThat(pages.item(d.id())).isEmpty();
		assertThat(pages.list(nyjAgency, year)).isEmpty();
		assertThat(pages.publicPaths()).doesNotContain(MajorDecisionQueries.path(d.id()));
		assertThat(kind.find(d.id()).orElseThrow().isPublic()).isFalse();
		assertThat(events.stream(PublicMajorDecisionChanged.class).filter(e -> e.id() == d.id())).isEmpty();

		// publishing needs the approval note; then the whole catalogue is public
		asEditor(nyj);
		assertThatThrownBy(() -> management.publish(nyj, year, TODAY, " ")).isInstanceOf(InvalidInputException.class);
		management.publish(nyj, year, TODAY, "经县委同意");
		assertThat(conflict(() -> management.publish(nyj, year, TODAY, "经县委同意"))).contains("已公布");
		assertThat(events.stream(PublicMajorDecisionChanged.class).filter(e -> e.id() == d.id() && e.isPublic())).isNotEmpty();
		assertThat(pages.publicPaths()).contains(MajorDecisionQueries.path(d.id()),
				MajorDecisionQueries.listPath("yiyuan-nyj", year));
		String list = pages.list(nyjAgency, year).orElseThrow();
		assertThat(list).contains("高标准农田建设规划", "<th scope=\"col\">承办单位</th>", "<th scope=\"col\">公众参与方式</th>", year + "年第二季度",
				"网络征集意见", "经县委同意");
		assertThat(queries.publicFile(d.id(), String.valueOf(publicFile))).isPresent();
		assertThat(queries.publicFile(d.id(), String.valueOf(reviewFile))).as("a document of a stage that is not public").isEmpty();
		assertThat(queries.publicFile(d.id(), "decision")).isEmpty();
		REFERRED.set(d.id());
		String page = pages.item(d.id()).orElseThrow();
		assertThat(page).contains("合法性审查", TODAY.toString(), "公众参与情况说明").doesNotContain("第五条需修改", "intranet.example");
		// what refers to the item, public only, with its status and note
		assertThat(page).contains("规划草案公开征求意见", "/test/1/", "已反馈", "收到意见12条，采纳5条").doesNotContain("尚未发布的征集草稿");
		Map<String, Object> view = queries.publicItemView(queries.publicItem(d.id()).orElseThrow());
		assertThat(view.toString()).doesNotContain("第五条需修改");
	}

	@Test
	void adjustmentsOfAPublishedCatalogueAreItsPublicChangeHistory() {
		int year = YEARS.incrementAndGet();
		MajorDecision first = add(fgj, year, item("物流园区发展规划", false, false));
		management.publish(fgj, year, TODAY, "经县委同意");
		MajorDecision late = management.add(fgj, year, item("新增：老旧小区改造计划", false, false), "根据县委部署增加");
		assertThat(late.addedLate()).isTrue();
		assertThat(queries.publicItem(late.id())).isPresent();
		assertThatThrownBy(() -> management.remove(first.id(), " ")).isInstanceOf(InvalidInputException.class);
		management.remove(first.id(), "上级政策调整，暂不作出决策");
		assertThat(conflict(() -> record(first.id(), MajorDecisionStage.PUBLIC_PARTICIPATION))).contains("已调出目录");
		MajorDecision.Catalog c = queries.publicCatalog(fgj, year).orElseThrow();
		assertThat(queries.changes(c.id())).extracting(ch -> ch.kind().name()).containsExactly("PUBLISHED", "ADDED", "REMOVED");
		String list = pages.list(agencies.requireById(fgj), year).orElseThrow();
		assertThat(list).contains("目录调整情况", "根据县委部署增加", "上级政策调整，暂不作出决策", "已调出目录");
		assertThat(pages.feed()).contains("调出目录：物流园区发展规划", "增加事项：新增：老旧小区改造计划");
	}

	// ---- who may act ---------------------------------------------------------------------------------------

	@Test
	void aSupervisorReadsButDoesNotActAndATokenActsOnlyForItsOwnAgency() {
		int year = YEARS.incrementAndGet();
		MajorDecision d = add(fgj, year, item("产业园区规划", false, false));
		as(county, Role.SUPERVISOR, true);
		assertThatThrownBy(() -> record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		as(nyj, Role.EDITOR, false);
		assertThatThrownBy(() -> record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));

		as(new Actor(9001, "token:fgj", "发改局系统", fgj, List.of(), Set.of("participation"), true));
		assertThat(record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION)).isNotNull();
		as(new Actor(9002, "token:nyj", "农业局系统", nyj, List.of(), Set.of("participation"), true));
		assertThatThrownBy(() -> record(d.id(), MajorDecisionStage.EXPERT_ARGUMENT))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		as(new Actor(9003, "token:fgj2", "发改局OA", fgj, List.of(), Set.of("intake"), true));
		assertThatThrownBy(() -> record(d.id(), MajorDecisionStage.EXPERT_ARGUMENT))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void thePlannedTimeIsAMonthOrAQuarterAndAtLeastOneParticipationMethodIsChosen() {
		int year = YEARS.incrementAndGet();
		asEditor(fgj);
		ItemInput both = new ItemInput("事项", "内容", "yiyuan-fgj", null, 3, 1, List.of(Method.ONLINE), null, false, false, false, null);
		assertThatThrownBy(() -> management.add(fgj, year, both, null)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(p -> p.field()).contains("planMonth"));
		ItemInput none = new ItemInput("事项", "内容", "no-such-unit", null, 3, null, List.of(), null, false, false, false, null);
		assertThatThrownBy(() -> management.add(fgj, year, none, null)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(p -> p.field()).contains("methods", "unit"));
		ItemInput other = new ItemInput("事项", "内容", "yiyuan-fgj", null, 3, null, List.of(Method.OTHER), null, false, false, false, null);
		assertThatThrownBy(() -> management.add(fgj, year, other, null)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(p -> p.field()).contains("otherMethod"));
		assertThat(queries.catalog(fgj, year)).isEmpty();
	}

	// ---- review findings: the order of review and discussion, the required stages, drafts removed ----------

	StageInput at(MajorDecisionStage s, Outcome outcome, LocalDate on) {
		return new StageInput(s, on, s.label() + "情况说明", null, outcome,
				s == MajorDecisionStage.COLLECTIVE_DISCUSSION ? MeetingForm.EXECUTIVE : null);
	}

	@Test
	void aDiscussionHeldBeforeTheLatestLegalityReviewDoesNotAllowTheDecision() {
		MajorDecision d = add(fgj, YEARS.incrementAndGet(), item("城区公交线网优化方案", false, false));
		LocalDate day = TODAY.minusDays(10);
		management.recordStage(d.id(), at(MajorDecisionStage.PUBLIC_PARTICIPATION, null, day), List.of());
		management.recordStage(d.id(), at(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL, day.plusDays(1)), List.of());
		management.recordStage(d.id(), at(MajorDecisionStage.COLLECTIVE_DISCUSSION, Outcome.PASSED, day.plusDays(2)), List.of());
		management.recordStage(d.id(), at(MajorDecisionStage.LEGALITY_REVIEW, Outcome.UNLAWFUL, day.plusDays(3)), List.of());
		management.recordStage(d.id(), at(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL, day.plusDays(4)), List.of());

		String refused = conflict(() -> management.take(d.id(), "关于印发方案的通知", null, TODAY, "https://www.example.gov.cn/a.html",
				null, null));
		assertThat(refused).contains("合法性审查后尚未重新集体讨论决定", "第二十五条第二款");
		assertThat(MajorDecisionRules.pending(queries.find(d.id()).orElseThrow(), queries.stages(d.id())))
			.isEqualTo(MajorDecisionStage.COLLECTIVE_DISCUSSION);
		// a new review may not be dated before the discussion it follows
		assertThatThrownBy(() -> management.recordStage(d.id(), at(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL, day.plusDays(1)),
				List.of())).isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.problems()).extracting(p -> p.field()).contains("completedOn"));

		management.recordStage(d.id(), at(MajorDecisionStage.COLLECTIVE_DISCUSSION, Outcome.PASSED, day.plusDays(5)), List.of());
		assertThat(management.take(d.id(), "关于印发方案的通知", null, TODAY, "https://www.example.gov.cn/a.html", null, null).status())
			.isEqualTo(Status.DECIDED);
	}

	@Test
	void theRequiredStagesCannotBeChangedOnceALegalityReviewIsRecorded() {
		int year = YEARS.incrementAndGet();
		MajorDecision d = add(fgj, year, item("县城排水防涝专项规划", false, false));
		LocalDate day = TODAY.minusDays(6);
		management.recordStage(d.id(), at(MajorDecisionStage.PUBLIC_PARTICIPATION, null, day), List.of());
		management.recordStage(d.id(), at(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL, day.plusDays(1)), List.of());

		assertThat(conflict(() -> management.edit(d.id(), item("县城排水防涝专项规划", true, false)))).contains("合法性审查");
		assertThat(conflict(() -> management.edit(d.id(), item("县城排水防涝专项规划", false, true)))).contains("合法性审查");
		ItemInput exempt = new ItemInput("县城排水防涝专项规划", "内容", "yiyuan-fgj", null, null, 2, List.of(), null, false, false, true,
				"依法应当保密");
		assertThat(conflict(() -> management.edit(d.id(), exempt))).contains("合法性审查");
		MajorDecision stored = queries.find(d.id()).orElseThrow();
		assertThat(stored.expertRequired() || stored.riskRequired() || stored.participationExempt()).isFalse();
		// the entry itself may still be corrected
		assertThat(management.edit(d.id(), item("县城排水防涝专项规划（修订）", false, false)).title()).isEqualTo("县城排水防涝专项规划（修订）");

		// a required stage recorded only after the latest review does not count: the draft must be reviewed again
		MajorDecision needsExpert = withExpert(stored);
		List<MajorDecision.StageRecord> done = List.of(
				stageRecord(1, MajorDecisionStage.PUBLIC_PARTICIPATION, day, null),
				stageRecord(2, MajorDecisionStage.LEGALITY_REVIEW, day.plusDays(1), Outcome.LEGAL),
				stageRecord(3, MajorDecisionStage.EXPERT_ARGUMENT, day.plusDays(2), null));
		assertThat(MajorDecisionRules.refuseStage(needsExpert, MajorDecisionStage.COLLECTIVE_DISCUSSION, done)).get().asString()
			.contains("专家论证");
		List<MajorDecision.StageRecord> discussed = new java.util.ArrayList<>(done);
		discussed.add(stageRecord(4, MajorDecisionStage.COLLECTIVE_DISCUSSION, day.plusDays(3), Outcome.PASSED));
		assertThat(MajorDecisionRules.refuseTake(needsExpert, discussed)).get().asString().contains("专家论证");
		assertThat(MajorDecisionRules.pending(needsExpert, discussed)).isEqualTo(MajorDecisionStage.LEGALITY_REVIEW);
		discussed.add(stageRecord(5, MajorDecisionStage.LEGALITY_REVIEW, day.plusDays(4), Outcome.LEGAL));
		discussed.add(stageRecord(6, MajorDecisionStage.COLLECTIVE_DISCUSSION, day.plusDays(5), Outcome.PASSED));
		assertThat(MajorDecisionRules.refuseTake(needsExpert, discussed)).isEmpty();
	}

	static MajorDecision withExpert(MajorDecision d) {
		return new MajorDecision(d.id(), d.catalogId(), d.agencyId(), d.year(), d.seq(), d.title(), d.summary(), d.unitAgencyId(),
				d.unitOffice(), d.planMonth(), d.planQuarter(), d.methods(), d.otherMethod(), true, d.riskRequired(),
				d.participationExempt(), d.exemptReason(), Status.IN_PROGRESS, null, d.addedLate(), null, null, null, null, null, null,
				null, null, null, null, null, d.version(), d.createdBy(), d.createdAt(), d.updatedAt());
	}

	static MajorDecision.StageRecord stageRecord(long id, MajorDecisionStage s, LocalDate on, Outcome outcome) {
		return new MajorDecision.StageRecord(id, 1, s, on, null, true, outcome,
				s == MajorDecisionStage.COLLECTIVE_DISCUSSION ? MeetingForm.EXECUTIVE : null, "t", Instant.EPOCH, List.of());
	}

	@Test
	void anItemRemovedFromAnUnpublishedCatalogueIsGoneAndNeverBecomesPublic() {
		int year = YEARS.incrementAndGet();
		MajorDecision kept = add(fgj, year, item("全域旅游发展规划", false, false));
		MajorDecision dropped = add(fgj, year, item("内部讨论后放弃的事项", false, false));
		MajorDecision.StageRecord s = management.recordStage(dropped.id(), stage(MajorDecisionStage.PUBLIC_PARTICIPATION, null),
				List.of(new NewDocument("征求意见稿", null, "稿.pdf", "%PDF-1.4 draft".getBytes())));
		String key = s.documents().get(0).fileKey();
		assertThat(files.get(key)).isPresent();

		management.remove(dropped.id(), "内部原因不再列入");
		assertThat(queries.find(dropped.id())).isEmpty();
		assertThat(files.get(key)).as("the file goes with the item").isEmpty();
		assertThat(queries.find(kept.id()).orElseThrow().seq()).isEqualTo(1);
		management.publish(fgj, year, TODAY, "经县委同意");
		String list = pages.list(agencies.requireById(fgj), year).orElseThrow();
		assertThat(list).contains("全域旅游发展规划").doesNotContain("内部讨论后放弃的事项", "内部原因不再列入");
		assertThat(pages.publicPaths()).doesNotContain(MajorDecisionQueries.path(dropped.id()));
		assertThat(queries.publicItem(dropped.id())).isEmpty();
		MajorDecision.Catalog c = queries.publicCatalog(fgj, year).orElseThrow();
		assertThat(queries.changes(c.id())).extracting(ch -> ch.kind().name()).containsExactly("PUBLISHED");

		// a catalogue whose every item was removed is not published
		int other = YEARS.incrementAndGet();
		MajorDecision only = add(fgj, other, item("唯一事项", false, false));
		management.remove(only.id(), "不再列入");
		assertThat(conflict(() -> management.publish(fgj, other, TODAY, "经县委同意"))).contains("还没有决策事项");
		assertThat(queries.publicCatalog(fgj, other)).isEmpty();
	}

	@Test
	void anotherAgencysDecisionIsReferredToOnlyOnceItsCatalogueIsPublished() {
		int year = YEARS.incrementAndGet();
		MajorDecision d = add(nyj, year, item("畜禽养殖禁养区调整方案", false, false));
		asEditor(fgj);
		assertThat(links.findVisible(MajorDecisionKind.KIND, d.id())).isEmpty();
		assertThatThrownBy(() -> links.require("decision", MajorDecisionKind.KIND, d.id()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
				.containsExactly("decision"));
		as(county, Role.SUPERVISOR, true);
		assertThat(links.require("decision", MajorDecisionKind.KIND, d.id()).title()).isEqualTo("畜禽养殖禁养区调整方案");
		asEditor(nyj);
		assertThat(links.findVisible(MajorDecisionKind.KIND, d.id())).isPresent();
		management.publish(nyj, year, TODAY, "经县委同意");
		asEditor(fgj);
		assertThat(links.require("decision", MajorDecisionKind.KIND, d.id()).isPublic()).isTrue();
		assertThat(links.findPublic(MajorDecisionKind.KIND, d.id())).isPresent();
	}

	@Test
	void editingAnItemOfAPublishedCatalogueIsAnAdjustmentWithAReasonAndWhatChanged() {
		int year = YEARS.incrementAndGet();
		MajorDecision d = add(fgj, year, item("城市更新三年行动方案", false, false));
		// before publication an edit needs no reason and leaves no public trace
		management.edit(d.id(), item("城市更新三年行动计划", false, false));
		management.publish(fgj, year, TODAY, "经县委同意");
		MajorDecision.Catalog c = queries.publicCatalog(fgj, year).orElseThrow();
		assertThat(queries.changes(c.id())).extracting(ch -> ch.kind().name()).containsExactly("PUBLISHED");

		ItemInput later = new ItemInput("城市更新三年行动计划", "拟制定城市更新三年行动计划，明确目标任务和保障措施。", "yiyuan-fgj", "规划科", null, 3,
				List.of(Method.ONLINE), null, false, false, false, null);
		assertThatThrownBy(() -> management.edit(d.id(), later, " ")).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("reason"));
		assertThat(queries.find(d.id()).orElseThrow().planQuarter()).isEqualTo(2);
		management.edit(d.id(), later, "征求意见时间延长，决策时间顺延");
		MajorDecision.Change adjusted = queries.changes(c.id()).get(1);
		assertThat(adjusted.kind()).isEqualTo(MajorDecision.ChangeKind.ADJUSTED);
		assertThat(adjusted.reason()).isEqualTo("征求意见时间延长，决策时间顺延");
		assertThat(adjusted.detail()).contains("计划决策时间：" + year + "年第二季度 → " + year + "年第三季度",
				"公众参与方式：网络征集意见、听证座谈 → 网络征集意见");
		assertThat(pages.list(agencies.requireById(fgj), year).orElseThrow()).contains("调整事项", "征求意见时间延长，决策时间顺延",
				year + "年第三季度");
		assertThat(pages.feed()).contains("调整事项：城市更新三年行动计划");
		// an edit that changes nothing is no adjustment
		management.edit(d.id(), later, null);
		assertThat(queries.changes(c.id())).hasSize(2);
	}

	@Test
	void aSuspendedItemTakesNoStagesUntilResumedAndBothAreInTheChangeHistory() {
		int year = YEARS.incrementAndGet();
		MajorDecision d = add(fgj, year, item("县城停车设施专项规划", false, false));
		MajorDecision fresh = add(fgj, year, item("县城公厕布局规划", false, false));
		management.publish(fgj, year, TODAY, "经县委同意");
		record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION);
		assertThatThrownBy(() -> management.suspend(d.id(), "")).isInstanceOf(InvalidInputException.class);
		assertThat(management.suspend(d.id(), "等待上级规划批复").status()).isEqualTo(Status.SUSPENDED);
		assertThat(conflict(() -> record(d.id(), MajorDecisionStage.EXPERT_ARGUMENT))).contains("已暂缓");
		assertThat(conflict(() -> management.suspend(d.id(), "再次暂缓"))).contains("不能暂缓");
		assertThat(conflict(() -> management.resume(fresh.id()))).contains("只有已暂缓");
		assertThat(management.resume(d.id()).status()).as("stages were recorded").isEqualTo(Status.IN_PROGRESS);
		management.suspend(fresh.id(), "另行研究");
		assertThat(management.resume(fresh.id()).status()).as("no stage yet").isEqualTo(Status.NOT_STARTED);
		MajorDecision.Catalog c = queries.publicCatalog(fgj, year).orElseThrow();
		assertThat(queries.changes(c.id())).extracting(ch -> ch.kind().name())
			.containsExactly("PUBLISHED", "SUSPENDED", "RESUMED", "SUSPENDED", "RESUMED");
		assertThat(queries.changes(c.id()).get(1).reason()).isEqualTo("等待上级规划批复");
	}

	@Test
	void aNewEvaluationReportReplacesTheOldFileAndADocumentTitleIsLimited() {
		MajorDecision d = add(fgj, YEARS.incrementAndGet(), item("县域商业体系建设方案", false, false));
		String longTitle = "材".repeat(301);
		assertThatThrownBy(() -> management.recordStage(d.id(), stage(MajorDecisionStage.PUBLIC_PARTICIPATION, null),
				List.of(new NewDocument(longTitle, "https://www.example.gov.cn/a.html", null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting(p -> p.field()).contains("documentTitle"));
		assertThat(queries.stages(d.id())).isEmpty();
		record(d.id(), MajorDecisionStage.PUBLIC_PARTICIPATION);
		management.recordStage(d.id(), stage(MajorDecisionStage.LEGALITY_REVIEW, Outcome.LEGAL), List.of());
		management.recordStage(d.id(), stage(MajorDecisionStage.COLLECTIVE_DISCUSSION, Outcome.PASSED), List.of());
		management.take(d.id(), "关于印发方案的通知", null, TODAY, "https://www.example.gov.cn/a.html", null, null);
		String first = management.evaluate(d.id(), TODAY, "第一次评估", null, "评估1.pdf", "%PDF-1.4 one".getBytes()).evaluationFileKey();
		MajorDecision again = management.evaluate(d.id(), TODAY, "第二次评估", null, "评估2.pdf", "%PDF-1.4 two".getBytes());
		assertThat(again.evaluationFileKey()).isNotEqualTo(first);
		assertThat(files.get(first)).as("the replaced report is deleted").isEmpty();
		assertThat(files.get(again.evaluationFileKey())).get().isEqualTo("%PDF-1.4 two".getBytes());
		assertThat(queries.staffFile(again, "evaluation")).get().extracting(MajorDecisionQueries.PublicFile::name).isEqualTo("评估2.pdf");
	}

	@Test
	void withoutAYearTheLatestPublishedCatalogueIsShownAndAnInactiveAgencysYearsAreNotListed() {
		long zrj = agencies.requireByCode("yiyuan-zrj").id();
		asEditor(zrj);
		management.add(zrj, 2099, new ItemInput("国土空间总体规划修编", "内容", "yiyuan-zrj", null, 5, null, List.of(Method.ONLINE), null,
				false, false, false, null), null);
		assertThat(queries.defaultYear(zrj)).as("nothing published yet: the current year").isEqualTo(2026);
		management.publish(zrj, 2099, TODAY, "经县委同意");
		assertThat(queries.defaultYear(zrj)).isEqualTo(2099);
		assertThat(queries.defaultYear(null)).isEqualTo(2026);
		assertThat(queries.publicYears()).contains(2099);
		jdbc.sql("UPDATE org_agency SET active = FALSE WHERE id = ?").param(zrj).update();
		try {
			assertThat(queries.publicYears()).doesNotContain(2099);
			assertThat(queries.publicCatalogs(null, 2099)).isEmpty();
			assertThat(pages.publicPaths()).noneMatch(path -> path.contains("yiyuan-zrj"));
		}
		finally {
			jdbc.sql("UPDATE org_agency SET active = TRUE WHERE id = ?").param(zrj).update();
		}
	}

	// ---- the column and the dashboard ----------------------------------------------------------------------

	@Test
	void theColumnShowsTheCurrentYearsPublicItemsInProgressFirstAndTheDashboardCountsOverdueOnes() {
		int year = 2026;
		long lucun = agencies.requireByCode("yiyuan-lucun").id();
		asEditor(lucun);
		MajorDecision early = management.add(lucun, year, new ItemInput("镇区污水管网改造", "内容", "yiyuan-lucun", null, 3, null,
				List.of(Method.ONLINE), null, false, false, false, null), null);
		MajorDecision later = management.add(lucun, year, new ItemInput("集市搬迁方案", "内容", "yiyuan-lucun", null, null, 4,
				List.of(Method.HEARING), null, false, false, false, null), null);
		assertThat(kind.highlights(lucun, 8)).isEmpty();
		management.publish(lucun, year, TODAY, "经镇党委同意");
		management.recordStage(later.id(), stage(MajorDecisionStage.PUBLIC_PARTICIPATION, null), List.of());
		List<ParticipationLink> column = kind.highlights(lucun, 8);
		assertThat(column).extracting(ParticipationLink::title).containsExactly("集市搬迁方案", "镇区污水管网改造");
		assertThat(column.get(0).status()).isEqualTo("推进中");
		assertThat(column.get(0).path()).isEqualTo("/participation/decisions/" + later.id() + "/");
		assertThat(kind.listPath("yiyuan-lucun")).isEqualTo("/participation/decisions/?agency=yiyuan-lucun");

		List<DashboardCard> cards = dashboard.cardsFor(new Actor(1, "lucun", "测试", lucun,
				List.of(new RoleGrant(Role.EDITOR, lucun, false)), Set.of(), false));
		DashboardCard overdue = cards.stream().filter(c -> c.order() == 15).findFirst().orElseThrow();
		assertThat(overdue.value()).isEqualTo("1");
		assertThat(overdue.detail()).contains("镇区污水管网改造");
		assertThat(cards).anyMatch(c -> c.order() == 19 && c.value().equals("1"));
		assertThat(early.plannedBy()).isEqualTo(LocalDate.of(2026, 3, 31));
	}
}
