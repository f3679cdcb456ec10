package org.gongkai.powers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.calendar.ArrangedDay;
import org.gongkai.calendar.CalendarManagement;
import org.gongkai.calendar.DayKind;
import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyManagement;
import org.gongkai.organisation.AgencyType;
import org.gongkai.organisation.CreditCode;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Actors;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enforcement decisions against the rules: the 7-working-day publication limit and the late flag, the 3-day withdrawal
 * of a changed decision and its public notice, validation of the party, masking of a natural person on every public
 * surface, the table 二 counts against an independent count, and the public period. Runs the application on H2 with
 * the demo county, acting as its demo staff, with a clock the test moves.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
@RecordApplicationEvents
@DirtiesContext
class DecisionManagementTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-enforcement-");
	}

	private static final AtomicInteger NUMBERS = new AtomicInteger(100);

	/** A resident ID with a valid check digit (GB 11643's example). */
	private static final String RESIDENT_ID = "11010519491231002X";

	private static final String COMPANY = "91370323" + "MA3C4XYZ1";

	@Autowired
	EnforcementManagement management;

	@Autowired
	DecisionQueries queries;

	@Autowired
	EnforcementStatistics statistics;

	@Autowired
	EnforcementPages pages;

	@Autowired
	EnforcementRetention retention;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	CalendarManagement calendarManagement;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyManagement agencyManagement;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Decisions decisionStore;

	@Autowired
	EnforcementApiController api;

	@Autowired
	EnforcementSitemap sitemap;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	long county;

	long fgj;

	long jtj;

	@BeforeEach
	void setUp() {
		county = agencies.requireByCode("yiyuan").id();
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		jtj = agencies.requireByCode("yiyuan-jtj").id();
		clock.today(LocalDate.of(2026, 3, 2));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	void as(String username, long agencyId, Role role, boolean subtree) {
		Actor actor = new Actor(agencyId * 100 + role.ordinal(), username, username, agencyId,
				List.of(new RoleGrant(role, agencyId, subtree)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}

	void asEditor(long agency) {
		as("editor-" + agency, agency, Role.EDITOR, false);
	}

	static String company() {
		String first17 = "9137032" + String.format("%010d", NUMBERS.incrementAndGet());
		return first17 + CreditCode.checkCharacter(first17);
	}

	Decision penalty(long agency, LocalDate decidedOn) {
		asEditor(agency);
		return management.register(new DecisionSubmission(agency, DecisionKind.PENALTY, "沂执罚〔2026〕" + NUMBERS.incrementAndGet() + "号",
				DecisionPartyType.LEGAL_PERSON, "沂源县某某建材有限公司", company(), null, "罚款", decidedOn,
				"未按规定办理环评手续擅自开工建设，罚款人民币五万元。", "《中华人民共和国环境影响评价法》第三十一条", new BigDecimal("50000"), null));
	}

	Decision ofKind(long agency, DecisionKind kind, LocalDate decidedOn) {
		asEditor(agency);
		return management.register(new DecisionSubmission(agency, kind, "K" + NUMBERS.incrementAndGet(), DecisionPartyType.LEGAL_PERSON,
				"沂源县某某公司", company(), null, null, decidedOn, "内容", "依据", null, null));
	}

	// ---- the publication limit ----------------------------------------------------------------------------

	@Test
	void aPenaltyPublishedOnTheEighthWorkingDayIsLateAndOnTheSeventhOnTime() {
		LocalDate decided = LocalDate.of(2026, 3, 2);
		Decision onTime = penalty(fgj, decided);
		Decision late = penalty(fgj, decided);
		LocalDate seventh = calendar.addWorkingDays(decided, 7);
		LocalDate eighth = calendar.addWorkingDays(decided, 8);
		assertThat(onTime.publishBy()).isEqualTo(seventh);
		assertThat(onTime.publishByProvisional()).isFalse();
		assertThat(calendar.workingDaysBetween(decided, eighth)).isEqualTo(8);

		clock.today(seventh);
		assertThat(queries.overdue(List.of(fgj))).extracting(Decision::id).doesNotContain(onTime.id(), late.id());
		Decision published = management.publish(onTime.id());
		assertThat(published.publicationLate()).isFalse();
		assertThat(published.publishedOn()).isEqualTo(seventh);

		clock.today(eighth);
		assertThat(queries.overdue(List.of(fgj))).extracting(Decision::id).contains(late.id());
		Decision flagged = management.publish(late.id());
		assertThat(flagged.publicationLate()).isTrue();
		assertThat(flagged.status()).isEqualTo(DecisionStatus.PUBLISHED);
		assertThat(events.stream(PublicDecisionChanged.class)).contains(new PublicDecisionChanged(late.id(), fgj, true));
		assertThatThrownBy(() -> management.publish(late.id())).isInstanceOf(DomainException.class);
	}

	@Test
	void otherEnforcementDecisionsHaveTwentyWorkingDays() {
		LocalDate decided = LocalDate.of(2026, 3, 2);
		assertThat(ofKind(fgj, DecisionKind.LICENCE, decided).publishBy()).isEqualTo(calendar.addWorkingDays(decided, 7));
		assertThat(ofKind(fgj, DecisionKind.COMPULSORY_MEASURE, decided).publishBy()).isEqualTo(calendar.addWorkingDays(decided, 20));
		assertThat(ofKind(fgj, DecisionKind.OTHER_ENFORCEMENT, decided).publishBy()).isEqualTo(calendar.addWorkingDays(decided, 20));
	}

	// ---- validation and roles -----------------------------------------------------------------------------

	@Test
	void anInvalidCreditCodeOrIdIsAFieldErrorAndNothingIsSaved() {
		long before = jdbc.sql("SELECT COUNT(*) FROM pw_decision").query(Long.class).single();
		asEditor(fgj);
		String bad = company().substring(0, 17) + "Z";
		InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
				() -> management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, "沂执罚〔2026〕1号", DecisionPartyType.LEGAL_PERSON,
						"某公司", CreditCode.isValid(bad) ? "123" : bad, null, null, LocalDate.of(2026, 3, 2), "内容", "依据", null, null)));
		assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("partyCreditCode");
		InvalidInputException missing = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
				() -> management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, "沂执罚〔2026〕2号", DecisionPartyType.LEGAL_PERSON,
						"某公司", null, null, null, LocalDate.of(2026, 3, 2), "内容", "依据", null, null)));
		assertThat(missing.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("partyCreditCode");
		InvalidInputException id = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
				() -> management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, "沂执罚〔2026〕3号", DecisionPartyType.NATURAL_PERSON,
						"张三", null, "110105194912310021", null, LocalDate.of(2026, 3, 2), "内容", "依据", null, null)));
		assertThat(id.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("partyIdNumber");
		InvalidInputException future = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
				() -> management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, "", null, "", null, null, null,
						LocalDate.of(2026, 3, 3), "", "", null, null)));
		assertThat(future.problems()).extracting(InvalidInputException.FieldProblem::field)
			.contains("decisionNumber", "party", "decidedOn", "content", "basis");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pw_decision").query(Long.class).single()).isEqualTo(before);

		Decision d = penalty(fgj, LocalDate.of(2026, 3, 2));
		asEditor(fgj);
		InvalidInputException duplicate = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
				() -> management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, d.decisionNumber(), DecisionPartyType.LEGAL_PERSON,
						"某公司", company(), null, null, LocalDate.of(2026, 3, 2), "内容", "依据", null, null)));
		assertThat(duplicate.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("decisionNumber");
	}

	@Test
	void onlyTheAgencysEditorsEnterAndPublish() {
		as("nyj-editor", agencies.requireByCode("yiyuan-nyj").id(), Role.EDITOR, false);
		assertThatThrownBy(() -> management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, "X1", DecisionPartyType.LEGAL_PERSON,
				"某公司", company(), null, null, LocalDate.of(2026, 3, 2), "内容", "依据", null, null)))
			.isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		Decision d = penalty(fgj, LocalDate.of(2026, 3, 2));
		as("gkb", county, Role.SUPERVISOR, true);
		assertThat(queries.staffView(d.id()).id()).isEqualTo(d.id());
		assertThatThrownBy(() -> management.publish(d.id())).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
	}

	// ---- masking ------------------------------------------------------------------------------------------

	@Test
	void aNaturalPersonsNameAndIdNeverAppearUnmaskedInPublic() {
		asEditor(fgj);
		Decision d = management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, "沂执罚〔2026〕" + NUMBERS.incrementAndGet() + "号",
				DecisionPartyType.NATURAL_PERSON, "张三丰", null, RESIDENT_ID, "警告、罚款", LocalDate.of(2026, 3, 2),
				"张三丰（身份证号码" + RESIDENT_ID + "，电话13912345678）无证经营，罚款二千元。", "《无证无照经营查处办法》第十三条",
				new BigDecimal("2000"), null));
		assertThat(queries.publicDecision(d.id())).isEmpty();
		assertThat(pages.item(agencies.requireById(fgj), d.id())).isEmpty();
		management.publish(d.id());

		Map<String, Object> api = EnforcementApiController.publicView(queries.publicDecision(d.id()).orElseThrow(), agencies);
		String column = pages.column(agencies.requireById(fgj), new EnforcementPages.Filters(null, null, null, null, 1)).orElseThrow();
		String item = pages.item(agencies.requireById(fgj), d.id()).orElseThrow();
		String site = pages.siteList(new EnforcementPages.Filters(DecisionKind.PENALTY, 2026, null, null, 1)).orElseThrow();
		String feed = pages.feed(null);
		for (String surface : List.of(api.toString(), column, item, site, feed)) {
			assertThat(surface).contains("张**").doesNotContain("张三丰", RESIDENT_ID, "13912345678", "19491231");
		}
		assertThat(api.get("party")).isEqualTo("张**");
		assertThat(item).contains("110105********002X", "无证经营");
		// the natural person is not found by name
		assertThat(pages.siteList(new EnforcementPages.Filters(null, null, "张三丰", null, 1)).orElseThrow()).doesNotContain(
				"href=\"" + EnforcementPaths.item(agencies.requireById(fgj), d.id()) + "\"");
		assertThat(EnforcementRules.maskName("李四")).isEqualTo("李*");
		assertThat(EnforcementRules.maskName("欧阳娜娜")).isEqualTo("欧***");
	}

	@Test
	void anIndividualBusinessWithoutACreditCodeIsMaskedLikeAPersonAndWithOneShowsItsRegisteredName() {
		asEditor(fgj);
		Decision bare = management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, "沂执罚〔2026〕" + NUMBERS.incrementAndGet() + "号",
				DecisionPartyType.INDIVIDUAL_BUSINESS, "李大龙", null, null, "罚款", LocalDate.of(2026, 3, 2),
				"李大龙无证经营餐饮，罚款一千元。", "《食品安全法》第一百二十二条", new BigDecimal("1000"), null));
		String registeredCode = company();
		Decision registered = management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, "沂执罚〔2026〕" + NUMBERS.incrementAndGet() + "号",
				DecisionPartyType.INDIVIDUAL_BUSINESS, "沂源县王小二烧烤店", registeredCode, null, "警告", LocalDate.of(2026, 3, 2),
				"沂源县王小二烧烤店未公示健康证明，给予警告。", "《食品安全法》第一百二十六条", null, null));
		management.publish(bare.id());
		management.publish(registered.id());

		Map<String, Object> bareApi = EnforcementApiController.publicView(queries.publicDecision(bare.id()).orElseThrow(), agencies);
		String bareItem = pages.item(agencies.requireById(fgj), bare.id()).orElseThrow();
		assertThat(bareApi.get("party")).isEqualTo("李**");
		for (String surface : List.of(bareApi.toString(), bareItem, pages.feed(null))) {
			assertThat(surface).doesNotContain("李大龙");
		}
		assertThat(pages.siteList(new EnforcementPages.Filters(null, null, "李大龙", null, 1)).orElseThrow())
			.doesNotContain("href=\"" + EnforcementPaths.item(agencies.requireById(fgj), bare.id()) + "\"");

		Map<String, Object> registeredApi = EnforcementApiController.publicView(queries.publicDecision(registered.id()).orElseThrow(), agencies);
		assertThat(registeredApi.get("party")).isEqualTo("沂源县王小二烧烤店");
		assertThat(registeredApi.get("partyCreditCode")).isEqualTo(registeredCode);
		assertThat(pages.item(agencies.requireById(fgj), registered.id()).orElseThrow()).contains("沂源县王小二烧烤店");
	}

	@Test
	void aPublicListYearOutOfRangeIsAFieldErrorNotAServerError() {
		for (int year : new int[] { 1_000_000_000, 1999, 2101, -5 }) {
			InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
					() -> queries.publicPage(new Decisions.PublicFilter(null, DecisionKind.PENALTY, year, null, false), 1, 20));
			assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("year");
		}
		assertThat(queries.publicPage(new Decisions.PublicFilter(null, DecisionKind.PENALTY, 2100, null, false), 1, 20).total()).isZero();
	}

	@Test
	void onlyTheDecidingAgencysEditorsAndAdministratorsSeeTheFullNameAndId() {
		asEditor(fgj);
		Decision d = management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, "沂执罚〔2026〕" + NUMBERS.incrementAndGet() + "号",
				DecisionPartyType.NATURAL_PERSON, "孙悟空", null, RESIDENT_ID, "罚款", LocalDate.of(2026, 3, 2),
				"孙悟空（身份证号码" + RESIDENT_ID + "）无证经营，罚款五百元。", "《无证无照经营查处办法》第十三条", new BigDecimal("500"), null));

		for (Role role : new Role[] { Role.EDITOR, Role.AGENCY_ADMIN }) {
			for (boolean subtree : new boolean[] { false, true }) {
				as("own-" + role + subtree, fgj, role, subtree);
				Decision seen = queries.staffView(d.id());
				assertThat(seen.partyName()).isEqualTo("孙悟空");
				assertThat(seen.partyIdNumber()).isEqualTo(RESIDENT_ID);
				assertThat(seen.content()).contains("孙悟空", RESIDENT_ID);
				assertThat(queries.staffList(List.of(fgj), null, null, 1, 500)).filteredOn(x -> x.id() == d.id())
					.extracting(Decision::partyName).containsExactly("孙悟空");
			}
		}
		// supervisors, other roles of the agency, and editors or administrators over the county's subtree: masked
		record Viewer(long agency, Role role, boolean subtree) {
		}
		for (Viewer v : List.of(new Viewer(county, Role.SUPERVISOR, true), new Viewer(fgj, Role.SUPERVISOR, false),
				new Viewer(fgj, Role.REVIEWER, false), new Viewer(fgj, Role.APPROVER, false), new Viewer(fgj, Role.REQUEST_HANDLER, false),
				new Viewer(county, Role.EDITOR, true), new Viewer(county, Role.AGENCY_ADMIN, true))) {
			as("viewer-" + v, v.agency(), v.role(), v.subtree());
			Decision seen = queries.staffView(d.id());
			assertThat(seen.partyName()).as(v.toString()).isEqualTo("孙**");
			assertThat(seen.partyIdNumber()).as(v.toString()).isEqualTo("110105********002X");
			assertThat(String.join(" ", seen.content(), seen.category(), seen.basis())).as(v.toString())
				.doesNotContain("孙悟空", RESIDENT_ID).contains("孙**");
			assertThat(queries.staffList(List.of(fgj), null, null, 1, 500)).as(v.toString())
				.filteredOn(x -> x.id() == d.id())
				.extracting(Decision::partyName, Decision::partyIdNumber)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("孙**", "110105********002X"));
		}
		// the stored record itself is untouched
		assertThat(jdbc.sql("SELECT party_name FROM pw_decision WHERE id = ?").param(d.id()).query(String.class).single()).isEqualTo("孙悟空");
	}

	// ---- withdrawal ---------------------------------------------------------------------------------------

	@Test
	void aChangedPenaltyLeavesThePublicListsAndItsNoticeWithTheReasonAppears() {
		Decision d = penalty(fgj, LocalDate.of(2026, 3, 2));
		management.publish(d.id());
		String href = "href=\"" + EnforcementPaths.item(agencies.requireById(fgj), d.id()) + "\"";
		EnforcementPages.Filters all = new EnforcementPages.Filters(null, null, null, null, 1);
		assertThat(pages.siteList(all).orElseThrow()).contains(href);

		clock.today(LocalDate.of(2026, 3, 12));
		assertThatThrownBy(() -> management.change(d.id(), DecisionChangeKind.REVOKED, LocalDate.of(2026, 3, 10), " "))
			.isInstanceOf(InvalidInputException.class);
		Decision changed = management.change(d.id(), DecisionChangeKind.REVOKED, LocalDate.of(2026, 3, 10), "经行政复议，原处罚决定被依法撤销。");
		assertThat(changed.status()).isEqualTo(DecisionStatus.WITHDRAWN);
		assertThat(changed.withdrawBy()).isEqualTo(LocalDate.of(2026, 3, 13));
		assertThat(changed.withdrawalLate()).isFalse();
		assertThat(events.stream(PublicDecisionChanged.class)).contains(new PublicDecisionChanged(d.id(), fgj, true));

		String siteList = pages.siteList(all).orElseThrow();
		assertThat(siteList.substring(0, siteList.indexOf("id=\"notices-title\""))).doesNotContain(href);
		assertThat(siteList.substring(siteList.indexOf("id=\"notices-title\""))).contains(href, "依法撤销");
		assertThat(queries.publicPage(new Decisions.PublicFilter(fgj, DecisionKind.PENALTY, null, null, false), 1, 100).items())
			.extracting(Decision::id).doesNotContain(d.id());
		String column = pages.column(agencies.requireById(fgj), all).orElseThrow();
		assertThat(column).contains("撤回公示说明", href);
		String notice = pages.item(agencies.requireById(fgj), d.id()).orElseThrow();
		assertThat(notice).contains("撤回说明", "依法撤销", "经行政复议，原处罚决定被依法撤销。").doesNotContain("未按规定办理环评手续");
		Map<String, Object> api = EnforcementApiController.publicView(queries.publicDecision(d.id()).orElseThrow(), agencies);
		assertThat(api).doesNotContainKey("content");
		assertThat(api.get("withdrawal").toString()).contains("经行政复议");
		assertThatThrownBy(() -> management.change(d.id(), DecisionChangeKind.CHANGED, LocalDate.of(2026, 3, 11), "再次"))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void aWithdrawalAfterThreeDaysIsLate() {
		Decision d = penalty(fgj, LocalDate.of(2026, 3, 2));
		management.publish(d.id());
		clock.today(LocalDate.of(2026, 3, 14));
		Decision changed = management.change(d.id(), DecisionChangeKind.DECLARED_UNLAWFUL, LocalDate.of(2026, 3, 10), "法院判决确认违法。");
		assertThat(changed.withdrawBy()).isEqualTo(LocalDate.of(2026, 3, 13));
		assertThat(changed.withdrawalLate()).isTrue();
	}

	@Test
	void theWithdrawalLimitIsThreeWorkingDays() {
		// Art. 85: 「三日」 are working days — changed on a Friday, withdrawn the next Tuesday is on time
		Decision d = penalty(fgj, LocalDate.of(2026, 3, 2));
		management.publish(d.id());
		clock.today(LocalDate.of(2026, 3, 10));
		Decision changed = management.change(d.id(), DecisionChangeKind.CHANGED, LocalDate.of(2026, 3, 6), "经行政复议，罚款数额依法变更。");
		assertThat(changed.withdrawBy()).isEqualTo(LocalDate.of(2026, 3, 11));
		assertThat(changed.withdrawByProvisional()).isFalse();
		assertThat(changed.withdrawalLate()).isFalse();
	}

	@Test
	void theWithdrawalLimitCountsHolidaysAndMakeUpWorkingDaysOfTheShippedCalendar() {
		// 2025: 国庆节、中秋节 1–8 October, Saturday 11 October a make-up working day
		assertThat(EnforcementRules.withdrawBy(calendar, LocalDate.of(2025, 9, 30)))
			.isEqualTo(new org.gongkai.calendar.DueDate(LocalDate.of(2025, 10, 11), false));
		clock.today(LocalDate.of(2025, 9, 30));
		Decision d = penalty(fgj, LocalDate.of(2025, 9, 30));
		management.publish(d.id());
		clock.today(LocalDate.of(2025, 10, 11));
		Decision changed = management.change(d.id(), DecisionChangeKind.REVOKED, LocalDate.of(2025, 9, 30), "原处罚决定被依法撤销。");
		assertThat(changed.withdrawBy()).isEqualTo(LocalDate.of(2025, 10, 11));
		assertThat(changed.withdrawalLate()).isFalse();
	}

	@Test
	void aWithdrawalLimitCountedIntoAnUnloadedYearIsRecountedWhenTheYearIsLoaded() {
		clock.today(LocalDate.of(2026, 12, 31));
		Decision d = penalty(fgj, LocalDate.of(2026, 12, 28));
		management.publish(d.id());
		Decision changed = management.change(d.id(), DecisionChangeKind.REVOKED, LocalDate.of(2026, 12, 31), "原决定被依法撤销。");
		assertThat(calendar.loadedYears()).doesNotContain(2027);
		assertThat(changed.withdrawBy()).isEqualTo(LocalDate.of(2027, 1, 5));
		assertThat(changed.withdrawByProvisional()).isTrue();

		ActorHolder system = org.gongkai.platform.Actor::system;
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null, List.of()));
		calendarManagement.saveYear(2027, "测试用安排", LocalDate.of(2026, 11, 1),
				List.of(new ArrangedDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
						new ArrangedDay(LocalDate.of(2027, 1, 4), DayKind.HOLIDAY, "元旦")));
		// 1 and 4 January holidays, 2 and 3 a weekend: the 3rd working day is Thursday 7 January
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
			Decision recounted = jdbcDecision(d.id());
			assertThat(recounted.withdrawBy()).isEqualTo(LocalDate.of(2027, 1, 7));
			assertThat(recounted.withdrawByProvisional()).isFalse();
		});
	}

	Decision jdbcDecision(long id) {
		asEditor(fgj);
		return queries.staffView(id);
	}

	// ---- statistics ---------------------------------------------------------------------------------------

	@Test
	void table2CountsEqualAnIndependentCount() {
		clock.today(LocalDate.of(2026, 3, 2));
		ofKind(jtj, DecisionKind.LICENCE, LocalDate.of(2025, 12, 31));
		ofKind(jtj, DecisionKind.LICENCE, LocalDate.of(2026, 1, 5));
		ofKind(jtj, DecisionKind.LICENCE, LocalDate.of(2026, 2, 5));
		ofKind(jtj, DecisionKind.PENALTY, LocalDate.of(2026, 1, 1));
		ofKind(jtj, DecisionKind.COMPULSORY_MEASURE, LocalDate.of(2026, 2, 10));
		ofKind(jtj, DecisionKind.OTHER_ENFORCEMENT, LocalDate.of(2026, 2, 10));
		Decision withdrawn = ofKind(jtj, DecisionKind.PENALTY, LocalDate.of(2026, 2, 20));
		management.publish(withdrawn.id());
		management.change(withdrawn.id(), DecisionChangeKind.CHANGED, LocalDate.of(2026, 3, 1), "复议变更");
		as("jtj-admin", jtj, Role.AGENCY_ADMIN, false);
		management.setFee(jtj, 2026, new BigDecimal("12.3456"));
		assertThatThrownBy(() -> management.setFee(jtj, 2026, new BigDecimal("-1"))).isInstanceOf(InvalidInputException.class);
		asEditor(jtj);
		assertThatThrownBy(() -> management.setFee(jtj, 2026, BigDecimal.ONE)).isInstanceOf(DomainException.class);

		Map<String, Long> independent = new HashMap<>();
		jdbc.sql("SELECT kind, decided_on FROM pw_decision WHERE agency_id = ?").param(jtj).query((rs, n) -> {
			if (rs.getObject("decided_on", LocalDate.class).getYear() == 2026) {
				independent.merge(rs.getString("kind"), 1L, Long::sum);
			}
			return null;
		}).list();
		EnforcementStatistics.Table2 t = statistics.table2(jtj, 2026);
		assertThat(t.licences()).isEqualTo(independent.getOrDefault("LICENCE", 0L)).isEqualTo(2);
		assertThat(t.penalties()).isEqualTo(independent.getOrDefault("PENALTY", 0L)).isEqualTo(2);
		assertThat(t.compulsoryMeasures()).isEqualTo(independent.getOrDefault("COMPULSORY_MEASURE", 0L)).isEqualTo(1);
		assertThat(t.feesTenThousandYuan()).isEqualByComparingTo("12.3456");
		assertThat(statistics.table2(jtj, 2025).licences()).isEqualTo(1);
		assertThat(statistics.table2(jtj, 2025).feesTenThousandYuan()).isNull();
	}

	// ---- the public period --------------------------------------------------------------------------------

	@Test
	void publicResultsGoOfflineAfterTwoYearsForAPersonAndFiveOtherwise() {
		Decision company = penalty(fgj, LocalDate.of(2026, 3, 2));
		management.publish(company.id());
		asEditor(fgj);
		Decision person = management.register(new DecisionSubmission(fgj, DecisionKind.LICENCE, "沂许〔2026〕" + NUMBERS.incrementAndGet() + "号",
				DecisionPartyType.NATURAL_PERSON, "王五", null, null, null, LocalDate.of(2026, 3, 2), "准予许可", "依据", null, null));
		management.publish(person.id());

		clock.today(LocalDate.of(2028, 3, 3));
		retention.takeOffline();
		assertThat(queries.publicDecision(person.id())).isEmpty();
		assertThat(queries.staffView(person.id()).status()).isEqualTo(DecisionStatus.OFFLINE);
		assertThat(queries.publicDecision(company.id())).isPresent();
		assertThat(events.stream(PublicDecisionChanged.class)).contains(new PublicDecisionChanged(person.id(), fgj, false));

		clock.today(LocalDate.of(2031, 3, 3));
		retention.takeOffline();
		assertThat(queries.publicDecision(company.id())).isEmpty();
	}

	// ---- abolished agencies -------------------------------------------------------------------------------

	@Test
	void anAbolishedAgencysDecisionsLeaveThePublicApiAndTheSitemap() {
		String prefix = "113703" + String.format("%011d", 5_500_000 + NUMBERS.incrementAndGet());
		Agency old = Actors.callAsSystem(() -> agencyManagement.create(new NewAgency("yiyuan-old-" + NUMBERS.incrementAndGet(),
				"沂源县某撤并局", "撤并局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan", prefix + CreditCode.checkCharacter(prefix),
				null, null)));
		Decision d = penalty(old.id(), LocalDate.of(2026, 3, 2));
		management.publish(d.id());
		SecurityContextHolder.clearContext();
		assertThat(api.publicItem(d.id())).containsEntry("id", d.id());
		assertThat(sitemap.publicPaths()).contains(EnforcementPaths.item(old, d.id()));

		Actors.runAsSystem(() -> agencyManagement.deactivate(old.id()));

		assertThatThrownBy(() -> api.publicItem(d.id())).isInstanceOf(DomainException.class);
		assertThat(queries.publicDecision(d.id())).isEmpty();
		assertThatThrownBy(() -> api.publicPenalties(old.code(), null, 1, 20)).isInstanceOf(DomainException.class);
		assertThat(((List<?>) api.publicPenalties(null, null, 1, 100).get("items")).stream().<Object>map(i -> ((Map<?, ?>) i).get("id")))
			.doesNotContain((Object) d.id());
		assertThat(sitemap.publicPaths()).doesNotContain(EnforcementPaths.item(old, d.id()));
	}

	@Test
	void aDecisionAnotherNodeTookOfflineWhileThisOneWaitedForTheLockIsSkipped() throws Exception {
		Decision d = penalty(fgj, LocalDate.of(2026, 3, 2));
		management.publish(d.id());
		SecurityContextHolder.clearContext();
		clock.today(LocalDate.of(2031, 3, 3));
		int version = jdbc.sql("SELECT version FROM pw_decision WHERE id = ?").param(d.id()).query(Integer.class).single();

		// the other node holds the row while this node reads its candidates and waits for the lock, then takes it offline
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> other = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
			jdbc.sql("SELECT id FROM pw_decision WHERE id = ? FOR UPDATE").param(d.id()).query(Long.class).single();
			locked.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			jdbc.sql("UPDATE pw_decision SET status = 'OFFLINE', offline_on = ?, version = version + 1 WHERE id = ?")
				.params(LocalDate.of(2031, 3, 3), d.id())
				.update();
		}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Integer> self = CompletableFuture.supplyAsync(retention::takeOffline);
		Thread.sleep(400);
		release.countDown();
		other.get(10, TimeUnit.SECONDS);
		self.get(10, TimeUnit.SECONDS);

		// this node did not change it a second time (nor, therefore, audit and announce it again)
		assertThat(jdbc.sql("SELECT version FROM pw_decision WHERE id = ?").param(d.id()).query(Integer.class).single())
			.isEqualTo(version + 1);
	}

	@Test
	void twoFirstSavesOfAYearsFeeDoNotCollideTheSecondUpdates() throws Exception {
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Instant at = clock.instant();
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
			decisionStore.saveFee(county, 2024, new BigDecimal("1"), "first", at);
			inserted.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
			.executeWithoutResult(s -> decisionStore.saveFee(county, 2024, new BigDecimal("2"), "second", at)));
		Thread.sleep(400);
		release.countDown();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);
		assertThat(decisionStore.fee(county, 2024)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2"));
	}
}
