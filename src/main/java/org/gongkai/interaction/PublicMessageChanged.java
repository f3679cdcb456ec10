package org.gongkai.interaction;

/**
 * A message's public entry appeared, changed or disappeared: for the search index and any other public copy.
 * {@code isPublic} false means remove it.
 */
public record PublicMessageChanged(long messageId, long agencyId, boolean isPublic) {
}
