package org.gongkai.interaction;

/**
 * A motion's public state or public text changed (published, republished with a new text, or withdrawn), so that
 * the search index adds, replaces or removes it. Published inside the changing transaction.
 *
 * @param agencyId the lead unit
 * @param isPublic whether the motion's reply is public now
 */
public record PublicMotionChanged(long motionId, long agencyId, boolean isPublic) {
}
