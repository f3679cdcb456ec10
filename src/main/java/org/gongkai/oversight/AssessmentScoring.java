package org.gongkai.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.oversight.AssessmentScheme.Item;
import org.gongkai.oversight.AssessmentScheme.Kind;

/**
 * The arithmetic of an assessment score sheet, without the database: every row's deduction (or award) from its
 * figure or the assessor's entry, capped at the row's own cap; every first-level item's sum capped at its weight
 * (「一级指标减分上限为自身权重」, 锦州 2020, oversight-rules.md §2.6; 「各个指标的扣除总和不超过该指标的总分」, 国办秘函〔2019〕19号,
 * §1.2); the total as the first-level items' weights less their deductions plus the capped bonus; and the ranking, where
 * equal totals share a rank and the next rank skips (1, 1, 3).
 */
public final class AssessmentScoring {

	private AssessmentScoring() {
	}

	/** One row of a sheet: the figure value (automatic rows), the deduction or award after the row's cap. */
	public record RowScore(Item item, Long figureValue, BigDecimal amount, boolean capped) {
	}

	/**
	 * One first-level item of a sheet: the sum of its rows after the weight's cap, and its score (weight less the
	 * deductions; for a bonus item the awards).
	 */
	public record ItemScore(Item item, BigDecimal amount, BigDecimal score, boolean capped, List<RowScore> rows) {
	}

	/** An agency's sheet: the first-level items, the bonus and the total. */
	public record Sheet(List<ItemScore> items, BigDecimal bonus, BigDecimal total) {
	}

	/**
	 * Scores one agency.
	 *
	 * @param figures the value of each figure key on the run's day (a key missing counts as 0)
	 * @param manual the assessor's deduction or award for each manual row id (missing: 0)
	 */
	public static Sheet score(AssessmentScheme scheme, Map<String, Long> figures, Map<Long, BigDecimal> manual) {
		List<ItemScore> items = new ArrayList<>();
		BigDecimal base = BigDecimal.ZERO;
		BigDecimal bonus = BigDecimal.ZERO;
		for (Item first : scheme.firstLevel()) {
			boolean isBonus = first.kind() == Kind.BONUS;
			List<RowScore> rows = new ArrayList<>();
			BigDecimal sum = BigDecimal.ZERO;
			for (Item row : scheme.rowsOf(first.id())) {
				RowScore r = row(row, figures, manual, isBonus);
				rows.add(r);
				sum = sum.add(r.amount());
			}
			BigDecimal weight = first.points() == null ? BigDecimal.ZERO : first.points();
			boolean capped = sum.compareTo(weight) > 0;
			BigDecimal amount = capped ? weight : sum;
			BigDecimal score = isBonus ? amount : weight.subtract(amount);
			items.add(new ItemScore(first, two(amount), two(score), capped, rows));
			if (isBonus) {
				bonus = bonus.add(score);
			}
			else {
				base = base.add(score);
			}
		}
		return new Sheet(items, two(bonus), two(base.add(bonus)));
	}

	static RowScore row(Item row, Map<String, Long> figures, Map<Long, BigDecimal> manual, boolean bonus) {
		Long value = null;
		BigDecimal raw;
		if (row.automatic()) {
			value = row.figureKey() == null ? 0L : figures.getOrDefault(row.figureKey(), 0L);
			BigDecimal unit = row.unitPoints() == null ? BigDecimal.ZERO : row.unitPoints();
			raw = switch (row.rule()) {
				case PER_ITEM -> unit.multiply(BigDecimal.valueOf(Math.max(0, value)));
				case ONCE -> value >= row.thresholdOrOne() ? unit : BigDecimal.ZERO;
				case THRESHOLD_AWARD -> bonus ? BigDecimal.ZERO : value >= row.thresholdOrOne() ? BigDecimal.ZERO : unit;
			};
		}
		else {
			raw = manual.getOrDefault(row.id(), BigDecimal.ZERO);
		}
		BigDecimal cap = row.rowCap();
		boolean capped = cap != null && raw.compareTo(cap) > 0;
		return new RowScore(row, value, two(capped ? cap : raw), capped);
	}

	/** A ranked entry. */
	public record Ranked<T>(T subject, BigDecimal total, int rank) {
	}

	/** Ranks by total, highest first; equal totals share a rank and the next rank skips (1, 1, 3). */
	public static <T> List<Ranked<T>> rank(Map<T, BigDecimal> totals) {
		List<Map.Entry<T, BigDecimal>> sorted = new ArrayList<>(totals.entrySet());
		sorted.sort(Map.Entry.<T, BigDecimal>comparingByValue(Comparator.reverseOrder()));
		List<Ranked<T>> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			BigDecimal total = sorted.get(i).getValue();
			int rank = i > 0 && total.compareTo(sorted.get(i - 1).getValue()) == 0 ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new Ranked<>(sorted.get(i).getKey(), total, rank));
		}
		return ranked;
	}

	/** Ranks in a map form: subject → rank. */
	public static <T> Map<T, Integer> ranks(Map<T, BigDecimal> totals) {
		Map<T, Integer> out = new LinkedHashMap<>();
		rank(totals).forEach(r -> out.put(r.subject(), r.rank()));
		return out;
	}

	static BigDecimal two(BigDecimal v) {
		return v.setScale(2, RoundingMode.HALF_UP);
	}

	/** Points as people write them: 6, 0.5, 7.25 (no trailing zeros). */
	public static String plain(BigDecimal v) {
		if (v == null) {
			return "";
		}
		BigDecimal s = v.stripTrailingZeros();
		return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
	}
}
