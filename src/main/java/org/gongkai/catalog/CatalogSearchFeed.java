package org.gongkai.catalog;

import org.gongkai.organisation.AgencyChanged;
import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the catalogues, after each change committed. {@link CatalogChanged} names only
 * the agency, so every node of its tree is read again (a node that became hidden, or sits under one, leaves the
 * index); the same when the agency changed (abolished or restored). Nodes are never deleted, only hidden.
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

	private void refreshAgency(long agencyId) {
		source.nodeIdsOf(agencyId).forEach(id -> indexing.refresh(CatalogueSearchSource.KIND, id));
	}
}
