package org.gongkai.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gongkai.inforequest.ApplicantType;
import org.gongkai.inforequest.Outcome;
import org.gongkai.inforequest.Remedy;
import org.gongkai.inforequest.RequestStatistics;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.gongkai.powers.EnforcementStatistics;
import org.gongkai.publication.PublicationStatistics;
import org.gongkai.report.AnnualReportManagement;
import org.gongkai.report.AnnualReportQueries;
import org.gongkai.report.ReportCells;
import org.gongkai.report.ReportFormat;
import org.gongkai.report.ReportLayout;
import org.gongkai.report.ReportChecks;
import org.gongkai.report.ReportImportInput;
import org.gongkai.report.ReportProblem;
import org.gongkai.report.ReportStatus;
import org.gongkai.report.ReportSummary;
import org.gongkai.report.ReportView;
import org.gongkai.report.ReportWork;
import org.gongkai.testing.SearchSourcesContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10's proof: the demo 发展和改革局's year of generated activity gives tables 二–四 whose every cell equals a
 * count made here independently, with plain SQL over the owning modules' tables, and the same cells come out of the
 * modules' statistics and of the report composed from them. The counts follow the national format's rules as
 * domain-rules.md §2.2–2.4 state them, written again here rather than taken from the modules.
 */
class DemoYearReportTest extends SearchSourcesContext {

	static final List<String> COLUMNS = ReportLayout.APPLICANT_COLUMNS;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoCounty county;

	@Autowired
	DemoYear demoYear;

	@Autowired
	RequestStatistics requestStatistics;

	@Autowired
	EnforcementStatistics enforcementStatistics;

	@Autowired
	PublicationStatistics publicationStatistics;

	@Autowired
	AnnualReportManagement reports;

	@Autowired
	AnnualReportQueries queries;

	@Autowired
	Clock clock;

	long fgj;

	int year;

	/**
	 * The shared context starts the demo county with its items but, being a test, without the year (see DemoCounty);
	 * the year is generated here, once (the later calls find it generated), after the items as on a first start.
	 */
	@BeforeEach
	void yearGenerated() throws Exception {
		assertThat(county.yearGenerated().get(5, TimeUnit.MINUTES)).as("not generated in the background in a test").isFalse();
		demoYear.generate();
		fgj = jdbc.sql("SELECT id FROM org_agency WHERE code = 'yiyuan-fgj'").query(Long.class).single();
		year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear() - 1;
	}

	@Test
	void theModulesStatisticsEqualTheIndependentCountsCellByCell() {
		Map<String, BigDecimal> expected = independentCells(fgj, year);
		as("fgj-test-admin", fgj, Role.AGENCY_ADMIN);
		ReportLayout.Tables layout = ReportLayout.of(ReportFormat.F2021);

		RequestStatistics.Table3 t3 = requestStatistics.table3(fgj, year);
		ReportLayout.Block b3 = layout.table3();
		for (ReportLayout.Row row : b3.rows()) {
			for (int c = 0; c < COLUMNS.size(); c++) {
				ReportLayout.Column column = b3.column(COLUMNS.get(c)).orElseThrow();
				int actual = c < 6 ? t3.cell(row.key(), ApplicantType.values()[c]) : t3.total(row.key());
				assertThat(actual).as(b3.cellKey(row, column)).isEqualTo(expected.get(b3.cellKey(row, column)).intValue());
			}
		}
		assertThat(t3.failedChecks()).isEmpty();

		RequestStatistics.Table4 t4 = requestStatistics.table4(fgj, year);
		ReportLayout.Block b4 = layout.table4();
		ReportLayout.Row remedies = b4.rows().get(0);
		Remedy.Kind[] kinds = Remedy.Kind.values();
		Remedy.Result[] results = { Remedy.Result.UPHELD, Remedy.Result.CORRECTED, Remedy.Result.OTHER, Remedy.Result.PENDING };
		for (int g = 0; g < kinds.length; g++) {
			for (int r = 0; r < results.length; r++) {
				String key = b4.cellKey(remedies, b4.column(ReportLayout.REMEDY_GROUPS.get(g) + "."
						+ ReportLayout.REMEDY_RESULTS.get(r)).orElseThrow());
				assertThat(t4.cell(kinds[g], results[r])).as(key).isEqualTo(expected.get(key).intValue());
			}
			String total = b4.cellKey(remedies, b4.column(ReportLayout.REMEDY_GROUPS.get(g) + ".total").orElseThrow());
			assertThat(t4.total(kinds[g])).as(total).isEqualTo(expected.get(total).intValue());
		}

		EnforcementStatistics.Table2 enforcement = enforcementStatistics.table2(fgj, year);
		assertThat(enforcement.licences()).isEqualTo(expected.get("t2.licences.decisions").longValue());
		assertThat(enforcement.penalties()).isEqualTo(expected.get("t2.penalties.decisions").longValue());
		assertThat(enforcement.compulsoryMeasures()).isEqualTo(expected.get("t2.compulsoryMeasures.decisions").longValue());
		assertThat(enforcement.feesTenThousandYuan()).isEqualByComparingTo(expected.get("t2.fees.amount"));

		PublicationStatistics.NormativeFigures normative = publicationStatistics.normative(fgj, year);
		assertThat(List.of(normative.rulesIssued(), normative.rulesRepealed(), normative.rulesInForce(),
				normative.normativeIssued(), normative.normativeRepealed(), normative.normativeInForce()))
			.isEqualTo(List.of("t2.rules.issued", "t2.rules.repealed", "t2.rules.inForce", "t2.normativeDocuments.issued",
					"t2.normativeDocuments.repealed", "t2.normativeDocuments.inForce")
				.stream()
				.map(k -> expected.get(k).intValue())
				.toList());
	}

