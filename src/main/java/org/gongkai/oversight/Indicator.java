package org.gongkai.oversight;

import java.math.BigDecimal;

/**
 * One indicator of the catalogue ({@code ov_indicator}): what figure it reads, how it acts on the score, its
 * thresholds, points and cap, and where the rule comes from.
 *
 * @param threshold a veto fires, and a ONCE deduction or a bonus applies, when the figure reaches it
 * @param warnThreshold a veto indicator warns from this value on (null: none)
 * @param usesSoon a veto indicator also warns when the figure plus the items that will count soon reaches the threshold
 * @param points points deducted (per unit for PER_ITEM) or added
 * @param cap the most this indicator deducts or adds (null: no cap but the points themselves for ONCE)
 * @param dedupGroup indicators of one group never deduct for the same record twice (不重复扣分)
 * @param confirmed false when the value is not confirmed by a readable source (marked 待确认 in the console)
 */
public record Indicator(long id, String code, String category, String name, String figureKey,
		IndicatorRuleType ruleType, String windowText, BigDecimal threshold, BigDecimal warnThreshold, boolean usesSoon,
		BigDecimal points, BigDecimal cap, String dedupGroup, String sourceText, boolean confirmed, boolean editable,
		boolean active, int sortOrder, int version) {
}
