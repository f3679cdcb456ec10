package org.gongkai.interaction;

import java.time.LocalDate;
import java.util.List;

/**
 * A motion as the dispatcher (交办单位) registers it.
 *
 * @param sessionLabel the meeting, e.g. 县十八届人大三次会议; null takes the year's label for the kind
 * @param proposerContact the proposers' contact details: for the handling units only, never published
 * @param leadUnit the lead unit's agency id
 * @param coUnits the co-handling units' agency ids
 * @param dueOn an explicit reply deadline for this motion; null follows the year's arrangement
 */
public record MotionRegistration(Integer year, MotionKind kind, String number, String sessionLabel, String title,
		String content, String proposers, String proposerContact, Long leadUnit, List<Long> coUnits, LocalDate assignedOn,
		LocalDate dueOn) {
}
