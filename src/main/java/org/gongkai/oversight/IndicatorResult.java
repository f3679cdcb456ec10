package org.gongkai.oversight;

import java.math.BigDecimal;
import java.util.List;

import org.gongkai.platform.CountedRecord;

/**
 * One indicator applied to an agency's figure.
 *
 * @param points the points deducted (positive) or added under this indicator, after its cap and without records
 * already deducted under another indicator of its group
 * @param counted the records this indicator deducted for (for PER_ITEM and ONCE), or the records behind the figure
 * @param message the Chinese line the dashboards show, e.g. 「预警：空白栏目 3 个，达到 5 个即单项否决」
 */
public record IndicatorResult(String code, String name, String figureKey, IndicatorRuleType ruleType, long value,
		long soon, IndicatorState state, BigDecimal points, List<CountedRecord> counted, String message,
		boolean confirmed) {

	public IndicatorResult {
		counted = counted == null ? List.of() : List.copyOf(counted);
	}
}
