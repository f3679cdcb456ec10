package org.gongkai.interpretation;

/** A response to public concern was published or withdrawn: its page and the 回应关切 columns follow. */
public record ConcernResponseChanged(long responseId, long agencyId) {
}
