package org.gongkai.oversight;

import java.time.LocalDate;
import java.util.List;

/**
 * A quarterly inspection round (季度督查) of the supervisor over a scope of units.
 *
 * @param agencyId the supervising agency (政务公开办's government)
 * @param unitIds the units inspected
 */
public record OversightInspection(long id, long agencyId, String title, int year, int quarter, LocalDate inspectedOn,
		boolean closed, List<Long> unitIds, String createdBy) {

	public OversightInspection {
		unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
	}

	public String period() {
		return year + "年第" + quarter + "季度";
	}
}
