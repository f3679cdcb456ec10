package org.gongkai.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.SearchEntry;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search sources of the interaction module: public replied messages and published motion replies only, with
 * personal data masked as on their public pages, never a sender's or proposer's contact, gone after withholding or
 * withdrawal; and through the listener and the search engine, findable after publication and not after withdrawal.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
class InteractionSearchSourceTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-interaction-search-");
	}

	/** A resident ID with a valid check digit (GB 11643's example). */
	static final String RESIDENT_ID = "11010519491231002X";

	private static final AtomicInteger NUMBERS = new AtomicInteger(500);

	@Autowired
	InteractionManagement messages;

	@Autowired
	MotionManagement motions;

	@Autowired
	MessageQueries messageQueries;

	@Autowired
	MotionQueries motionQueries;

	@Autowired
	MessageSearchSource messageSource;

	@Autowired
	MotionSearchSource motionSource;

	@Autowired
	SearchEngine engine;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	MovableClock clock;

	long county;

	long fgj;

	@BeforeEach
	void setUp() {
		county = agencies.requireByCode("yiyuan").id();
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		clock.today(LocalDate.of(2026, 3, 2));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	// ---- messages -----------------------------------------------------------------------------------------

	@Test
	void aRepliedPublicMessageIsAnEntryMaskedLikeItsPageAndLeavesWhenWithheld() {
		Message m = submit("身份证" + RESIDENT_ID + "补办咨询", "我的身份证号码是" + RESIDENT_ID + "，电话13812345678，请问社保卡补办流程？",
				"13900004444", true);
		assertThat(messageSource.publicEntry(m.id())).as("not replied yet").isEmpty();
		asHandler();
		messages.accept(m.id());
		assertThat(messageSource.publicEntry(m.id())).as("accepted, not replied").isEmpty();
		asHandler();
		messages.reply(m.id(), "请携带身份证（" + RESIDENT_ID + "）到社保大厅办理，联系电话13812345678。", null);

		SearchEntry e = messageSource.publicEntry(m.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("message");
		assertThat(e.url()).isEqualTo("/interaction/messages/" + m.id() + "/");
		assertThat(e.agencyId()).isEqualTo(county);
		assertThat(e.date()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(e.title()).contains("补办咨询").doesNotContain(RESIDENT_ID);
		String all = e.title() + e.body() + e.keywords() + e.attachmentText();
		assertThat(all).doesNotContain(RESIDENT_ID, "13812345678", "13900004444", "张三", m.trackingCode());
		assertThat(e.body()).contains("请问社保卡补办流程", "到社保大厅办理", "138****5678");
		assertThat(ids(messageSource)).contains(m.id());

		asHandler();
		messages.withhold(m.id(), "涉及个人事项");
		assertThat(messageSource.publicEntry(m.id())).isEmpty();
		assertThat(ids(messageSource)).doesNotContain(m.id());
	}

	@Test
	void aMessageWithoutTheSendersConsentIsNeverAnEntry() {
		Message m = submit("个人事项咨询", "我家的低保申请审批到哪一步了，请帮忙查询一下进度。", "13900005555", false);
		asHandler();
		messages.accept(m.id());
		asHandler();
		messages.reply(m.id(), "您的申请正在审核中。", null);
		assertThat(messageSource.publicEntry(m.id())).isEmpty();
		assertThat(ids(messageSource)).doesNotContain(m.id());
		assertThat(messageSource.publicEntry(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void forEachPublicYieldsExactlyThePublicMessagesAndMotions() {
		Message shown = submit("图书馆开放时间", "请问县图书馆周末的开放时间是几点到几点？", "13900007777", true);
		Message hidden = submit("低保进度查询", "我家的低保申请审批到哪一步了，请帮忙查询一下进度。", "13900008888", false);
		for (Message m : List.of(shown, hidden)) {
			asHandler();
			messages.accept(m.id());
			asHandler();
			messages.reply(m.id(), "周末开放时间为9:00至17:00。", null);
		}
		assertThat(ids(messageSource)).contains(shown.id()).doesNotContain(hidden.id())
			.containsExactlyInAnyOrderElementsOf(messageQueries.publicIds().stream().map(x -> x[0]).toList());
		Motion unpublished = repliedMotion("所提建议正在研究。");
		assertThat(ids(motionSource)).doesNotContain(unpublished.id())
			.containsExactlyInAnyOrderElementsOf(motionQueries.publicIds());
		List<SearchEntry> all = entries(messageSource);
		assertThat(all).extracting(SearchEntry::id).doesNotHaveDuplicates();
		for (SearchEntry e : all) {
			assertThat(messageSource.publicEntry(e.id())).as("each yielded entry is public").contains(e);
		}
	}

	@Test
	void aRepliedMessageIsFoundThroughTheSearchAndNotAfterItIsWithheld() {
		Message m = submit("公共自行车办卡 kwmsgalpha", "请问县城公共自行车的办卡地点在哪里，需要什么材料？", "13900006666", true);
		asHandler();
		messages.accept(m.id());
		asHandler();
		warmUp();
		messages.reply(m.id(), "可到县交通运输局服务窗口办理。", null);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found("message", m.id(), "kwmsgalpha")).isTrue());
		asHandler();
		messages.withhold(m.id(), "涉及个人事项");
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found("message", m.id(), "kwmsgalpha")).isFalse());
	}

	// ---- motions ------------------------------------------------------------------------------------------

	@Test
	void onlyAPublishedMotionReplyIsAnEntryMaskedAndWithoutTheProposersContact() {
		Motion m = repliedMotion("经办人电话13912345678，身份证号" + RESIDENT_ID + "。所提建议已采纳，将列入明年计划。");
		assertThat(motionSource.publicEntry(m.id())).as("replied, publication not decided").isEmpty();
		asLeadApprover();
		motions.decidePublication(m.id(), MotionPublication.FULL, null, null);

		SearchEntry e = motionSource.publicEntry(m.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("motion");
		assertThat(e.url()).isEqualTo("/interaction/motions/" + m.id() + "/");
		assertThat(e.agencyId()).isEqualTo(fgj);
		assertThat(e.title()).contains("关于加快推进农村公路提档升级的建议", "建议第" + m.number() + "号");
		assertThat(e.body()).contains("所提建议已采纳", "139****5678", "110105********002X", "张三、李四");
		assertThat(e.title() + e.body() + e.keywords()).doesNotContain("13912345678", RESIDENT_ID, "13700001111");
		assertThat(e.keywords()).contains(m.number());
		assertThat(ids(motionSource)).contains(m.id());

		asLeadApprover();
		motions.withdrawPublication(m.id(), "答复内容有误");
		assertThat(motionSource.publicEntry(m.id())).isEmpty();
		assertThat(ids(motionSource)).doesNotContain(m.id());
	}

	@Test
	void aPublishedMotionReplyIsFoundThroughTheSearchAndNotAfterWithdrawal() {
		Motion m = repliedMotion("kwmotionbeta 所提建议已采纳。");
		warmUp();
		asLeadApprover();
		motions.decidePublication(m.id(), MotionPublication.FULL, null, null);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found("motion", m.id(), "kwmotionbeta")).isTrue());
		asLeadApprover();
		motions.withdrawPublication(m.id(), "答复内容有误");
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found("motion", m.id(), "kwmotionbeta")).isFalse());
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private Motion repliedMotion(String reply) {
		asSupervisor();
		Motion m = motions.register(new MotionRegistration(2026, MotionKind.SUGGESTION, String.valueOf(NUMBERS.incrementAndGet()),
				null, "关于加快推进农村公路提档升级的建议", "建议对县乡道路进行提档升级。", "张三、李四", "联系电话 13700001111", fgj, List.of(),
				LocalDate.of(2026, 3, 2), null));
		as("fgj-editor", fgj, Role.EDITOR, false);
		motions.recordConsultation(m.id(), LocalDate.of(2026, 3, 2), MotionConsultationForm.IN_PERSON, "张三代表", "当面听取了代表的意见。");
		as("fgj-admin", fgj, Role.AGENCY_ADMIN, false);
		return motions.reply(m.id(), MotionCategory.A, reply, LocalDate.of(2026, 3, 2));
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * Waits (at most 30 s) until the listeners have worked off the events of earlier tests, and uses the engine once for
	 * a write and a search (the first use loads the analyzer's dictionaries and opens the writer's files, seconds): the
	 * time to findability is then that of this change alone.
	 */
	private void warmUp() {
		engine.put(new SearchEntry("message", Long.MAX_VALUE, null, "/warm-up/", "预热", "预热", null, LocalDate.of(2026, 3, 2),
				null, null, false));
		engine.remove("message", Long.MAX_VALUE);
		found("message", 0, "预热");
		org.gongkai.testing.EventQueue.awaitSettled(jdbc, Duration.ofSeconds(60));
	}

	private boolean found(String kind, long id, String word) {
		return engine.search(new PreparedQuery(word, List.of(word), List.of()), new SearchFilter(Set.of(kind), null, null, null),
				SearchOrder.RELEVANCE, 1, 100).hits().stream().anyMatch(h -> h.kind().equals(kind) && h.id() == id);
	}

	private static List<SearchEntry> entries(org.gongkai.platform.SearchSource source) {
		List<SearchEntry> out = new ArrayList<>();
		source.forEachPublic(out::add);
		return out;
	}

	private static List<Long> ids(org.gongkai.platform.SearchSource source) {
		return entries(source).stream().map(SearchEntry::id).toList();
	}

	private Message submit(String title, String content, String phone, boolean publicAllowed) {
		return messages.submit(new MessageSubmission("yiyuan", null, MessageType.CONSULTATION, title, content, "张三", phone, null,
				publicAllowed), MessageChannel.WEB);
	}

	private void asHandler() {
		as("hd-handler", county, Role.MESSAGE_HANDLER, false);
	}

	private void asSupervisor() {
		as("gkb", county, Role.SUPERVISOR, true);
	}

	private void asLeadApprover() {
		as("fgj-leader", fgj, Role.APPROVER, false);
	}

	private void as(String username, long agencyId, Role role, boolean subtree) {
		Actor actor = new Actor(agencyId * 100 + role.ordinal(), username, username, agencyId,
				List.of(new RoleGrant(role, agencyId, subtree)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}
}
