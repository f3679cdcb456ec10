package org.gongkai.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.catalog.Catalog;
import org.gongkai.interpretation.PolicyDossiers;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.testing.MovableClock;
import org.gongkai.testing.StatisticsContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Table 二 第二十条第（一）项 and the items published in a year, against a known set of items of 2025 made through the
 * publication workflow on past days (issued, repealed, lapsed after the year, withdrawn, unpublished, of other years
 * and of another agency): exact counts, and record lists of the same size with the expected references. Runs the
 * application on H2 with the demo county (without its demo items) and a clock the test moves.
 */
class PublicationStatisticsTest extends StatisticsContext {


	private static final AtomicInteger NUMBERS = new AtomicInteger(1);

	private static final String NORMATIVE_NODE = "a20-01-02";

	private static final String OTHER_NODE = "a20-01-03";

	@Autowired
	DocumentManagement management;

	@Autowired
	PublicationStatistics statistics;

	@Autowired
	PolicyDossiers dossiers;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	Catalog catalog;

	@Autowired
	MovableClock clock;

	long fgj;

	long nyj;

	long county;

	Document issuedInForce;

	Document repealedInYear;

	Document lapsedAfterYear;

	Document withdrawn;

	Document unpublished;

	Document issuedYearBefore;

	Document issuedYearAfter;

	Document rule;

	Document otherAgency;

	Document onTime;

	Document late;

	Document proactiveWithdrawn;

	Document publishedYearBefore;

	@BeforeAll
	void records() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		nyj = agencies.requireByCode("yiyuan-nyj").id();
		county = agencies.requireByCode("yiyuan").id();

