package org.gongkai.publication;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyChanged;
import org.gongkai.organisation.AgencyDirectory;
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

	private final AgencyDirectory agencies;

	/** Whether each agency was active when this node last looked (an agency's records leave the portal with it). */
	private final Map<Long, Boolean> lastActive = new ConcurrentHashMap<>();

	PublicationSearchFeed(SearchIndexing indexing, DocumentSearchSource source, AgencyDirectory agencies) {
		this.agencies = agencies;
		this.indexing = indexing;
		this.source = source;
	}

	@ApplicationModuleListener
	public void on(PublicDocumentChanged event) {
		indexing.refresh(DocumentSearchSource.KIND, event.documentId());
	}

	/**
	 * Only abolishing or restoring an agency changes its records' publicness; its other changes (office, contacts,
	 * name) do not touch them. The first change of an agency seen since the start counts as a possible one.
	 */
	private boolean activeFlagMayHaveChanged(long agencyId) {
		boolean active = agencies.findById(agencyId).map(Agency::active).orElse(false);
		Boolean before = lastActive.put(agencyId, active);
		return before == null || before != active;
	}

	@ApplicationModuleListener
	public void on(AgencyChanged event) {
		if (activeFlagMayHaveChanged(event.agencyId())) {
			indexing.refreshAll(DocumentSearchSource.KIND, source.publishedOf(event.agencyId()));
		}
	}
}