	@Test
	void theYearIsARealisticFullTableNotAnEmptyOne() {
		Map<String, BigDecimal> cells = independentCells(fgj, year);
		// every applicant type applied, requests were carried in and out, most result rows were used
		for (String column : COLUMNS) {
			assertThat(cells.get("t3.new." + column).intValue()).as("t3.new." + column).isPositive();
		}
		// five received in December of the year before and answered in January, five (and more) of the year's December
		assertThat(cells.get("t3.carriedIn.total").intValue()).isEqualTo(5);
		assertThat(cells.get("t3.carriedOut.total").intValue()).isGreaterThanOrEqualTo(5);
		long usedRows = java.util.Arrays.stream(Outcome.values())
			.filter(o -> cells.get("t3." + o.key() + ".total").signum() > 0)
			.count();
		assertThat(usedRows).isGreaterThanOrEqualTo(19);
		assertThat(cells.get("t3.new.total").intValue()).isBetween(60, 120);
		// the checks V1–V3 on the independent counts
		for (String column : COLUMNS) {
			int resultsSum = 0;
			for (Outcome o : Outcome.values()) {
				resultsSum += cells.get("t3." + o.key() + "." + column).intValue();
			}
			assertThat(resultsSum).as("V2 " + column).isEqualTo(cells.get("t3.rTotal." + column).intValue());
			assertThat(cells.get("t3.new." + column).add(cells.get("t3.carriedIn." + column))).as("V1 " + column)
				.isEqualByComparingTo(cells.get("t3.rTotal." + column).add(cells.get("t3.carriedOut." + column)));
		}
		// table 四: reconsiderations and lawsuits, of which some upheld, some corrected and some not concluded in the year
		assertThat(cells.get("t4.remedies.reconsideration.total").intValue()).isPositive();
		assertThat(cells.get("t4.remedies.litigationDirect.total").intValue()
				+ cells.get("t4.remedies.litigationAfterReconsideration.total").intValue()).isPositive();
		assertThat(cells.get("t4.remedies.reconsideration.upheld").intValue()).isPositive();
		assertThat(cells.get("t4.remedies.reconsideration.pending").intValue()
				+ cells.get("t4.remedies.litigationAfterReconsideration.pending").intValue()).isPositive();
		// table 二 as generated: three measures issued and three repealed in the year, the year's decisions and fee
		assertThat(cells.get("t2.normativeDocuments.issued").intValue()).isEqualTo(3);
		assertThat(cells.get("t2.normativeDocuments.repealed").intValue()).isEqualTo(3);
		assertThat(cells.get("t2.normativeDocuments.inForce").intValue()).isEqualTo(4);
		assertThat(cells.get("t2.licences.decisions").intValue()).isEqualTo(24);
		assertThat(cells.get("t2.penalties.decisions").intValue()).isEqualTo(11);
		assertThat(cells.get("t2.compulsoryMeasures.decisions").intValue()).isEqualTo(3);
		assertThat(cells.get("t2.fees.amount")).isEqualByComparingTo(DemoYear.FEE_WAN_YUAN);
	}

	@Test
	void aLaterRunGeneratesNothingTwice() {
		long requests = count("SELECT COUNT(*) FROM req_request WHERE agency_id = ?");
		long decisions = count("SELECT COUNT(*) FROM pw_decision WHERE agency_id = ?");
		long documents = count("SELECT COUNT(*) FROM pub_document WHERE agency_id = ?");
		assertThat(demoYear.generate()).isFalse();
		assertThat(count("SELECT COUNT(*) FROM req_request WHERE agency_id = ?")).isEqualTo(requests);
		assertThat(count("SELECT COUNT(*) FROM pw_decision WHERE agency_id = ?")).isEqualTo(decisions);
		assertThat(count("SELECT COUNT(*) FROM pub_document WHERE agency_id = ?")).isEqualTo(documents);
	}

