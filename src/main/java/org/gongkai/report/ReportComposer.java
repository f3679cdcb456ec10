package org.gongkai.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.inforequest.ApplicantType;
import org.gongkai.inforequest.Remedy;
import org.gongkai.inforequest.RequestStatistics;
import org.gongkai.interaction.InteractionStatistics;
import org.gongkai.interaction.MotionStatistics;
import org.gongkai.interpretation.InterpretationStatistics;
import org.gongkai.platform.Actors;
import org.gongkai.platform.CountedRecord;
import org.gongkai.powers.EnforcementStatistics;
import org.springframework.stereotype.Component;

/**
 * Composes a report's tables 二–四 cell by cell through {@link ReportLayout} from the statistics of the modules that
 * own the data, maps a cell back to the records behind it, and gathers the {@link ReportFacts} of the drafted text.
 * Counting rules stay in the owning modules; nothing is recounted here. The caller checks the actor's right to the
 * report first; the statistics are then read as the system (an editor drafting the report need not hold the request
 * handler's role to see table 三's counts, which carry no personal data).
 */
@Component
class ReportComposer {

	private final RequestStatistics requests;

	private final EnforcementStatistics enforcement;

	private final InterpretationStatistics interpretations;

	private final InteractionStatistics interaction;

	private final MotionStatistics motions;

	ReportComposer(RequestStatistics requests, EnforcementStatistics enforcement,
			InterpretationStatistics interpretations, InteractionStatistics interaction, MotionStatistics motions) {
		this.requests = requests;
		this.enforcement = enforcement;
		this.interpretations = interpretations;
		this.interaction = interaction;
		this.motions = motions;
	}

	/** The F2021 cells of the agency's year from the records as they are now. */
	ReportCells compose(long agencyId, int year) {
		return Actors.callAsSystem(() -> composeAsSystem(agencyId, year));
	}

	private ReportCells composeAsSystem(long agencyId, int year) {
		ReportLayout.Tables tables = ReportLayout.of(ReportFormat.F2021);
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		composeTable2(tables, agencyId, year, cells);
		RequestStatistics.Table3 t3 = requests.table3(agencyId, year);
		ReportLayout.Block b3 = tables.table3();
		for (ReportLayout.Row row : b3.rows()) {
			for (ReportLayout.Column column : b3.columns()) {
				ApplicantType type = applicantType(column.key());
				int n = type == null ? t3.total(row.key()) : t3.cell(row.key(), type);
				cells.put(b3.cellKey(row, column), BigDecimal.valueOf(n));
			}
		}
		RequestStatistics.Table4 t4 = requests.table4(agencyId, year);
		ReportLayout.Block b4 = tables.table4();
		ReportLayout.Row remedies = b4.row(ReportLayout.REMEDY_ROW).orElseThrow();
		for (ReportLayout.Column column : b4.columns()) {
			String[] parts = column.key().split("\\.");
			Remedy.Kind kind = remedyKind(parts[0]);
			Remedy.Result result = remedyResult(parts[1]);
			int n = result == null ? t4.total(kind) : t4.cell(kind, result);
			cells.put(b4.cellKey(remedies, column), BigDecimal.valueOf(n));
		}
		return new ReportCells(cells);
	}

	private void composeTable2(ReportLayout.Tables tables, long agencyId, int year, Map<String, BigDecimal> cells) {
		EnforcementStatistics.Table2 t2 = enforcement.table2(agencyId, year);
		for (ReportLayout.Block block : tables.table2()) {
			for (ReportLayout.Row row : block.rows()) {
				for (ReportLayout.Column column : block.columns()) {
					BigDecimal v = table2Cell(row.key(), column.key(), t2);
					if (v != null) {
						cells.put(block.cellKey(row, column), v);
					}
				}
			}
		}
	}

	/** One cell of table 二 (2021 format); null leaves it blank (a fee amount never entered). */
	private BigDecimal table2Cell(String row, String column, EnforcementStatistics.Table2 t2) {
		return switch (row) {
			case "licences" -> BigDecimal.valueOf(t2.licences());
			case "penalties" -> BigDecimal.valueOf(t2.penalties());
			case "compulsoryMeasures" -> BigDecimal.valueOf(t2.compulsoryMeasures());
			case "fees" -> t2.feesTenThousandYuan();
			// rules and normative documents: composed from the publication statistics once available
			default -> BigDecimal.ZERO;
		};
	}

