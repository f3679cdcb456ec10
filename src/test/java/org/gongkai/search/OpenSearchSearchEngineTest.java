package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.platform.SearchEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch engine against a real OpenSearch 2.19.6 (see {@link OpenSearchTestServer}): the engine-neutral
 * contract plus OpenSearch's own behaviour (bigram analysis, alias swap, settings). Each test gets a fresh index
 * behind its own alias. A server that cannot start fails this test with its log tail; only
 * {@code GONGKAI_OPENSEARCH_TESTS=skip} skips it.
 */
class OpenSearchSearchEngineTest extends SearchEngineContractTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	private static final AtomicInteger ALIASES = new AtomicInteger();

	/** Distinguishes this run's aliases from earlier runs' on a server given by gongkai.opensearch.url. */
	private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

	private static OpenSearchTestServer server;

	private final List<OpenSearchSearchEngine> engines = new ArrayList<>();

	@BeforeAll
	static void startServer() {
		Assumptions.assumeFalse(OpenSearchTestServer.skipped(), "GONGKAI_OPENSEARCH_TESTS=skip");
		server = OpenSearchTestServer.start();
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	/**
	 * An engine over an empty index: the tests share one alias (creating and dropping an index per test costs
	 * seconds on a busy machine), emptied before each test. Lucene drops segments whose documents are all deleted,
	 * so no statistics of earlier tests' entries remain.
	 */
	@Override
	protected OpenSearchSearchEngine newEngine() throws Exception {
		OpenSearchSearchEngine engine = engine("gongkai-test-" + RUN);
		// The integ-test server has no reindex module (no _delete_by_query): delete by id in one bulk.
		String hits = post("/" + engine.alias() + "/_search?size=10000&_source=false", "{\"query\":{\"match_all\":{}}}");
		StringBuilder bulk = new StringBuilder();
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"_id\":\"([^\"]+)\"").matcher(hits);
		while (id.find()) {
			bulk.append("{\"delete\":{\"_id\":\"").append(id.group(1)).append("\"}}\n");
		}
		if (!bulk.isEmpty()) {
			http(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(server.url() + "/" + engine.alias() + "/_bulk?refresh=true"))
				.header("Content-Type", "application/x-ndjson")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(bulk.toString())));
		}
		assertThat(engine.size()).isZero();
		return engine;
	}

	/** An engine on an alias of its own. */
	private OpenSearchSearchEngine engineOnNewAlias() {
		return engine("gongkai-test-" + RUN + "-" + ALIASES.incrementAndGet());
	}

	/** The contract test's engine, for the OpenSearch-specific tests. */
	private OpenSearchSearchEngine engine() {
		return (OpenSearchSearchEngine) engine;
	}

	private OpenSearchSearchEngine engine(String alias) {
		// No replicas on one node; a short refresh interval keeps refresh=wait_for quick in tests.
		OpenSearchSearchEngine engine = new OpenSearchSearchEngine(server.url(), "", "", alias, 1, 0, "100ms", CLOCK);
		engines.add(engine);
		return engine;
	}

	@AfterEach
	void closeEngines() {
		engines.forEach(OpenSearchSearchEngine::close);
		engines.clear();
	}

	private static SearchEntry sample(String kind, long id, String title, String body, LocalDate date) {
		return new SearchEntry(kind, id, 7L, "/" + kind + "/" + id + "/", title, body, "", date, "政务公开", "", false);
	}

	private static PreparedQuery words(String text) {
		return new PreparedQuery(text, List.of(text), List.of());
	}

	private static List<Long> ids(SearchResults results) {
		return results.hits().stream().map(SearchHit::id).toList();
	}

	@Test
	void findsChineseByBigramsWithEscapedHighlightsAndFacets() {
		OpenSearchSearchEngine engine = engine();
		engine.putAll(List.of(
				sample("document", 1, "关于<b>政务公开</b>工作的通知", "各单位：现将政务公开工作要点印发给你们。", LocalDate.of(2025, 3, 1)),
				sample("document", 2, "财政预算报告", "本报告说明预算执行情况。", LocalDate.of(2024, 3, 1)),
				new SearchEntry("interpretation", 3, 8L, "/i/3/", "政策解读", "解读政务公开的要求", "", LocalDate.of(2024, 5, 1),
						"财政", "", false)));

		SearchResults results = engine.search(words("政务公开"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10);

		assertThat(ids(results)).containsExactly(1L, 3L);
		assertThat(results.total()).isEqualTo(2);
		SearchHit top = results.hits().get(0);
		assertThat(top.titleHtml()).isEqualTo("关于&lt;b&gt;<mark>政务公开</mark>&lt;/b&gt;工作的通知");
		assertThat(top.snippetHtml()).contains("<mark>政务公开</mark>");
		assertThat(top.url()).isEqualTo("/document/1/");
		assertThat(top.agencyId()).isEqualTo(7L);
		assertThat(top.date()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(results.facets().get(Facet.TYPE)).containsExactly(new FacetCount("document", 1),
				new FacetCount("interpretation", 1));
		assertThat(results.facets().get(Facet.AGENCY)).containsExactly(new FacetCount("7", 1), new FacetCount("8", 1));
		assertThat(results.facets().get(Facet.YEAR)).containsExactly(new FacetCount("2025", 1),
				new FacetCount("2024", 1));

		// Drill-sideways: filtering by type keeps the other types' counts, and narrows the other dimensions.
		SearchFilter onlyDocuments = new SearchFilter(Set.of("document"), Set.of(), Set.of(), Set.of());
		SearchResults filtered = engine.search(words("政务公开"), onlyDocuments, SearchOrder.RELEVANCE, 1, 10);
		assertThat(ids(filtered)).containsExactly(1L);
		assertThat(filtered.facets().get(Facet.TYPE)).containsExactly(new FacetCount("document", 1),
				new FacetCount("interpretation", 1));
		assertThat(filtered.facets().get(Facet.THEME)).containsExactly(new FacetCount("政务公开", 1));
	}

	@Test
	void freeTextMatchesWordsAndAQuotedPhraseOnlyTheCharactersAsTyped() {
		OpenSearchSearchEngine engine = engine();
		engine.putAll(List.of(sample("document", 1, "政府信息公开申请的答复期限", "", LocalDate.of(2025, 1, 1)),
				sample("document", 2, "依申请公开政府信息", "", LocalDate.of(2025, 1, 2))));

		// Free text matches by words (smartcn on the query), in any order; the quoted phrase only as typed.
		assertThat(ids(engine.search(words("信息公开申请"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10)))
			.containsExactlyInAnyOrder(1L, 2L);
		assertThat(ids(engine.search(new PreparedQuery("\"申请公开\"", List.of(), List.of("申请公开")), SearchFilter.NONE,
				SearchOrder.RELEVANCE, 1, 10)))
			.containsExactly(2L);
	}

	@Test
	void fullWidthAndTraditionalFormsInDocumentsMeetFoldedQueries() {
		OpenSearchSearchEngine engine = engine();
		engine.put(sample("document", 1, "ＧＤＰ统计公报（車辆）", "", LocalDate.of(2025, 1, 1)));

		SearchResults results = engine.search(words("gdp"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10);
		assertThat(ids(results)).containsExactly(1L);
		assertThat(results.hits().get(0).titleHtml()).contains("<mark>ＧＤＰ</mark>");
		assertThat(ids(engine.search(words("车辆"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10))).containsExactly(1L);
	}

	@Test
	void newestOrderBreaksTiesStablyAndPagesDoNotOverlap() {
		OpenSearchSearchEngine engine = engine();
		List<SearchEntry> entries = new ArrayList<>();
		for (long id = 1; id <= 25; id++) {
			entries.add(sample("document", id, "通知" + id, "", LocalDate.of(2025, 1, 1 + (int) (id % 3))));
		}
		engine.putAll(entries);

		List<Long> seen = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			seen.addAll(ids(engine.search(new PreparedQuery("", List.of(), List.of()), SearchFilter.NONE,
					SearchOrder.NEWEST, page, 10)));
		}
		assertThat(seen).hasSize(25).doesNotHaveDuplicates();
		assertThat(seen.subList(0, 3)).containsExactly(2L, 5L, 8L);
		assertThat(engine.size()).isEqualTo(25);
	}

	@Test
	void inForceRanksAboveRepealedWithTheSameText() {
		OpenSearchSearchEngine engine = engine();
		engine.putAll(List.of(
				new SearchEntry("document", 1, 7L, "/d/1/", "城市绿化管理办法", "", "", LocalDate.of(2025, 1, 1), null, "", true),
				new SearchEntry("document", 2, 7L, "/d/2/", "城市绿化管理办法", "", "", LocalDate.of(2024, 1, 1), null, "", false)));

		SearchResults results = engine.search(words("绿化管理"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10);
		assertThat(ids(results)).containsExactly(2L, 1L);
		assertThat(results.hits().get(1).outOfForce()).isTrue();
	}

	@Test
	void didYouMeanOffersACorrectedSpellingThatHasResults() {
		OpenSearchSearchEngine engine = engine();
		engine.putAll(List.of(sample("document", 1, "政务公开工作方案", "", LocalDate.of(2025, 1, 1)),
				sample("document", 2, "政府工作报告", "", LocalDate.of(2025, 1, 1))));

		assertThat(engine.didYouMean(words("政物公开"))).contains("政务公开");
		assertThat(engine.didYouMean(words("政务公开"))).isEmpty();
		assertThat(engine.didYouMean(new PreparedQuery("\"x\"", List.of(), List.of("x")))).isEmpty();
	}

	@Test
	void rebuildFillsANewIndexWhileTheOldServesAndSwapsTheAliasAtomically() {
		OpenSearchSearchEngine engine = engine();
		engine.putAll(List.of(sample("document", 1, "旧的通知", "", LocalDate.of(2025, 1, 1)),
				sample("document", 2, "将被撤回的通知", "", LocalDate.of(2025, 1, 1))));
		Set<String> before = engine.servingIndexes();

		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.putAll(List.of(sample("document", 1, "旧的通知", "", LocalDate.of(2025, 1, 1)),
					sample("document", 3, "重建时读到的通知", "", LocalDate.of(2025, 1, 1))));
			// Live writes during the rebuild reach both indexes ...
			engine.put(sample("document", 4, "重建期间发布的通知", "", LocalDate.of(2025, 1, 1)));
			engine.remove("document", 2);
			// ... and a stale copy read by the rebuild before the withdrawal does not bring it back.
			rebuild.putAll(List.of(sample("document", 2, "将被撤回的通知", "", LocalDate.of(2025, 1, 1))));
			// The old index keeps serving until the swap.
			assertThat(ids(engine.search(words("通知"), SearchFilter.NONE, SearchOrder.NEWEST, 1, 10)))
				.containsExactlyInAnyOrder(1L, 4L);
			rebuild.complete();
		}

		Set<String> after = engine.servingIndexes();
		assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
		assertThat(ids(engine.search(words("通知"), SearchFilter.NONE, SearchOrder.NEWEST, 1, 10)))
			.containsExactlyInAnyOrder(1L, 3L, 4L);
		assertThat(engine.size()).isEqualTo(3);
		// The old index is gone: a second engine on the same alias sees only the new one.
		assertThat(engine(engine.alias()).servingIndexes()).isEqualTo(after);
	}

	@Test
	void anAbandonedRebuildDropsItsIndexAndTheOldKeepsServing() {
		OpenSearchSearchEngine engine = engine();
		engine.put(sample("document", 1, "通知", "", LocalDate.of(2025, 1, 1)));
		Set<String> before = engine.servingIndexes();

		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.putAll(List.of(sample("document", 9, "不完整的重建", "", LocalDate.of(2025, 1, 1))));
			assertThatThrownBy(engine::beginRebuild).isInstanceOf(IllegalStateException.class);
		}

		assertThat(engine.servingIndexes()).isEqualTo(before);
		assertThat(ids(engine.search(words("通知"), SearchFilter.NONE, SearchOrder.NEWEST, 1, 10))).containsExactly(1L);
		engine.put(sample("document", 2, "之后的通知", "", LocalDate.of(2025, 1, 1)));
		assertThat(engine.size()).isEqualTo(2);
		// A new rebuild can start after the abandoned one.
		try (SearchEngine.Rebuild again = engine.beginRebuild()) {
			assertThat(again).isNotNull();
		}
	}

	@Test
	void theIndexFsyncsEveryWriteAndAnalysesWithTheCjkChainAndFolding() throws Exception {
		OpenSearchSearchEngine engine = engine();
		String index = engine.servingIndexes().iterator().next();

		String settings = get("/" + index + "/_settings?flat_settings=true");
		assertThat(settings).contains("\"index.translog.durability\":\"request\"");
		String tokens = post("/" + index + "/_analyze",
				"{\"analyzer\":\"" + OpenSearchSearchEngine.ANALYZER + "\",\"text\":\"政務公開ＧＤＰ\"}");
		assertThat(tokens).contains("\"政务\"", "\"务公\"", "\"公开\"", "\"gdp\"").doesNotContain("政務");
	}

	private static String get(String path) throws Exception {
		return http(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + path)).GET());
	}

	private static String post(String path, String json) throws Exception {
		return http(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + path))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
	}

	private static String http(java.net.http.HttpRequest.Builder request) throws Exception {
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	@Test
	void aNewIndexNeedsARebuildUntilOneCompletes() {
		OpenSearchSearchEngine fresh = engineOnNewAlias();
		assertThat(fresh.needsRebuild()).isTrue();
		assertThat(engine(fresh.alias()).needsRebuild()).as("another node or a restart: no rebuild filled it yet").isTrue();

		try (SearchEngine.Rebuild rebuild = fresh.beginRebuild()) {
			rebuild.complete();
		}
		assertThat(fresh.needsRebuild()).isFalse();
		assertThat(engine(fresh.alias()).needsRebuild()).isFalse();
	}

	@Test
	void rejectsPagesOutsideTheContract() {
		OpenSearchSearchEngine engine = engine();
		assertThatThrownBy(() -> engine.search(words("x"), SearchFilter.NONE, SearchOrder.NEWEST, 0, 10))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> engine.search(words("x"), SearchFilter.NONE, SearchOrder.NEWEST, 1, 101))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(engine.didYouMean(words("x"))).isEqualTo(Optional.empty());
	}
}
