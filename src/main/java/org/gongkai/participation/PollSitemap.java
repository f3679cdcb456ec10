package org.gongkai.participation;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.SitemapContributor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The public addresses of the polls for the sitemap — the list and every public poll — and the bridge that tells the
 * shared pages when a poll appeared on, changed on or left the portal (not on each answer).
 */
@Component
class PollSitemap implements SitemapContributor {

	private final PollQueries queries;

	private final AgencyDirectory agencies;

	private final ApplicationEventPublisher events;

	PollSitemap(PollQueries queries, AgencyDirectory agencies, ApplicationEventPublisher events) {
		this.queries = queries;
		this.agencies = agencies;
		this.events = events;
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(PollQueries.LIST);
		for (Poll p : queries.publicPolls()) {
			if (agencies.findById(p.agencyId()).map(Agency::active).orElse(false)) {
				paths.add(PollQueries.path(p.id()));
			}
		}
		return paths;
	}

	@ApplicationModuleListener
	void on(PublicPollChanged event) {
		if (!event.answersOnly()) {
			events.publishEvent(new PublicPagesChanged(event.agencyId()));
		}
	}
}
