package org.gongkai.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.DrillSideways.DrillSidewaysResult;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.FSDirectory;
import org.gongkai.bench.search.LoadDriver;
import org.gongkai.bench.search.QueryMix;
import org.gongkai.bench.search.SearchCorpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The raw side of "app vs raw Lucene": the same Lucene query as the app runs, executed directly in this process on
 * the same index folder (the serving generation of {@code <data-dir>/search}, opened read-only with
 * {@link DirectoryReader}), with the same top-N, the same drill-sideways facets and the same highlights. For each
 * request of the mix:
 * <ol>
 * <li>the query is prepared as the app's SearchService does: {@link QueryPreparation#prepare} with the default
 * synonym groups of migration V25 (the bench database has no others);</li>
 * <li>the Lucene {@link Query} of the words and phrases is built by the engine's own {@code matchQuery} (an engine
 * instance on an empty scratch folder serves as the query builder only), so it is the identical object tree;</li>
 * <li>everything after that is plain Lucene written out here: the two FeatureField clauses (freshness, in force)
 * added as SHOULD, a {@link DrillDownQuery} with the filters, {@link DrillSideways#search} with the same sort (score
 * then key, or date then key) and top-N = page × 20, the four facet dimensions read and ordered, the stored fields of
 * the page's hits, and two {@link UnifiedHighlighter} passes (whole title; best body or attachment snippet) with the
 * engine's settings and formatter; when the words find nothing, the exact-sequence variant is run, as the engine
 * does.</li>
 * </ol>
 * Left out, because they are the app's and not Lucene's: HTTP, JSON, parameter checks, agency names, best bets, the
 * query statistics and "did you mean" (the app asks for it only under 3 results).
 *
 * <p>{@code check <data-dir> <base-url> <n>} compares, for the first n requests of the mix, the app's answer with the
 * raw one (total, hits with their highlighted title and snippet, all facet counts); {@code load <data-dir> <threads>
 * <warm-up-s> <measure-s>} measures the raw side.
 */
public final class RawSearchBench {

	static final int SIZE = SearchRequest.DEFAULT_SIZE;

	private static final Sort NEWEST = new Sort(new SortField(LuceneDocuments.DATE, SortField.Type.LONG, true),
			new SortField(LuceneDocuments.KEY, SortField.Type.STRING));

