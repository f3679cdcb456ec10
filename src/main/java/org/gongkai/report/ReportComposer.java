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
import org.gongkai.participation.ParticipationStatistics;
import org.gongkai.powers.DecisionKind;
import org.gongkai.powers.EnforcementStatistics;
import org.gongkai.publication.PublicationStatistics;
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

	private final PublicationStatistics publication;

	private final ParticipationStatistics participation;

	ReportComposer(RequestStatistics requests, EnforcementStatistics enforcement,
			InterpretationStatistics interpretations, InteractionStatistics interaction, MotionStatistics motions,
			PublicationStatistics publication, ParticipationStatistics participation) {
		this.publication = publication;
		this.participation = participation;
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
		PublicationStatistics.NormativeFigures normative = publication.normative(agencyId, year);
		for (ReportLayout.Block block : tables.table2()) {
			for (ReportLayout.Row row : block.rows()) {
				for (ReportLayout.Column column : block.columns()) {
					BigDecimal v = table2Cell(row.key(), column.key(), t2, normative);
					if (v != null) {
						cells.put(block.cellKey(row, column), v);
					}
				}
			}
		}
	}

	/** One cell of table 二 (2021 format); null leaves it blank (a fee amount never entered). */
	private static BigDecimal table2Cell(String row, String column, EnforcementStatistics.Table2 t2,
			PublicationStatistics.NormativeFigures n) {
		return switch (row) {
			case "rules" -> BigDecimal.valueOf(switch (column) {
				case "issued" -> n.rulesIssued();
				case "repealed" -> n.rulesRepealed();
				case "inForce" -> n.rulesInForce();
				default -> throw new IllegalArgumentException("unknown column " + column);
			});
			case "normativeDocuments" -> BigDecimal.valueOf(switch (column) {
				case "issued" -> n.normativeIssued();
				case "repealed" -> n.normativeRepealed();
				case "inForce" -> n.normativeInForce();
				default -> throw new IllegalArgumentException("unknown column " + column);
			});
			case "licences" -> BigDecimal.valueOf(t2.licences());
			case "penalties" -> BigDecimal.valueOf(t2.penalties());
			case "compulsoryMeasures" -> BigDecimal.valueOf(t2.compulsoryMeasures());
			case "fees" -> t2.feesTenThousandYuan();
			default -> throw new IllegalArgumentException("unknown table 二 row " + row);
		};
	}

	/**
	 * The records behind a cell of a composed (not imported) 2021-format report, from the owning module's records
	 * method; empty for a total column of table 三 or 四 (its records are those of the cells it adds up) and for the
	 * fee amount, which is entered, not counted.
	 */
	List<CountedRecord> records(long agencyId, int year, String cellKey) {
		return Actors.callAsSystem(() -> recordsAsSystem(agencyId, year, cellKey));
	}

	private List<CountedRecord> recordsAsSystem(long agencyId, int year, String cellKey) {
		ReportLayout.Tables tables = ReportLayout.of(ReportFormat.F2021);
		for (ReportLayout.Block block : tables.blocks()) {
			for (ReportLayout.Row row : block.rows()) {
				for (ReportLayout.Column column : block.columns()) {
					if (block.cellKey(row, column).equals(cellKey)) {
						return records(block, row, column, agencyId, year);
					}
				}
			}
		}
		return List.of();
	}

	private List<CountedRecord> records(ReportLayout.Block block, ReportLayout.Row row, ReportLayout.Column column,
			long agencyId, int year) {
		switch (block.table()) {
			case "t2" -> {
				return switch (row.key()) {
					case "rules" -> publication.normativeRecords(agencyId, year, true, column.key());
					case "normativeDocuments" -> publication.normativeRecords(agencyId, year, false, column.key());
					case "licences" -> enforcement.records(agencyId, year, DecisionKind.LICENCE);
					case "penalties" -> enforcement.records(agencyId, year, DecisionKind.PENALTY);
					case "compulsoryMeasures" -> enforcement.records(agencyId, year, DecisionKind.COMPULSORY_MEASURE);
					default -> List.of();
				};
			}
			case "t3" -> {
				return requests.table3Records(agencyId, year, row.key(), applicantType(column.key()));
			}
			default -> {
				String[] parts = column.key().split("\\.");
				return requests.table4Records(agencyId, year, remedyKind(parts[0]), remedyResult(parts[1]));
			}
		}
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
		PublicationStatistics.NormativeFigures n = publication.normative(agencyId, year);
		PublicationStatistics.ProactiveFigures p = publication.proactive(agencyId, year);
		ParticipationStatistics.Figures pt = participation.year(agencyId, year);
		RequestStatistics.FeeFigures fees = requests.fees(agencyId, year);
		List<ReportFacts.ColumnCount> byColumn = new ArrayList<>();
		for (PublicationStatistics.NodeCount c : p.byColumn()) {
			byColumn.add(new ReportFacts.ColumnCount(c.code(), c.title(), c.count()));
		}
		return new ReportFacts(year, p.published(), p.onTime(), p.late(), List.copyOf(byColumn), n.rulesIssued(),
				n.normativeIssued(), n.normativeRepealed(), n.normativeInForce(), (int) interp.interpretations(),
				interp.late(), pt.consultations(), pt.consultationsClosed(),
				Math.max(0, pt.consultationsClosed() - pt.feedbackPublished()), pt.comments(), pt.adopted(),
				pt.partlyAdopted(), pt.notAdopted(), pt.majorDecisions() + pt.meetings(), messages.received(), messages.replied(), messages.onTime(), m.suggestions(),
				m.proposals(), m.published(), m.publicationLate(), t3.total("new"), t3.total("carriedIn"),
				t3.total("rTotal"), t3.total("carriedOut"), perf.onTime(), perf.replied() - perf.onTime(), fees.noticesSent(),
				fees.paid(), fees.collectedYuan() == null ? BigDecimal.ZERO : fees.collectedYuan(), t4.total(Remedy.Kind.RECONSIDERATION),
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
