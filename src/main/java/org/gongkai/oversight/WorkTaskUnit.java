package org.gongkai.oversight;

import java.time.Instant;

/**
 * One responsible unit's item of a task row: its claim (认领) with the measures (具体工作措施), the office, the person
 * in charge and the phone (staff only; never public), and its closing (销号).
 *
 * @param byHand whether the supervisor assigned the unit by hand rather than from the 责任单位 text
 */
public record WorkTaskUnit(long id, long taskId, long agencyId, boolean byHand, WorkTaskUnitStatus status,
		String measures, String office, String person, String phone, String claimedBy, Instant claimedAt,
		String closedBy, Instant closedAt, String closeNote, int version) {
}
