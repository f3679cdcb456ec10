package org.gongkai.powers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
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
 * The search sources of the powers module: current power-list items, published service guides, published enforcement
 * decisions (a withdrawn one as its notice, a natural person masked as on the page) and public inspection plans; and
 * through the listener and the search engine, findable once public and not once withdrawn.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
class PowersSearchSourceTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-powers-search-");
	}

	/** A resident ID with a valid check digit (GB 11643's example). */
	private static final String RESIDENT_ID = "11010519491231002X";

	private static final AtomicInteger NUMBERS = new AtomicInteger(700);

	@Autowired
	PowerManagement powers;

	@Autowired
	PowerQueries powerQueries;

	@Autowired
	ServiceManagement services;

	@Autowired
	EnforcementManagement enforcement;

	@Autowired
	DecisionQueries decisionQueries;

	@Autowired
	InspectionManagement inspections;

	@Autowired
	InspectionQueries inspectionQueries;

	@Autowired
	PowerItemSearchSource powerSource;

	@Autowired
	ServiceGuideSearchSource serviceSource;

	@Autowired
	EnforcementSearchSource enforcementSource;

	@Autowired
	InspectionSearchSource inspectionSource;

	@Autowired
	SearchEngine engine;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	MovableClock clock;

	long fgj;

	Agency fgjAgency;

	@BeforeEach
	void setUp() {
		fgjAgency = agencies.requireByCode("yiyuan-fgj");
		fgj = fgjAgency.id();
		clock.today(LocalDate.of(2026, 3, 2));
		asAdmin();
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	// ---- power list ---------------------------------------------------------------------------------------

	@Test
	void aCurrentPowerItemIsAnEntryAndARemovedOneIsNot() {
		String code = "3703230" + NUMBERS.incrementAndGet() + "-XK";
		PowerItem item = powers.add(fgj, licence(code, "固定资产投资项目核准"), "依据条例新增", LocalDate.of(2026, 3, 1));
		SearchEntry e = powerSource.publicEntry(item.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("power");
		assertThat(e.title()).isEqualTo("固定资产投资项目核准");
		assertThat(e.url()).isEqualTo("/agencies/yiyuan-fgj/powers/" + item.id() + "/");
		assertThat(e.agencyId()).isEqualTo(fgj);
		assertThat(e.keywords()).contains(code);
		assertThat(e.body()).contains("《企业投资项目核准和备案管理条例》第三条", "受理：对申请材料进行审查", "投资科");
		assertThat(e.date()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(e.outOfForce()).isFalse();
		assertThat(ids(powerSource)).contains(item.id());

		asAdmin();
		powers.remove(item.id(), "职能划转", LocalDate.of(2026, 3, 2));
		assertThat(powerQueries.publicItem(item.id())).as("its page stays for the record").isPresent();
		assertThat(powerSource.publicEntry(item.id())).isEmpty();
		assertThat(ids(powerSource)).doesNotContain(item.id());
	}

	// ---- service guides -----------------------------------------------------------------------------------

	@Test
	void onlyAPublishedGuideIsAnEntry() {
		ServiceItem item = services.add(fgj, new ServiceItemDetails(ServiceKind.PUBLIC_SERVICE, "企业投资项目备案", "条例",
				"县发展和改革局", null, null, null));
		assertThat(serviceSource.publicEntry(item.id())).as("no guide").isEmpty();
		asAdmin();
		services.saveGuide(item.id(), guide("不收费", "申请—受理—备案"));
		assertThat(serviceSource.publicEntry(item.id())).as("guide saved, not published").isEmpty();
		assertThat(ids(serviceSource)).doesNotContain(item.id());
		asAdmin();
		services.publishGuide(item.id(), true);
		SearchEntry e = serviceSource.publicEntry(item.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("service");
		assertThat(e.title()).isEqualTo("企业投资项目备案");
		assertThat(e.url()).isEqualTo("/agencies/yiyuan-fgj/services/" + item.id() + "/");
		assertThat(e.body()).contains("申请条件：在本县行政区域内建设的企业投资项目", "收费标准", "申请—受理—备案");
		assertThat(ids(serviceSource)).contains(item.id());
		asAdmin();
		services.publishGuide(item.id(), false);
		assertThat(serviceSource.publicEntry(item.id())).isEmpty();
		assertThat(ids(serviceSource)).doesNotContain(item.id());
	}

	// ---- enforcement --------------------------------------------------------------------------------------

	@Test
	void aPublishedDecisionOnANaturalPersonIsMaskedLikeItsPageAndAWithdrawnOneIsItsNotice() {
		String number = "沂执罚〔2026〕" + NUMBERS.incrementAndGet() + "号";
		Decision d = enforcement.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, number, DecisionPartyType.NATURAL_PERSON,
				"孙悟空", null, RESIDENT_ID, "罚款", LocalDate.of(2026, 3, 2), "孙悟空（身份证号码" + RESIDENT_ID + "）无证经营，罚款五百元。",
				"《无证无照经营查处办法》第十三条", new BigDecimal("500"), null));
		assertThat(enforcementSource.publicEntry(d.id())).as("registered, not published").isEmpty();
		assertThat(ids(enforcementSource)).doesNotContain(d.id());
		asAdmin();
		enforcement.publish(d.id());

		SearchEntry e = enforcementSource.publicEntry(d.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("enforcement");
		assertThat(e.title()).isEqualTo("行政处罚决定 " + number);
		assertThat(e.url()).isEqualTo("/agencies/yiyuan-fgj/enforcement/decisions/" + d.id() + "/");
		assertThat(e.keywords()).contains(number);
		String all = e.title() + e.body() + e.keywords();
		assertThat(all).doesNotContain("孙悟空", RESIDENT_ID);
		assertThat(e.body()).contains("孙**", "110105********002X", "无证经营，罚款五百元", "《无证无照经营查处办法》第十三条");
		assertThat(e.outOfForce()).isFalse();
		assertThat(ids(enforcementSource)).contains(d.id());

		clock.today(LocalDate.of(2026, 3, 12));
		asAdmin();
		enforcement.change(d.id(), DecisionChangeKind.REVOKED, LocalDate.of(2026, 3, 10), "经行政复议，原处罚决定被依法撤销。");
		SearchEntry notice = enforcementSource.publicEntry(d.id()).orElseThrow();
		assertThat(notice.title()).isEqualTo("撤回公示说明：行政处罚决定 " + number);
		assertThat(notice.body()).contains("经行政复议，原处罚决定被依法撤销。", "撤回").doesNotContain("无证经营", "罚款五百元");
		assertThat(notice.title() + notice.body()).doesNotContain("孙悟空", RESIDENT_ID);
		assertThat(notice.outOfForce()).isTrue();
		assertThat(ids(enforcementSource)).contains(d.id())
			.containsExactlyInAnyOrderElementsOf(decisionQueries.publicIds().stream().map(x -> x[0]).toList());
	}

	// ---- inspections --------------------------------------------------------------------------------------

	@Test
	void aDraftPlanIsNoEntryAndAPublishedOneIs() {
		InspectionItem item = inspections.addItem(fgj, "价格收费行为检查" + NUMBERS.incrementAndGet(), "企业", "《价格法》第三十四条", "现场检查",
				"每年一次", "价格监督检查科");
		asAdmin();
		InspectionPlan plan = inspections.createPlan(fgj, "2026年度价格收费双随机抽查计划", List.of(item.id()), LocalDate.of(2026, 4, 1),
				LocalDate.of(2026, 4, 30), "商贸企业", 2, 2, "福利彩票3D开奖号码");
		assertThat(inspectionSource.publicEntry(plan.id())).as("draft").isEmpty();
		assertThat(ids(inspectionSource)).doesNotContain(plan.id());
		asAdmin();
		inspections.publishPlan(plan.id());
		SearchEntry e = inspectionSource.publicEntry(plan.id()).orElseThrow();
		assertThat(e.kind()).isEqualTo("inspection");
		assertThat(e.title()).isEqualTo("2026年度价格收费双随机抽查计划");
		assertThat(e.url()).isEqualTo("/agencies/yiyuan-fgj/inspections/plans/" + plan.id() + "/");
		assertThat(e.body()).contains(item.name(), "《价格法》第三十四条", "商贸企业", "2026-04-01");
		assertThat(ids(inspectionSource)).contains(plan.id()).containsExactlyInAnyOrderElementsOf(
				inspectionQueries.publicPlans(null, 1, InspectionQueries.MAX_PAGE_SIZE).stream().map(InspectionPlan::id).toList());
	}

	// ---- through the engine -------------------------------------------------------------------------------

	@Test
	void aPowerItemAndAGuideAreFoundThroughTheSearchAndNotAfterRemovalOrUnpublishing() {
		quiet();
		PowerItem item = powers.add(fgj, licence("3703230" + NUMBERS.incrementAndGet() + "-XK", "kwpowergamma 核准"), "新增",
				LocalDate.of(2026, 3, 1));
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found("power", item.id(), "kwpowergamma")).isTrue());
		asAdmin();
		powers.remove(item.id(), "职能划转", LocalDate.of(2026, 3, 2));
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found("power", item.id(), "kwpowergamma")).isFalse());

		asAdmin();
		ServiceItem s = services.add(fgj, new ServiceItemDetails(ServiceKind.PUBLIC_SERVICE, "kwguidedelta 备案", "条例", "县发展和改革局",
				null, null, null));
		asAdmin();
		services.saveGuide(s.id(), guide("不收费", "申请—受理—备案"));
		asAdmin();
		services.publishGuide(s.id(), true);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found("service", s.id(), "kwguidedelta")).isTrue());
		asAdmin();
		services.publishGuide(s.id(), false);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found("service", s.id(), "kwguidedelta")).isFalse());
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	static PowerDetails licence(String code, String name) {
		return new PowerDetails(code, name, "LICENSING", "《企业投资项目核准和备案管理条例》第三条", null, null, "投资科",
				"受理：对申请材料进行审查\n决定：作出核准决定", "对符合条件的不予核准的", "0533-3241234");
	}

	static ServiceGuideDetails guide(String fees, String process) {
		return new ServiceGuideDetails("企业投资项目备案", "《企业投资项目核准和备案管理条例》第十三条", "在本县行政区域内建设的企业投资项目",
				"项目备案信息表", "县政务服务中心二楼", "县发展和改革局", fees, "工作日 9:00-17:00", "0533-3241234", process, "即时办结",
				null, null);
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * Waits (at most 30 s) until the listeners have worked off the events of earlier tests, and uses the engine once for
	 * a write and a search (the first use loads the analyzer's dictionaries and opens the writer's files, seconds): the
	 * time to findability is then that of this change alone.
	 */
	private void quiet() {
		engine.put(new SearchEntry("power", Long.MAX_VALUE, null, "/warm-up/", "预热", "预热", null, LocalDate.of(2026, 3, 2), null,
				null, false));
		engine.remove("power", Long.MAX_VALUE);
		found("power", 0, "预热");
		org.gongkai.testing.EventQueue.awaitSettled(jdbc, Duration.ofSeconds(60));
	}

	private boolean found(String kind, long id, String word) {
		return engine.search(new PreparedQuery(word, List.of(word), List.of()), new SearchFilter(Set.of(kind), null, null, null),
				SearchOrder.RELEVANCE, 1, 100).hits().stream().anyMatch(h -> h.kind().equals(kind) && h.id() == id);
	}

	private static List<Long> ids(SearchSource source) {
		List<Long> out = new ArrayList<>();
		source.forEachPublic(e -> out.add(e.id()));
		return out;
	}

	private void asAdmin() {
		Actor actor = new Actor(fgj * 100 + Role.AGENCY_ADMIN.ordinal(), "fgj-admin", "fgj-admin", fgj,
				List.of(new RoleGrant(Role.AGENCY_ADMIN, fgj, false)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}
}
