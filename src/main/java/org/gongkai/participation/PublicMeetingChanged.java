package org.gongkai.participation;

/**
 * A meeting's public page appeared, changed or disappeared (announcement, agenda, live link, decided items, materials):
 * for the search index and any other public copy. {@code isPublic} false means remove it.
 */
public record PublicMeetingChanged(long meetingId, long agencyId, boolean isPublic) {
}
