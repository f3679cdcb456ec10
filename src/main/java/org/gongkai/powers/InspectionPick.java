package org.gongkai.powers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A drawn entity, its inspectors and, once recorded, the result of the inspection.
 *
 * @param rank 1-based, in drawn order
 */
public record InspectionPick(long drawId, int rank, String entityKey, List<String> inspectorKeys, InspectionOutcome outcome,
		String note, LocalDate checkedOn, String recordedBy, Instant recordedAt) {
}
