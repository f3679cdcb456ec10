package org.gongkai.report;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of a report's tables 二–四, keyed by {@link ReportLayout.Block#cellKey} (for example
 * {@code t3.r1.naturalPerson}, {@code t2.fees.amount}, {@code t4.remedies.reconsideration.total}). A missing cell
 * reads as zero, except an amount that was never entered ({@link #isBlank}).
 */
public record ReportCells(Map<String, BigDecimal> values) {

	public ReportCells {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public static ReportCells empty() {
		return new ReportCells(Map.of());
	}

	public BigDecimal get(String cellKey) {
		return values.getOrDefault(cellKey, BigDecimal.ZERO);
	}

	public int count(String cellKey) {
		return get(cellKey).intValueExact();
	}

	public boolean isBlank(String cellKey) {
		return !values.containsKey(cellKey);
	}

	public ReportCells with(String cellKey, BigDecimal value) {
		Map<String, BigDecimal> copy = new LinkedHashMap<>(values);
		if (value == null) {
			copy.remove(cellKey);
		}
		else {
			copy.put(cellKey, value);
		}
		return new ReportCells(copy);
	}
}
