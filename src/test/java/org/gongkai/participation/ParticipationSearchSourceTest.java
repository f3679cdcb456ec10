package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.participation.MajorDecision.Method;
import org.gongkai.participation.MajorDecisionManagement.ItemInput;
import org.gongkai.participation.MajorDecisionManagement.NewDocument;
import org.gongkai.participation.MajorDecisionManagement.StageInput;
import org.gongkai.participation.MajorDecisionStage.Outcome;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.platform.Zones;
import org.gongkai.search.PreparedQuery;
import org.gongkai.search.SearchEngine;
import org.gongkai.search.SearchFilter;
import org.gongkai.search.SearchOrder;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search sources of the participation module: public consultations (comments masked, unaccepted ones never),
 * items of published major-decision catalogues (never a non-public stage's content), public meetings (never a non-public
 * agenda item) and public polls (never a free-text answer); none of them while a draft or after withdrawal; and through
 * the listener and the search engine, findable once public and not once withdrawn.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
class ParticipationSearchSourceTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-participation-search-");
	}

	/** A resident ID with a valid check digit (GB 11643's example). */
	static final String RESIDENT_ID = "11010519491231002X";

	static final String DRAFT = "沂源县城市公共停车场管理办法（征求意见稿）\n第一章 总则\n第一条 为加强城市公共停车场管理，制定本办法。\n"
			+ "第二条 本办法适用于本县城区范围内的公共停车场。\n第三条 停车收费实行政府指导价。";

	static final String SECRET_ITEM = "县看守所改扩建选址（依法不公开）";

	private static final AtomicInteger YEARS = new AtomicInteger(2060);

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	ConsultationQueries consultationQueries;

	@Autowired
	MajorDecisionManagement decisions;

	@Autowired
	MeetingManagement meetings;

	@Autowired
	MeetingQueries meetingQueries;

	@Autowired
	PollManagement polls;

	@Autowired
	PollQueries pollQueries;

	@Autowired
	ConsultationSearchSource consultationSource;

	@Autowired
	MajorDecisionSearchSource decisionSource;

	@Autowired
	MeetingSearchSource meetingSource;

	@Autowired
	PollSearchSource pollSource;

	@Autowired
	SearchEngine engine;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	long fgj;

	@BeforeEach
	void setUp() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		clock.at(LocalDate.of(2026, 3, 2), 10, 0);
		asEditor();
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	// ---- consultations ------------------------------------------------------------------------------------

	@Test
	void aPublishedConsultationIsAnEntryWithItsMaskedPublicCommentsOnlyAndLeavesWhenWithdrawn() {
		Consultation c = consultations.create(consultation("停车场管理办法征求意见"));
		assertThat(consultationSource.publicEntry(c.id())).as("draft").isEmpty();
		assertThat(ids(consultationSource)).doesNotContain(c.id());
		asEditor();
		consultations.publish(c.id());
		clock.at(LocalDate.of(2026, 3, 10), 9, 0);
		SecurityContextHolder.clearContext();
		Comment shown = consultations.comment(c.id(), new CommentInput(1, "身份证" + RESIDENT_ID + "的居民建议延长免费时段。", "周九",
				"13600001111"), "WEB");
		consultations.comment(c.id(), new CommentInput(null, "尚未审核的意见不公开。", "李四", "13900001234"), "WEB");
		asEditor();
		consultations.accept(shown.id());

		SearchEntry e = consultationSource.publicEntry(c.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("consultation");
		assertThat(e.title()).isEqualTo("停车场管理办法征求意见");
		assertThat(e.url()).isEqualTo("/participation/consultations/" + c.id() + "/");
		assertThat(e.agencyId()).isEqualTo(fgj);
		assertThat(e.body()).contains("第二条 本办法适用于本县城区范围内的公共停车场。", "为规范停车秩序", "110105********002X");
		assertThat(e.title() + e.body() + e.keywords()).doesNotContain(RESIDENT_ID, "周九", "13600001111", "尚未审核的意见不公开",
				"李四", "13900001234");
		assertThat(ids(consultationSource)).contains(c.id())
			.containsExactlyInAnyOrderElementsOf(consultationQueries.publicList(null, null).stream().map(Consultation::id).toList());

		asEditor();
		consultations.withdraw(c.id(), "决策事项调整，暂停征求意见");
		assertThat(consultationSource.publicEntry(c.id())).isEmpty();
		assertThat(ids(consultationSource)).doesNotContain(c.id());
	}

	// ---- major decisions ----------------------------------------------------------------------------------

	@Test
	void anItemIsAnEntryOnlyOnceItsCatalogueIsPublishedAndNeverWithANonPublicStagesContent() {
		clock.at(LocalDate.of(2026, 5, 10), 10, 0);
		LocalDate today = LocalDate.of(2026, 5, 10);
		int year = YEARS.incrementAndGet();
		asEditor();
		MajorDecision d = decisions.add(fgj, year, new ItemInput("城区停车设施专项规划", "拟制定城区停车设施专项规划，明确目标任务和保障措施。",
				"yiyuan-fgj", "规划科", null, 2, List.of(Method.ONLINE, Method.HEARING), null, false, false, false, null), null);
		asEditor();
		decisions.recordStage(d.id(), new StageInput(MajorDecisionStage.PUBLIC_PARTICIPATION, today, "公众参与情况说明：收到意见12条", null,
				null, null), List.of());
		asEditor();
		decisions.recordStage(d.id(), new StageInput(MajorDecisionStage.LEGALITY_REVIEW, today, "审查意见：第五条需修改（内部）", null,
				Outcome.LEGAL, null), List.of(new NewDocument("合法性审查意见书", "https://intranet.example/hf.pdf", null, null)));
		assertThat(decisionSource.publicEntry(d.id())).as("catalogue not published").isEmpty();
		assertThat(ids(decisionSource)).doesNotContain(d.id());

		asEditor();
		decisions.publish(fgj, year, today, "经县委同意");
		SearchEntry e = decisionSource.publicEntry(d.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("major-decision");
		assertThat(e.title()).isEqualTo("城区停车设施专项规划");
		assertThat(e.url()).isEqualTo("/participation/decisions/" + d.id() + "/");
		assertThat(e.agencyId()).isEqualTo(fgj);
		assertThat(e.body()).contains("明确目标任务和保障措施", "公众参与情况说明：收到意见12条", "合法性审查");
		assertThat(e.title() + e.body() + e.keywords()).doesNotContain("第五条需修改", "intranet.example", "合法性审查意见书");
		assertThat(e.outOfForce()).isFalse();
		assertThat(ids(decisionSource)).contains(d.id());

		asEditor();
		decisions.remove(d.id(), "上级政策调整，暂不作出决策");
		SearchEntry removed = decisionSource.publicEntry(d.id()).orElseThrow();
		assertThat(removed.outOfForce()).as("still in the public catalogue, marked removed").isTrue();
	}

	// ---- meetings -----------------------------------------------------------------------------------------

	@Test
	void aPublicMeetingIsAnEntryWithoutItsNonPublicAgendaItemAndLeavesWhenWithdrawn() {
		clock.now = LocalDateTime.of(2026, 12, 1, 10, 0).atZone(Zones.CHINA).toInstant();
		Meeting m = meetings.create(fgj, new MeetingDraft("县政府第12次常务会议", "EXECUTIVE", "2026-12-03T09:30", "县政府第一会议室", true,
				null, List.of("PUBLIC", "EXPERT", "MEDIA"), "0", null));
		asEditor();
		meetings.addItem(m.id(), new MeetingItemDraft("县城老旧小区改造实施方案", "县住房城乡建设局", true, false, null));
		asEditor();
		meetings.addItem(m.id(), new MeetingItemDraft(SECRET_ITEM, "县公安局", false, false, null));
		assertThat(meetingSource.publicEntry(m.id())).as("draft").isEmpty();
		assertThat(ids(meetingSource)).doesNotContain(m.id());
		asEditor();
		meetings.publish(m.id());

		SearchEntry e = meetingSource.publicEntry(m.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("meeting");
		assertThat(e.title()).isEqualTo("县政府第12次常务会议");
		assertThat(e.url()).isEqualTo("/participation/meetings/" + m.id() + "/");
		assertThat(e.body()).contains("县城老旧小区改造实施方案", "县政府第一会议室");
		assertThat(e.title() + e.body() + e.keywords()).doesNotContain(SECRET_ITEM, "县公安局");
		assertThat(ids(meetingSource)).contains(m.id());

		// the decided items once published, still without the non-public item
		clock.now = LocalDateTime.of(2026, 12, 3, 12, 0).atZone(Zones.CHINA).toInstant();
		long open = meetingQueries.items(m.id()).stream().filter(MeetingItem::isPublic).findFirst().orElseThrow().id();
		asEditor();
		meetings.recordDecided(m.id(), null, new MeetingDecidedDraft(String.valueOf(open), "会议原则同意县城老旧小区改造实施方案。", List.of(), null));
		assertThat(meetingSource.publicEntry(m.id()).orElseThrow().body()).doesNotContain("会议原则同意");
		asEditor();
		meetings.publishOutcome(m.id());
		assertThat(meetingSource.publicEntry(m.id()).orElseThrow().body()).contains("会议原则同意县城老旧小区改造实施方案")
			.doesNotContain(SECRET_ITEM);
		for (SearchEntry any : entries(meetingSource)) {
			assertThat(any.title() + any.body() + any.keywords()).doesNotContain(SECRET_ITEM);
		}

		asEditor();
		meetings.withdraw(m.id(), "会议延期");
		assertThat(meetingSource.publicEntry(m.id())).isEmpty();
		assertThat(ids(meetingSource)).doesNotContain(m.id());
	}

	// ---- polls --------------------------------------------------------------------------------------------

	@Test
	void aPublicPollIsAnEntryWithoutAnyFreeTextAnswerAndLeavesWhenWithdrawn() {
		LocalDate june1 = LocalDate.of(2026, 6, 1);
		clock.today(june1);
		Poll p = polls.create(new PollDraft("yiyuan-fgj", "养老服务需求民意调查", "为制定本县养老服务体系建设实施方案，了解群众需求。",
				june1.toString(), june1.plusDays(7).toString(), PollIdentityRule.MOBILE.name(), PollResultsVisibility.LIVE.name(), null,
				null, null));
		asEditor();
		long single = polls.addQuestion(p.id(), new PollQuestionInput("SINGLE", "您对本县养老服务是否满意？", true, null, null, null,
				List.of("满意", "基本满意", "不满意")));
		asEditor();
		long text = polls.addQuestion(p.id(), new PollQuestionInput("TEXT", "您的其他建议", false, null, null, "100", List.of()));
		assertThat(pollSource.publicEntry(p.id())).as("draft").isEmpty();
		asEditor();
		polls.publish(p.id());
		long option = pollQueries.publicPoll(p.id()).orElseThrow().questions().get(0).options().get(0).id();
		SecurityContextHolder.clearContext();
		polls.answer(p.id(), new PollAnswer("13900000021", Map.of(single, List.of(option)), Map.of(text, "家住13812345678，希望延长服务时间")),
				"WEB");

		SearchEntry e = pollSource.publicEntry(p.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("poll");
		assertThat(e.title()).isEqualTo("养老服务需求民意调查");
		assertThat(e.url()).isEqualTo("/participation/polls/" + p.id() + "/");
		assertThat(e.body()).contains("了解群众需求", "您对本县养老服务是否满意？", "基本满意", "您的其他建议");
		for (SearchEntry any : entries(pollSource)) {
			assertThat(any.title() + any.body() + any.keywords()).doesNotContain("希望延长服务时间", "13812345678", "138****5678",
					"13900000021");
		}
		assertThat(ids(pollSource)).contains(p.id())
			.containsExactlyInAnyOrderElementsOf(pollQueries.publicList(null, null).stream().map(x -> x.poll().id()).toList());

		asEditor();
		polls.withdraw(p.id(), "调查方案需重新论证");
		assertThat(pollSource.publicEntry(p.id())).isEmpty();
		assertThat(ids(pollSource)).doesNotContain(p.id());
	}

	// ---- through the engine -------------------------------------------------------------------------------

	@Test
	void aConsultationIsFoundThroughTheSearchAndNotAfterWithdrawal() {
		quiet();
		asEditor();
		Consultation c = consultations.create(consultation("kwconsultepsilon 停车办法"));
		asEditor();
		consultations.publish(c.id());
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(found("consultation", c.id(), "kwconsultepsilon")).isTrue());
		asEditor();
		consultations.withdraw(c.id(), "决策事项调整");
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(found("consultation", c.id(), "kwconsultepsilon")).isFalse());
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	static ConsultationInput consultation(String title) {
		return new ConsultationInput("yiyuan-fgj", title, DRAFT, "《中华人民共和国价格法》", "为规范停车秩序，起草了本办法。",
				LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 8), null, "fgj@example.cn", "沂源县城历山路1号", null, "0533-3241234",
				null, ConsultationFieldRule.OPTIONAL, ConsultationFieldRule.OPTIONAL, true, null);
	}

	/**
	 * Waits (at most 30 s) until the listeners have worked off the events of earlier tests, and uses the engine once for
	 * a write and a search (the first use loads the analyzer's dictionaries and opens the writer's files, seconds): the
	 * time to findability is then that of this change alone.
	 */
	private void quiet() {
		engine.put(new SearchEntry("consultation", Long.MAX_VALUE, null, "/warm-up/", "预热", "预热", null, LocalDate.of(2026, 3, 2),
				null, null, false));
		engine.remove("consultation", Long.MAX_VALUE);
		found("consultation", 0, "预热");
		org.gongkai.testing.EventQueue.awaitSettled(jdbc, Duration.ofSeconds(60));
	}

	private boolean found(String kind, long id, String word) {
		return engine.search(new PreparedQuery(word, List.of(word), List.of()), new SearchFilter(Set.of(kind), null, null, null),
				SearchOrder.RELEVANCE, 1, 100).hits().stream().anyMatch(h -> h.kind().equals(kind) && h.id() == id);
	}

	private static List<SearchEntry> entries(SearchSource source) {
		List<SearchEntry> out = new ArrayList<>();
		source.forEachPublic(out::add);
		return out;
	}

	private static List<Long> ids(SearchSource source) {
		return entries(source).stream().map(SearchEntry::id).toList();
	}

	private void asEditor() {
		Actor actor = new Actor(fgj * 100 + Role.EDITOR.ordinal(), "fgj-editor", "fgj-editor", fgj,
				List.of(new RoleGrant(Role.EDITOR, fgj, false)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}
}