	/** The records behind a cell of a composed (not imported) report. */
	List<CountedRecord> records(long agencyId, int year, String cellKey) {
		return Actors.callAsSystem(() -> new ArrayList<CountedRecord>());
	}

	/** The figures of the drafted text. */
	ReportFacts facts(long agencyId, int year) {
		return Actors.callAsSystem(() -> factsAsSystem(agencyId, year));
	}

	private ReportFacts factsAsSystem(long agencyId, int year) {
		InterpretationStatistics.YearFigures interp = interpretations.of(agencyId, year);
		InteractionStatistics.Row messages = interaction.year(agencyId, year);
		MotionStatistics.Figures m = motions.forUnit(agencyId, year);
		RequestStatistics.Table3 t3 = requests.table3(agencyId, year);
		RequestStatistics.Table4 t4 = requests.table4(agencyId, year);
		RequestStatistics.Performance perf = requests.performance(agencyId, year);
		EnforcementStatistics.Table2 t2 = enforcement.table2(agencyId, year);
		return new ReportFacts(year, 0, 0, 0, List.of(), 0, 0, 0, 0, (int) interp.interpretations(), interp.late(), 0,
				0, 0, 0, 0, 0, 0, 0, messages.received(), messages.replied(), messages.onTime(), m.suggestions(),
				m.proposals(), m.published(), m.publicationLate(), t3.total("new"), t3.total("carriedIn"),
				t3.total("rTotal"), t3.total("carriedOut"), perf.onTime(), perf.replied() - perf.onTime(), 0, 0,
				BigDecimal.ZERO, t4.total(Remedy.Kind.RECONSIDERATION),
				t4.cell(Remedy.Kind.RECONSIDERATION, Remedy.Result.CORRECTED),
				t4.total(Remedy.Kind.LITIGATION_DIRECT) + t4.total(Remedy.Kind.LITIGATION_AFTER_RECONSIDERATION),
				t4.cell(Remedy.Kind.LITIGATION_DIRECT, Remedy.Result.CORRECTED)
						+ t4.cell(Remedy.Kind.LITIGATION_AFTER_RECONSIDERATION, Remedy.Result.CORRECTED));
	}

	/** The applicant type of a table 三 column key; null for the total column. */
	static ApplicantType applicantType(String columnKey) {
		return switch (columnKey) {
			case "naturalPerson" -> ApplicantType.NATURAL_PERSON;
			case "commercialEnterprise" -> ApplicantType.COMMERCIAL_ENTERPRISE;
			case "researchInstitution" -> ApplicantType.RESEARCH_INSTITUTION;
			case "publicInterestOrganisation" -> ApplicantType.PUBLIC_INTEREST_ORGANISATION;
			case "legalServiceInstitution" -> ApplicantType.LEGAL_SERVICE_INSTITUTION;
			case "other" -> ApplicantType.OTHER;
			case "total" -> null;
			default -> throw new IllegalArgumentException("unknown table 三 column " + columnKey);
		};
	}

	static Remedy.Kind remedyKind(String group) {
		return switch (group) {
			case "reconsideration" -> Remedy.Kind.RECONSIDERATION;
			case "litigationDirect" -> Remedy.Kind.LITIGATION_DIRECT;
			case "litigationAfterReconsideration" -> Remedy.Kind.LITIGATION_AFTER_RECONSIDERATION;
			default -> throw new IllegalArgumentException("unknown table 四 group " + group);
		};
	}

	/** The result of a table 四 column key; null for the group's total. */
	static Remedy.Result remedyResult(String result) {
		return switch (result) {
			case "upheld" -> Remedy.Result.UPHELD;
			case "corrected" -> Remedy.Result.CORRECTED;
			case "other" -> Remedy.Result.OTHER;
			case "pending" -> Remedy.Result.PENDING;
			case "total" -> null;
			default -> throw new IllegalArgumentException("unknown table 四 result " + result);
		};
	}
}
