package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.gongkai.platform.SearchEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SearchEngine} owes the service, engine-neutral: an implementation's test extends this
 * class and says how to make a new, empty engine. Nothing here depends on how an engine segments words (smartcn or
 * bigrams); engine-specific checks belong in the implementation's own test.
 */
public abstract class SearchEngineContractTest {

	protected static final List<Set<String>> SYNONYMS = List.of(Set.of("社保", "社会保险"), Set.of("低保", "最低生活保障"));

	protected SearchEngine engine;

	/** A new engine over an empty index. */
	protected abstract SearchEngine newEngine() throws Exception;

	/** Called after each write; engines that make writes visible before they return need nothing here. */
	protected void awaitVisible() throws Exception {
	}

	@BeforeEach
	void openEngine() throws Exception {
		engine = newEngine();
	}

	@AfterEach
	void closeEngine() {
		if (engine != null) {
			engine.close();
		}
	}

	// --- helpers

	protected static SearchEntry entry(String kind, long id, String title, String body, LocalDate date) {
		return new SearchEntry(kind, id, 1L, "/" + kind + "/" + id + "/", title, body, "", date, null, "", false);
	}

	protected static SearchEntry doc(long id, String title, String body) {
		return entry("document", id, title, body, LocalDate.of(2024, 3, 1));
	}

	protected void put(SearchEntry... entries) throws Exception {
		if (entries.length == 1) {
			engine.put(entries[0]);
		}
		else {
			engine.putAll(List.of(entries));
		}
		awaitVisible();
	}

	protected static PreparedQuery q(String raw) {
		return QueryPreparation.prepare(raw, SYNONYMS);
	}

	protected SearchResults search(String raw) {
		return engine.search(q(raw), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 20);
	}

	protected List<Long> ids(String raw) {
		return search(raw).hits().stream().map(SearchHit::id).toList();
	}

	protected static String withoutMarks(String html) {
		return html.replace("<mark>", "").replace("</mark>", "");
	}

	// --- words, phrases, folding, synonyms

	@Test
	void findsEntriesByTheirWordsAndNotOthers() throws Exception {
		put(doc(1, "关于做好2024年政务公开工作的通知", "各单位要认真落实政务公开要求。"),
				doc(2, "关于开展安全生产检查的通知", "各单位要开展安全生产大检查。"),
				doc(3, "财政预算报告", "本年度政务公开经费列入预算。"));

		assertThat(ids("政务公开")).containsExactlyInAnyOrder(1L, 3L);
		assertThat(ids("安全生产")).containsExactly(2L);
		assertThat(ids("政务公开 预算")).containsExactly(3L);
		assertThat(search("政务公开").total()).isEqualTo(2);
	}

	@Test
	void aQuotedPhraseMatchesTheExactCharacterSequence() throws Exception {
		put(doc(1, "政府信息公开申请的答复期限", "答复期限为二十个工作日。"),
				doc(2, "依申请公开政府信息", "公民可以申请获取政府信息。"));

		assertThat(ids("\"信息公开申请\"")).containsExactly(1L);
		assertThat(ids("“信息公开申请”")).containsExactly(1L);
		assertThat(ids("「信息公开申请」")).containsExactly(1L);
		assertThat(ids("\"申请公开\"")).containsExactly(2L);
		assertThat(ids("\"公开申请政府\"")).isEmpty();
	}

	@Test
	void aPhraseAndFreeTextMustBothMatch() throws Exception {
		put(doc(1, "政府信息公开申请的答复期限", "工作日内答复。"), doc(2, "政府信息公开申请须知", "申请人应当提供身份证明。"));

		assertThat(ids("\"信息公开申请\" 答复")).containsExactly(1L);
	}

	@Test
	void traditionalAndFullWidthQueriesFindSimplifiedText() throws Exception {
		put(doc(1, "2024年政务公开工作要点", "推进政务公开标准化规范化。"), doc(2, "ＧＤＰ统计公报", "全年地区生产总值增长。"));

		assertThat(ids("政務公開")).containsExactly(1L);
		assertThat(ids("２０２４年政务公开")).containsExactly(1L);
		assertThat(ids("gdp")).containsExactly(2L);
		assertThat(ids("ＧＤＰ")).containsExactly(2L);
		assertThat(ids("\"政務公開\"")).containsExactly(1L);
	}