	@Test
	void theReportComposedForTheYearHasTheIndependentCountsAndPassesItsChecks() {
		Map<String, BigDecimal> expected = independentCells(fgj, year);
		as("fgj-test-editor", fgj, Role.EDITOR);
		ReportWork work = reports.start(fgj, year);
		assertThat(work.view().format()).isEqualTo(ReportFormat.F2021);
		ReportCells cells = work.view().cells();
		for (String key : ReportLayout.of(ReportFormat.F2021).cellKeys()) {
			assertThat(cells.get(key)).as(key).isEqualByComparingTo(expected.get(key));
		}
		// V1–V3 and table 四's totals hold: nothing blocks the approval of the composed tables
		assertThat(work.problems().stream().filter(p -> p.target().startsWith("t")).filter(p -> p.blocking()).toList())
			.isEmpty();
	}

	/** The import refuses figures that fail V1–V3 or table 四's totals, so being there proves them consistent too. */
	@Test
	void theEarlierReportsAreImportedForThePortalSeries() {
		as("fgj-test-editor", fgj, Role.EDITOR);
		Map<Integer, ReportSummary> imported = new LinkedHashMap<>();
		for (ReportSummary s : queries.reports(fgj)) {
			if (s.imported()) {
				imported.put(s.year(), s);
			}
		}
		assertThat(imported).containsOnlyKeys(2019, year - 2, year - 1);
		assertThat(imported.get(2019).format()).isEqualTo(ReportFormat.F2019);
		assertThat(imported.get(year - 2).format()).isEqualTo(ReportFormat.F2021);
		assertThat(imported.get(year - 1).format()).isEqualTo(ReportFormat.F2021);
		assertThat(imported.values()).allSatisfy(s -> {
			assertThat(s.status()).isEqualTo(ReportStatus.PUBLISHED);
			assertThat(s.publishedOn().getYear()).isEqualTo(s.year() + 1);
		});
		// on the public side as imported, figure by figure, with the year's own texts
		for (int y : imported.keySet()) {
			ReportImportInput input = DemoReports.input(fgj, y);
			ReportView view = queries.published(fgj, y).orElseThrow();
			assertThat(view.imported()).isTrue();
			for (String key : ReportLayout.of(input.format()).cellKeys()) {
				assertThat(view.cells().get(key)).as(y + " " + key).isEqualByComparingTo(input.cells().get(key));
			}
			assertThat(view.sections()).anySatisfy(t -> assertThat(t.text()).contains(y + "年"));
		}
	}

	@Test
	void theImportedFiguresPassTheChecks() {
		for (int y : List.of(2019, year - 2, year - 1)) {
			ReportImportInput input = DemoReports.input(fgj, y);
			ReportView view = new ReportView(0, fgj, DemoYear.AGENCY, "沂源县发展和改革局", y, input.format(), 1,
					ReportStatus.PUBLISHED, input.publishedOn(), null, true, List.of(), input.cells());
			assertThat(ReportChecks.check(view).stream().filter(ReportProblem::blocking).toList()).as("year " + y).isEmpty();
			assertThat(input.cells().values().keySet()).as("year " + y)
				.containsExactlyInAnyOrderElementsOf(ReportLayout.of(input.format()).cellKeys());
			assertThat(input.cells().count("t3.new.total")).isPositive();
		}
	}

	// ---- the independent counts ------------------------------------------------------------------------------

