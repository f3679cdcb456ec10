package org.gongkai.powers;

import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the site search in step with the power lists, service guides, enforcement decisions and inspection plans:
 * after each change committed, the record is read again through its {@link org.gongkai.platform.SearchSource} and
 * added, replaced or removed.
 */
@Component
class PowersSearchFeed {

	private final SearchIndexing indexing;

	PowersSearchFeed(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	@ApplicationModuleListener
	void on(PublicPowerChanged event) {
		indexing.refresh(PowerItemSearchSource.KIND, event.itemId());
	}

	@ApplicationModuleListener
	void on(PublicServiceChanged event) {
		indexing.refresh(ServiceGuideSearchSource.KIND, event.itemId());
	}

	@ApplicationModuleListener
	void on(PublicDecisionChanged event) {
		indexing.refresh(EnforcementSearchSource.KIND, event.decisionId());
	}

	@ApplicationModuleListener
	void on(PublicInspectionChanged event) {
		indexing.refresh(InspectionSearchSource.KIND, event.id());
	}
}
