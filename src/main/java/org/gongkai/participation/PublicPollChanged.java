package org.gongkai.participation;

/**
 * A poll's public entry appeared, changed or disappeared: for the search index and any other public copy.
 * {@code isPublic} false means remove it; {@code answersOnly} true when only the number of participants (and
 * live results) changed, so that shared pages such as the sitemap need not be rewritten.
 */
public record PublicPollChanged(long pollId, long agencyId, boolean isPublic, boolean answersOnly) {
}
