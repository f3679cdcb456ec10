package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.catalog.CatalogManagement;
import org.gongkai.interaction.InteractionManagement;
import org.gongkai.interaction.MessageChannel;
import org.gongkai.interaction.MessageSubmission;
import org.gongkai.interaction.MessageType;
import org.gongkai.organisation.AgencyCommands;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyManagement;
import org.gongkai.organisation.AgencyType;
import org.gongkai.oversight.LinkCheckResults.LinkStatus;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.publication.DisclosureAttribute;
import org.gongkai.publication.Document;
import org.gongkai.publication.DocumentDraft;
import org.gongkai.publication.DocumentManagement;
import org.gongkai.publication.ReviewChecks;
import org.gongkai.testing.MovableClock;
import org.gongkai.testing.StatisticsContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import com.sun.net.httpserver.HttpServer;

/**
 * The automatic inspection of an agency of the test's own, on the shared statistics context with a clock the test
 * moves: stale policy columns, empty columns and a message left unanswered show on the agency's dashboard as warnings
 * before their single-veto threshold and as vetoes after it, with the no-double-deduction rule applied to the columns;
 * and the link check classifies 200, 404, 403 and 500 answers of a local server.
 */
class MonitoringDashboardTest extends StatisticsContext {

	private static final AtomicInteger NUMBERS = new AtomicInteger(1);

	@Autowired
	AgencyManagement agencyManagement;

	@Autowired
	CatalogManagement catalogManagement;

	@Autowired
	DocumentManagement documents;

	@Autowired
	InteractionManagement messages;

	@Autowired
	ColumnWindows windows;

	@Autowired
	MonitoringDashboard dashboard;

	@Autowired
	MonitoringScores scores;

	@Autowired
	MonitoringFigures figures;

	@Autowired
	LinkCheckSweep linkCheck;

	@Autowired
	LinkCheckResults linkResults;

	@Autowired
	MovableClock clock;

	@Autowired
	org.gongkai.organisation.AgencyDirectory directory;

	Instant clockFound;

	long county;

	long agency;

	@BeforeAll
	void agency() {
		clockFound = clock.now;
		clock.today(LocalDate.of(2026, 1, 5));
		county = directory.requireByCode("yiyuan").id();
		agency = Actors.callAsSystem(() -> agencyManagement.create(new AgencyCommands.NewAgency("yiyuan-jcj", "沂源县监测试验局",
				"监测试验局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan",
				"11370323MB9900001" + org.gongkai.organisation.CreditCode.checkCharacter("11370323MB9900001"), null, 990)).id());
		// only the columns this test makes are watched: every default window of the standard catalogue is cleared
		as("gkb", county, Role.SUPERVISOR, true);
		for (ColumnWindows.ColumnWindowState s : windows.states(agency)) {
			if (s.windowClass().hasWindow()) {
				windows.set(s.node().id(), ColumnWindowClass.FIXED);
			}
		}
		SecurityContextHolder.clearContext();
	}

	@AfterAll
	void restoreClock() {
		clock.now = clockFound;
	}