	@Test
	void traditionalTextIsFoundBySimplifiedQueries() throws Exception {
		put(doc(1, "關於推進政務公開的意見", "各級政府要加強資訊發布。"));

		assertThat(ids("政务公开")).containsExactly(1L);
		assertThat(ids("\"推进政务公开\"")).containsExactly(1L);
	}

	@Test
	void synonymsFindTheOtherForm() throws Exception {
		put(doc(1, "社会保险缴费基数调整", "本市调整社会保险缴费基数。"), doc(2, "最低生活保障标准提高", "城乡低保标准统一。"));

		assertThat(ids("社保")).containsExactly(1L);
		assertThat(ids("最低生活保障")).containsExactly(2L);
		assertThat(ids("低保")).containsExactly(2L);
		assertThat(engine.search(QueryPreparation.prepare("社保", List.of()), SearchFilter.NONE, SearchOrder.RELEVANCE, 1,
				10).total()).isZero();
	}

	// --- ranking

	@Test
	void aTitleMatchRanksAboveABodyMatch() throws Exception {
		put(doc(1, "关于调整工作安排的通知", "住房公积金提取办法另行通知，各单位遵照执行。"),
				doc(2, "住房公积金提取办法", "关于调整工作安排的通知，各单位遵照执行。"));

		assertThat(ids("住房公积金")).containsExactly(2L, 1L);
	}

	@Test
	void anEntryInForceRanksAboveOneOutOfForceWithTheSameText() throws Exception {
		LocalDate day = LocalDate.of(2023, 5, 1);
		put(new SearchEntry("document", 1, 1L, "/d/1/", "城市道路管理办法", "城市道路管理的规定。", "", day, null, "", true),
				new SearchEntry("document", 2, 1L, "/d/2/", "城市道路管理办法", "城市道路管理的规定。", "", day, null, "", false));

		List<SearchHit> hits = search("城市道路管理").hits();
		assertThat(hits).extracting(SearchHit::id).containsExactly(2L, 1L);
		assertThat(hits).extracting(SearchHit::outOfForce).containsExactly(false, true);
	}

	@Test
	void aNewerEntryRanksAboveAnOlderOneWithTheSameText() throws Exception {
		put(entry("document", 1, "农村危房改造补助标准", "补助标准如下。", LocalDate.of(2015, 6, 1)),
				entry("document", 2, "农村危房改造补助标准", "补助标准如下。", LocalDate.of(2024, 6, 1)));

		assertThat(ids("危房改造")).containsExactly(2L, 1L);
	}

	// --- filters, facets, order, pages

	private void putFacetCorpus() throws Exception {
		List<SearchEntry> entries = new ArrayList<>();
		entries.add(new SearchEntry("document", 1, 10L, "/d/1/", "政务公开工作方案", "", "", LocalDate.of(2024, 1, 5), "综合政务", "", false));
		entries.add(new SearchEntry("document", 2, 10L, "/d/2/", "政务公开考核办法", "", "", LocalDate.of(2023, 2, 5), "综合政务", "", false));
		entries.add(new SearchEntry("document", 3, 20L, "/d/3/", "政务公开目录", "", "", LocalDate.of(2023, 3, 5), "财政", "", false));
		entries.add(new SearchEntry("interpretation", 4, 20L, "/i/4/", "政务公开工作方案解读", "", "", LocalDate.of(2024, 4, 5), "综合政务", "", false));
		entries.add(new SearchEntry("consultation", 5, null, "/c/5/", "政务公开意见征集", "", "", LocalDate.of(2022, 5, 5), null, "", false));
		entries.add(new SearchEntry("document", 6, 10L, "/d/6/", "安全生产通知", "", "", LocalDate.of(2024, 6, 5), "安全", "", false));
		engine.putAll(entries);
		awaitVisible();
	}

