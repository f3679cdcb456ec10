package org.gongkai.powers;

/**
 * Published after a power-list item was added, adjusted or removed, for the search index: {@code isPublic} is false
 * when the item left the current list.
 */
public record PublicPowerChanged(long itemId, long agencyId, boolean isPublic) {
}