	@AfterEach
	void clearActor() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void stalePolicyColumnsEmptyColumnsAndAnUnansweredMessageWarnBeforeTheVetoAndVetoAfter() {
		clock.today(LocalDate.of(2026, 1, 5));
		as("jcj-admin", agency, Role.AGENCY_ADMIN, false);
		for (int i = 1; i <= 5; i++) {
			column("zcwj-" + i, "政策文件" + i);
			publish(draftIn("关于印发第" + i + "号政策文件的通知", "zcwj-" + i));
		}
		for (int i = 1; i <= 3; i++) {
			column("kb-" + i, "通知公告" + i);
		}
		messages.submit(new MessageSubmission("yiyuan-jcj", null, MessageType.CONSULTATION, "咨询项目申报时间",
				"请问今年的项目申报什么时候开始，需要准备哪些材料？", "李四", "13900007701", null, true), MessageChannel.WEB);

		// 25 March: the message has waited 79 days (over 75), three columns are empty; the policy columns are fresh
		clock.today(LocalDate.of(2026, 3, 25));
		List<DashboardCard> march = cards();
		assertThat(detail(march, 37, "空白栏目")).isEqualTo("预警：空白栏目 3 个，达到 5 个即单项否决");
		assertThat(detail(march, 37, "超过3个月未回应有效留言")).contains("预警").contains("另有 1 条即将达到");
		assertThat(march).noneMatch(c -> c.order() == 36 && c.title().contains("空白栏目"));
		assertThat(march).noneMatch(c -> c.title().contains("栏目不更新"));
		MonitoringScore s = scores.score(agency);
		assertThat(result(s, "veto.columns.empty").state()).isEqualTo(IndicatorState.WARN);
		assertThat(result(s, "veto.messages").state()).isEqualTo(IndicatorState.WARN);
		assertThat(result(s, "veto.columns.window").state()).isEqualTo(IndicatorState.OK);

		// two more empty columns; 10 June: the policy columns are within a month of their 6-month window
		column("kb-4", "通知公告4");
		// below a top-level node, an empty column counts only when the portal shows it (with its explanation)
		as("jcj-admin", agency, Role.AGENCY_ADMIN, false);
		catalogManagement.addChild(agency, org.gongkai.catalog.Catalog.GUIDE, "kb-5",
				new CatalogManagement.NodeDetails("通知公告5", null, "本单位本年度暂无此类通知", null, null, false));
		catalogManagement.addChild(agency, org.gongkai.catalog.Catalog.GUIDE, "kb-6",
				new CatalogManagement.NodeDetails("通知公告6", null, null, null, null, false));
		clock.today(LocalDate.of(2026, 6, 10));
		List<DashboardCard> june = cards();
		assertThat(detail(june, 37, "栏目不更新")).contains("预警").contains("另有 5 个即将达到").contains("达到 5 个即单项否决");
		assertThat(detail(june, 36, "空白栏目")).isEqualTo("单项否决：空白栏目 5 个（达到 5 个即单项否决）");
		assertThat(detail(june, 36, "超过3个月未回应有效留言")).startsWith("单项否决：超过3个月未回应有效留言 1 条");
		Map<String, OversightFigure> f = figures.latest(agency);
		assertThat(f.get("messages.unanswered3m").records()).extracting(r -> r.consoleUrl()).allMatch(u -> u.startsWith("/console/messages/"));
		assertThat(f.get("columns.empty").records()).extracting(r -> r.title())
			.containsExactlyInAnyOrder("通知公告1", "通知公告2", "通知公告3", "通知公告4", "通知公告5");

		// 10 July: all five policy columns are past six months
		clock.today(LocalDate.of(2026, 7, 10));
		List<DashboardCard> july = cards();
		assertThat(detail(july, 36, "栏目不更新")).startsWith("单项否决：栏目不更新").contains("5 个");
		MonitoringScore veto = scores.score(agency);
		assertThat(veto.vetoed()).isTrue();
		assertThat(veto.verdict()).isEqualTo("不合格（单项否决）");
		assertThat(detail(july, 35, "公开监测得分")).startsWith("不合格（单项否决）");
		// no double deduction: the policy columns cost 5 once; the per-column deduction of the same group skips them
		assertThat(result(veto, "deduct.policy").points()).isEqualByComparingTo("5");
		assertThat(result(veto, "deduct.window").points()).isEqualByComparingTo("0");
		assertThat(result(veto, "deduct.window").message()).contains("不重复扣分");
		assertThat(result(veto, "deduct.empty").points()).isEqualByComparingTo("5");

		// the supervisor sees the agency among the vetoed ones
		as("gkb", county, Role.SUPERVISOR, true);
		List<DashboardCard> supervisor = dashboard.cardsFor(Actors.require());
		assertThat(supervisor).anySatisfy(c -> {
			assertThat(c.order()).isEqualTo(38);
			assertThat(c.detail()).contains("监测试验局");
		});
	}

	@Test
	void onlyASupervisorSetsColumnWindowsAndRecomputes() {
		clock.today(LocalDate.of(2026, 2, 2));
		as("jcj-admin", agency, Role.AGENCY_ADMIN, false);
		org.gongkai.catalog.CatalogNode node = column("gzdt", "工作动态");
		assertThat(windows.states(agency)).filteredOn(s -> s.node().id() == node.id())
			.singleElement()
			.satisfies(s -> assertThat(s.windowClass()).isEqualTo(ColumnWindowClass.NEWS));
		assertThatThrownBy(() -> windows.set(node.id(), ColumnWindowClass.FIXED)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> scores.recompute(agency)).isInstanceOf(DomainException.class);
		as("nyj-editor", agencyId("yiyuan-nyj"), Role.EDITOR, false);
		assertThatThrownBy(() -> scores.score(agency)).isInstanceOf(DomainException.class);
		as("gkb", county, Role.SUPERVISOR, true);
		windows.set(node.id(), ColumnWindowClass.FIXED);
		assertThat(windows.states(agency)).filteredOn(s -> s.node().id() == node.id())
			.singleElement()
			.satisfies(s -> {
				assertThat(s.windowClass()).isEqualTo(ColumnWindowClass.FIXED);
				assertThat(s.overridden()).isTrue();
				assertThat(s.defaultClass()).isEqualTo(ColumnWindowClass.NEWS);
			});
		assertThat(scores.recompute(agency).on()).isEqualTo(LocalDate.of(2026, 2, 2));
	}