	@Test
	void facetsCountTheMatchesPerDimensionSortedByCountOrYear() throws Exception {
		putFacetCorpus();

		SearchResults results = search("政务公开");

		assertThat(results.total()).isEqualTo(5);
		assertThat(results.facets().get(Facet.TYPE)).containsExactly(new FacetCount("document", 3),
				new FacetCount("consultation", 1), new FacetCount("interpretation", 1));
		assertThat(results.facets().get(Facet.AGENCY)).containsExactly(new FacetCount("10", 2), new FacetCount("20", 2));
		assertThat(results.facets().get(Facet.THEME)).containsExactly(new FacetCount("综合政务", 3), new FacetCount("财政", 1));
		assertThat(results.facets().get(Facet.YEAR)).containsExactly(new FacetCount("2024", 2), new FacetCount("2023", 2),
				new FacetCount("2022", 1));
	}

	@Test
	void filtersNarrowTheHitsAndFacetsAreCountedSideways() throws Exception {
		putFacetCorpus();

		SearchFilter documents = new SearchFilter(Set.of("document"), Set.of(), Set.of(), Set.of());
		SearchResults results = engine.search(q("政务公开"), documents, SearchOrder.RELEVANCE, 1, 10);

		assertThat(results.hits()).extracting(SearchHit::id).containsExactlyInAnyOrder(1L, 2L, 3L);
		assertThat(results.total()).isEqualTo(3);
		// the type facet ignores the type filter; the others count only documents
		assertThat(results.facets().get(Facet.TYPE)).containsExactly(new FacetCount("document", 3),
				new FacetCount("consultation", 1), new FacetCount("interpretation", 1));
		assertThat(results.facets().get(Facet.AGENCY)).containsExactly(new FacetCount("10", 2), new FacetCount("20", 1));
		assertThat(results.facets().get(Facet.YEAR)).containsExactly(new FacetCount("2024", 1), new FacetCount("2023", 2));

		SearchFilter combined = new SearchFilter(Set.of("document", "interpretation"), Set.of(20L), Set.of(),
				Set.of(2024, 2022));
		assertThat(engine.search(q("政务公开"), combined, SearchOrder.RELEVANCE, 1, 10).hits()).extracting(SearchHit::id)
			.containsExactly(4L);
		SearchFilter theme = new SearchFilter(Set.of(), Set.of(), Set.of("财政"), Set.of());
		assertThat(engine.search(q("政务公开"), theme, SearchOrder.RELEVANCE, 1, 10).hits()).extracting(SearchHit::id)
			.containsExactly(3L);
	}

	@Test
	void anEmptyQueryListsEverythingFilteredNewestFirst() throws Exception {
		putFacetCorpus();

		SearchResults all = engine.search(q("  "), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10);
		assertThat(all.hits()).extracting(SearchHit::id).containsExactly(6L, 4L, 1L, 3L, 2L, 5L);
		assertThat(all.total()).isEqualTo(6);

		SearchFilter agency10 = new SearchFilter(Set.of(), Set.of(10L), Set.of(), Set.of());
		assertThat(engine.search(q(""), agency10, SearchOrder.RELEVANCE, 1, 10).hits()).extracting(SearchHit::id)
			.containsExactly(6L, 1L, 2L);
	}

	@Test
	void newestOrderSortsByDate() throws Exception {
		putFacetCorpus();

		assertThat(engine.search(q("政务公开"), SearchFilter.NONE, SearchOrder.NEWEST, 1, 10).hits())
			.extracting(SearchHit::id)
			.containsExactly(4L, 1L, 3L, 2L, 5L);
	}

	@Test
	void pagesGiveEveryHitExactlyOnce() throws Exception {
		LocalDate day = LocalDate.of(2024, 1, 1);
		engine.putAll(IntStream.rangeClosed(1, 25)
			.mapToObj(i -> entry("document", i, "行政许可事项清单", "行政许可事项", i % 2 == 0 ? day : day.minusDays(1)))
			.toList());
		awaitVisible();

		for (SearchOrder order : SearchOrder.values()) {
			List<Long> seen = new ArrayList<>();
			for (int page = 1; page <= 4; page++) {
				SearchResults results = engine.search(q("行政许可"), SearchFilter.NONE, order, page, 7);
				assertThat(results.total()).isEqualTo(25);
				assertThat(results.hits()).hasSize(page < 4 ? 7 : 4);
				results.hits().forEach(h -> seen.add(h.id()));
			}
			assertThat(new HashSet<>(seen)).as(order.name()).hasSize(25);
			assertThat(engine.search(q("行政许可"), SearchFilter.NONE, order, 5, 7).hits()).isEmpty();
		}
	}