	/** Every cell of tables 二–四 in the 2021 format, keyed as ReportLayout keys them, counted here with SQL. */
	Map<String, BigDecimal> independentCells(long agencyId, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		ReportLayout.Tables layout = ReportLayout.of(ReportFormat.F2021);
		for (String key : layout.cellKeys()) {
			cells.put(key, BigDecimal.ZERO);
		}
		// table 三: received in the year; carried in (received before, open on 1 January); closed in the year by their
		// outcome; carried out (received by 31 December, still open that day)
		String base = "SELECT applicant_type, outcome FROM req_request WHERE agency_id = ? AND received_on IS NOT NULL ";
		tally(cells, "new", jdbc.sql(base + "AND received_on BETWEEN ? AND ?").params(agencyId, from, to), false);
		tally(cells, "carriedIn", jdbc.sql(base + "AND received_on < ? AND (closed_on IS NULL OR closed_on >= ?)")
			.params(agencyId, from, from), false);
		tally(cells, "rTotal", jdbc.sql(base + "AND received_on <= ? AND closed_on BETWEEN ? AND ?")
			.params(agencyId, to, from, to), true);
		tally(cells, "carriedOut", jdbc.sql(base + "AND received_on <= ? AND (closed_on IS NULL OR closed_on > ?)")
			.params(agencyId, to, to), false);
		// table 四: filed in the year, with the result as it stood on 31 December
		jdbc.sql("SELECT kind, result, decided_on FROM req_remedy WHERE agency_id = ? AND filed_on BETWEEN ? AND ?")
			.params(agencyId, from, to)
			.query(rs -> {
				String group = switch (rs.getString("kind")) {
					case "RECONSIDERATION" -> "reconsideration";
					case "LITIGATION_DIRECT" -> "litigationDirect";
					default -> "litigationAfterReconsideration";
				};
				LocalDate decided = rs.getObject("decided_on", LocalDate.class);
				String result = decided == null || decided.isAfter(to) ? "pending"
						: rs.getString("result").toLowerCase(java.util.Locale.ROOT);
				increment(cells, "t4.remedies." + group + "." + result);
				increment(cells, "t4.remedies." + group + ".total");
			});
		// table 二 第（一）项: public items; issued by their 成文日期 (else 生成日期), ended (repealed or lapsed) in the year,
		// in force on 31 December
		String items = "SELECT COUNT(*) FROM pub_document WHERE agency_id = ? AND status = 'PUBLISHED' AND ";
		String issued = "COALESCE(written_on, formed_on)";
		String ended = "validity IN ('REPEALED', 'LAPSED') AND validity_changed_on IS NOT NULL";
		for (String row : List.of("rules", "normativeDocuments")) {
			String kind = row.equals("rules") ? "government_rule = TRUE" : "normative = TRUE AND government_rule = FALSE";
			cells.put("t2." + row + ".issued", number(jdbc.sql(items + kind + " AND " + issued + " BETWEEN ? AND ?")
				.params(agencyId, from, to)));
			cells.put("t2." + row + ".repealed", number(jdbc.sql(items + kind + " AND " + ended
					+ " AND validity_changed_on BETWEEN ? AND ?").params(agencyId, from, to)));
			cells.put("t2." + row + ".inForce", number(jdbc.sql(items + kind + " AND " + issued + " <= ? AND NOT (" + ended
					+ " AND validity_changed_on <= ?)").params(agencyId, to, to)));
		}
		// 第（五）（六）项: decisions by their decision date, whatever became of them later; 第（八）项 as entered
		String decisions = "SELECT COUNT(*) FROM pw_decision WHERE agency_id = ? AND decided_on BETWEEN ? AND ? AND kind = ?";
		cells.put("t2.licences.decisions", number(jdbc.sql(decisions).params(agencyId, from, to, "LICENCE")));
		cells.put("t2.penalties.decisions", number(jdbc.sql(decisions).params(agencyId, from, to, "PENALTY")));
		cells.put("t2.compulsoryMeasures.decisions",
				number(jdbc.sql(decisions).params(agencyId, from, to, "COMPULSORY_MEASURE")));
		cells.put("t2.fees.amount", jdbc.sql("SELECT amount_wan_yuan FROM pw_enf_fee WHERE agency_id = ? AND fee_year = ?")
			.params(agencyId, year)
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO));
		assertThat(cells.keySet()).containsExactlyInAnyOrderElementsOf(layout.cellKeys());
		return cells;
	}

	/** Counts the rows of a query into one row of table 三 (or, with {@code byOutcome}, into each outcome row too). */
	private static void tally(Map<String, BigDecimal> cells, String row, JdbcClient.StatementSpec query, boolean byOutcome) {
		query.query(rs -> {
			String column = COLUMNS.get(ApplicantType.valueOf(rs.getString("applicant_type")).ordinal());
			increment(cells, "t3." + row + "." + column);
			increment(cells, "t3." + row + ".total");
			if (byOutcome) {
				String outcome = Outcome.valueOf(rs.getString("outcome")).key();
				increment(cells, "t3." + outcome + "." + column);
				increment(cells, "t3." + outcome + ".total");
			}
		});
	}

	private static void increment(Map<String, BigDecimal> cells, String key) {
		assertThat(cells).as("a cell of the 2021 layout").containsKey(key);
		cells.merge(key, BigDecimal.ONE, BigDecimal::add);
	}

	private static BigDecimal number(JdbcClient.StatementSpec query) {
		return BigDecimal.valueOf(query.query(Long.class).single());
	}

	private long count(String sql) {
		return jdbc.sql(sql).param(fgj).query(Long.class).single();
	}
}
