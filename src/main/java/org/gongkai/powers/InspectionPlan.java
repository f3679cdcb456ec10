package org.gongkai.powers;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A random-inspection plan (抽查计划): which items, in which period, how many entities are drawn and how many
 * inspectors go to each (at least two: 双随机). It is public before the draw together with the announced source of
 * the public entropy that goes into the seed.
 *
 * @param entityCategory only entities of this category are candidates; null for the whole pool
 * @param entropySource what the public entropy of the draw will be, announced before the draw
 */
public record InspectionPlan(long id, long agencyId, String title, LocalDate periodFrom, LocalDate periodTo,
		String entityCategory, int entityCount, int inspectorsPerEntity, String entropySource, InspectionPlanStatus status,
		Instant publishedAt, Instant resultsPublishedAt, int version, String createdBy, Instant createdAt, Instant updatedAt) {
}
