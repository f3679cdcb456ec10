package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service around the engine, with a scripted engine: the checks of the parameters (400 with the field named,
 * unknown types and agencies left out on the page but refused by the API), an engine refusal mapped to 400, facet
 * labels (kind label, agency name and code), "did you mean" only when little was found, best bets on the first page,
 * and which searches are counted.
 */
class SearchQueryTest {

	/** An engine that answers what the test scripts and remembers what it was asked. */
	static final class ScriptedEngine implements SearchEngine {

		SearchResults next = new SearchResults(0, List.of(), Map.of());

		Optional<String> suggestion = Optional.empty();

		RuntimeException failure;

		final List<Object[]> calls = new ArrayList<>();

		int suggestions;

		@Override
		public void put(SearchEntry entry) {
		}

		@Override
		public void putAll(Collection<SearchEntry> entries) {
		}

		@Override
		public void remove(String kind, long id) {
		}

		@Override
		public SearchResults search(PreparedQuery query, SearchFilter filter, SearchOrder order, int page, int size) {
			calls.add(new Object[] { query, filter, order, page, size });
			if (failure != null) {
				throw failure;
			}
			return next;
		}

		@Override
		public Optional<String> didYouMean(PreparedQuery query) {
			suggestions++;
			return suggestion;
		}

		@Override
		public long size() {
			return 0;
		}

		@Override
		public Rebuild beginRebuild() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void close() {
		}
	}

	/** Synonyms and best bets without a database. */
	static final class FixedStore extends SearchStore {

		final List<BestBet> bets = new ArrayList<>();

		FixedStore() {
			super(null);
		}

		@Override
		List<SynonymGroup> synonyms() {
			return List.of(new SynonymGroup(1, List.of("社保", "社会保险"), "system", Instant.EPOCH));
		}

		@Override
		List<BestBet> bestBets() {
			return bets;
		}
	}

	static final class CountingStats extends SearchQueryStats {

		final List<String> counted = new ArrayList<>();

		CountingStats() {
			super(null, null, Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC));
		}