	private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
			new SortField(LuceneDocuments.KEY, SortField.Type.STRING));

	/** The default synonym groups of V25__search.sql, in id order. */
	static final List<Set<String>> SYNONYMS = List.of(new LinkedHashSet<>(List.of("社保", "社会保险")),
			new LinkedHashSet<>(List.of("低保", "最低生活保障")), new LinkedHashSet<>(List.of("医保", "医疗保险", "基本医疗保险")),
			new LinkedHashSet<>(List.of("公积金", "住房公积金")));

	private static final Map<String, Facet> DIMS = Map.of(LuceneDocuments.DIM_TYPE, Facet.TYPE, LuceneDocuments.DIM_AGENCY,
			Facet.AGENCY, LuceneDocuments.DIM_THEME, Facet.THEME, LuceneDocuments.DIM_YEAR, Facet.YEAR);

	record Hit(String kind, long id, String titleHtml, String snippetHtml) {
	}

	record Answer(long total, List<Hit> hits, Map<Facet, Map<String, Long>> facets) {
	}

	private final IndexSearcher searcher;

	private final SortedSetDocValuesReaderState facetState;

	private final LuceneSearchEngine queryBuilder;

	private final Analyzer indexAnalyzer = ChineseAnalyzers.index(ChineseAnalyzers.words(), ChineseAnalyzers.exact(true),
			LuceneDocuments.PHRASE_FIELDS);

	RawSearchBench(Path dataDir) throws IOException {
		Path index = dataDir.resolve("search");
		String generation = Files.readString(index.resolve(LuceneIndex.POINTER), StandardCharsets.UTF_8).strip();
		FSDirectory directory = FSDirectory.open(index.resolve(generation));
		DirectoryReader reader = DirectoryReader.open(directory);
		// the app may still be indexing what it seeded at its first start: wait until the index stops changing
		for (int stable = 0, waited = 0; stable < 3 && waited < Integer.getInteger("raw.settle", 120); waited++) {
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException e) {
				throw new IOException(e);
			}
			DirectoryReader newer = DirectoryReader.openIfChanged(reader);
			if (newer == null) {
				stable++;
			}
			else {
				System.out.printf("raw: the index still changes (%,d documents), waiting%n", newer.numDocs());
				reader.close();
				reader = newer;
				stable = 0;
			}
		}
		this.searcher = new IndexSearcher(reader);
		this.facetState = new DefaultSortedSetDocValuesReaderState(reader, LuceneDocuments.FACETS);
		Path scratch = Files.createTempDirectory("raw-search-query-builder");
		this.queryBuilder = new LuceneSearchEngine(scratch);
		System.out.printf("raw: %s/%s, %,d documents in %d segments%n", index, generation, reader.numDocs(),
				reader.leaves().size());
	}

	Answer search(QueryMix.Request request) throws IOException {
		PreparedQuery prepared = QueryPreparation.prepare(request.q(), SYNONYMS);
		Set<String> kinds = request.type() == null ? Set.of() : Set.of(request.type());
		Set<Long> agencies = request.agency() == null ? Set.of()
				: Set.of(SearchCorpus.AGENCIES.stream().filter(a -> a.code().equals(request.agency())).findFirst()
					.orElseThrow().id());
		Set<String> themes = request.theme() == null ? Set.of() : Set.of(request.theme());
		Set<Integer> years = request.year() == null ? Set.of() : Set.of(Integer.valueOf(request.year()));
		SearchOrder order = "date".equals(request.sort()) ? SearchOrder.NEWEST : SearchOrder.RELEVANCE;
		Query match = queryBuilder.matchQuery(prepared, false);
		Answer answer = run(match, kinds, agencies, themes, years, order, request.page());
		if (answer.total() == 0 && !prepared.textVariants().isEmpty()) {
			Query exact = queryBuilder.matchQuery(prepared, true);
			if (exact != null) {
				answer = run(exact, kinds, agencies, themes, years, order, request.page());
			}
		}
		return answer;
	}

	private Answer run(Query match, Set<String> kinds, Set<Long> agencies, Set<String> themes, Set<Integer> years,
			SearchOrder order, int page) throws IOException {
		Query scored = match == null ? new MatchAllDocsQuery()
				: new BooleanQuery.Builder().add(match, Occur.MUST)
					.add(FeatureField.newSaturationQuery(LuceneDocuments.FEATURES, LuceneDocuments.FRESHNESS,
							LuceneSearchEngine.FRESHNESS_WEIGHT, LuceneSearchEngine.FRESHNESS_PIVOT), Occur.SHOULD)
					.add(FeatureField.newLinearQuery(LuceneDocuments.FEATURES, LuceneDocuments.IN_FORCE,
							LuceneSearchEngine.IN_FORCE_WEIGHT), Occur.SHOULD)
					.build();
		DrillDownQuery drillDown = new DrillDownQuery(LuceneDocuments.FACETS, scored);
		kinds.stream().sorted().forEach(v -> drillDown.add(LuceneDocuments.DIM_TYPE, v));
		agencies.stream().map(String::valueOf).sorted().forEach(v -> drillDown.add(LuceneDocuments.DIM_AGENCY, v));
		themes.stream().sorted().forEach(v -> drillDown.add(LuceneDocuments.DIM_THEME, v));
		years.stream().map(String::valueOf).sorted().forEach(v -> drillDown.add(LuceneDocuments.DIM_YEAR, v));
		Sort sort = match == null || order == SearchOrder.NEWEST ? NEWEST : RELEVANCE;
		int from = (page - 1) * SIZE;
		int topN = page * SIZE;
		DrillSideways sideways = new DrillSideways(searcher, LuceneDocuments.FACETS, facetState);
		DrillSidewaysResult result = sideways.search(drillDown, null, null, topN, sort, false);
		Map<Facet, Map<String, Long>> facets = new LinkedHashMap<>();
		for (Map.Entry<String, Facet> dim : DIMS.entrySet()) {
			FacetResult counts;
			try {
				counts = result.facets.getAllChildren(dim.getKey());
			}
			catch (IllegalArgumentException none) {
				counts = null;
			}
			List<LabelAndValue> values = new ArrayList<>();
			if (counts != null) {
				for (LabelAndValue lv : counts.labelValues) {
					if (lv.value.longValue() > 0) {
						values.add(lv);
					}
				}
			}
			Comparator<LabelAndValue> byOrder = dim.getValue() == Facet.YEAR
					? Comparator.comparing((LabelAndValue lv) -> Integer.parseInt(lv.label)).reversed()
					: Comparator.comparingLong((LabelAndValue lv) -> lv.value.longValue()).reversed()
						.thenComparing(lv -> lv.label);
			values.sort(byOrder);
			Map<String, Long> m = new LinkedHashMap<>();
			for (LabelAndValue lv : values.subList(0, Math.min(values.size(), LuceneSearchEngine.MAX_FACET_VALUES))) {
				m.put(lv.label, lv.value.longValue());
			}
			facets.put(dim.getValue(), m);
		}
		ScoreDoc[] docs = result.hits.scoreDocs;
		List<Hit> hits = new ArrayList<>();
		if (from < docs.length) {
			int[] ids = new int[docs.length - from];
			for (int i = from; i < docs.length; i++) {
				ids[i - from] = docs[i].doc;
			}
			StoredFields stored = searcher.storedFields();
			List<Document> documents = new ArrayList<>();
			for (int id : ids) {
				documents.add(stored.document(id));
			}
			String[] titles = null;
			Map<String, String[]> texts = null;
			if (match != null) {
				titles = highlighter(true).highlightFields(new String[] { LuceneDocuments.TITLE }, match, ids,
						new int[] { 1 }).get(LuceneDocuments.TITLE);
				texts = highlighter(false).highlightFields(
						new String[] { LuceneDocuments.BODY, LuceneDocuments.ATTACHMENT }, match, ids, new int[] { 1, 1 });
			}
			for (int i = 0; i < ids.length; i++) {
				Document d = documents.get(i);
				String title = d.get(LuceneDocuments.TITLE);
				String body = Objects.requireNonNullElse(d.get(LuceneDocuments.BODY), "");
				String attachment = Objects.requireNonNullElse(d.get(LuceneDocuments.ATTACHMENT), "");
				String titleHtml = titles != null && titles[i] != null ? titles[i]
						: LuceneHighlighting.escape(title, 0, title.length());
				String snippet = null;
				if (texts != null) {
					snippet = texts.get(LuceneDocuments.BODY)[i] != null ? texts.get(LuceneDocuments.BODY)[i]
							: texts.get(LuceneDocuments.ATTACHMENT)[i];
				}
				if (snippet == null) {
					snippet = LuceneHighlighting.beginning(body.isBlank() ? attachment : body);
				}
				hits.add(new Hit(d.get(LuceneDocuments.KIND), d.getField(LuceneDocuments.ID).numericValue().longValue(),
						titleHtml, snippet));
			}
		}
		return new Answer(result.hits.totalHits.value, hits, facets);
	}

	/** The engine's highlighter settings, written out with Lucene's builder. */
	private UnifiedHighlighter highlighter(boolean title) {
		UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, indexAnalyzer)
			.withMaxLength(LuceneDocuments.MAX_TEXT)
			.withHighlightPhrasesStrictly(true)
			.withMaxNoHighlightPassages(0)
			.withMaskedFieldsFunc(field -> LuceneDocuments.PHRASE_FIELDS.contains(field)
					? Set.of(field, field + ChineseAnalyzers.EXACT) : Set.of(field));
		if (title) {
			return builder.withBreakIterator(WholeBreakIterator::new)
				.withFormatter(new LuceneHighlighting.MarkFormatter(Integer.MAX_VALUE))
				.build();
		}
		return builder
			.withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
					BreakIterator.getSentenceInstance(Locale.CHINA), LuceneHighlighting.SNIPPET, 0.3f))
			.withFormatter(new LuceneHighlighting.MarkFormatter(LuceneHighlighting.MAX_SNIPPET))
			.build();
	}

	// --- the app's answer, for the check

	static Answer fromApp(HttpClient client, String base, QueryMix.Request request) throws Exception {
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create(base + "/api/v1/public/search?" + request.queryString())).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(request.queryString() + ": status " + response.statusCode() + " " + response.body());
		}
		JsonNode json = new ObjectMapper().readTree(response.body());
		List<Hit> hits = new ArrayList<>();
		for (JsonNode h : json.get("hits")) {
			hits.add(new Hit(h.get("type").asText(), h.get("id").asLong(), h.get("titleHtml").asText(),
					h.get("snippet").asText()));
		}
		Map<Facet, Map<String, Long>> facets = new LinkedHashMap<>();
		for (Facet f : Facet.values()) {
			Map<String, Long> m = new LinkedHashMap<>();
			json.get("facets").get(f.param()).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
			facets.put(f, m);
		}
		return new Answer(json.get("total").asLong(), hits, facets);
	}

	/** The raw facets with agency ids replaced by the codes the API shows. */
	static Map<Facet, Map<String, Long>> asApi(Map<Facet, Map<String, Long>> raw) {
		Map<Facet, Map<String, Long>> out = new LinkedHashMap<>();
		for (Facet f : Facet.values()) {
			Map<String, Long> m = new LinkedHashMap<>();
			raw.getOrDefault(f, Map.of()).forEach((k, v) -> {
				if (f == Facet.AGENCY) {
					SearchCorpus.AGENCIES.stream().filter(a -> Long.toString(a.id()).equals(k)).findFirst()
						.ifPresent(a -> m.put(a.code(), v));
				}
				else {
					m.put(k, v);
				}
			});
			out.put(f, m);
		}
		return out;
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "check" -> check(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
			case "load" -> load(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]),
					Double.parseDouble(args[4]), args.length > 5 ? Integer.parseInt(args[5]) : 4000);
			default -> throw new IllegalArgumentException("check or load");
		}
		System.exit(0);
	}

	static void check(Path dataDir, String base, int n) throws Exception {
		RawSearchBench raw = new RawSearchBench(dataDir);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Map<String, QueryMix.Request> distinct = new LinkedHashMap<>();
		for (QueryMix.Request r : QueryMix.requests(n)) {
			distinct.putIfAbsent(r.queryString(), r);
		}
		int same = 0;
		int shown = 0;
		long totals = 0;
		for (QueryMix.Request r : distinct.values()) {
			Answer app = fromApp(client, base, r);
			Answer mine = raw.search(r);
			Answer rawAsApi = new Answer(mine.total(), mine.hits(), asApi(mine.facets()));
			totals += mine.total();
			List<String> diffs = new ArrayList<>();
			if (app.total() != rawAsApi.total()) {
				diffs.add("total app " + app.total() + " raw " + rawAsApi.total());
			}
			if (!app.hits().equals(rawAsApi.hits())) {
				diffs.add("hits differ: app " + app.hits().stream().map(h -> h.kind() + ":" + h.id()).toList() + " raw "
						+ rawAsApi.hits().stream().map(h -> h.kind() + ":" + h.id()).toList());
				for (int i = 0; i < Math.min(app.hits().size(), rawAsApi.hits().size()); i++) {
					if (!app.hits().get(i).equals(rawAsApi.hits().get(i))) {
						diffs.add("first differing hit: app " + app.hits().get(i) + " raw " + rawAsApi.hits().get(i));
						break;
					}
				}
			}
			if (!app.facets().equals(rawAsApi.facets())) {
				diffs.add("facets app " + app.facets() + " raw " + rawAsApi.facets());
			}
			if (diffs.isEmpty()) {
				same++;
			}
			else if (shown++ < 5) {
				System.out.println("DIFF " + r.queryString() + "\n  " + String.join("\n  ", diffs));
			}
		}
		System.out.printf(Locale.ROOT,
				"RESULT same query check: %d distinct requests of the mix, %d identical answers (total, hits with highlighted title and snippet, facet counts) from the app and from raw Lucene; mean total %.0f hits%n",
				distinct.size(), same, (double) totals / distinct.size());
	}

	static void load(Path dataDir, int threads, double warmup, double seconds, int n) throws Exception {
		RawSearchBench raw = new RawSearchBench(dataDir);
		List<QueryMix.Request> requests = QueryMix.requests(n);
		LoadDriver.Result result = LoadDriver.run("raw Lucene in-process", requests, threads, warmup, seconds,
				request -> raw.search(request));
		System.out.print(result.summary());
	}
}
