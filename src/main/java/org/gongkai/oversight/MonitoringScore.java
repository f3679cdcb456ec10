package org.gongkai.oversight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An agency's score of the automatic inspection on a day (see {@link MonitoringRules}).
 *
 * @param deductionScore 100 minus the capped deductions
 * @param bonus the bonus points, counted only when the deduction score is above 80, at most the bonus cap
 * @param score the deduction score plus the bonus
 * @param vetoed a single-veto item fired: the site is 不合格 whatever its score
 * @param passed not vetoed and a deduction score of at least 60
 */
public record MonitoringScore(long agencyId, LocalDate on, BigDecimal score, BigDecimal deductionScore,
		BigDecimal bonus, boolean vetoed, boolean passed, List<IndicatorResult> results) {

	public MonitoringScore {
		results = List.copyOf(results);
	}

	public long vetoes() {
		return results.stream().filter(r -> r.state() == IndicatorState.VETO).count();
	}

	public long warnings() {
		return results.stream().filter(r -> r.state() == IndicatorState.WARN).count();
	}

	/** 合格 / 不合格 as the console shows it. */
	public String verdict() {
		return vetoed ? "不合格（单项否决）" : passed ? "合格" : "不合格（低于60分）";
	}
}
