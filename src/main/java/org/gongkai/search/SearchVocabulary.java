package org.gongkai.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The synonym groups and active best bets as searching reads them: from memory, without a transaction. Loaded on first
 * use, again after a change commits, and once a minute (changes made on another node).
 */
@Component
class SearchVocabulary {

	/** At most this many best bets above one result list. */
	static final int MAX_BEST_BETS = 5;

	private record Snapshot(List<Set<String>> synonymGroups, List<BestBet> bestBets) {
	}

	private final SearchStore store;

	private volatile Snapshot snapshot;

	SearchVocabulary(SearchStore store) {
		this.store = store;
	}

	List<Set<String>> synonymGroups() {
		return current().synonymGroups();
	}

	/** The active best bets whose terms the folded query equals or contains, in their order. */
	List<BestBet> bestBetsFor(String foldedQuery) {
		return current().bestBets().stream().filter(b -> b.answers(foldedQuery)).limit(MAX_BEST_BETS).toList();
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		return s == null ? reload() : s;
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void refresh() {
		reload();
	}

	private Snapshot reload() {
		Snapshot s = new Snapshot(store.synonyms().stream().map(g -> (Set<String>) new LinkedHashSet<>(g.terms())).toList(),
				store.bestBets().stream().filter(BestBet::active).toList());
		snapshot = s;
		return s;
	}

	/** Forgets the snapshot once the current transaction commits (at once outside a transaction). */
	void reloadAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					snapshot = null;
				}
			});
		}
		else {
			snapshot = null;
		}
	}
}
