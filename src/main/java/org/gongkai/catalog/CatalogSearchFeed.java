package org.gongkai.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gongkai.organisation.AgencyChanged;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the catalogues' columns, after each change committed. {@link CatalogChanged}
 * names only the agency, and so does {@link AgencyChanged} (a new agency's catalogue is seeded with it; an abolished
 * agency's columns leave the portal): the agency's columns are read again, and those whose entry differs from what
 * this node last gave the index are refreshed (all of them the first time an agency is seen after a start), so that
 * the many changes of an agency's office data do not rewrite its columns. Nodes are never deleted, only hidden.
 */
@Component
class CatalogSearchFeed {

	private final SearchIndexing indexing;

	private final CatalogueSearchSource source;

	private final AgencyDirectory agencies;

	/** Per agency: column id → hash of the entry last given to the index (0 for none). */
	private final Map<Long, Map<Long, Integer>> indexed = new ConcurrentHashMap<>();

	/** One refresh of an agency at a time (refreshes of different agencies run side by side). */
	private final Map<Long, Object> locks = new ConcurrentHashMap<>();

	CatalogSearchFeed(SearchIndexing indexing, CatalogueSearchSource source, AgencyDirectory agencies) {
		this.indexing = indexing;
		this.source = source;
		this.agencies = agencies;
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
		synchronized (locks.computeIfAbsent(agencyId, k -> new Object())) {
			Map<Long, Integer> now = new HashMap<>();
			source.columnIdsOf(agencyId).forEach(id -> now.put(id, 0));
			agencies.findById(agencyId).ifPresent(a -> source.publicOf(a).forEach(e -> now.put(e.id(), hash(e))));
			Map<Long, Integer> before = indexed.get(agencyId);
			List<Long> changed = new ArrayList<>();
			for (Map.Entry<Long, Integer> column : now.entrySet()) {
				if (before == null || !column.getValue().equals(before.get(column.getKey()))) {
					changed.add(column.getKey());
				}
			}
			indexing.refreshAll(CatalogueSearchSource.KIND, changed);
			indexed.put(agencyId, now);
		}
	}

	private static int hash(SearchEntry e) {
		return e.hashCode() == 0 ? 1 : e.hashCode();
	}
}
