package org.gongkai.participation;

/**
 * One agenda item (议题) of a meeting, in order. A non-public item's title never reaches a public page; attendance may be
 * applied for only on a public item open to applications (seed 001 item 2: the proposing unit decides whether people
 * are invited and whether the item is public).
 */
record MeetingItem(long id, long meetingId, int sortOrder, String title, String proposer, boolean isPublic,
		boolean openToApplications) {
}
