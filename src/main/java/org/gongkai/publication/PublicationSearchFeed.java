package org.gongkai.publication;

import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the public items, after each change committed: a published, corrected,
 * withdrawn or repealed item is read again. (An abolished or restored agency's items are read again by the search
 * module itself, on {@code AgencyActivationChanged}.)
 */
@Component
class PublicationSearchFeed {

	private final SearchIndexing indexing;

	PublicationSearchFeed(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	@ApplicationModuleListener
	public void on(PublicDocumentChanged event) {
		indexing.refresh(DocumentSearchSource.KIND, event.documentId());
	}
}