	@Test
	void pageAndSizeAreValidated() {
		assertThatThrownBy(() -> engine.search(q("x"), SearchFilter.NONE, SearchOrder.RELEVANCE, 0, 10))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> engine.search(q("x"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> engine.search(q("x"), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 101))
			.isInstanceOf(IllegalArgumentException.class);
	}

	// --- hits

	@Test
	void aHitCarriesTheEntrysFields() throws Exception {
		put(new SearchEntry("document", 7, 42L, "/agencies/fgj/documents/7/", "政务公开规定", "正文", "", LocalDate.of(2021, 9, 9),
				"综合政务", "国办发〔2021〕7号", false));

		SearchHit hit = search("政务公开").hits().get(0);
		assertThat(hit.kind()).isEqualTo("document");
		assertThat(hit.id()).isEqualTo(7);
		assertThat(hit.url()).isEqualTo("/agencies/fgj/documents/7/");
		assertThat(hit.date()).isEqualTo(LocalDate.of(2021, 9, 9));
		assertThat(hit.agencyId()).isEqualTo(42L);
		assertThat(hit.theme()).isEqualTo("综合政务");
		assertThat(hit.outOfForce()).isFalse();
	}

	@Test
	void keywordsFindAnEntryWithoutBeingShown() throws Exception {
		put(new SearchEntry("document", 1, 1L, "/d/1/", "关于印发实施方案的通知", "正文内容", "", LocalDate.of(2024, 1, 1), null,
				"沂政办发 第九号", false));

		assertThat(ids("沂政办发")).containsExactly(1L);
	}

	@Test
	void attachmentTextIsSearched() throws Exception {
		put(new SearchEntry("document", 1, 1L, "/d/1/", "关于印发实施方案的通知", "见附件。", "附件：城乡环境综合整治实施方案",
				LocalDate.of(2024, 1, 1), null, "", false));

		SearchResults results = search("环境整治");
		assertThat(results.hits()).extracting(SearchHit::id).containsExactly(1L);
		assertThat(results.hits().get(0).snippetHtml()).contains("<mark>");
	}

	@Test
	void titlesAndSnippetsAreEscapedAndMarkTheMatches() throws Exception {
		String body = "为进一步推进依法行政，根据有关规定，结合本市实际，制定本办法。".repeat(6) + "本办法所称政务公开，是指行政机关公开其政务活动。"
				+ "本办法自发布之日起施行。".repeat(8);
		put(doc(1, "<script>alert(1)</script>关于政务公开的规定 & 说明", body));

		SearchHit hit = search("政务公开").hits().get(0);
		assertThat(hit.titleHtml()).doesNotContain("<script>").contains("&lt;script&gt;").contains("<mark>");
		assertThat(withoutMarks(hit.titleHtml())).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;关于政务公开的规定 &amp; 说明");
		assertThat(hit.snippetHtml()).contains("<mark>");
		assertThat(withoutMarks(hit.snippetHtml())).contains("政务公开").doesNotContain("<");
		assertThat(withoutMarks(hit.snippetHtml()).length()).isBetween(20, 200);
	}

	@Test
	void aPhraseIsMarkedToo() throws Exception {
		put(doc(1, "政府信息公开申请的答复期限", "收到政府信息公开申请后应当及时答复。"));

		SearchHit hit = search("\"信息公开申请\"").hits().get(0);
		assertThat(hit.titleHtml()).contains("<mark>").contains("</mark>");
		assertThat(withoutMarks(hit.titleHtml())).isEqualTo("政府信息公开申请的答复期限");
		assertThat(hit.snippetHtml()).contains("<mark>");
	}

	@Test
	void whenNothingInTheBodyMatchesTheSnippetIsTheBodysBeginning() throws Exception {
		put(doc(1, "政务公开目录", "本清单列出<全部>公开事项。" + "内容".repeat(200)));

		SearchHit hit = search("目录").hits().get(0);
		assertThat(hit.snippetHtml()).startsWith("本清单列出&lt;全部&gt;公开事项。").doesNotContain("<mark>");
		assertThat(hit.snippetHtml().length()).isLessThan(200);
	}

	// --- writes

	@Test
	void putReplacesAndRemoveForgets() throws Exception {
		put(doc(1, "旧标题 城市规划", "旧正文"));
		put(doc(1, "新标题 城市规划", "新正文"));

		assertThat(search("城市规划").hits()).singleElement()
			.satisfies(h -> assertThat(withoutMarks(h.titleHtml())).startsWith("新标题"));
		assertThat(engine.size()).isEqualTo(1);

		engine.remove("document", 1);
		awaitVisible();
		assertThat(search("城市规划").total()).isZero();
		assertThat(engine.size()).isZero();
		engine.remove("document", 99);
	}

	@Test
	void entriesOfDifferentKindsWithTheSameIdAreDistinct() throws Exception {
		put(entry("document", 1, "城市规划文件", "", LocalDate.of(2024, 1, 1)),
				entry("interpretation", 1, "城市规划解读", "", LocalDate.of(2024, 1, 1)));
		engine.remove("document", 1);
		awaitVisible();

		assertThat(search("城市规划").hits()).extracting(SearchHit::kind).containsExactly("interpretation");
	}

	@Test
	void putAllIndexesABatch() throws Exception {
		engine.putAll(IntStream.rangeClosed(1, 500)
			.mapToObj(i -> doc(i, "第" + i + "号 行政处罚决定书", "当事人违反规定，依法作出行政处罚。"))
			.toList());
		awaitVisible();

		assertThat(engine.size()).isEqualTo(500);
		assertThat(search("行政处罚").total()).isEqualTo(500);
	}

	// --- rebuild

	@Test
	void aRebuildSwapsInANewIndexWhileTheOldOneServes() throws Exception {
		put(doc(1, "政务公开工作方案", ""), doc(2, "将被删除的政务公开旧文件", ""));

		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.putAll(List.of(doc(1, "政务公开工作方案", ""), doc(3, "政务公开新增文件", "")));
			// the old index still serves
			assertThat(ids("政务公开")).containsExactlyInAnyOrder(1L, 2L);
			// a write during the rebuild reaches both indexes
			put(doc(4, "重建期间发布的政务公开文件", ""));
			assertThat(ids("政务公开")).containsExactlyInAnyOrder(1L, 2L, 4L);
			rebuild.complete();
		}
		awaitVisible();

		assertThat(ids("政务公开")).containsExactlyInAnyOrder(1L, 3L, 4L);
		assertThat(engine.size()).isEqualTo(3);
	}

