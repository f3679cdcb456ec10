package org.gongkai.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public meetings (会议公开) for the site search, read through {@link MeetingQueries#publicMeeting}, the same view the
 * meeting's public page shows: the public agenda items only (a non-public item's text is never read here, only the
 * page's count of them), the decided items once published, and the materials' titles; staff texts masked.
 */
@Component
@Transactional(readOnly = true)
class MeetingSearchSource implements SearchSource {

	static final String KIND = "meeting";

	/** How many public meetings are read per page for a rebuild. */
	private static final int PAGE = 200;

	private final MeetingQueries queries;

	MeetingSearchSource(MeetingQueries queries) {
		this.queries = queries;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "会议公开";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicMeeting(id).map(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (int offset = 0;; offset += PAGE) {
			List<MeetingQueries.PublicLine> lines = queries.publicMeetings(null, null, null, offset, PAGE).lines();
			for (MeetingQueries.PublicLine l : lines) {
				publicEntry(l.meeting().id()).ifPresent(sink);
			}
			if (lines.size() < PAGE) {
				return;
			}
		}
	}

	private SearchEntry entry(MeetingQueries.PublicMeeting p) {
		Meeting m = p.meeting();
		List<String> parts = new ArrayList<>();
		parts.add(p.agency().name() + " " + m.type().label());
		parts.add("会议时间：" + p.startsAt());
		parts.add(m.place());
		for (MeetingItem i : p.items()) {
			parts.add(i.title());
			parts.add(i.proposer());
		}
		for (MeetingQueries.PublicDecided d : p.decided()) {
			parts.add(d.itemTitle());
			parts.add(d.content());
		}
		for (MeetingMaterial x : p.materials()) {
			parts.add(x.title());
		}
		Instant at = m.publishedAt() == null ? m.startsAt() : m.publishedAt();
		if (m.outcomePublishedAt() != null && m.outcomePublishedAt().isAfter(at) && p.outcomePublished()) {
			at = m.outcomePublishedAt();
		}
		LocalDate date = LocalDate.ofInstant(at, Zones.CHINA);
		return new SearchEntry(KIND, m.id(), m.agencyId(), p.path(), org.gongkai.platform.PersonalDataScanner.mask(m.title()),
				SearchEntry.lines(parts), null, date, null, null, false);
	}
}
