package org.gongkai.publication;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.gongkai.catalog.CatalogChanged;
import org.gongkai.organisation.AgencyChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What every list page of an agency needs and rarely changes — the catalogue tree, the published counts
 * per node, and each node's list total — held in memory per agency. Dropped after every committed change
 * of the agency's items or catalogue, and at the latest after a minute (changes made on another node of
 * a cluster).
 */
@Component
class NodeListCache {

	private static final long TTL_NANOS = Duration.ofMinutes(1).toNanos();

	private record Entry(CatalogView view, Map<Long, Long> totals, long loadedAt) {
	}

	private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

	CatalogView view(long agencyId, Supplier<CatalogView> load) {
		return entry(agencyId, load).view();
	}

	long total(long agencyId, long nodeId, Supplier<CatalogView> load, Supplier<Long> count) {
		return entry(agencyId, load).totals().computeIfAbsent(nodeId, k -> count.get());
	}

	private Entry entry(long agencyId, Supplier<CatalogView> load) {
		Entry e = entries.get(agencyId);
		if (e == null || System.nanoTime() - e.loadedAt() > TTL_NANOS) {
			e = new Entry(load.get(), new ConcurrentHashMap<>(), System.nanoTime());
			entries.put(agencyId, e);
		}
		return e;
	}

	void evict(long agencyId) {
		entries.remove(agencyId);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PublicDocumentChanged event) {
		evict(event.agencyId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CatalogChanged event) {
		evict(event.agencyId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AgencyChanged event) {
		evict(event.agencyId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CleanupConcluded event) {
		evict(event.agencyId());
	}
}
