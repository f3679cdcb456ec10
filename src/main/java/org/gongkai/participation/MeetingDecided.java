package org.gongkai.participation;

import java.util.List;

/**
 * One decided item (议定事项) of a meeting, for a public agenda item ({@code itemId}) or standalone, with its references to
 * records of other participation kinds (a major decision, a consultation).
 */
record MeetingDecided(long id, long meetingId, Long itemId, int sortOrder, String content, List<MeetingLinkRef> links) {

	MeetingDecided {
		links = List.copyOf(links);
	}

	/** A stored reference (kind, id) to another participation record. */
	record MeetingLinkRef(String kind, long targetId) {
	}
}