	@Test
	void aLiveWriteDuringARebuildWinsOverTheRebuildsOlderCopy() throws Exception {
		put(doc(1, "政务公开工作方案", ""), doc(2, "政务公开目录", ""));

		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			engine.remove("document", 2);
			put(doc(1, "政务公开工作方案（修订）", ""));
			awaitVisible();
			// the rebuild read the records before those writes
			rebuild.putAll(List.of(doc(1, "政务公开工作方案", ""), doc(2, "政务公开目录", "")));
			rebuild.complete();
		}
		awaitVisible();

		assertThat(search("政务公开").hits()).singleElement()
			.satisfies(h -> assertThat(withoutMarks(h.titleHtml())).contains("修订"));
	}

	@Test
	void anAbortedRebuildLeavesTheOldIndex() throws Exception {
		put(doc(1, "政务公开工作方案", ""));

		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			rebuild.putAll(List.of(doc(5, "政务公开未完成的重建", "")));
		}
		awaitVisible();

		assertThat(ids("政务公开")).containsExactly(1L);
		put(doc(2, "重建放弃之后的政务公开文件", ""));
		assertThat(ids("政务公开")).containsExactlyInAnyOrder(1L, 2L);
		assertThat(engine.size()).isEqualTo(2);
	}

	// --- did you mean

	@Test
	void didYouMeanOffersTheIndexedWordForANearMiss() throws Exception {
		put(doc(1, "政务公开工作要点", "深入推进政务公开。"), doc(2, "安全生产检查通知", "开展安全生产检查。"));

		assertThat(engine.didYouMean(q("政务公井"))).contains("政务公开");
		assertThat(engine.didYouMean(q("政务公开"))).isEmpty();
		assertThat(engine.didYouMean(q("量子纠缠"))).isEmpty();
		assertThat(engine.didYouMean(q("\"信息\""))).isEmpty();
	}
}
