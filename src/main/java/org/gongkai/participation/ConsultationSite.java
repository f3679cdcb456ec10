package org.gongkai.participation;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.SitemapContributor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The public addresses of consultations for the sitemap (the list and every public consultation; pages are rendered
 * on request), and the sitemap's follow-up when a consultation appears on, changes on or leaves the portal.
 */
@Component
class ConsultationSite implements SitemapContributor {

	private final ConsultationQueries queries;

	private final ApplicationEventPublisher events;

	ConsultationSite(ConsultationQueries queries, ApplicationEventPublisher events) {
		this.queries = queries;
		this.events = events;
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(ConsultationKind.LIST);
		for (Consultation c : queries.publicAll()) {
			paths.add(ConsultationKind.path(c.id()));
		}
		return paths;
	}

	@ApplicationModuleListener
	void on(PublicConsultationChanged event) {
		events.publishEvent(new PublicPagesChanged(event.agencyId()));
	}
}
