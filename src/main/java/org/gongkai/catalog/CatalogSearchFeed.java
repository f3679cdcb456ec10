package org.gongkai.catalog;

import org.gongkai.organisation.AgencyChanged;
import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the catalogues' columns, after each change committed. {@link CatalogChanged}
 * names only the agency, and so does {@link AgencyChanged} (a new agency's catalogue is seeded with it): the agency's
 * columns (about thirty) are read again and written in one batch. Nodes are never deleted, only hidden.
 */
@Component
class CatalogSearchFeed {

	private final SearchIndexing indexing;

	private final CatalogueSearchSource source;

	CatalogSearchFeed(SearchIndexing indexing, CatalogueSearchSource source) {
		this.indexing = indexing;
		this.source = source;
	}

	@ApplicationModuleListener
	public void on(CatalogChanged event) {
		refreshAgency(event.agencyId());
	}

	@ApplicationModuleListener
	public void on(AgencyChanged event) {
		refreshAgency(event.agencyId());
	}

	void refreshAgency(long agencyId) {
		indexing.refreshAll(CatalogueSearchSource.KIND, source.columnIdsOf(agencyId));
	}
}
