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

/**
 * Exact totals and facet counts of a query, computed segment by segment and cached per segment.
 *
 * <p>Counting every match is what makes a common query slow on a large index (a two-word query may match a fifth of a
 * million entries); ranking the first page is not, since it skips non-competitive documents. Counts add up across
 * segments, so the counts of a query are kept per segment of at least {@value #MIN_CACHED_SEGMENT} entries, keyed by
 * the segment's reader cache key, which changes when the segment's deletions change. A publication therefore only
 * makes the new small segment (and any segment in which it replaced an entry) count again, and a merge only the merged
 * segment; the index's other segments answer from the cache. This is Elasticsearch's request cache for aggregations,
 * but per segment rather than per shard refresh. Small segments are counted every time (cheap, and they come and go).
 *
 * <p>The cache is bounded by an estimate of its memory ({@code gongkai.search.count-cache-mb}); the least recently used
 * query is evicted first, and a segment's entries go when its reader closes.
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

	/** Counts of a query over the whole index: total and, per dimension, count per value. */
	record Counts(long total, Map<String, Map<String, Long>> byDimension) {

		Map<String, Long> dimension(String dim) {
			return byDimension.getOrDefault(dim, Map.of());
		}
	}

	private record Key(IndexReader.CacheKey segment, Query query) {
	}

	private final BoundedCache<Key, SegmentCounts> cache;

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
		this.cache = BoundedCache.ofWeight(maxBytes, SegmentCounts::bytes);
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
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
			boolean cacheable = maxBytes > 0 && helper != null && leaf.reader().maxDoc() >= minCachedSegment;
			Key key = cacheable ? new Key(helper.getKey(), rewritten) : null;
			SegmentCounts counts = key == null ? null : cached(key);
			if (counts == null) {
				if (weight == null) {
					weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
				}
				counts = countSegment(weight, leaf);
				if (key != null) {
					store(key, counts, helper);
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
		return cache.get(key);
	}

	private void store(Key key, SegmentCounts counts, IndexReader.CacheHelper helper) {
		if (listening.putIfAbsent(helper.getKey(), Boolean.TRUE) == null) {
			helper.addClosedListener(this::evictSegment);
		}
		cache.put(key, counts);
	}

	private void evictSegment(IndexReader.CacheKey segment) {
		listening.remove(segment);
		cache.removeKeys(key -> key.segment() == segment);
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
