package org.gongkai.participation;

/**
 * An item of a major-decision catalogue appeared on, changed on or left the portal (its catalogue was published, it was
 * added, adjusted, a public stage was recorded, it was decided, evaluated, suspended or removed), so that the search
 * index adds, replaces or drops it. Published inside the changing transaction.
 *
 * @param id the item
 * @param agencyId the agency whose catalogue holds it
 * @param isPublic whether the item is on the portal now
 */
public record PublicMajorDecisionChanged(long id, long agencyId, boolean isPublic) {
}