		@Override
		void count(String foldedQuery, boolean zeroResults) {
			counted.add(foldedQuery + (zeroResults ? "(0)" : ""));
		}
	}

	static SearchSource source(String kind, String label, int order) {
		return new SearchSource() {
			@Override
			public String kind() {
				return kind;
			}

			@Override
			public String label() {
				return label;
			}

			@Override
			public int order() {
				return order;
			}

			@Override
			public Optional<SearchEntry> publicEntry(long id) {
				return Optional.empty();
			}

			@Override
			public void forEachPublic(Consumer<SearchEntry> sink) {
			}
		};
	}

	ScriptedEngine engine;

	FixedStore store;

	CountingStats stats;

	SearchService service;

	Agency fgj;

	@BeforeEach
	void setUp() {
		engine = new ScriptedEngine();
		store = new FixedStore();
		stats = new CountingStats();
		AgencyDirectory agencies = mock(AgencyDirectory.class);
		fgj = mock(Agency.class);
		when(fgj.id()).thenReturn(7L);
		when(fgj.code()).thenReturn("yiyuan-fgj");
		when(fgj.name()).thenReturn("沂源县发展和改革局");
		when(agencies.all()).thenReturn(List.of(fgj));
		service = new SearchService(engine, new SearchVocabulary(store), stats, agencies,
				List.of(source("document", "政府信息", 10), source("agency", "机构", 90)));
	}

	private SearchRequest parse(String q, List<String> types, List<String> agencies, List<String> years, String sort,
			String page, String size, boolean strict) {
		return service.parse(q, types, agencies, List.of(), years, sort, page, size, strict);
	}

	private static List<String> fields(Runnable r) {
		try {
			r.run();
		}
		catch (InvalidInputException e) {
			return e.problems().stream().map(FieldProblem::field).toList();
		}
		throw new AssertionError("no InvalidInputException");
	}

	@Test
	void badParametersAreRefusedWithTheFieldNamed() {
		assertThat(fields(() -> parse("政".repeat(101), null, null, null, null, null, null, true))).containsExactly("q");
		assertThat(parse("政".repeat(100), null, null, null, null, null, null, true).q()).hasSize(100);
		assertThat(fields(() -> parse("a", null, null, null, null, "0", null, true))).containsExactly("page");
		assertThat(fields(() -> parse("a", null, null, null, null, "x", null, true))).containsExactly("page");
		assertThat(fields(() -> parse("a", null, null, null, null, null, "101", true))).containsExactly("size");
		assertThat(fields(() -> parse("a", null, null, null, null, null, "0", true))).containsExactly("size");
		assertThat(fields(() -> parse("a", null, null, List.of("20x6"), null, null, null, true))).containsExactly("year");
		assertThat(fields(() -> parse("a", null, null, null, "popular", null, null, true))).containsExactly("sort");
		assertThat(fields(() -> parse("a", null, null, null, null, "101", "100", true))).containsExactly("page");
		SearchRequest ok = parse(" 政务公开 ", List.of("document"), List.of("yiyuan-fgj"), List.of("2026"), "date", "3", "10", true);
		assertThat(ok.q()).isEqualTo("政务公开");
		assertThat(ok.types()).containsExactly("document");
		assertThat(ok.agencies()).containsExactly("yiyuan-fgj");
		assertThat(ok.years()).containsExactly(2026);
		assertThat(ok.order()).isEqualTo(SearchOrder.NEWEST);
		assertThat(ok.page()).isEqualTo(3);
		assertThat(ok.size()).isEqualTo(10);
	}

	@Test
	void unknownTypesAndAgenciesAreRefusedByTheApiAndLeftOutOnThePage() {
		assertThat(fields(() -> parse("a", List.of("nosuch"), null, null, null, null, null, true))).containsExactly("type");
		assertThat(fields(() -> parse("a", null, List.of("nowhere"), null, null, null, null, true))).containsExactly("agency");
		SearchRequest lenient = parse("a", List.of("nosuch", "document"), List.of("nowhere"), null, null, null, null, false);
		assertThat(lenient.types()).containsExactly("document");
		assertThat(lenient.agencies()).isEmpty();
	}

	@Test
	void theFiltersReachTheEngineAndItsRefusalIsBadInput() {
		SearchRequest r = parse("政务公开", List.of("document"), List.of("yiyuan-fgj"), List.of("2026"), null, "2", "10", true);
		service.search(r);
		Object[] call = engine.calls.get(0);
		SearchFilter filter = (SearchFilter) call[1];
		assertThat(filter.kinds()).containsExactly("document");
		assertThat(filter.agencyIds()).containsExactly(7L);
		assertThat(filter.years()).containsExactly(2026);
		assertThat(call[3]).isEqualTo(2);
		assertThat(call[4]).isEqualTo(10);

		engine.failure = new IllegalArgumentException("too many clauses");
		assertThatThrownBy(() -> service.search(parse("政务公开", null, null, null, null, null, null, true)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("q"));
	}

	@Test
	void facetsCarryLabelsAndTheAgencysCodeAndSelectionsAreMarked() {
		SearchHit hit = new SearchHit("document", 5, "/agencies/yiyuan-fgj/documents/5/", "关于<mark>政务公开</mark>的通知 &amp; 附件",
				"…<mark>政务公开</mark>…", LocalDate.of(2026, 11, 20), 7L, "综合政务", true);
		engine.next = new SearchResults(12, List.of(hit), Map.of(Facet.TYPE,
				List.of(new FacetCount("document", 10), new FacetCount("agency", 2)), Facet.AGENCY,
				List.of(new FacetCount("7", 10), new FacetCount("999", 1)), Facet.YEAR, List.of(new FacetCount("2026", 12))));
		SearchService.Answer a = service.search(parse("政务公开", List.of("document"), null, null, null, null, null, true));
		assertThat(a.total()).isEqualTo(12);
		SearchService.Hit h = a.hits().get(0);
		assertThat(h.kindLabel()).isEqualTo("政府信息");
		assertThat(h.agencyName()).isEqualTo("沂源县发展和改革局");
		assertThat(h.agencyCode()).isEqualTo("yiyuan-fgj");
		assertThat(h.title()).isEqualTo("关于政务公开的通知 & 附件");
		assertThat(a.facets().get(Facet.TYPE)).extracting(SearchService.FacetValue::label).containsExactly("政府信息", "机构");
		assertThat(a.facets().get(Facet.TYPE).get(0).selected()).isTrue();
		assertThat(a.facets().get(Facet.TYPE).get(1).selected()).isFalse();
		// an agency the directory does not know is left out rather than shown as a number
		assertThat(a.facets().get(Facet.AGENCY)).extracting(SearchService.FacetValue::value).containsExactly("yiyuan-fgj");
		assertThat(a.facets().get(Facet.AGENCY).get(0).label()).isEqualTo("沂源县发展和改革局");
		assertThat(a.facets().get(Facet.YEAR).get(0).label()).isEqualTo("2026");
		assertThat(a.facets().get(Facet.THEME)).isEmpty();
	}

	@Test
	void didYouMeanIsAskedOnlyWhenLittleWasFoundAndNeverEchoesTheQuery() {
		engine.suggestion = Optional.of("政务公开");
		engine.next = new SearchResults(0, List.of(), Map.of());
		assertThat(service.search(parse("政务公凯", null, null, null, null, null, null, true)).didYouMean()).isEqualTo("政务公开");
		// the same words again are no suggestion
		assertThat(service.search(parse("政务公开", null, null, null, null, null, null, true)).didYouMean()).isNull();
		int asked = engine.suggestions;
		engine.next = new SearchResults(50, List.of(), Map.of());
		assertThat(service.search(parse("政务公凯", null, null, null, null, null, null, true)).didYouMean()).isNull();
		assertThat(engine.suggestions).isEqualTo(asked);
	}

	@Test
	void bestBetsArePinnedOnTheFirstPageForQueriesThatEqualOrContainTheirTerms() {
		store.bets.add(new BestBet(1, List.of("社保卡"), "社会保障卡办理指南", "/agencies/yiyuan-rsj/services/1/", "办理条件、材料和地点",
				0, true, "admin", Instant.EPOCH));
		store.bets.add(new BestBet(2, List.of("社保卡"), "已停用的推荐", "/x", "", 1, false, "admin", Instant.EPOCH));
		assertThat(service.search(parse("社保卡", null, null, null, null, null, null, true)).bestBets())
			.extracting(BestBet::title).containsExactly("社会保障卡办理指南");
		// contains, and folded: full-width letters and spaces do not matter
		assertThat(service.search(parse("如何办理 社保卡？", null, null, null, null, null, null, true)).bestBets()).hasSize(1);
		assertThat(service.search(parse("医保", null, null, null, null, null, null, true)).bestBets()).isEmpty();
		assertThat(service.search(parse("社保卡", null, null, null, null, "2", null, true)).bestBets()).isEmpty();
	}

	@Test
	void onlyTheFirstPageOfASearchWithWordsIsCounted() {
		engine.next = new SearchResults(0, List.of(), Map.of());
		service.search(parse("ＡＢＣ 政务", null, null, null, null, null, null, true));
		service.search(parse("政务公开", null, null, null, null, "2", null, true));
		service.search(parse("", List.of("document"), null, null, null, null, null, true));
		service.search(parse("政务公开", null, null, null, null, null, null, true), false);
		assertThat(stats.counted).containsExactly("abc 政务(0)");
	}
}
