package org.gongkai.organisation;

import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the search index in step with the agencies' public pages, after each change committed. */
@Component
class OrganisationSearchFeed {

	private final SearchIndexing indexing;

	OrganisationSearchFeed(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	@ApplicationModuleListener
	public void on(AgencyChanged event) {
		indexing.refresh(AgencySearchSource.KIND, event.agencyId());
	}
}
