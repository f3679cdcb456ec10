package org.gongkai.inforequest;

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
 * Tables 三 and 四 and the fees of one agency and year with the cases behind every cell: a known set of cases of
 * 2025 (carried in, new, closed, carried out, of other years and another agency), the table's cells, and the record
 * lists of the same cells — same size, the expected tracking codes, no applicant's name. Runs the application on H2
 * with the demo county (without its demo items) and a clock the test sets.
 */
class RequestStatisticsRecordsTest extends StatisticsContext {


	private static final AtomicInteger NUMBERS = new AtomicInteger(500);

	private static final String RESIDENT_ID = "11010519491231002X";

	private static final String APPLICANT = "王小明";

	@Autowired
	InfoRequestManagement management;

	@Autowired
	RequestStatistics statistics;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	MovableClock clock;

	long fgj;

	long nyj;

	long county;

	/** Carried in from 2024, answered 予以公开 in January 2025; a lawsuit filed in 2025, decided only in 2026. */
	InfoRequest carriedIn;

	/** Received and answered (保护第三方合法权益) in 2025, fee paid in 2025; a reconsideration upheld in 2025. */
	InfoRequest closedInYear;

	/** Received in December 2025, a fee notice in 2025, still awaiting payment. */
	InfoRequest openAtYearEnd;

	/** Received in December 2025, answered in January 2026. */
	InfoRequest closedNextYear;

	/** Received in 2024 with its fee notice, fee paid and answered in January 2025. */
	InfoRequest paidInYear;

	/** Not counted in 2025: closed in 2024, received in 2026, and one of another agency. */
	InfoRequest closedBefore;

	InfoRequest receivedAfter;

	InfoRequest otherAgency;

	@BeforeAll
	void records() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		nyj = agencies.requireByCode("yiyuan-nyj").id();
		county = agencies.requireByCode("yiyuan").id();
		clock.today(LocalDate.of(2026, 3, 2));
		asHandler(fgj);

		carriedIn = received(fgj, LocalDate.of(2024, 12, 20), ApplicantType.NATURAL_PERSON);
		carriedIn = reply(carriedIn, Outcome.R1, LocalDate.of(2025, 1, 10));

		closedInYear = received(fgj, LocalDate.of(2025, 3, 3), ApplicantType.COMMERCIAL_ENTERPRISE);
		management.issueFeeNotice(closedInYear.id(), FeeMethod.PER_VOLUME, 100, LocalDate.of(2025, 3, 5));
		management.feePaid(closedInYear.id(), LocalDate.of(2025, 3, 10));
		closedInYear = reply(closedInYear, Outcome.R3_4, LocalDate.of(2025, 3, 20));

		openAtYearEnd = received(fgj, LocalDate.of(2025, 12, 19), ApplicantType.NATURAL_PERSON);
		openAtYearEnd = management.issueFeeNotice(openAtYearEnd.id(), FeeMethod.PER_VOLUME, 50, LocalDate.of(2025, 12, 23));

		closedNextYear = received(fgj, LocalDate.of(2025, 12, 22), ApplicantType.NATURAL_PERSON);
		closedNextYear = reply(closedNextYear, Outcome.R1, LocalDate.of(2026, 1, 5));

		paidInYear = received(fgj, LocalDate.of(2024, 12, 10), ApplicantType.NATURAL_PERSON);
		management.issueFeeNotice(paidInYear.id(), FeeMethod.PER_VOLUME, 50, LocalDate.of(2024, 12, 16));
		management.feePaid(paidInYear.id(), LocalDate.of(2025, 1, 3));
		paidInYear = reply(paidInYear, Outcome.R1, LocalDate.of(2025, 1, 20));

		closedBefore = received(fgj, LocalDate.of(2024, 11, 1), ApplicantType.NATURAL_PERSON);
		closedBefore = reply(closedBefore, Outcome.R1, LocalDate.of(2024, 11, 20));
		receivedAfter = received(fgj, LocalDate.of(2026, 1, 5), ApplicantType.NATURAL_PERSON);

		// remedies: upheld in 2025; filed 2025 and decided 2026 (pending at the year's end); filed in 2024
		Remedy upheld = management.recordRemedy(closedInYear.id(), Remedy.Kind.RECONSIDERATION, LocalDate.of(2025, 4, 1), "沂源县人民政府");
		management.decideRemedy(upheld.id(), Remedy.Result.UPHELD, LocalDate.of(2025, 6, 1), null);
		Remedy pending = management.recordRemedy(carriedIn.id(), Remedy.Kind.LITIGATION_DIRECT, LocalDate.of(2025, 2, 1), "沂源县人民法院");
		management.decideRemedy(pending.id(), Remedy.Result.CORRECTED, LocalDate.of(2026, 1, 10), null);
		management.recordRemedy(closedBefore.id(), Remedy.Kind.RECONSIDERATION, LocalDate.of(2024, 12, 1), "沂源县人民政府");

