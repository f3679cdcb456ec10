package org.gongkai.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.SearchSource;
import org.springframework.stereotype.Service;

/**
 * Searching, as the portal page, its feed and the public API do it: the request is checked, the query prepared
 * (folded, phrases split off, expanded by the administrator's synonyms), the engine run, and the answer completed with
 * the facets' labels, the best bets pinned for the query, a "did you mean" when little or nothing was found, and the
 * query counted for the editors' reports (in memory; {@link SearchQueryStats}).
 *
 * <p>Validation: {@code q} at most {@value #MAX_QUERY} characters, {@code page} at least 1, {@code size} 1 to 100 and
 * no deeper than the first {@value #MAX_DEPTH} results, {@code year} a year, {@code sort} {@code relevance} or
 * {@code date}; anything else is 400. An unknown {@code type} or {@code agency} is 400 on the API ({@code strict}),
 * and silently left out on the portal page so that an old link keeps working.
 */
@Service
public class SearchService {

	public static final int MAX_QUERY = 100;

	public static final int MAX_SIZE = 100;

	/** Results beyond this depth are not paged to (deep pages cost the engine much and serve nobody). */
	public static final int MAX_DEPTH = 10_000;

	/** Values per facet filter. */
	static final int MAX_VALUES = 20;

	/** Fewer results than this offer a "did you mean". */
	static final int FEW_RESULTS = 3;

	/** One facet value as shown: {@code value} is the URL parameter value (kind key, agency code, theme or year). */
	public record FacetValue(String value, String label, long count, boolean selected) {
	}

	/** One result as shown: the engine's hit with its kind's label, its agency and its plain title. */
	public record Hit(SearchHit hit, String kindLabel, String agencyCode, String agencyName, String title) {
	}

	/**
	 * A page of results with everything around it.
	 *
	 * @param didYouMean a better spelling of the query, or null
	 */
	public record Answer(SearchRequest request, long total, List<Hit> hits, Map<Facet, List<FacetValue>> facets,
			String didYouMean, List<BestBet> bestBets) {

		/** Number of pages that can be reached. */
		public int pages() {
			long reachable = Math.min(total, MAX_DEPTH);
			return (int) Math.max(1, (reachable + request.size() - 1) / request.size());
		}
	}

	private final SearchEngine engine;

	private final SearchVocabulary vocabulary;

	private final SearchQueryStats stats;

	private final AgencyNames agencyNames;

	private final Map<String, SearchSource> sources;

