package org.gongkai.participation;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.SitemapContributor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The public addresses of open meetings for the sitemap (the list, the tracking page, every public meeting), kept current. */
@Component
class MeetingSite implements SitemapContributor {

	private final MeetingQueries queries;

	private final ApplicationEventPublisher events;

	MeetingSite(MeetingQueries queries, ApplicationEventPublisher events) {
		this.queries = queries;
		this.events = events;
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(MeetingQueries.LIST);
		paths.add(MeetingQueries.TRACK);
		for (MeetingQueries.PublicLine p : queries.publicMeetings(null, null, null, 0, Integer.MAX_VALUE).lines()) {
			paths.add(p.path());
		}
		return paths;
	}

	/** A meeting appeared on, changed on or left the portal: the sitemap must follow. */
	@ApplicationModuleListener
	void on(PublicMeetingChanged event) {
		events.publishEvent(new PublicPagesChanged(event.agencyId()));
	}
}
