package org.gongkai.interpretation;

import org.gongkai.organisation.AgencyChanged;
import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with interpretations and responses to public concern, after each change committed.
 * An interpretation whose policy stops being public is hidden by the module, which announces it with
 * {@link InterpretationChanged}; when an agency changed (abolished or restored) all its published records are read
 * again.
 */
@Component
class InterpretationSearchFeed {

	private final SearchIndexing indexing;

	private final InterpretationSearchSource interpretations;

	private final ConcernSearchSource concerns;

	InterpretationSearchFeed(SearchIndexing indexing, InterpretationSearchSource interpretations,
			ConcernSearchSource concerns) {
		this.indexing = indexing;
		this.interpretations = interpretations;
		this.concerns = concerns;
	}

	@ApplicationModuleListener
	public void on(InterpretationChanged event) {
		indexing.refresh(InterpretationSearchSource.KIND, event.interpretationId());
	}

	@ApplicationModuleListener
	public void on(ConcernResponseChanged event) {
		indexing.refresh(ConcernSearchSource.KIND, event.responseId());
	}

	@ApplicationModuleListener
	public void on(AgencyChanged event) {
		interpretations.publishedOf(event.agencyId())
			.forEach(id -> indexing.refresh(InterpretationSearchSource.KIND, id));
		concerns.publishedOf(event.agencyId()).forEach(id -> indexing.refresh(ConcernSearchSource.KIND, id));
	}
}