		asHandler(nyj);
		otherAgency = received(nyj, LocalDate.of(2025, 5, 5), ApplicantType.NATURAL_PERSON);
		reply(otherAgency, Outcome.R1, LocalDate.of(2025, 5, 20));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void everyCellOfTable3EqualsItsRecordsAndTheKnownCases() {
		as("fgj-editor", fgj, Role.EDITOR, false);
		RequestStatistics.Table3 t = statistics.table3(fgj, 2025);
		assertThat(t.total("new")).isEqualTo(3);
		assertThat(t.cell("new", ApplicantType.NATURAL_PERSON)).isEqualTo(2);
		assertThat(t.cell("new", ApplicantType.COMMERCIAL_ENTERPRISE)).isEqualTo(1);
		assertThat(t.total("carriedIn")).isEqualTo(2);
		assertThat(t.total("r1")).isEqualTo(2);
		assertThat(t.total("r3_4")).isEqualTo(1);
		assertThat(t.total("rTotal")).isEqualTo(3);
		assertThat(t.total("carriedOut")).isEqualTo(2);
		assertThat(t.failedChecks()).isEmpty();

		assertThat(codes(statistics.table3Records(fgj, 2025, "new", null)))
			.containsExactlyInAnyOrder(closedInYear.trackingCode(), openAtYearEnd.trackingCode(), closedNextYear.trackingCode());
		assertThat(codes(statistics.table3Records(fgj, 2025, "carriedIn", null)))
			.containsExactlyInAnyOrder(carriedIn.trackingCode(), paidInYear.trackingCode());
		assertThat(codes(statistics.table3Records(fgj, 2025, "r1", ApplicantType.NATURAL_PERSON)))
			.containsExactlyInAnyOrder(carriedIn.trackingCode(), paidInYear.trackingCode());
		assertThat(codes(statistics.table3Records(fgj, 2025, "carriedOut", null)))
			.containsExactlyInAnyOrder(openAtYearEnd.trackingCode(), closedNextYear.trackingCode());
		List<CountedRecord> r34 = statistics.table3Records(fgj, 2025, "r3_4", ApplicantType.COMMERCIAL_ENTERPRISE);
		assertThat(r34).containsExactly(new CountedRecord(closedInYear.trackingCode(), Outcome.R3_4.label(),
				LocalDate.of(2025, 3, 20), "/console/requests/" + closedInYear.id()));
		assertThat(statistics.table3Records(fgj, 2025, "r3_4", ApplicantType.NATURAL_PERSON)).isEmpty();
		// a case still open at the year's end is placed by its receipt and carries no outcome, even if closed since
		assertThat(statistics.table3Records(fgj, 2025, "carriedOut", ApplicantType.NATURAL_PERSON))
			.extracting(CountedRecord::title).containsOnly("截至年底未办结");

		// the same classification: every cell of every row and column has as many records as its count
		for (String row : t.rows().keySet()) {
			assertThat(statistics.table3Records(fgj, 2025, row, null)).as(row).hasSize(t.total(row));
			for (ApplicantType type : ApplicantType.values()) {
				List<CountedRecord> records = statistics.table3Records(fgj, 2025, row, type);
				assertThat(records).as(row + "/" + type).hasSize(t.cell(row, type));
				assertThat(records).extracting(CountedRecord::title).noneMatch(title -> title.contains(APPLICANT));
			}
		}
		assertThatThrownBy(() -> statistics.table3Records(fgj, 2025, "r9", null)).isInstanceOf(RuntimeException.class);
	}

	@Test
	void table4CountsTheRemediesFiledInTheYearWithTheirResultAtTheYearsEnd() {
		as("fgj-reviewer", fgj, Role.REVIEWER, false);
		RequestStatistics.Table4 t = statistics.table4(fgj, 2025);
		assertThat(t.cell(Remedy.Kind.RECONSIDERATION, Remedy.Result.UPHELD)).isEqualTo(1);
		assertThat(t.total(Remedy.Kind.RECONSIDERATION)).isEqualTo(1);
		assertThat(t.cell(Remedy.Kind.LITIGATION_DIRECT, Remedy.Result.PENDING)).isEqualTo(1);
		assertThat(t.cell(Remedy.Kind.LITIGATION_DIRECT, Remedy.Result.CORRECTED)).isZero();
		assertThat(t.total(Remedy.Kind.LITIGATION_AFTER_RECONSIDERATION)).isZero();

		assertThat(statistics.table4Records(fgj, 2025, Remedy.Kind.RECONSIDERATION, Remedy.Result.UPHELD))
			.containsExactly(new CountedRecord(closedInYear.trackingCode(), "行政复议：结果维持", LocalDate.of(2025, 4, 1),
					"/console/requests/" + closedInYear.id()));
		assertThat(codes(statistics.table4Records(fgj, 2025, Remedy.Kind.LITIGATION_DIRECT, null)))
			.containsExactly(carriedIn.trackingCode());
		assertThat(statistics.table4Records(fgj, 2025, Remedy.Kind.LITIGATION_DIRECT, Remedy.Result.CORRECTED)).isEmpty();
		for (Remedy.Kind kind : Remedy.Kind.values()) {
			assertThat(statistics.table4Records(fgj, 2025, kind, null)).hasSize(t.total(kind));
			for (Remedy.Result result : Remedy.Result.values()) {
				assertThat(statistics.table4Records(fgj, 2025, kind, result)).hasSize(t.cell(kind, result));
			}
		}
		// the 2024 reconsideration counts in 2024 only
		assertThat(statistics.table4(fgj, 2024).total(Remedy.Kind.RECONSIDERATION)).isEqualTo(1);
	}