	@Test
	void theLinkCheckCountsOnly404And403AsBrokenAndRemembersWhenTheyBroke() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		int[] second = { 404 };
		server.createContext("/ok", e -> answer(e, 200));
		server.createContext("/missing", e -> answer(e, e.getRequestMethod().equals("HEAD") ? 405 : second[0]));
		server.createContext("/forbidden", e -> answer(e, 403));
		server.createContext("/error", e -> answer(e, 500));
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			clock.today(LocalDate.of(2026, 2, 3));
			as("jcj-admin", agency, Role.AGENCY_ADMIN, false);
			column("ljjc", "链接检查栏目");
			Document d = publish(new DocumentDraft("链接检查测试信息", null,
					"<p><a href=\"" + base + "/ok\">正常</a> <a href='" + base + "/missing'>缺失</a> <a href=\"" + base
							+ "/forbidden\">禁止</a> <a href=\"" + base + "/error\">错误</a> <a href=\"mailto:a@b.cn\">邮件</a>"
							+ " <a href=\"#top\">顶部</a></p>",
					null, "沂监测发〔2026〕" + NUMBERS.incrementAndGet() + "号", LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 3),
					"综合政务/其他", "通知", null, false, false, List.of("ljjc"), DisclosureAttribute.PROACTIVE, null, null, null,
					null, null));
			assertThat(linkCheck.checkItem(d.id())).isEqualTo(4);
			List<LinkCheckResults.LinkCheckRow> problems = linkResults.problems(agency);
			assertThat(problems).extracting(r -> r.url().substring(base.length()), LinkCheckResults.LinkCheckRow::status,
					LinkCheckResults.LinkCheckRow::httpStatus)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/missing", LinkStatus.BROKEN, 404),
						org.assertj.core.groups.Tuple.tuple("/forbidden", LinkStatus.BROKEN, 403),
						org.assertj.core.groups.Tuple.tuple("/error", LinkStatus.SUSPECT, 500));
			OversightFigure broken = figures.compute(agency, LocalDate.of(2026, 2, 3)).get("links.broken");
			assertThat(broken.value()).isEqualTo(2);
			assertThat(broken.records()).allMatch(r -> r.consoleUrl().equals("/console/documents/" + d.id()));

			// the missing page comes back: the link is fine again and no longer counted
			second[0] = 200;
			clock.today(LocalDate.of(2026, 2, 4));
			linkCheck.checkItem(d.id());
			assertThat(linkResults.problems(agency)).extracting(LinkCheckResults.LinkCheckRow::status)
				.containsExactlyInAnyOrder(LinkStatus.BROKEN, LinkStatus.SUSPECT);
			assertThat(linkResults.brokenRecords(agency)).singleElement()
				.satisfies(r -> assertThat(r.date()).isEqualTo(LocalDate.of(2026, 2, 3)));
		}
		finally {
			server.stop(0);
		}
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private static void answer(com.sun.net.httpserver.HttpExchange e, int status) throws IOException {
		e.sendResponseHeaders(status, -1);
		try (OutputStream out = e.getResponseBody()) {
			out.flush();
		}
	}

	private List<DashboardCard> cards() {
		as("jcj-admin", agency, Role.AGENCY_ADMIN, false);
		return dashboard.cardsFor(Actors.require());
	}

	private static String detail(List<DashboardCard> cards, int order, String titlePart) {
		return cards.stream()
			.filter(c -> c.order() == order && c.title().contains(titlePart))
			.map(DashboardCard::detail)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no card " + order + " 「" + titlePart + "」 in " + cards));
	}

	private static IndicatorResult result(MonitoringScore s, String code) {
		return s.results().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
	}

	private long agencyId(String code) {
		return directory.requireByCode(code).id();
	}

	private org.gongkai.catalog.CatalogNode column(String code, String title) {
		as("jcj-admin", agency, Role.AGENCY_ADMIN, false);
		return catalogManagement.addChild(agency, null, code,
				new CatalogManagement.NodeDetails(title, null, null, null, null, false));
	}

	private DocumentDraft draftIn(String title, String node) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), org.gongkai.platform.Zones.CHINA);
		return new DocumentDraft(title, null, "<p>" + title + "的正文。</p>", null,
				"沂监测发〔" + today.getYear() + "〕" + NUMBERS.incrementAndGet() + "号", today, today, "综合政务/其他", "通知", null,
				false, false, List.of(node), DisclosureAttribute.PROACTIVE, null, null, null, null, null);
	}

	private Document publish(DocumentDraft draft) {
		as("jcj-editor", agency, Role.EDITOR, false);
		Document d = documents.createDraft(agency, draft);
		documents.submit(d.id());
		as("jcj-reviewer", agency, Role.REVIEWER, false);
		documents.review(d.id(), new ReviewChecks(true, true, true, true), "可以公开");
		as("jcj-leader", agency, Role.APPROVER, false);
		Document published = documents.approve(d.id(), "同意公开");
		as("jcj-admin", agency, Role.AGENCY_ADMIN, false);
		return published;
	}
}
