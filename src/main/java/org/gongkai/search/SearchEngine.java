package org.gongkai.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.platform.SearchEntry;

/**
 * The search engine port. {@code gongkai.search.engine} selects the implementation: {@code lucene} (embedded, the
 * default, index under {@code <data-dir>/search}) or {@code opensearch} (a cluster). Both honour the same contract,
 * so the same tests run against both.
 *
 * <p>Entries are keyed by (kind, id): {@link #put} replaces. Every write is durable when it returns (it survives a
 * kill -9 of the process) and visible to searches within a second. Only public entries are ever given to the engine.
 */
public interface SearchEngine extends AutoCloseable {

	/** Adds or replaces one entry. */
	void put(SearchEntry entry);

	/** Adds or replaces many entries in one durable batch (bulk indexing). */
	void putAll(Collection<SearchEntry> entries);

	/** Removes the entry if it is there. */
	void remove(String kind, long id);

	/** Removes the entries of one kind that are there, in one durable batch. */
	void removeAll(String kind, Collection<Long> ids);

	/**
	 * Runs a query. An empty query with or without filters lists everything that matches the filters, newest first.
	 *
	 * @param page 1-based
	 * @param size hits per page, 1 to 100
	 */
	SearchResults search(PreparedQuery query, SearchFilter filter, SearchOrder order, int page, int size);

	/** A better spelling of the query's free text built from the indexed words, when there is one worth offering. */
	Optional<String> didYouMean(PreparedQuery query);

	/**
	 * The ids, per kind, of every entry of the agency in the serving index (all of them, not a page): what must be read
	 * again when the agency is abolished.
	 */
	Map<String, List<Long>> keysOfAgency(long agencyId);

	/** Number of entries in the serving index. */
	long size();

	/**
	 * True when the index is known to lack entries: it was created empty at startup (first start, lost folder) or
	 * was built with an older schema. The service then rebuilds it from the records; false again once a rebuild
	 * completed. Engines that cannot tell answer false.
	 */
	default boolean needsRebuild() {
		return false;
	}

	/**
	 * Starts filling a second, empty index while the current one keeps serving. Writes made through {@link #put} and
	 * {@link #remove} while the rebuild runs reach both indexes, so nothing is lost by the swap.
	 */
	Rebuild beginRebuild();

	@Override
	void close();

	/** A rebuild in progress. */
	interface Rebuild extends AutoCloseable {

		void putAll(Collection<SearchEntry> entries);

		/** Makes the new index the serving one (atomically, durably) and drops the old one. */
		void complete();

		/** Drops the new index unless {@link #complete} was called; the old one keeps serving. */
		@Override
		void close();
	}
}