	@Test
	void aFeeCountsInTheYearItIsPaidAndANoticeInTheYearItIsSent() {
		as("fgj-leader", fgj, Role.APPROVER, false);
		RequestStatistics.FeeFigures fees = statistics.fees(fgj, 2025);
		assertThat(fees.noticesSent()).isEqualTo(2);
		assertThat(fees.paid()).isEqualTo(2);
		assertThat(fees.collectedYuan()).isEqualByComparingTo(FeeCalculator.perVolume(100).add(FeeCalculator.perVolume(50)))
			.isEqualByComparingTo("900");
		assertThat(codes(statistics.feeRecords(fgj, 2025, "noticesSent")))
			.containsExactlyInAnyOrder(closedInYear.trackingCode(), openAtYearEnd.trackingCode());
		assertThat(statistics.feeRecords(fgj, 2025, "paid")).extracting(CountedRecord::reference, CountedRecord::date)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(closedInYear.trackingCode(), LocalDate.of(2025, 3, 10)),
					org.assertj.core.groups.Tuple.tuple(paidInYear.trackingCode(), LocalDate.of(2025, 1, 3)));
		RequestStatistics.FeeFigures before = statistics.fees(fgj, 2024);
		assertThat(before.noticesSent()).isEqualTo(1);
		assertThat(before.paid()).isZero();
		assertThat(before.collectedYuan()).isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void editorsReviewersAndSupervisorsReadCountsButNotAnotherAgencysStaff() {
		as("fgj-editor", fgj, Role.EDITOR, false);
		assertThat(statistics.table3(fgj, 2025).total("new")).isEqualTo(3);
		as("gkb", county, Role.SUPERVISOR, true);
		assertThat(statistics.table3Records(fgj, 2025, "new", null)).hasSize(3);
		assertThat(statistics.fees(fgj, 2025).paid()).isEqualTo(2);
		as("fgj-handler", fgj, Role.REQUEST_HANDLER, false);
		assertThat(statistics.table4Records(fgj, 2025, Remedy.Kind.RECONSIDERATION, null)).hasSize(1);
		as("nyj-editor", nyj, Role.EDITOR, false);
		assertThatThrownBy(() -> statistics.table3Records(fgj, 2025, "new", null)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		assertThatThrownBy(() -> statistics.fees(fgj, 2025)).isInstanceOf(DomainException.class);
		as("fgj-messages", fgj, Role.MESSAGE_HANDLER, false);
		assertThatThrownBy(() -> statistics.table4(fgj, 2025)).isInstanceOf(DomainException.class);
		// the other agency's own case is counted there only
		as("nyj-editor", nyj, Role.EDITOR, false);
		assertThat(codes(statistics.table3Records(nyj, 2025, "new", null))).containsExactly(otherAgency.trackingCode());
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private static List<String> codes(List<CountedRecord> records) {
		return records.stream().map(CountedRecord::reference).toList();
	}

	private InfoRequest received(long agency, LocalDate on, ApplicantType type) {
		Application application = type == ApplicantType.NATURAL_PERSON
				? new Application(type, APPLICANT, IdType.RESIDENT_ID, RESIDENT_ID, null, "13800001234", null,
						"沂源县南麻街道1号", null, "请公开2024年度重点项目审批清单", ProvisionForm.PAPER, ObtainMethod.POST)
				: new Application(type, "沂源县某某建材有限公司", IdType.CREDIT_CODE, company(), APPLICANT, "13800001234", null,
						"沂源县南麻街道2号", null, "请公开某项目环评批复", ProvisionForm.PAPER, ObtainMethod.POST);
		return management.enter(agency, SubmissionChannel.IN_PERSON, on, application);
	}

	private InfoRequest reply(InfoRequest r, Outcome outcome, LocalDate on) {
		return management.reply(r.id(), new InfoRequestManagement.Reply(outcome, on, null,
				outcome.needsReason() ? "涉及第三方商业秘密，经征求意见第三方不同意公开" : null, "答复内容", null, null));
	}

	private static String company() {
		String first17 = "9137032" + String.format("%010d", NUMBERS.incrementAndGet());
		return first17 + CreditCode.checkCharacter(first17);
	}

	private void asHandler(long agency) {
		as("handler-" + agency, agency, Role.REQUEST_HANDLER, false);
	}
}