		repealedInYear = normative(fgj, "旧版项目管理办法", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 10), false);
		issuedYearBefore = normative(fgj, "跨年印发的价格管理规定", LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 6), false);
		issuedInForce = normative(fgj, "投资项目备案管理办法", LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 20), false);
		lapsedAfterYear = normative(fgj, "节能审查实施细则", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 5), false);
		withdrawn = normative(fgj, "已撤回的收费管理办法", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 3), false);
		rule = normative(fgj, "沂源县粮食储备管理办法", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 3), true);
		issuedYearAfter = normative(fgj, "新年度的招标管理办法", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12), false);
		otherAgency = normative(nyj, "农机购置补贴实施办法", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 10), false);
		clock.today(LocalDate.of(2025, 4, 2));
		as("editor", fgj, Role.EDITOR);
		unpublished = management.createDraft(fgj, draft("未公开的规范性文件", LocalDate.of(2025, 4, 2), true, false, NORMATIVE_NODE));

		clock.today(LocalDate.of(2025, 5, 1));
		as("leader", fgj, Role.APPROVER);
		management.withdraw(withdrawn.id(), "文件内容有误，撤回");
		clock.today(LocalDate.of(2025, 6, 30));
		repealedInYear = management.changeValidity(repealedInYear.id(), Validity.REPEALED, LocalDate.of(2025, 6, 30), "被新办法废止");
		clock.today(LocalDate.of(2026, 1, 15));
		lapsedAfterYear = management.changeValidity(lapsedAfterYear.id(), Validity.LAPSED, LocalDate.of(2026, 1, 15), "有效期届满");

		// items that are not normative: one on time, one late and filed in two groups, one withdrawn, one of 2024
		onTime = proactive(fgj, "2025年第一季度重点项目进展", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 10), OTHER_NODE);
		late = proactive(fgj, "2025年价格监测报告", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 6, 2), OTHER_NODE, Catalog.RULES);
		proactiveWithdrawn = proactive(fgj, "撤回的通知", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 1), OTHER_NODE);
		publishedYearBefore = proactive(fgj, "2024年工作总结", LocalDate.of(2024, 12, 10), LocalDate.of(2024, 12, 20), OTHER_NODE);
		proactive(nyj, "农业农村局2025年工作要点", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 10), OTHER_NODE);
		clock.today(LocalDate.of(2025, 4, 10));
		as("leader", fgj, Role.APPROVER);
		management.withdraw(proactiveWithdrawn.id(), "重复发布");
		clock.today(LocalDate.of(2026, 3, 2));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void normativeFiguresCountIssuedRepealedAndInForceAtTheYearsEnd() {
		as("fgj-editor", fgj, Role.EDITOR);
		PublicationStatistics.NormativeFigures f = statistics.normative(fgj, 2025);
		assertThat(f).isEqualTo(new PublicationStatistics.NormativeFigures(1, 0, 1, 2, 1, 3));

		assertThat(references(statistics.normativeRecords(fgj, 2025, false, "issued")))
			.containsExactlyInAnyOrder(issuedInForce.documentNumber(), lapsedAfterYear.documentNumber());
		assertThat(statistics.normativeRecords(fgj, 2025, false, "repealed")).containsExactly(new CountedRecord(
				repealedInYear.documentNumber(), repealedInYear.title(), LocalDate.of(2025, 6, 30),
				"/console/documents/" + repealedInYear.id()));
		assertThat(references(statistics.normativeRecords(fgj, 2025, false, "inForce"))).containsExactlyInAnyOrder(
				issuedInForce.documentNumber(), lapsedAfterYear.documentNumber(), issuedYearBefore.documentNumber());
		assertThat(statistics.normativeRecords(fgj, 2025, true, "issued")).containsExactly(new CountedRecord(
				rule.documentNumber(), rule.title(), LocalDate.of(2025, 7, 1), "/console/documents/" + rule.id()));
		assertThat(statistics.normativeRecords(fgj, 2025, true, "repealed")).isEmpty();
		assertThat(references(statistics.normativeRecords(fgj, 2025, true, "inForce"))).containsExactly(rule.documentNumber());

		// every cell has as many records as its count
		assertThat(statistics.normativeRecords(fgj, 2025, true, "issued")).hasSize(f.rulesIssued());
		assertThat(statistics.normativeRecords(fgj, 2025, true, "repealed")).hasSize(f.rulesRepealed());
		assertThat(statistics.normativeRecords(fgj, 2025, true, "inForce")).hasSize(f.rulesInForce());
		assertThat(statistics.normativeRecords(fgj, 2025, false, "issued")).hasSize(f.normativeIssued());
		assertThat(statistics.normativeRecords(fgj, 2025, false, "repealed")).hasSize(f.normativeRepealed());
		assertThat(statistics.normativeRecords(fgj, 2025, false, "inForce")).hasSize(f.normativeInForce());

		// the year before: the old one was still in force, the one written on 30 December counts as issued then
		PublicationStatistics.NormativeFigures before = statistics.normative(fgj, 2024);
		assertThat(before.normativeIssued()).isEqualTo(1);
		assertThat(before.normativeInForce()).isEqualTo(2);
		assertThat(before.normativeRepealed()).isZero();
		// 2026: the lapsed one counts as ended in 2026 and is no longer in force
		PublicationStatistics.NormativeFigures after = statistics.normative(fgj, 2026);
		assertThat(after.normativeRepealed()).isEqualTo(1);
		assertThat(after.normativeIssued()).isEqualTo(1);
		assertThat(after.normativeInForce()).isEqualTo(3);
		assertThatThrownBy(() -> statistics.normativeRecords(fgj, 2025, false, "cancelled")).isInstanceOf(RuntimeException.class);
	}

	@Test
	void proactiveFiguresCountItemsFirstPublicInTheYearOnTimeLateAndByCatalogueGroup() {
		as("fgj-reviewer", fgj, Role.REVIEWER);
		PublicationStatistics.ProactiveFigures f = statistics.proactive(fgj, 2025);
		// the two items above, and the normative documents published in 2025 (issued the year before, in force, lapsed, rule)
		assertThat(f.published()).isEqualTo(6);
		assertThat(f.late()).isEqualTo(1);
		assertThat(f.onTime()).isEqualTo(5);
		String statutoryGroup = catalog.requireNode(fgj, "a20-01").title();
		String rulesGroup = catalog.requireNode(fgj, Catalog.RULES).title();
		assertThat(f.byColumn()).containsExactly(new PublicationStatistics.NodeCount(Catalog.RULES, rulesGroup, 1),
				new PublicationStatistics.NodeCount("a20-01", statutoryGroup, 6));

		assertThat(statistics.proactiveRecords(fgj, 2025, "late")).containsExactly(new CountedRecord(
				late.indexNumber(), late.title(), LocalDate.of(2025, 6, 2), "/console/documents/" + late.id()));
		assertThat(references(statistics.proactiveRecords(fgj, 2025, "published"))).containsExactlyInAnyOrder(
				onTime.indexNumber(), late.indexNumber(), issuedYearBefore.indexNumber(), issuedInForce.indexNumber(),
				lapsedAfterYear.indexNumber(), rule.indexNumber());
		assertThat(statistics.proactiveRecords(fgj, 2025, "onTime")).hasSize(f.onTime());
		assertThat(statistics.proactiveRecords(fgj, 2025, "published")).hasSize(f.published());
		for (PublicationStatistics.NodeCount group : f.byColumn()) {
			assertThat(statistics.proactiveRecords(fgj, 2025, "node:" + group.code())).hasSize(group.count());
		}
		assertThat(references(statistics.proactiveRecords(fgj, 2025, "node:" + Catalog.RULES))).containsExactly(late.indexNumber());
		// 2024: the item published then; the withdrawn one counts in no year
		assertThat(references(statistics.proactiveRecords(fgj, 2024, "published"))).containsExactly(publishedYearBefore.indexNumber());
		assertThat(references(statistics.proactiveRecords(fgj, 2025, "published"))).doesNotContain(proactiveWithdrawn.indexNumber());
	}

	@Test
	void staffOfTheAgencyAndSupervisorsReadTheFiguresOthersDoNot() {
		as("fgj-leader", fgj, Role.APPROVER);
		assertThat(statistics.normative(fgj, 2025).normativeIssued()).isEqualTo(2);
		as("fgj-admin", fgj, Role.AGENCY_ADMIN);
		assertThat(statistics.proactive(fgj, 2025).published()).isEqualTo(6);
		as("gkb", county, Role.SUPERVISOR, true);
		assertThat(statistics.normativeRecords(fgj, 2025, false, "inForce")).hasSize(3);
		as("nyj-editor", nyj, Role.EDITOR);
		assertThat(statistics.normative(nyj, 2025).normativeIssued()).isEqualTo(1);
		assertThatThrownBy(() -> statistics.normative(fgj, 2025)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		as("fgj-handler", fgj, Role.REQUEST_HANDLER);
		assertThatThrownBy(() -> statistics.proactive(fgj, 2025)).isInstanceOf(DomainException.class);
		// the unpublished draft is in no figure
		as("fgj-editor", fgj, Role.EDITOR);
		assertThat(statistics.normativeRecords(fgj, 2025, false, "issued")).extracting(CountedRecord::consoleUrl)
			.doesNotContain("/console/documents/" + unpublished.id(), "/console/documents/" + withdrawn.id());
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private static List<String> references(List<CountedRecord> records) {
		return records.stream().map(CountedRecord::reference).toList();
	}

	/** A normative document (or rule) written and formed on one day, published through the workflow on another. */
	private Document normative(long agency, String title, LocalDate written, LocalDate published, boolean governmentRule) {
		clock.today(written);
		as("editor", agency, Role.EDITOR);
		Document d = management.createDraft(agency, draft(title, written, !governmentRule, governmentRule, NORMATIVE_NODE));
		dossiers.savePlan(d.id(), new PolicyDossiers.Plan(true, written, "县政府网站政策解读栏目", "文字解读", "背景依据、主要内容"));
		clock.today(published);
		return publish(d, true);
	}

	private Document proactive(long agency, String title, LocalDate formed, LocalDate published, String... nodes) {
		clock.today(formed);
		as("editor", agency, Role.EDITOR);
		Document d = management.createDraft(agency, draft(title, formed, false, false, nodes));
		clock.today(published);
		return publish(d, false);
	}

	private Document publish(Document d, boolean waive) {
		as("editor", d.agencyId(), Role.EDITOR);
		management.submit(d.id());
		as("reviewer", d.agencyId(), Role.REVIEWER);
		management.review(d.id(), new ReviewChecks(true, true, true, true), "可以公开");
		as("leader", d.agencyId(), Role.APPROVER);
		if (waive) {
			dossiers.waive(d.id(), "内容简单，无需另行解读");
		}
		return management.approve(d.id(), "同意公开");
	}

	private static DocumentDraft draft(String title, LocalDate on, boolean normative, boolean governmentRule, String... nodes) {
		String number = (governmentRule ? "沂政令〔" : "沂发改发〔") + on.getYear() + "〕" + NUMBERS.incrementAndGet() + "号";
		return new DocumentDraft(title, null, "<p>" + title + "的正文。</p>", null, number, on, on, "综合政务/其他", "通知", null,
				normative, governmentRule, List.of(nodes), DisclosureAttribute.PROACTIVE, null, null, null, null, null);
	}

	void as(String username, long agencyId, Role role) {
		as(username, agencyId, role, false);
	}
}
