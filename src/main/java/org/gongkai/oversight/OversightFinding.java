package org.gongkai.oversight;

import java.time.LocalDate;

/**
 * A problem found in an inspection (存在问题) with its rectification: 整改措施, 整改责任主体, 整改期限 (working days through
 * the calendar, {@link OversightFindingRules}), the unit's rectification report and the supervisor's re-check.
 *
 * @param dueProvisional the deadline reaches a year whose holiday notice is not loaded (weekends only counted)
 * @param rechecks how many re-checks have not passed
 */
public record OversightFinding(long id, long inspectionId, Long rowId, long agencyId, String problem, String measures,
		String responsible, LocalDate foundOn, LocalDate dueOn, boolean dueProvisional, OversightFindingStatus status,
		String rectification, LocalDate rectifiedOn, LocalDate closedOn, int rechecks, int version) {

	/** Past its rectification deadline and still waiting for the unit's rectification. */
	public boolean overdue(LocalDate today) {
		return OversightFindingRules.overdue(this, today);
	}
}
