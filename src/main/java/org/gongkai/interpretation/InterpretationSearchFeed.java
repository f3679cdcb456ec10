package org.gongkai.interpretation;

import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with interpretations and responses to public concern, after each change committed.
 * An interpretation whose policy stops being public is hidden by the module, which announces it with
 * {@link InterpretationChanged}. (An abolished or restored agency's records are read again by the search module
 * itself, on {@code AgencyActivationChanged}.)
 */
@Component
class InterpretationSearchFeed {

	private final SearchIndexing indexing;

	InterpretationSearchFeed(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	@ApplicationModuleListener
	public void on(InterpretationChanged event) {
		indexing.refresh(InterpretationSearchSource.KIND, event.interpretationId());
	}

	@ApplicationModuleListener
	public void on(ConcernResponseChanged event) {
		indexing.refresh(ConcernSearchSource.KIND, event.responseId());
	}

}
