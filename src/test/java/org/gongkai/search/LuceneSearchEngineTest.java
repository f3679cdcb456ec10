package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.gongkai.platform.SearchEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchEngineTest extends SearchEngineContractTest {

	@TempDir
	Path dir;

	@Override
	protected SearchEngine newEngine() {
		return new LuceneSearchEngine(dir.resolve("search"));
	}

	private Path searchDir() {
		return dir.resolve("search");
	}

	// --- smartcn-specific

	@Test
	void adjacentWordsAreMarkedAsOne() throws Exception {
		put(doc(1, "关于政务公开的规定", "推进政务公开。"));

		SearchHit hit = search("政务公开").hits().get(0);
		assertThat(hit.titleHtml()).isEqualTo("关于<mark>政务公开</mark>的规定");
		assertThat(hit.snippetHtml()).isEqualTo("推进<mark>政务公开</mark>。");
	}

	@Test
	void traditionalTextIsMarkedInItsOriginalForm() throws Exception {
		put(doc(1, "關於推進政務公開的意見", ""));

		assertThat(search("政务公开").hits().get(0).titleHtml()).isEqualTo("關於推進<mark>政務公開</mark>的意見");
	}

	@Test
	void aSingleCharacterOrAnOddlySegmentedWordFallsBackToTheExactSequence() throws Exception {
		put(doc(1, "防汛抗旱应急预案", "做好汛期准备。"), doc(2, "森林防火", "严禁野外用火。"));

		assertThat(ids("汛")).containsExactly(1L);
		assertThat(ids("旱应急")).containsExactly(1L);
	}

	// --- durability and generations

	@Test
	void aWriteIsOnDiskWhenPutReturns() throws Exception {
		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.complete();
		}
		put(doc(1, "政务公开工作方案", "正文"));
		engine.putAll(List.of(doc(2, "政务公开考核办法", ""), doc(3, "政务公开目录", "")));
		engine.remove("document", 3);

		// copy the folder as a kill -9 would leave it: nothing closed, no write lock
		Path crashed = dir.resolve("crashed");
		copyWithoutLocks(searchDir(), crashed);
		try (LuceneSearchEngine reopened = new LuceneSearchEngine(crashed)) {
			assertThat(reopened.size()).isEqualTo(2);
			assertThat(reopened.search(q("政务公开"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10).hits())
				.extracting(SearchHit::id)
				.containsExactlyInAnyOrder(1L, 2L);
			assertThat(reopened.needsRebuild()).isFalse();
		}
	}

	private static void copyWithoutLocks(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (!file.getFileName().toString().equals("write.lock")) {
					Files.copy(file, target);
				}
			}
		}
	}

	@Test
	void aNewIndexAsksForARebuildAndACompletedRebuildSatisfiesIt() throws Exception {
		assertThat(((LuceneSearchEngine) engine).needsRebuild()).isTrue();
		assertThat(engine.needsRebuild()).isTrue();
		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.putAll(List.of(doc(1, "政务公开", "")));
			rebuild.complete();
		}
		assertThat(engine.needsRebuild()).isFalse();
		engine.close();
		engine = newEngine();
		assertThat(engine.needsRebuild()).isFalse();
		assertThat(engine.size()).isEqualTo(1);
	}

	@Test
	void anIndexOfAnOlderSchemaAsksForARebuild() throws Exception {
		engine.close();
		engine = null;
		Path gen = searchDir().resolve("gen-9");
		Files.createDirectories(gen);
		try (FSDirectory directory = FSDirectory.open(gen);
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
			writer.commit();
		}
		Files.writeString(searchDir().resolve(LuceneIndex.POINTER), "gen-9\n");

		engine = newEngine();
		assertThat(engine.needsRebuild()).isTrue();

		// live writes to the old generation (as during the upgrade rebuild) do not stamp it with the new schema
		put(doc(1, "政务公开", ""));
		engine.close();
		engine = newEngine();
		assertThat(engine.needsRebuild()).isTrue();
		assertThat(engine.size()).isEqualTo(1);
	}

	@Test
	void aFirstRebuildInterruptedByACrashStillAsksForARebuild() throws Exception {
		put(doc(1, "政务公开", ""));
		SearchEngine.Rebuild rebuild = engine.beginRebuild();
		rebuild.putAll(List.of(doc(2, "政务公开新版", ""), doc(3, "政务公开目录", "")));
		put(doc(4, "政务公开考核", ""));
		copyWithoutLocks(searchDir(), dir.resolve("crashed"));
		rebuild.close();

		try (LuceneSearchEngine reopened = new LuceneSearchEngine(dir.resolve("crashed"))) {
			assertThat(reopened.needsRebuild()).isTrue();
			assertThat(reopened.size()).isEqualTo(2);
		}
	}

	@Test
	void anOldIndexWithoutTheFilledKeyCountsAsFilledWhenItHoldsDocuments() throws Exception {
		engine.close();
		engine = null;
		Path gen = searchDir().resolve("gen-9");
		Files.createDirectories(gen);
		try (FSDirectory directory = FSDirectory.open(gen);
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
			writer.addDocument(LuceneDocuments.document(doc(1, "政务公开", "")));
			writer.setLiveCommitData(
					java.util.Map.of(LuceneGeneration.SCHEMA_KEY, Integer.toString(LuceneDocuments.SCHEMA_VERSION))
						.entrySet());
			writer.commit();
		}
		Files.writeString(searchDir().resolve(LuceneIndex.POINTER), "gen-9\n");

		engine = newEngine();
		assertThat(engine.needsRebuild()).isFalse();
	}

	@Test
	void liveWritesDuringARebuildDoNotCommitTheNewGeneration() throws Exception {
		put(doc(1, "政务公开", ""));
		String serving = Files.readString(searchDir().resolve(LuceneIndex.POINTER)).strip();
		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.putAll(List.of(doc(2, "政务公开新版", "")));
			put(doc(3, "政务公开目录", ""));
			engine.remove("document", 1);
			Path next;
			try (Stream<Path> children = Files.list(searchDir())) {
				next = children.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().equals(serving))
					.findFirst()
					.orElseThrow();
			}
			try (FSDirectory directory = FSDirectory.open(next)) {
				assertThat(org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).totalMaxDoc()).isZero();
			}
			rebuild.complete();
		}
		assertThat(ids("政务公开")).containsExactlyInAnyOrder(2L, 3L);
	}

	@Test
	void aLiveRemovalDuringARebuildBatchIsNotUndoneByTheBatch() throws Exception {
		put(doc(1, "政务公开", ""));
		LuceneIndex index = ((LuceneSearchEngine) engine).index();
		Thread[] remover = new Thread[1];
		index.afterRebuildCheck = () -> {
			index.afterRebuildCheck = null;
			// the batch has checked that key 1 was not written live; a removal now must not slip in before its write
			remover[0] = new Thread(() -> engine.remove("document", 1));
			remover[0].start();
			try {
				remover[0].join(500);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		};
		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.putAll(List.of(doc(1, "政务公开", ""), doc(2, "政务公开新版", "")));
			remover[0].join();
			rebuild.complete();
		}
		assertThat(ids("政务公开")).containsExactly(2L);
	}

	// --- quoted phrases (exact path)

	@Test
	void aQuotedDocumentNumberMatchesInTheBodyAndInTheKeywords() throws Exception {
		put(doc(1, "关于印发工作方案的通知", "根据国办发〔2024〕12号文件精神，制定本方案。"),
				new SearchEntry("document", 2, 1L, "/d/2/", "关于印发考核办法的通知", "正文", "",
						LocalDate.of(2024, 3, 1), null, "国办发〔2024〕12号", false),
				doc(3, "其他通知", "国办发〔2024〕13号"));

		assertThat(ids("\"国办发〔2024〕12号\"")).containsExactlyInAnyOrder(1L, 2L);
	}

	@Test
	void quotedPhrasesWithCjkRunsBeforeDigitsMatch() throws Exception {
		put(doc(1, "政务公开2024年度报告", "依照第3条规定办理。"), doc(2, "推进标准化规范化", "汛期"),
				doc(3, "规范化标准化建设", ""));

		assertThat(ids("\"公开2024\"")).containsExactly(1L);
		assertThat(ids("\"第3条\"")).containsExactly(1L);
		assertThat(ids("\"汛\"")).containsExactly(2L);
		assertThat(ids("\"规范化标准化\"")).containsExactly(3L);
		assertThat(ids("\"标准化规范化\"")).containsExactly(2L);
	}

	// --- long queries

	@Test
	void aLongQueryWithSeveralSynonymsStaysWithinTheClauseLimit() throws Exception {
		List<String> others = List.of("政务", "公开", "工作", "方案", "通知", "规定", "办法", "制度", "标准", "规范", "管理",
				"服务", "建设", "发展", "改革", "创新", "安全", "生产", "检查", "监督", "考核", "评估", "目录", "指南", "流程",
				"信息", "数据", "平台", "系统", "网站", "政策", "解读", "回应", "关切", "意见", "建议", "报告");
		String base = "社保 低保 医保 " + String.join(" ", others);
		List<String> variants = new java.util.ArrayList<>();
		for (String a : List.of("社保", "社会保险")) {
			for (String b : List.of("低保", "最低生活保障")) {
				for (String c : List.of("医保", "医疗保险")) {
					variants.add(a + " " + b + " " + c + " " + String.join(" ", others));
				}
			}
		}
		assertThat(base.split(" ")).hasSize(40);
		put(doc(1, "社会保险 最低生活保障 医保", base));

		SearchResults results = engine.search(new PreparedQuery(base, variants, List.of()), SearchFilter.NONE,
				SearchOrder.RELEVANCE, 1, 10);

		assertThat(results.hits()).extracting(SearchHit::id).containsExactly(1L);
	}

	@Test
	void aQueryBeyondTheClauseLimitIsABadArgument() throws Exception {
		put(doc(1, "政务公开", ""));
		List<String> phrases = IntStream.range(0, 300).mapToObj(i -> "公开" + i).toList();

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> engine.search(new PreparedQuery("x", List.of(), phrases), SearchFilter.NONE,
					SearchOrder.RELEVANCE, 1, 10))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("too many words");
	}

	@Test
	void aCompletedRebuildMovesThePointerAndDeletesTheOldGeneration() throws Exception {
		put(doc(1, "政务公开", ""));
		String before = Files.readString(searchDir().resolve(LuceneIndex.POINTER)).strip();
		assertThat(searchDir().resolve(before)).isDirectory();

		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.putAll(List.of(doc(2, "政务公开新版", "")));
			rebuild.complete();
		}

		String after = Files.readString(searchDir().resolve(LuceneIndex.POINTER)).strip();
		assertThat(after).isNotEqualTo(before);
		assertThat(searchDir().resolve(before)).doesNotExist();
		assertThat(searchDir().resolve(after)).isDirectory();
		assertThat(searchDir().resolve(LuceneIndex.POINTER + ".tmp")).doesNotExist();

		engine.close();
		engine = newEngine();
		assertThat(ids("政务公开")).containsExactly(2L);
	}

	@Test
	void anAbortedRebuildDeletesItsFolder() throws Exception {
		put(doc(1, "政务公开", ""));
		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.putAll(List.of(doc(2, "政务公开新版", "")));
		}
		try (Stream<Path> children = Files.list(searchDir())) {
			assertThat(children.filter(Files::isDirectory).toList()).hasSize(1);
		}
	}

	@Test
	void aRebuildLeftByACrashIsDroppedAtStart() throws Exception {
		put(doc(1, "政务公开", ""));
		SearchEngine.Rebuild rebuild = engine.beginRebuild();
		rebuild.putAll(List.of(doc(2, "政务公开新版", "")));
		copyWithoutLocks(searchDir(), dir.resolve("crashed"));

		try (LuceneSearchEngine reopened = new LuceneSearchEngine(dir.resolve("crashed"))) {
			assertThat(reopened.size()).isEqualTo(1);
			try (Stream<Path> children = Files.list(dir.resolve("crashed"))) {
				assertThat(children.filter(Files::isDirectory).toList()).hasSize(1);
			}
		}
		rebuild.close();
	}

	@Test
	void twoEnginesOnOneFolderShareTheIndex() throws Exception {
		try (LuceneSearchEngine second = new LuceneSearchEngine(searchDir())) {
			second.put(doc(1, "政务公开", ""));
			assertThat(engine.size()).isEqualTo(1);
		}
		put(doc(2, "政务公开", ""));
		assertThat(engine.size()).isEqualTo(2);
	}

	@Test
	void concurrentWritersAllLand() throws Exception {
		List<Thread> threads = IntStream.range(0, 8).mapToObj(t -> new Thread(() -> {
			for (int i = 0; i < 25; i++) {
				engine.put(doc(t * 100L + i, "并发写入的政务公开文件", ""));
			}
		})).toList();
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(engine.size()).isEqualTo(200);
		assertThat(search("政务公开").total()).isEqualTo(200);
	}

	@Test
	void aBatchIsOneCommit() {
		String body = "为进一步做好政府信息公开工作，根据《中华人民共和国政府信息公开条例》等有关规定，结合本县实际，制定本方案。"
				+ "各乡镇人民政府、县政府各部门要高度重视，明确责任分工，确保各项任务落到实处。";
		List<SearchEntry> batch = IntStream.range(0, 5000)
			.mapToObj(i -> new SearchEntry("document", i, (long) (i % 50), "/d/" + i + "/", "关于印发第" + i + "号政务公开工作方案的通知",
					body.repeat(3), "", LocalDate.of(2015 + i % 10, 1 + i % 12, 1), "主题" + i % 20, "", i % 7 == 0))
			.toList();
		LuceneSearchEngine lucene = (LuceneSearchEngine) engine;
		long commitsBefore = lucene.commits();
		long start = System.nanoTime();
		for (int from = 0; from < batch.size(); from += 1000) {
			engine.putAll(batch.subList(from, from + 1000));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		// the throughput depends on the machine's load; bench/ measures it, this only reports it
		System.out.printf("putAll: %d entries in %.2f s = %.0f/s%n", batch.size(), seconds, batch.size() / seconds);
		assertThat(lucene.commits() - commitsBefore).isEqualTo(5);
		assertThat(engine.size()).isEqualTo(5000);
		assertThat(engine.search(q("政务公开"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10).total()).isEqualTo(5000);
	}

	// --- caches: counts per segment, answers per reader

	/** An engine that caches the counts of every segment, however small, beside the default one. */
	private LuceneSearchEngine cachingEveryCount() {
		return new LuceneSearchEngine(dir.resolve("caching"), 64, 1000, 1);
	}

	private static List<SearchEntry> countedCorpus(int from, int to) {
		return IntStream.range(from, to)
			.mapToObj(i -> new SearchEntry(i % 3 == 0 ? "interpretation" : "document", i, (long) (i % 4), "/d/" + i + "/",
					"政务公开第" + i + "号", "正文", "", LocalDate.of(2020 + i % 3, 1, 1), "主题" + i % 2, "", false))
			.toList();
	}

	@Test
	void cachedCountsStayExactWhenACountedSegmentLosesAnEntryAndANewOneArrives() throws Exception {
		try (LuceneSearchEngine caching = cachingEveryCount()) {
			caching.putAll(countedCorpus(0, 30));
			engine.putAll(countedCorpus(0, 30));
			SearchFilter documents = new SearchFilter(Set.of("document"), Set.of(), Set.of(), Set.of());
			SearchResults first = caching.search(q("政务公开"), documents, SearchOrder.RELEVANCE, 1, 5);
			assertThat(first.total()).isEqualTo(20);

			// the first segment loses two entries (its deletions change), a third segment brings one
			for (SearchEngine e : List.of(caching, engine)) {
				e.remove("document", 1);
				e.remove("interpretation", 3);
				e.put(countedCorpus(31, 32).get(0));
			}
			for (SearchFilter filter : List.of(SearchFilter.NONE, documents,
					new SearchFilter(Set.of(), Set.of(1L, 2L), Set.of("主题1"), Set.of(2021)))) {
				SearchResults cached = caching.search(q("政务公开"), filter, SearchOrder.RELEVANCE, 1, 5);
				SearchResults counted = engine.search(q("政务公开"), filter, SearchOrder.RELEVANCE, 1, 5);
				assertThat(cached.total()).isEqualTo(counted.total());
				assertThat(cached.facets()).isEqualTo(counted.facets());
			}
			assertThat(caching.search(q("政务公开"), documents, SearchOrder.RELEVANCE, 1, 5).total()).isEqualTo(20);
			assertThat(caching.search(q("政务公开"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 5).total()).isEqualTo(29);
			// drill sideways against counts made by hand from the live entries
			List<SearchEntry> live = new java.util.ArrayList<>(countedCorpus(0, 30));
			live.removeIf(e -> e.id() == 1 || e.id() == 3);
			live.add(countedCorpus(31, 32).get(0));
			SearchFilter three = new SearchFilter(Set.of(), Set.of(1L, 2L), Set.of("主题1"), Set.of(2021));
			SearchResults filtered = caching.search(q("政务公开"), three, SearchOrder.RELEVANCE, 1, 5);
			for (Facet facet : Facet.values()) {
				assertThat(asMap(filtered.facets().get(facet))).as("%s", facet).isEqualTo(sideways(live, three, facet));
			}
		}
	}

	private static java.util.Map<String, Long> asMap(List<FacetCount> counts) {
		java.util.Map<String, Long> map = new java.util.TreeMap<>();
		counts.forEach(c -> map.put(c.value(), c.count()));
		return map;
	}

	/** The counts of a dimension over the entries that pass every filter but the dimension's own. */
	private static java.util.Map<String, Long> sideways(List<SearchEntry> entries, SearchFilter filter, Facet facet) {
		java.util.Map<String, Long> map = new java.util.TreeMap<>();
		for (SearchEntry e : entries) {
			java.util.Map<Facet, String> values = java.util.Map.of(Facet.TYPE, e.kind(), Facet.AGENCY,
					String.valueOf(e.agencyId()), Facet.THEME, e.theme(), Facet.YEAR,
					String.valueOf(e.date().getYear()));
			boolean passes = true;
			for (Facet other : Facet.values()) {
				if (other != facet && filter.has(other) && !filter.values(other).contains(values.get(other))) {
					passes = false;
				}
			}
			if (passes) {
				map.merge(values.get(facet), 1L, Long::sum);
			}
		}
		return map;
	}

	@Test
	void aSegmentWithDeletionsKeepsItsCachedCountsWhenAWriteChangesAnotherSegment() throws Exception {
		try (LuceneSearchEngine caching = cachingEveryCount()) {
			caching.putAll(countedCorpus(0, 30));
			caching.remove("document", 1); // the first segment has a deletion: every write gives it a new reader
			assertThat(caching.search(q("政务公开"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 5).total()).isEqualTo(29);
			long hits = caching.cacheStatistics()[2];

			caching.put(countedCorpus(40, 41).get(0)); // a second segment; the first one's deletions are unchanged

			assertThat(caching.search(q("政务公开"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 5).total()).isEqualTo(30);
			assertThat(caching.cacheStatistics()[2]).as("the first segment's counts came from the cache")
				.isEqualTo(hits + 1);
		}
	}

	@Test
	void aRepeatedQueryIsAnsweredFromTheCacheUntilAWriteAndARemovedEntryIsNeverServedFromIt() throws Exception {
		put(doc(1, "政务公开工作方案", "正文"), doc(2, "政务公开考核办法", "正文"));
		LuceneSearchEngine lucene = (LuceneSearchEngine) engine;

		assertThat(ids("政务公开")).containsExactlyInAnyOrder(1L, 2L);
		long[] before = lucene.cacheStatistics();
		assertThat(ids("政务公开")).containsExactlyInAnyOrder(1L, 2L);
		assertThat(lucene.cacheStatistics()[0]).isEqualTo(before[0] + 1);

		engine.remove("document", 2);
		assertThat(ids("政务公开")).containsExactly(1L);
		assertThat(search("政务公开").total()).isEqualTo(1);
		engine.put(doc(3, "政务公开目录", "正文"));
		assertThat(ids("政务公开")).containsExactlyInAnyOrder(1L, 3L);
	}

	@Test
	void withoutCachesEveryRequestIsCountedAndRanked() throws Exception {
		try (LuceneSearchEngine uncached = new LuceneSearchEngine(dir.resolve("uncached"), 0, 0, 1)) {
			uncached.putAll(countedCorpus(0, 12));
			uncached.search(q("政务公开"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 5);
			assertThat(uncached.search(q("政务公开"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 5).total())
				.isEqualTo(12);
			assertThat(uncached.cacheStatistics()).containsExactly(0, 0, 0, 0);
		}
	}

	@Test
	void pagesFromARankedWindowAndBeyondItAreThoseOfAnUncachedEngine() throws Exception {
		try (LuceneSearchEngine cached = cachingEveryCount();
				LuceneSearchEngine uncached = new LuceneSearchEngine(dir.resolve("uncached"), 0, 0, 1)) {
			cached.putAll(countedCorpus(0, 130));
			uncached.putAll(countedCorpus(0, 130));
			SearchFilter documents = new SearchFilter(Set.of("document"), Set.of(), Set.of(), Set.of());
			for (SearchOrder order : SearchOrder.values()) {
				for (SearchFilter filter : List.of(SearchFilter.NONE, documents)) {
					// pages 1 to 26 of 5: the first 20 from one window of 100, then a window of 200
					for (int page = 1; page <= 26; page++) {
						SearchResults a = cached.search(q("政务公开"), filter, order, page, 5);
						SearchResults b = uncached.search(q("政务公开"), filter, order, page, 5);
						assertThat(a.hits()).as("page %d, %s, %s", page, order, filter).isEqualTo(b.hits());
						assertThat(a.total()).isEqualTo(b.total());
					}
				}
			}
		}
	}
}
