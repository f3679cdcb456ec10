package org.gongkai.participation;

import java.util.List;

/**
 * A decided item as staff typed it: the public agenda item it settles (empty for a standalone one), its text, and
 * references to records of other kinds as {@code kind:id} strings (e.g. {@code decision:7}).
 */
record MeetingDecidedDraft(String itemId, String content, List<String> links, String sortOrder) {

	MeetingDecidedDraft {
		links = links == null ? List.of() : List.copyOf(links);
	}
}
