package org.gongkai.oversight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.platform.CountedRecord;

/**
 * A yearly run of an assessment scheme (年度绩效考核) over the agencies the scheme assesses: a draft that the
 * supervisor computes (again) and completes with the manual rows, then finalises; a final run never changes.
 *
 * @param figuresOn the day the automatic rows' figures were computed for: 31 December of the year, or the day of the
 * computation when earlier
 */
public record AssessmentRun(long id, long schemeId, long rootAgencyId, int year, Status status, LocalDate figuresOn,
		Instant computedAt, Instant finalisedAt, String finalisedBy, String createdBy, Instant createdAt, int revision) {

	public enum Status {

		DRAFT("草稿"), FINAL("已定稿");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean isFinal() {
		return status == Status.FINAL;
	}

	/** One agency's score sheet in a run. */
	public record Sheet(long id, long runId, long agencyId, BigDecimal total, BigDecimal bonus, int rank, String grade) {
	}

	/**
	 * One item of a sheet.
	 *
	 * @param figureValue an automatic row's figure on the run's day
	 * @param amount a row's deduction or award after its cap; a first-level item's sum after its weight's cap
	 * @param score a first-level item's score (null for rows)
	 */
	public record Line(long id, long sheetId, long itemId, Long figureValue, BigDecimal amount, BigDecimal score,
			boolean capped, List<CountedRecord> records) {
	}

	/** The assessor's entry for a manual row of one agency, with the evidence (佐证材料). */
	public record Manual(long id, long runId, long agencyId, long itemId, BigDecimal amount, String note,
			String evidenceKey, String evidenceName, String enteredBy, Instant enteredAt) {
	}
}
