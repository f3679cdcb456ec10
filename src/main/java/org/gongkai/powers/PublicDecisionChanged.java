package org.gongkai.powers;

/**
 * A decision's public page appeared, changed (replaced by its notice of withdrawal) or went away, so that the search
 * index adds, replaces or removes it. Published inside the changing transaction.
 *
 * @param isPublic whether the decision has a public page now (the decision itself, or its notice of withdrawal)
 */
public record PublicDecisionChanged(long decisionId, long agencyId, boolean isPublic) {
}
