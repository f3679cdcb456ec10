package org.gongkai.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * Exact totals and facet counts of a query, computed segment by segment and cached per segment.
 *
 * <p>Counting every match is costly on a large index (a two-word query may match a fifth of a million entries).
 * Counts add up across segments, so the counts of a query are kept per segment of at least
 * {@value #MIN_CACHED_SEGMENT} entries, keyed by the segment's core and its number of live entries (deletions in a
 * segment only grow, so that number tells which of them a reader sees). A publication therefore makes only the new
 * small segment, and a segment in which it replaced or removed an entry, count again, and a merge only the merged
 * segment; the other segments answer from the cache, though every write opens new reader objects for the segments
 * that have deletions. This is Elasticsearch's request cache for aggregations, but per segment rather than per
 * refresh. Small segments are counted every time (cheap, and they come and go).
 *
 * <p>The cache is bounded by an estimate of its memory, the key's query included
 * ({@code gongkai.search.count-cache-mb}); the least recently used entry is evicted first, and a segment's entries go
 * when its core closes (merged away).
 */
final class LuceneCounts {

	/** Segments with fewer entries are counted every time. */
	static final int MIN_CACHED_SEGMENT = 10_000;

	/** Estimated bytes of a cached segment count beyond its labels. */
	private static final int ENTRY_OVERHEAD = 96;

	/** Estimated bytes per label of a cached segment count (the shared label string is not counted). */
	private static final int PER_LABEL = 16;

	private final String field;

	private final long maxBytes;

	private final int minCachedSegment;

	/** Counts of one query in one segment: its matches and, per facet label ("dim\u001fvalue"), its matches. */
	record SegmentCounts(int total, String[] labels, int[] counts) {

		long bytes() {
			return ENTRY_OVERHEAD + (long) PER_LABEL * labels.length;
		}
	}

	/** A cached segment count with what it costs, the key's query included. */
	private record Cached(SegmentCounts counts, long bytes) {
	}

	/** Counts of a query over the whole index: total and, per dimension, count per value. */
	record Counts(long total, Map<String, Map<String, Long>> byDimension) {

		Map<String, Long> dimension(String dim) {
			return byDimension.getOrDefault(dim, Map.of());
		}
	}

	/**
	 * A segment's core (its documents, shared by every reader of the segment), its number of live entries, and the
	 * query. Deletions in a segment only ever grow, so the live count tells which deletions a reader of the core sees:
	 * a reader reopened after a write elsewhere keeps its key, though Lucene gives it a new reader object.
	 */
	private record Key(IndexReader.CacheKey core, int live, Query query) {
	}

	private final BoundedCache<Key, Cached> cache;

	private final Map<IndexReader.CacheKey, Boolean> listening = new ConcurrentHashMap<>();

	/** Interned labels, so that the cached counts of many queries share one string per facet value. */
	private final Map<String, String> labels = new ConcurrentHashMap<>();

	LuceneCounts(String field, int maxMegabytes) {
		this(field, maxMegabytes, MIN_CACHED_SEGMENT);
	}

	/** With another smallest cached segment (tests cache tiny segments). */
	LuceneCounts(String field, int maxMegabytes, int minCachedSegment) {
		this.field = field;
		this.maxBytes = Math.max(0, maxMegabytes) * 1024L * 1024L;
		this.minCachedSegment = minCachedSegment;
		this.cache = BoundedCache.ofWeight(maxBytes, Cached::bytes);
	}

	/**
	 * The total and facet counts of {@code query} (run unscored). Every dimension is counted, so that drill-sideways
	 * counting can take one dimension from one query and the others from another.
	 */
	Counts count(IndexSearcher searcher, Query query) throws IOException {
		Query rewritten = searcher.rewrite(query);
		Weight weight = null;
		long total = 0;
		Map<String, Long> byLabel = new HashMap<>();
		long queryBytes = maxBytes > 0 ? RamUsageEstimator.sizeOf(rewritten) : 0;
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
			boolean cacheable = maxBytes > 0 && core != null && leaf.reader().maxDoc() >= minCachedSegment;
			Key key = cacheable ? new Key(core.getKey(), leaf.reader().numDocs(), rewritten) : null;
			SegmentCounts counts = key == null ? null : cached(key);
			if (counts == null) {
				if (weight == null) {
					weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
				}
				counts = countSegment(weight, leaf);
				if (key != null) {
					store(key, new Cached(counts, counts.bytes() + queryBytes), core);
				}
			}
			total += counts.total();
			for (int i = 0; i < counts.labels().length; i++) {
				byLabel.merge(counts.labels()[i], (long) counts.counts()[i], Long::sum);
			}
		}
		Map<String, Map<String, Long>> byDimension = new HashMap<>();
		byLabel.forEach((label, count) -> {
			int split = label.indexOf(FacetsConfig.DELIM_CHAR);
			if (split > 0) {
				byDimension.computeIfAbsent(label.substring(0, split), d -> new HashMap<>())
					.put(label.substring(split + 1), count);
			}
		});
		return new Counts(total, byDimension);
	}

	private SegmentCounts countSegment(Weight weight, LeafReaderContext leaf) throws IOException {
		BulkScorer scorer = weight.bulkScorer(leaf);
		if (scorer == null) {
			return new SegmentCounts(0, new String[0], new int[0]);
		}
		SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
		long ordinals = values.getValueCount();
		int[] perOrdinal = new int[(int) ordinals];
		int[] total = new int[1];
		scorer.score(new LeafCollector() {
			@Override
			public void setScorer(Scorable scorer) {
			}

			@Override
			public void collect(int doc) throws IOException {
				total[0]++;
				if (values.advanceExact(doc)) {
					for (int i = 0, n = values.docValueCount(); i < n; i++) {
						perOrdinal[(int) values.nextOrd()]++;
					}
				}
			}
		}, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
		List<String> found = new ArrayList<>();
		List<Integer> counts = new ArrayList<>();
		for (int ord = 0; ord < perOrdinal.length; ord++) {
			if (perOrdinal[ord] > 0) {
				BytesRef term = values.lookupOrd(ord);
				String label = term.utf8ToString();
				found.add(labels.computeIfAbsent(label, l -> l));
				counts.add(perOrdinal[ord]);
			}
		}
		return new SegmentCounts(total[0], found.toArray(String[]::new),
				counts.stream().mapToInt(Integer::intValue).toArray());
	}

	private SegmentCounts cached(Key key) {
		Cached found = cache.get(key);
		return found == null ? null : found.counts();
	}

	private void store(Key key, Cached counts, IndexReader.CacheHelper core) {
		if (listening.putIfAbsent(core.getKey(), Boolean.TRUE) == null) {
			core.addClosedListener(this::evictCore);
		}
		cache.put(key, counts);
	}

	/** A core closes when its segment is merged away or the index closes: its entries can never be asked for again. */
	private void evictCore(IndexReader.CacheKey core) {
		listening.remove(core);
		cache.removeKeys(key -> key.core() == core);
	}

	/** Cache lookups that found, and did not find, a segment's counts (for the benchmark and the tests). */
	long[] hitsAndMisses() {
		return cache.hitsAndMisses();
	}

	/** Entries cached now. */
	int size() {
		return cache.size();
	}
}
