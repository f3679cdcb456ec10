package org.gongkai.participation;

/** An agenda item as staff typed it; {@code sortOrder} empty appends it at the end. */
record MeetingItemDraft(String title, String proposer, boolean isPublic, boolean openToApplications, String sortOrder) {
}
