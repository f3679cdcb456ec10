package org.gongkai.powers;

/**
 * Published after a service item or its guide changed, for the search index: {@code isPublic} tells whether the
 * item's guide is published.
 */
public record PublicServiceChanged(long itemId, long agencyId, boolean isPublic) {
}
