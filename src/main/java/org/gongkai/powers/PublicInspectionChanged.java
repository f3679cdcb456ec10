package org.gongkai.powers;

/**
 * A random-inspection plan became public, was drawn, or had its results published, so that the search index adds
 * or replaces it. Published inside the changing transaction.
 *
 * @param id the plan
 * @param isPublic whether the plan is public now
 */
public record PublicInspectionChanged(long id, long agencyId, boolean isPublic) {
}
