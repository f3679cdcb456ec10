package org.gongkai.interpretation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyChanged;
import org.gongkai.organisation.AgencyDirectory;
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

	private final AgencyDirectory agencies;

	/** Whether each agency was active when this node last looked (an agency's records leave the portal with it). */
	private final Map<Long, Boolean> lastActive = new ConcurrentHashMap<>();

	InterpretationSearchFeed(SearchIndexing indexing, InterpretationSearchSource interpretations,
			ConcernSearchSource concerns, AgencyDirectory agencies) {
		this.agencies = agencies;
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
			indexing.refreshAll(InterpretationSearchSource.KIND, interpretations.publishedOf(event.agencyId()));
			indexing.refreshAll(ConcernSearchSource.KIND, concerns.publishedOf(event.agencyId()));
		}
	}
}
