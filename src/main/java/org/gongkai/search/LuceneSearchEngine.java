package org.gongkai.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.AlreadyClosedException;
import org.gongkai.platform.SearchEntry;
import org.gongkai.search.ChineseAnalyzers.Token;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded Lucene implementation of the search port, the default ({@code gongkai.search.engine=lucene}). The
 * index lives in {@code gongkai.search.dir} (default {@code <data-dir>/search}), see {@link LuceneIndex} for its
 * generations.
 *
 * <p>Text fields (title, body, attachment, keywords) are analysed into smartcn words over {@link TextFolding folded}
 * text; each has an exact twin of CJK bigrams for quoted phrases. Free text: for each variant of the
 * {@link PreparedQuery}, all its words (each in any field: title weighs most, then keywords, body, attachment); the
 * variants are alternatives, built as the words they share (required once) and the substituted words (alternatives),
 * at most {@value #MAX_WORDS} words each. Phrases: each must occur exactly in the title, body, attachment or keywords. When
 * the words find nothing, the free text is tried as exact character sequences (so a single character or a word that
 * smartcn splits differently in the documents still finds them). Relevance adds two {@link FeatureField} scores:
 * freshness (saturating in the days since 2000) and being in force. Ties and the newest-first order are broken by the
 * unique key, so pages are stable.
 *
 * <p>Totals and facet counts are exact; they are counted per segment and cached per segment ({@link LuceneCounts},
 * {@code gongkai.search.count-cache-mb}), and whole answers are cached for the serving reader
 * ({@code gongkai.search.result-cache-size}), which every write replaces before it returns (ADR 0020).
 */
@Component
@ConditionalOnProperty(name = "gongkai.search.engine", havingValue = "lucene", matchIfMissing = true)
public class LuceneSearchEngine implements SearchEngine {

	/** Deepest hit reachable by paging (page × size). */
	static final int MAX_WINDOW = 10_000;

	/** Most values per facet dimension. */
	static final int MAX_FACET_VALUES = 30;

	static final float TITLE_BOOST = 3f;

	static final float KEYWORDS_BOOST = 2f;

	static final float BODY_BOOST = 1f;

	static final float ATTACHMENT_BOOST = 0.5f;

	/** Weight of freshness (at most this much is added; ten years older loses about 0.3). */
	static final float FRESHNESS_WEIGHT = 2f;

	/** Days of age at which freshness is at half its weight, counted from 2000. */
	static final float FRESHNESS_PIVOT = 3650f;

	/** Added to the score of an entry in force. */
	static final float IN_FORCE_WEIGHT = 1.5f;

	private static final Sort NEWEST = new Sort(new SortField(LuceneDocuments.DATE, SortField.Type.LONG, true),
			new SortField(LuceneDocuments.KEY, SortField.Type.STRING));

	private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
			new SortField(LuceneDocuments.KEY, SortField.Type.STRING));

	private static final Map<Facet, String> DIMENSIONS = Map.of(Facet.TYPE, LuceneDocuments.DIM_TYPE, Facet.AGENCY,
			LuceneDocuments.DIM_AGENCY, Facet.THEME, LuceneDocuments.DIM_THEME, Facet.YEAR, LuceneDocuments.DIM_YEAR);

	private final Analyzer words = ChineseAnalyzers.words();

	/** Most distinct words (or exact parts) of one free-text variant; the rest are ignored. */
	static final int MAX_WORDS = 32;

	/** The analyzer of the exact fields (unigrams and stacked bigrams); phrase queries are built from its tokens. */
	private final Analyzer exactIndex = ChineseAnalyzers.exact(true);

	private final Analyzer indexAnalyzer = ChineseAnalyzers.index(words, exactIndex, LuceneDocuments.PHRASE_FIELDS);

	private final LuceneIndex index;

	/** Totals and facet counts per segment. */
	private final LuceneCounts counts;

	/** Whole answers of the serving reader, the most recently used kept (none when 0). */
	private final int resultCacheSize;

	/** Keyed by the reader, so a write (a new reader) makes every entry stale. */
	private final BoundedCache<ResultKey, SearchResults> results;

	/** Hits ranked at a time: five pages of the default size. */
	static final int RANKED_WINDOW = 100;

	/** The first hits of a ranked query, per serving reader. */
	private final BoundedCache<RankedKey, ScoreDoc[]> rankedWindows;

	private record RankedKey(IndexReader.CacheKey reader, Query query, Sort sort) {
	}

	private record ResultKey(IndexReader.CacheKey reader, PreparedQuery query, SearchFilter filter, SearchOrder order,
			int page, int size) {
	}

	private volatile boolean closed;

	/** With the default caches: 64 MB of segment counts and 1,000 answers. */
	public LuceneSearchEngine(Path dir) {
		this(dir, 64, 1000);
	}

	/**
	 * @param countCacheMegabytes memory for totals and facet counts kept per segment ({@link LuceneCounts}); 0 counts
	 *        every time
	 * @param resultCacheSize answers of the serving reader kept for repeated requests; 0 keeps none
	 */
	@org.springframework.beans.factory.annotation.Autowired
	public LuceneSearchEngine(@Value("${gongkai.search.dir:${gongkai.data-dir:./data}/search}") Path dir,
			@Value("${gongkai.search.count-cache-mb:64}") int countCacheMegabytes,
			@Value("${gongkai.search.result-cache-size:1000}") int resultCacheSize) {
		this(dir, countCacheMegabytes, resultCacheSize, LuceneCounts.MIN_CACHED_SEGMENT);
	}

	/** With another smallest segment whose counts are cached (tests cache tiny segments). */
	LuceneSearchEngine(Path dir, int countCacheMegabytes, int resultCacheSize, int minCachedSegment) {
		this.counts = new LuceneCounts(LuceneDocuments.FACETS.getDimConfig(LuceneDocuments.DIM_TYPE).indexFieldName,
				countCacheMegabytes, minCachedSegment);
		this.resultCacheSize = Math.max(0, resultCacheSize);
		// bounded by the hits they hold: as many answers of the default page size, as many windows of 100 hits
		this.results = BoundedCache.ofWeight((long) this.resultCacheSize * SearchRequest.DEFAULT_SIZE,
				answer -> Math.max(1, answer.hits().size()));
		this.rankedWindows = BoundedCache.ofWeight((long) this.resultCacheSize * RANKED_WINDOW,
				docs -> Math.max(1, docs.length));
		this.index = LuceneIndex.open(dir, indexAnalyzer);
		// smartcn loads its dictionaries on first use (seconds); pay that at start-up, not in the first publication
		ChineseAnalyzers.tokens(words, LuceneDocuments.TITLE, "沂源县人民政府办公室关于印发政务公开工作方案的通知");
	}

	/**
	 * True when the index was created empty at startup or was built with an older schema (fields, analysis): the
	 * service should then rebuild it from the records. False again once a rebuild completed.
	 */
	@Override
	public boolean needsRebuild() {
		return index.needsRebuild();
	}

	@Override
	public void put(SearchEntry entry) {
		index.putAll(List.of(entry));
	}

	@Override
	public void putAll(Collection<SearchEntry> entries) {
		if (!entries.isEmpty()) {
			index.putAll(entries);
		}
	}

	@Override
	public void remove(String kind, long id) {
		index.remove(kind, id);
	}

	@Override
	public void removeAll(String kind, Collection<Long> ids) {
		index.removeAll(kind, ids);
	}

	@Override
	public Rebuild beginRebuild() {
		return index.beginRebuild();
	}

	@Override
	public long size() {
		return withSearcher((generation, searcher) -> (long) searcher.getIndexReader().numDocs());
	}

	@Override
	public Map<String, List<Long>> keysOfAgency(long agencyId) {
		return withSearcher((generation, searcher) -> {
			DrillDownQuery query = new DrillDownQuery(LuceneDocuments.FACETS);
			query.add(LuceneDocuments.DIM_AGENCY, String.valueOf(agencyId));
			Map<String, List<Long>> keys = new java.util.TreeMap<>();
			StoredFields stored = searcher.storedFields();
			Set<String> fields = Set.of(LuceneDocuments.KIND, LuceneDocuments.ID);
			for (ScoreDoc doc : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
				var d = stored.document(doc.doc, fields);
				keys.computeIfAbsent(d.get(LuceneDocuments.KIND), k -> new ArrayList<>())
					.add(d.getField(LuceneDocuments.ID).numericValue().longValue());
			}
			return keys;
		});
	}

	LuceneIndex index() {
		return index;
	}

	/** Commits made to the serving generation since it was opened (tests check one commit per batch). */
	long commits() {
		return index.serving().commits();
	}

	@Override
	public synchronized void close() {
		if (!closed) {
			closed = true;
			index.release();
		}
	}

	// --- searching

	@Override
	public SearchResults search(PreparedQuery query, SearchFilter filter, SearchOrder order, int page, int size) {
		if (size < 1 || size > 100) {
			throw new IllegalArgumentException("size must be 1 to 100");
		}
		if (page < 1) {
			throw new IllegalArgumentException("page must be at least 1");
		}
		SearchFilter filters = filter == null ? SearchFilter.NONE : filter;
		SearchOrder sortOrder = order == null ? SearchOrder.RELEVANCE : order;
		try {
			return withSearcher((generation, searcher) -> {
				IndexReader.CacheHelper reader = searcher.getIndexReader().getReaderCacheHelper();
				ResultKey key = resultCacheSize == 0 || reader == null ? null
						: new ResultKey(reader.getKey(), query, filters, sortOrder, page, size);
				SearchResults cached = key == null ? null : results.get(key);
				if (cached != null) {
					return cached;
				}
				Query match = matchQuery(query, false);
				SearchResults answer = run(searcher, match, filters, sortOrder, page, size);
				if (answer.total() == 0 && !query.textVariants().isEmpty()) {
					Query exact = matchQuery(query, true);
					if (exact != null) {
						answer = run(searcher, exact, filters, sortOrder, page, size);
					}
				}
				if (key != null) {
					results.put(key, answer);
				}
				return answer;
			});
		}
		catch (IndexSearcher.TooManyClauses e) {
			throw new IllegalArgumentException("too many words", e);
		}
	}

	/**
	 * Lookups of the two caches so far: answers (hits, misses) and segment counts (hits, misses); for the benchmark's
	 * report and the tests.
	 */
	long[] cacheStatistics() {
		long[] answers = results.hitsAndMisses();
		long[] segments = counts.hitsAndMisses();
		return new long[] { answers[0], answers[1], segments[0], segments[1] };
	}

	private interface SearcherWork<T> {
		T run(LuceneGeneration generation, IndexSearcher searcher) throws IOException;
	}

	private <T> T withSearcher(SearcherWork<T> work) {
		for (int attempt = 0;; attempt++) {
			LuceneGeneration generation = index.serving();
			IndexSearcher searcher;
			try {
				searcher = generation.acquire();
			}
			catch (AlreadyClosedException e) {
				if (attempt < 5) {
					continue; // a rebuild swapped the generation meanwhile
				}
				throw e;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			try {
				return work.run(generation, searcher);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			finally {
				try {
					generation.release(searcher);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
	}

	/**
	 * What must match: the free text (words, or with {@code exactWords} each space-separated part as an exact
	 * sequence) and every phrase; null when the query has nothing to match.
	 */
	Query matchQuery(PreparedQuery query, boolean exactWords) {
		List<Query> musts = new ArrayList<>();
		if (!query.textVariants().isEmpty()) {
			Query text = exactWords ? variants(query.textVariants(), v -> List.of(v.split(" ")), this::phrase)
					: variants(query.textVariants(), this::terms, LuceneSearchEngine::anyField);
			if (text != null) {
				musts.add(text);
			}
		}
		for (String phrase : query.phrases()) {
			Query q = phrase(phrase);
			if (q != null) {
				musts.add(q);
			}
		}
		if (musts.isEmpty()) {
			return null;
		}
		if (musts.size() == 1) {
			return musts.get(0);
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		musts.forEach(q -> all.add(q, Occur.MUST));
		return all.build();
	}

	/**
	 * All units (words or exact parts) of one of the variants: the units every variant has are required once, and
	 * only the rest (the substituted synonyms) are alternatives, so the clause count grows with the synonyms and not
	 * with variants × words. At most {@value #MAX_WORDS} distinct units of each variant count.
	 */
	private static Query variants(List<String> variants, java.util.function.Function<String, List<String>> units,
			java.util.function.Function<String, Query> unitQuery) {
		List<Map<String, Query>> perVariant = new ArrayList<>();
		for (String variant : variants) {
			Map<String, Query> queries = new java.util.LinkedHashMap<>();
			for (String unit : units.apply(variant)) {
				if (queries.size() >= MAX_WORDS) {
					break;
				}
				if (!unit.isEmpty() && !queries.containsKey(unit)) {
					Query q = unitQuery.apply(unit);
					if (q != null) {
						queries.put(unit, q);
					}
				}
			}
			if (!queries.isEmpty()) {
				perVariant.add(queries);
			}
		}
		if (perVariant.isEmpty()) {
			return null;
		}
		Map<String, Query> common = new java.util.LinkedHashMap<>(perVariant.get(0));
		for (Map<String, Query> queries : perVariant) {
			common.keySet().retainAll(queries.keySet());
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		common.values().forEach(q -> all.add(q, Occur.MUST));
		BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
		int count = 0;
		boolean anyWithoutRest = false;
		Set<Set<String>> seen = new java.util.HashSet<>();
		for (Map<String, Query> queries : perVariant) {
			Map<String, Query> rest = new java.util.LinkedHashMap<>(queries);
			rest.keySet().removeAll(common.keySet());
			if (rest.isEmpty()) {
				anyWithoutRest = true; // this variant matches with the common units alone
				break;
			}
			if (!seen.add(rest.keySet())) {
				continue;
			}
			if (rest.size() == 1) {
				alternatives.add(rest.values().iterator().next(), Occur.SHOULD);
			}
			else {
				BooleanQuery.Builder restAll = new BooleanQuery.Builder();
				rest.values().forEach(q -> restAll.add(q, Occur.MUST));
				alternatives.add(restAll.build(), Occur.SHOULD);
			}
			count++;
		}
		if (!anyWithoutRest && count > 0) {
			BooleanQuery built = alternatives.build();
			all.add(count == 1 ? built.clauses().get(0).getQuery() : built, Occur.MUST);
		}
		BooleanQuery query = all.build();
		return query.clauses().size() == 1 ? query.clauses().get(0).getQuery() : query;
	}

	/** The distinct smartcn words of the text. */
	private List<String> terms(String text) {
		Set<String> terms = new LinkedHashSet<>();
		for (Token token : ChineseAnalyzers.tokens(words, LuceneDocuments.TITLE, text)) {
			terms.add(token.term());
		}
		return List.copyOf(terms);
	}

	/** The word in any text field. */
	private static Query anyField(String term) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		any.add(boosted(LuceneDocuments.TITLE, term, TITLE_BOOST), Occur.SHOULD);
		any.add(boosted(LuceneDocuments.KEYWORDS, term, KEYWORDS_BOOST), Occur.SHOULD);
		any.add(boosted(LuceneDocuments.BODY, term, BODY_BOOST), Occur.SHOULD);
		any.add(boosted(LuceneDocuments.ATTACHMENT, term, ATTACHMENT_BOOST), Occur.SHOULD);
		return any.build();
	}

	private static Query boosted(String field, String term, float boost) {
		Query q = new TermQuery(new Term(field, term));
		return boost == 1f ? q : new BoostQuery(q, boost);
	}

	private static final Map<String, Float> PHRASE_BOOSTS = Map.of(LuceneDocuments.TITLE, TITLE_BOOST,
			LuceneDocuments.BODY, BODY_BOOST, LuceneDocuments.ATTACHMENT, ATTACHMENT_BOOST, LuceneDocuments.KEYWORDS,
			KEYWORDS_BOOST);

	/**
	 * The exact character sequence in the title, body, attachment or keywords. The phrase is analysed as the index
	 * analyses the exact fields (a CJK run of n characters takes n positions, its bigrams stacked on the unigrams), and
	 * at each position the bigram is taken when there is one, else the unigram or alphanumeric token, so the tokens
	 * after a CJK run keep their real distance.
	 */
	private Query phrase(String phrase) {
		List<Token> tokens = phraseTokens(phrase);
		if (tokens.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (String textField : LuceneDocuments.PHRASE_FIELDS) {
			String field = textField + ChineseAnalyzers.EXACT;
			Query q;
			if (tokens.size() == 1) {
				q = new TermQuery(new Term(field, tokens.get(0).term()));
			}
			else {
				PhraseQuery.Builder builder = new PhraseQuery.Builder();
				for (Token token : tokens) {
					builder.add(new Term(field, token.term()), token.position());
				}
				q = builder.build();
			}
			float boost = PHRASE_BOOSTS.get(textField);
			any.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
		}
		return any.build();
	}

	/** One token per position of the index-side exact analysis: the longest (the bigram over the unigram). */
	List<Token> phraseTokens(String phrase) {
		Map<Integer, Token> byPosition = new java.util.TreeMap<>();
		for (Token token : ChineseAnalyzers.tokens(exactIndex, LuceneDocuments.TITLE, phrase)) {
			byPosition.merge(token.position(), token,
					(a, b) -> b.end() - b.start() > a.end() - a.start() ? b : a);
		}
		return List.copyOf(byPosition.values());
	}

	private SearchResults run(IndexSearcher searcher, Query match, SearchFilter filter,
			SearchOrder order, int page, int size) throws IOException {
		if (searcher.getIndexReader().numDocs() == 0) {
			return new SearchResults(0, List.of(), emptyFacets());
		}
		Query scored = match == null ? new MatchAllDocsQuery() : scoredQuery(match);
		Sort sort = match == null || order == SearchOrder.NEWEST ? NEWEST : RELEVANCE;
		int from = (int) Math.min((long) (page - 1) * size, MAX_WINDOW);
		int topN = (int) Math.max(1, Math.min((long) page * size, MAX_WINDOW));

		// 1. total and facets: every match, unscored, counted per segment (cached); drill sideways: a dimension with a
		// filter is counted with the filters of the other dimensions only
		LuceneCounts.Counts all = counts.count(searcher, filtered(match, filter, null));
		long total = all.total();
		Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			String dimension = DIMENSIONS.get(facet);
			Map<String, Long> values = filter.has(facet)
					? counts.count(searcher, filtered(match, filter, facet)).dimension(dimension)
					: all.dimension(dimension);
			facets.put(facet, facetValues(facet, values));
		}

		// 2. the page: ranked with dynamic pruning (the total is known, so no need to count again), from the window of
		// the first hits ranked for the same query, filters and order when that reaches far enough
		List<SearchHit> hits = List.of();
		if (from < total) {
			ScoreDoc[] docs = ranked(searcher, drillDown(scored, filter), sort, topN, total);
			int to = Math.min(docs.length, topN);
			if (from < to) {
				int[] ids = new int[to - from];
				for (int i = from; i < to; i++) {
					ids[i - from] = docs[i].doc;
				}
				hits = hits(searcher, match, ids);
			}
		}
		return new SearchResults(total, hits, facets);
	}

	/**
	 * The first hits in order, at least {@code topN} of them (or all, when fewer match). Hits are ranked in windows
	 * of {@value #RANKED_WINDOW} and a window is kept for the serving reader (as many as answers), so the next pages
	 * of a search are not ranked again.
	 */
	private ScoreDoc[] ranked(IndexSearcher searcher, Query query, Sort sort, int topN, long total)
			throws IOException {
		Query rewritten = searcher.rewrite(query);
		IndexReader.CacheHelper reader = searcher.getIndexReader().getReaderCacheHelper();
		RankedKey key = resultCacheSize == 0 || reader == null ? null : new RankedKey(reader.getKey(), rewritten, sort);
		ScoreDoc[] cached = key == null ? null : rankedWindows.get(key);
		if (cached != null && (cached.length >= topN || cached.length >= total)) {
			return cached;
		}
		int window = key == null ? topN
				: (int) Math.min(MAX_WINDOW, ((long) topN + RANKED_WINDOW - 1) / RANKED_WINDOW * RANKED_WINDOW);
		ScoreDoc[] docs = searcher.search(rewritten, new TopFieldCollectorManager(sort, window, null, window)).scoreDocs;
		if (key != null) {
			rankedWindows.put(key, docs);
		}
		return docs;
	}

	/** The match with the freshness and in-force scores added. */
	static Query scoredQuery(Query match) {
		return new BooleanQuery.Builder().add(match, Occur.MUST)
			.add(FeatureField.newSaturationQuery(LuceneDocuments.FEATURES, LuceneDocuments.FRESHNESS,
					FRESHNESS_WEIGHT, FRESHNESS_PIVOT), Occur.SHOULD)
			.add(FeatureField.newLinearQuery(LuceneDocuments.FEATURES, LuceneDocuments.IN_FORCE, IN_FORCE_WEIGHT),
					Occur.SHOULD)
			.build();
	}

	private static DrillDownQuery drillDown(Query base, SearchFilter filter) {
		DrillDownQuery query = new DrillDownQuery(LuceneDocuments.FACETS, base);
		addFilter(query, LuceneDocuments.DIM_TYPE, filter.kinds());
		addFilter(query, LuceneDocuments.DIM_AGENCY, filter.agencyIds().stream().map(String::valueOf).toList());
		addFilter(query, LuceneDocuments.DIM_THEME, filter.themes());
		addFilter(query, LuceneDocuments.DIM_YEAR, filter.years().stream().map(String::valueOf).toList());
		return query;
	}

	private static void addFilter(DrillDownQuery query, String dimension, Collection<String> values) {
		// one add per value: values of one dimension are alternatives (a second argument would be a path)
		values.stream().sorted().forEach(value -> query.add(dimension, value));
	}

	private static Map<Facet, List<FacetCount>> emptyFacets() {
		Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			facets.put(facet, List.of());
		}
		return facets;
	}

	/** The values of one dimension with a count, ordered (years newest first, others by count) and cut. */
	static List<FacetCount> facetValues(Facet facet, Map<String, Long> counts) {
		List<FacetCount> values = new ArrayList<>();
		counts.forEach((value, count) -> {
			if (count > 0) {
				values.add(new FacetCount(value, count));
			}
		});
		Comparator<FacetCount> byOrder = facet == Facet.YEAR
				? Comparator.comparing((FacetCount c) -> Integer.parseInt(c.value())).reversed()
				: Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);
		values.sort(byOrder);
		return List.copyOf(values.subList(0, Math.min(values.size(), MAX_FACET_VALUES)));
	}

	/**
	 * The match (all entries when null) restricted by the filters, leaving out the filter of {@code except}: the
	 * values of one dimension are alternatives, the dimensions all apply. Used unscored, for counting.
	 */
	private static Query filtered(Query match, SearchFilter filter, Facet except) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(match == null ? new MatchAllDocsQuery() : match, Occur.FILTER);
		for (Facet facet : Facet.values()) {
			if (facet == except || !filter.has(facet)) {
				continue;
			}
			String dimension = DIMENSIONS.get(facet);
			String field = LuceneDocuments.FACETS.getDimConfig(dimension).indexFieldName;
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			filter.values(facet).stream().sorted()
				.forEach(value -> any.add(new TermQuery(DrillDownQuery.term(field, dimension, value)), Occur.SHOULD));
			query.add(any.build(), Occur.FILTER);
		}
		return query.build();
	}

	private List<SearchHit> hits(IndexSearcher searcher, Query match, int[] ids) throws IOException {
		StoredFields stored = searcher.storedFields();
		List<LuceneDocuments.Stored> entries = new ArrayList<>(ids.length);
		for (int id : ids) {
			entries.add(LuceneDocuments.Stored.of(stored.document(id)));
		}
		LuceneHighlighting.Highlights highlights = match == null ? null
				: LuceneHighlighting.highlight(searcher, indexAnalyzer, match, ids);
		List<SearchHit> hits = new ArrayList<>(ids.length);
		for (int i = 0; i < ids.length; i++) {
			LuceneDocuments.Stored e = entries.get(i);
			String title = highlights != null && highlights.titles()[i] != null ? highlights.titles()[i]
					: LuceneHighlighting.escape(e.title(), 0, e.title().length());
			String snippet = null;
			if (highlights != null) {
				snippet = highlights.bodies()[i] != null ? highlights.bodies()[i] : highlights.attachments()[i];
			}
			if (snippet == null) {
				snippet = LuceneHighlighting.beginning(e.body().isBlank() ? e.attachment() : e.body());
			}
			hits.add(new SearchHit(e.kind(), e.id(), e.url(), title, snippet, e.date(), e.agencyId(), e.theme(),
					e.outOfForce()));
		}
		return hits;
	}

	// --- did you mean

	@Override
	public Optional<String> didYouMean(PreparedQuery query) {
		if (query.textVariants().isEmpty()) {
			return Optional.empty();
		}
		String text = query.textVariants().get(0);
		String corrected;
		try {
			corrected = withSearcher((generation, searcher) -> {
				String c = corrected(searcher.getIndexReader(), text);
				if (c == null || c.equals(text)) {
					return null;
				}
				// only whether the suggestion finds anything: a count on the same searcher, no facets nor ranking
				PreparedQuery better = new PreparedQuery(c, List.of(c), query.phrases());
				Query match = matchQuery(better, false);
				if (match != null && searcher.count(match) > 0) {
					return c;
				}
				Query exact = matchQuery(better, true);
				return exact != null && searcher.count(exact) > 0 ? c : null;
			});
		}
		catch (IndexSearcher.TooManyClauses e) {
			throw new IllegalArgumentException("too many words", e);
		}
		if (corrected == null) {
			return Optional.empty();
		}
		StringBuilder out = new StringBuilder(corrected);
		for (String phrase : query.phrases()) {
			out.append(" \"").append(phrase).append('"');
		}
		return Optional.of(out.toString());
	}

	/**
	 * The text with each unknown word replaced by the closest indexed word. Runs of single characters (what smartcn
	 * makes of a word it does not know, such as 公井) are taken together as one word.
	 */
	private String corrected(IndexReader reader, String text) throws IOException {
		List<Token> tokens = ChineseAnalyzers.tokens(words, LuceneDocuments.TITLE, text);
		List<int[]> chunks = new ArrayList<>();
		for (Token token : tokens) {
			int[] last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
			boolean single = token.end() - token.start() == 1 && isCjk(text.charAt(token.start()));
			if (single && last != null && last[2] == 1 && last[1] == token.start()) {
				last[1] = token.end();
			}
			else {
				chunks.add(new int[] { token.start(), token.end(), single ? 1 : 0 });
			}
		}
		DirectSpellChecker spell = new DirectSpellChecker();
		spell.setMinQueryLength(2);
		spell.setMinPrefix(0);
		spell.setMaxEdits(1);
		spell.setAccuracy(0.5f);
		StringBuilder out = new StringBuilder();
		int at = 0;
		boolean changed = false;
		for (int[] chunk : chunks) {
			String word = text.substring(chunk[0], chunk[1]).toLowerCase(java.util.Locale.ROOT);
			out.append(text, at, chunk[0]);
			at = chunk[1];
			String replacement = word.length() < 2 || known(reader, word) ? null : suggestion(spell, reader, word);
			if (replacement != null) {
				out.append(replacement);
				changed = true;
			}
			else {
				out.append(text, chunk[0], chunk[1]);
			}
		}
		out.append(text.substring(at));
		return changed ? out.toString() : null;
	}

	private static boolean isCjk(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	private static boolean known(IndexReader reader, String word) throws IOException {
		return reader.docFreq(new Term(LuceneDocuments.TITLE, word)) > 0
				|| reader.docFreq(new Term(LuceneDocuments.BODY, word)) > 0;
	}

	private static String suggestion(DirectSpellChecker spell, IndexReader reader, String word) throws IOException {
		SuggestWord best = null;
		for (String field : List.of(LuceneDocuments.TITLE, LuceneDocuments.BODY)) {
			SuggestWord[] found = spell.suggestSimilar(new Term(field, word), 1, reader,
					SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
			if (found.length > 0 && (best == null || found[0].score > best.score
					|| found[0].score == best.score && found[0].freq > best.freq)) {
				best = found[0];
			}
		}
		return best == null ? null : best.string;
	}
}