	SearchService(SearchEngine engine, SearchVocabulary vocabulary, SearchQueryStats stats, AgencyDirectory agencies,
			List<SearchSource> sources) {
		this.engine = engine;
		this.vocabulary = vocabulary;
		this.stats = stats;
		this.agencyNames = new AgencyNames(agencies);
		this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(SearchSource::kind, Function.identity()));
	}

	/** The searchable kinds in their facet order, for the type filter. */
	public List<SearchSource> kinds() {
		return sources.values().stream().sorted(java.util.Comparator.comparingInt(SearchSource::order)).toList();
	}

	/**
	 * Checks and reads the parameters of a search.
	 *
	 * @param strict true for the API: an unknown type or agency is 400 rather than left out
	 */
	public SearchRequest parse(String q, Collection<String> types, Collection<String> agencies, Collection<String> themes,
			Collection<String> years, String sort, String page, String size, boolean strict) {
		List<FieldProblem> problems = new ArrayList<>();
		String query = q == null ? "" : q.strip();
		if (query.codePointCount(0, query.length()) > MAX_QUERY) {
			problems.add(new FieldProblem("q", "检索词不能超过" + MAX_QUERY + "个字，请精简后再试"));
		}
		Set<String> kinds = new LinkedHashSet<>();
		for (String t : values(types)) {
			if (sources.containsKey(t)) {
				kinds.add(t);
			}
			else if (strict) {
				problems.add(new FieldProblem("type", "没有“" + t + "”这类信息，可选：" + String.join("、", sources.keySet())));
			}
		}
		Set<String> agencyCodes = new LinkedHashSet<>();
		for (String a : values(agencies)) {
			if (agencyNames.byCode(a).isPresent()) {
				agencyCodes.add(a);
			}
			else if (strict) {
				problems.add(new FieldProblem("agency", "没有代码为“" + a + "”的单位"));
			}
		}
		Set<String> themeSet = new LinkedHashSet<>();
		for (String t : values(themes)) {
			if (t.length() > 100) {
				problems.add(new FieldProblem("theme", "主题分类不能超过100个字"));
			}
			else {
				themeSet.add(t);
			}
		}
		Set<Integer> yearSet = new LinkedHashSet<>();
		for (String y : values(years)) {
			try {
				int year = Integer.parseInt(y);
				if (year < 1900 || year > 2200) {
					throw new NumberFormatException();
				}
				yearSet.add(year);
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("year", "年份应为四位数字，如2026"));
			}
		}
		for (var entry : Map.of("type", kinds.size(), "agency", agencyCodes.size(), "theme", themeSet.size(), "year",
				yearSet.size()).entrySet()) {
			if (entry.getValue() > MAX_VALUES) {
				problems.add(new FieldProblem(entry.getKey(), "同一筛选条件最多选择" + MAX_VALUES + "项"));
			}
		}
		SearchOrder order = SearchOrder.RELEVANCE;
		String s = sort == null ? "" : sort.strip();
		if (s.equals("date")) {
			order = SearchOrder.NEWEST;
		}
		else if (!s.isEmpty() && !s.equals("relevance")) {
			problems.add(new FieldProblem("sort", "排序方式应为 relevance（相关度）或 date（日期）"));
		}
		int pageNo = number(page, 1, "page", "页码应为不小于1的整数", problems);
		int pageSize = number(size, SearchRequest.DEFAULT_SIZE, "size", "每页条数应在1至" + MAX_SIZE + "之间", problems);
		if (pageNo < 1) {
			problems.add(new FieldProblem("page", "页码应为不小于1的整数"));
		}
		if (pageSize < 1 || pageSize > MAX_SIZE) {
			problems.add(new FieldProblem("size", "每页条数应在1至" + MAX_SIZE + "之间"));
		}
		else if (pageNo >= 1 && (long) pageNo * pageSize > MAX_DEPTH) {
			problems.add(new FieldProblem("page", "最多只能翻看前" + MAX_DEPTH + "条结果，请增加检索词或筛选条件缩小范围"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new SearchRequest(query, kinds, agencyCodes, themeSet, yearSet, order, pageNo, pageSize);
	}

	private static List<String> values(Collection<String> raw) {
		if (raw == null) {
			return List.of();
		}
		return raw.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
	}

	private static int number(String value, int fallback, String field, String message, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, message));
			return fallback;
		}
	}

	/** Runs a checked search; the first page of a search with a query is counted for the reports. */
	public Answer search(SearchRequest request) {
		return search(request, true);
	}

	/**
	 * Runs a checked search.
	 *
	 * @param count whether to count it for the reports (the feed of a page is not a search by a person)
	 */
	public Answer search(SearchRequest request, boolean count) {
		String folded = SearchTexts.fold(request.q());
		PreparedQuery prepared = prepare(request.q());
		SearchFilter filter = new SearchFilter(request.types(),
				request.agencies().stream().map(agencyNames::byCode).flatMap(Optional::stream).map(Agency::id)
					.collect(Collectors.toSet()),
				request.themes(), request.years());
		SearchResults results;
		try {
			results = engine.search(prepared, filter, request.order(), request.page(), request.size());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("q", "无法按该检索式检索，请换用其他检索词");
		}
		Map<Long, Agency> agencies = agencyNames.byId();
		List<Hit> hits = results.hits()
			.stream()
			.map(h -> {
				Agency a = h.agencyId() == null ? null : agencies.get(h.agencyId());
				return new Hit(h, label(h.kind()), a == null ? null : a.code(), a == null ? null : a.name(),
						SearchTexts.plain(h.titleHtml()));
			})
			.toList();
		Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
		for (Facet f : Facet.values()) {
			List<FacetValue> values = new ArrayList<>();
			for (FacetCount c : results.facets().getOrDefault(f, List.of())) {
				String value = c.value();
				String label = value;
				if (f == Facet.TYPE) {
					label = label(value);
				}
				else if (f == Facet.AGENCY) {
					Agency a = parseId(value).map(agencies::get).orElse(null);
					if (a == null) {
						continue;
					}
					value = a.code();
					label = a.name();
				}
				values.add(new FacetValue(value, label, c.count(), request.selected(f, value)));
			}
			facets.put(f, List.copyOf(values));
		}
		String didYouMean = null;
		if (results.total() < FEW_RESULTS && !prepared.textVariants().isEmpty()) {
			didYouMean = engine.didYouMean(prepared)
				.filter(s -> !s.isBlank() && !SearchTexts.fold(s).equals(folded))
				.orElse(null);
		}
		List<BestBet> bets = request.page() == 1 ? vocabulary.bestBetsFor(folded) : List.of();
		if (count && request.page() == 1 && !folded.isEmpty()) {
			stats.count(folded, results.total() == 0);
		}
		return new Answer(request, results.total(), hits, facets, didYouMean, bets);
	}

	private PreparedQuery prepare(String raw) {
		try {
			return QueryPreparation.prepare(raw, vocabulary.synonymGroups());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("q", "无法按该检索式检索，请换用其他检索词");
		}
	}

	/** The kind's Chinese name, or the key itself for a kind no longer provided. */
	public String label(String kind) {
		SearchSource s = sources.get(kind);
		return s == null ? kind : s.label();
	}

	private static Optional<Long> parseId(String value) {
		try {
			return Optional.of(Long.valueOf(value));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** The agencies by id and code, read at most every ten seconds (one query, not one per facet value). */
	static final class AgencyNames {

		private static final long TTL_NANOS = 10_000_000_000L;

		private record Snapshot(Map<Long, Agency> byId, Map<String, Agency> byCode, long at) {
		}

		private final AgencyDirectory directory;

		private volatile Snapshot snapshot;

		AgencyNames(AgencyDirectory directory) {
			this.directory = directory;
		}

		Map<Long, Agency> byId() {
			return current().byId();
		}

		Optional<Agency> byCode(String code) {
			return Optional.ofNullable(current().byCode().get(code));
		}

		private Snapshot current() {
			Snapshot s = snapshot;
			long now = System.nanoTime();
			if (s == null || now - s.at() > TTL_NANOS) {
				Map<Long, Agency> ids = new HashMap<>();
				Map<String, Agency> codes = new HashMap<>();
				for (Agency a : directory.all()) {
					ids.put(a.id(), a);
					codes.put(a.code(), a);
				}
				s = new Snapshot(Map.copyOf(ids), Map.copyOf(codes), now);
				snapshot = s;
			}
			return s;
		}
	}
}
