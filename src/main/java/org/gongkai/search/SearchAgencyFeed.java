package org.gongkai.search;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.AgencyActivationChanged;
import org.gongkai.platform.SearchSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An abolished agency's records leave the portal with it, and come back when it is restored; their modules publish
 * nothing per record then. Abolished: every entry the index holds for the agency is read again through its source
 * (which now gives nothing, so it leaves). Restored: every source's public records of the agency are read again. For
 * every kind, so that a new kind needs nothing here.
 */
@Component
class SearchAgencyFeed {

	private final SearchIndexer indexer;

	private final SearchEngine engine;

	SearchAgencyFeed(SearchIndexer indexer, SearchEngine engine) {
		this.indexer = indexer;
		this.engine = engine;
	}

	@ApplicationModuleListener
	public void on(AgencyActivationChanged event) {
		if (!event.active()) {
			engine.keysOfAgency(event.agencyId()).forEach(indexer::refreshAll);
			return;
		}
		for (SearchSource source : indexer.sources()) {
			List<Long> ids = new ArrayList<>();
			source.forEachPublicOfAgency(event.agencyId(), entry -> ids.add(entry.id()));
			indexer.refreshAll(source.kind(), ids);
		}
	}
}
