package org.gongkai.powers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.CreditCode;
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
 * Table 二's enforcement counts and the decisions behind them: a known set of decisions of 2025 (of each kind, one
 * changed and withdrawn after publication, one of 2024 and one of another agency), the records of each count with the
 * decision numbers, and a natural person's name never in a record. Runs the application on H2 with the demo county
 * (without its demo items) and a clock the test sets.
 */
class EnforcementStatisticsRecordsTest extends StatisticsContext {


	private static final AtomicInteger NUMBERS = new AtomicInteger(700);

	private static final String RESIDENT_ID = "11010519491231002X";

	private static final String PERSON = "李四海";

	@Autowired
	EnforcementManagement management;

	@Autowired
	EnforcementStatistics statistics;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	MovableClock clock;

	long fgj;

	long nyj;

	long county;

	Decision licenceJanuary;

	Decision licenceDecember;

	Decision penaltyOfPerson;

	Decision penaltyWithdrawn;

	Decision measure;

	@BeforeAll
	void records() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		nyj = agencies.requireByCode("yiyuan-nyj").id();
		county = agencies.requireByCode("yiyuan").id();
		clock.today(LocalDate.of(2026, 3, 2));
		as("fgj-editor", fgj, Role.EDITOR, false);
		licenceJanuary = company(fgj, DecisionKind.LICENCE, LocalDate.of(2025, 1, 2), "沂源县某某能源有限公司");
		licenceDecember = company(fgj, DecisionKind.LICENCE, LocalDate.of(2025, 12, 31), "沂源县某某建材有限公司");
		penaltyOfPerson = management.register(new DecisionSubmission(fgj, DecisionKind.PENALTY, number("沂发改罚"),
				DecisionPartyType.NATURAL_PERSON, PERSON, null, RESIDENT_ID, "罚款", LocalDate.of(2025, 6, 3),
				"当事人无证经营，罚款二千元。", "《无证无照经营查处办法》第十三条", new BigDecimal("2000"), null));
		penaltyWithdrawn = company(fgj, DecisionKind.PENALTY, LocalDate.of(2025, 7, 1), "沂源县某某商贸有限公司");
		management.publish(penaltyWithdrawn.id());
		management.change(penaltyWithdrawn.id(), DecisionChangeKind.CHANGED, LocalDate.of(2025, 9, 1), "复议变更");
		measure = company(fgj, DecisionKind.COMPULSORY_MEASURE, LocalDate.of(2025, 8, 8), "沂源县某某化工有限公司");
		company(fgj, DecisionKind.OTHER_ENFORCEMENT, LocalDate.of(2025, 8, 9), "沂源县某某物流有限公司");
		company(fgj, DecisionKind.LICENCE, LocalDate.of(2024, 12, 31), "沂源县某某食品有限公司");
		company(fgj, DecisionKind.PENALTY, LocalDate.of(2026, 1, 1), "沂源县某某酒店有限公司");
		as("nyj-editor", nyj, Role.EDITOR, false);
		company(nyj, DecisionKind.LICENCE, LocalDate.of(2025, 5, 5), "沂源县某某农业有限公司");
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theRecordsOfEachKindAreTheDecisionsTable2CountsAndNameNoNaturalPerson() {
		as("fgj-reviewer", fgj, Role.REVIEWER, false);
		EnforcementStatistics.Table2 t = statistics.table2(fgj, 2025);
		assertThat(t.licences()).isEqualTo(2);
		assertThat(t.penalties()).isEqualTo(2);
		assertThat(t.compulsoryMeasures()).isEqualTo(1);

		List<CountedRecord> licences = statistics.records(fgj, 2025, DecisionKind.LICENCE);
		assertThat(licences).hasSize((int) t.licences())
			.extracting(CountedRecord::reference)
			.containsExactly(licenceJanuary.decisionNumber(), licenceDecember.decisionNumber());
		assertThat(licences.get(1)).isEqualTo(new CountedRecord(licenceDecember.decisionNumber(),
				"行政许可决定（类别）：沂源县某某建材有限公司", LocalDate.of(2025, 12, 31),
				"/console/enforcement/decisions/" + licenceDecember.id()));
		List<CountedRecord> penalties = statistics.records(fgj, 2025, DecisionKind.PENALTY);
		assertThat(penalties).hasSize((int) t.penalties())
			.extracting(CountedRecord::reference)
			.containsExactlyInAnyOrder(penaltyOfPerson.decisionNumber(), penaltyWithdrawn.decisionNumber());
		assertThat(penalties).extracting(CountedRecord::title).noneMatch(title -> title.contains(PERSON) || title.contains("李"));
		assertThat(penalties).filteredOn(r -> r.reference().equals(penaltyWithdrawn.decisionNumber()))
			.extracting(CountedRecord::title).singleElement().asString().contains("已撤回");
		assertThat(statistics.records(fgj, 2025, DecisionKind.COMPULSORY_MEASURE)).extracting(CountedRecord::reference)
			.containsExactly(measure.decisionNumber());
		assertThat(statistics.records(fgj, 2024, DecisionKind.LICENCE)).hasSize((int) statistics.table2(fgj, 2024).licences())
			.hasSize(1);
	}

	@Test
	void staffOfTheAgencyAndSupervisorsMayReadOthersMayNot() {
		as("fgj-leader", fgj, Role.APPROVER, false);
		assertThat(statistics.records(fgj, 2025, DecisionKind.LICENCE)).hasSize(2);
		as("gkb", county, Role.SUPERVISOR, true);
		assertThat(statistics.table2(fgj, 2025).licences()).isEqualTo(2);
		as("nyj-editor", nyj, Role.EDITOR, false);
		assertThat(statistics.records(nyj, 2025, DecisionKind.LICENCE)).hasSize(1);
		assertThatThrownBy(() -> statistics.records(fgj, 2025, DecisionKind.LICENCE)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		assertThatThrownBy(() -> statistics.table2(fgj, 2025)).isInstanceOf(DomainException.class);
	}

	private Decision company(long agency, DecisionKind kind, LocalDate decidedOn, String name) {
		return management.register(new DecisionSubmission(agency, kind, number("沂发改"), DecisionPartyType.LEGAL_PERSON, name,
				creditCode(), null, "类别", decidedOn, "决定内容", "依据", null, null));
	}

	private static String number(String prefix) {
		return prefix + "〔2025〕" + NUMBERS.incrementAndGet() + "号";
	}

	private static String creditCode() {
		String first17 = "9137032" + String.format("%010d", NUMBERS.incrementAndGet());
		return first17 + CreditCode.checkCharacter(first17);
	}
}
