package org.gongkai.publication;

import org.gongkai.organisation.AgencyChanged;
import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the public items, after each change committed: a published, corrected,
 * withdrawn or repealed item is read again; when an agency changed (abolished or restored) all its published items
 * are, since an abolished agency's items leave the portal.
 */
@Component
class PublicationSearchFeed {

	private final SearchIndexing indexing;

	private final DocumentSearchSource source;

	PublicationSearchFeed(SearchIndexing indexing, DocumentSearchSource source) {
		this.indexing = indexing;
		this.source = source;
	}

	@ApplicationModuleListener
	public void on(PublicDocumentChanged event) {
		indexing.refresh(DocumentSearchSource.KIND, event.documentId());
	}

	@ApplicationModuleListener
	public void on(AgencyChanged event) {
		source.publishedOf(event.agencyId()).forEach(id -> indexing.refresh(DocumentSearchSource.KIND, id));
	}
}
