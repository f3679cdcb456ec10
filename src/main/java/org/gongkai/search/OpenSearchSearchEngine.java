package org.gongkai.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.gongkai.platform.SearchEntry;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.FunctionBoostMode;
import org.opensearch.client.opensearch._types.query_dsl.FunctionScoreMode;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.Suggest;
import org.opensearch.client.opensearch.core.search.TermSuggest;
import org.opensearch.client.opensearch.core.search.TermSuggestOption;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The search engine port on an OpenSearch cluster ({@code gongkai.search.engine=opensearch}), for sites that outgrow
 * one node. Text is analysed with OpenSearch's {@code cjk} chain (standard tokenizer, width folding, lower case,
 * CJK bigrams), preceded by a mapping char filter generated from {@link TextFolding} so that traditional and
 * full-width forms in documents meet the folded queries; OpenSearch has no smartcn plugin for the supported server
 * line, so words are bigrams here.
 *
 * <p>The engine writes to an alias ({@code gongkai.search.opensearch.index}, default {@code gongkai-search}) that
 * points to one concrete index. Every write waits for a refresh ({@code refresh=wait_for}), so it is visible when it
 * returns; OpenSearch fsyncs the translog before acknowledging a request (the default durability), so it is durable
 * too. A rebuild fills a new concrete index while the old one serves, writes in the meantime go to both, and
 * {@link Rebuild#complete()} moves the alias and drops the old index in one atomic {@code _aliases} call.
 */
@Component
@ConditionalOnProperty(name = "gongkai.search.engine", havingValue = "opensearch")
public class OpenSearchSearchEngine implements SearchEngine {

	private static final Logger log = LoggerFactory.getLogger(OpenSearchSearchEngine.class);

	static final String ANALYZER = "gongkai_cjk";

	/** Recorded in each index's mapping {@code _meta}; raise it when the mapping or analysis changes. */
	static final int SCHEMA = 1;

	private static final String FOLD_FILTER = "gongkai_fold";

	/** Text fields with their query boosts: title above keywords above body above attachments. */
	private static final Map<String, Float> TEXT_FIELDS = orderedBoosts();

	private static final List<String> HIT_FIELDS = List.of("kind", "entryId", "url", "title", "date", "agency", "theme",
			"outOfForce");

	private static final int SNIPPET_CHARS = 120;

	/** OpenSearch's default {@code index.max_result_window}. */
	private static final int MAX_WINDOW = 10_000;

	private static final int FACET_VALUES = 200;

	private final ApacheHttpClient5Transport transport;

	private final OpenSearchClient client;

	private final String alias;

	private final int shards;

	private final int replicas;

	private final String refreshInterval;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	/** Writes hold the read lock; the alias swap holds the write lock, so no write straddles it. */
	private final ReadWriteLock swapLock = new ReentrantReadWriteLock();

	private volatile IndexRebuild rebuild;

	/** The index was created empty here, or has an older schema, and no rebuild has completed since. */
	private volatile boolean needsRebuild;

	private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

	@Autowired
	public OpenSearchSearchEngine(@Value("${gongkai.search.opensearch.url:http://127.0.0.1:9200}") String urls,
			@Value("${gongkai.search.opensearch.username:}") String username,
			@Value("${gongkai.search.opensearch.password:}") String password,
			@Value("${gongkai.search.opensearch.index:gongkai-search}") String alias,
			@Value("${gongkai.search.opensearch.shards:1}") int shards,
			@Value("${gongkai.search.opensearch.replicas:1}") int replicas,
			@Value("${gongkai.search.opensearch.refresh-interval:1s}") String refreshInterval, Clock clock) {
		this.alias = alias;
		this.refreshInterval = refreshInterval;
		this.shards = shards;
		this.replicas = replicas;
		this.clock = clock;
		this.transport = transport(urls, username, password);
		this.client = new OpenSearchClient(transport);
		try {
			ensureIndex();
		}
		catch (RuntimeException e) {
			close();
			throw e;
		}
	}

	private static Map<String, Float> orderedBoosts() {
		Map<String, Float> boosts = new LinkedHashMap<>();
		boosts.put("title", 4f);
		boosts.put("keywords", 3f);
		boosts.put("body", 2f);
		boosts.put("attachment", 1f);
		return boosts;
	}

	private static ApacheHttpClient5Transport transport(String urls, String username, String password) {
		List<HttpHost> hosts = new ArrayList<>();
		String pathPrefix = null;
		for (String url : urls.split(",")) {
			URI uri = URI.create(url.trim());
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 9200;
			hosts.add(new HttpHost(uri.getScheme(), uri.getHost(), port));
			if (uri.getPath() != null && uri.getPath().length() > 1) {
				pathPrefix = uri.getPath();
			}
		}
		ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder
			.builder(hosts.toArray(HttpHost[]::new))
			.setMapper(new JacksonJsonpMapper());
		if (pathPrefix != null) {
			builder.setPathPrefix(pathPrefix);
		}
		if (username != null && !username.isBlank()) {
			BasicCredentialsProvider credentials = new BasicCredentialsProvider();
			for (HttpHost host : hosts) {
				credentials.setCredentials(new AuthScope(host),
						new UsernamePasswordCredentials(username, password == null ? new char[0] : password.toCharArray()));
			}
			builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
		}
		return builder.build();
	}

	// ---------------------------------------------------------------- index management

	/** The alias this engine serves from. */
	public String alias() {
		return alias;
	}

	/** The concrete indexes the alias points to (one, except for an instant during a swap). */
	public Set<String> servingIndexes() {
		try {
			return Set.copyOf(client.indices().getAlias(r -> r.name(alias)).result().keySet());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void ensureIndex() {
		try {
			if (client.indices().existsAlias(r -> r.name(alias)).value()) {
				JsonNode mappings = send("GET", "/" + alias + "/_mapping", null);
				mappings.forEach(index -> {
					JsonNode meta = index.path("mappings").path("_meta");
					if (meta.path("gongkai_schema").asInt() != SCHEMA || !meta.path("gongkai_filled").asBoolean()) {
						needsRebuild = true;
					}
				});
				if (needsRebuild) {
					log.warn("The search index behind {} was never filled by a rebuild or has an older schema", alias);
				}
				return;
			}
			if (client.indices().exists(r -> r.index(alias)).value()) {
				throw new IllegalStateException("OpenSearch has an index named " + alias
						+ " where the search alias should be; delete it or choose another gongkai.search.opensearch.index");
			}
			String index = createIndex(true);
			needsRebuild = true;
			log.info("Created OpenSearch index {} behind the alias {}", index, alias);
		}
		catch (IOException e) {
			throw new UncheckedIOException("OpenSearch is not reachable", e);
		}
	}

	private String newIndexName() {
		return alias + "-" + clock.millis() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Creates a new concrete index with the settings and mappings, optionally behind the alias in the same call. */
	private String createIndex(boolean withAlias) throws IOException {
		String index = newIndexName();
		ObjectNode body = json.createObjectNode();
		ObjectNode settings = body.putObject("settings").putObject("index");
		settings.put("number_of_shards", shards);
		settings.put("number_of_replicas", replicas);
		// Stated explicitly so that an idle shard still refreshes on schedule and refresh=wait_for returns in time.
		settings.put("refresh_interval", refreshInterval);
		settings.put("highlight.max_analyzed_offset", 10_000_000);
		// The default, stated: a write is fsynced to the translog before it is acknowledged.
		settings.put("translog.durability", "request");
		ObjectNode analysis = settings.putObject("analysis");
		ObjectNode fold = analysis.putObject("char_filter").putObject(FOLD_FILTER);
		fold.put("type", "mapping");
		ArrayNode mappings = fold.putArray("mappings");
		foldingRules().forEach(mappings::add);
		ObjectNode analyzer = analysis.putObject("analyzer").putObject(ANALYZER);
		analyzer.put("type", "custom");
		analyzer.putArray("char_filter").add(FOLD_FILTER);
		analyzer.put("tokenizer", "standard");
		analyzer.putArray("filter").add("cjk_width").add("lowercase").add("cjk_bigram");
		ObjectNode mapping = body.putObject("mappings");
		mapping.put("dynamic", "strict");
		mapping.set("_meta", meta(false));
		ObjectNode props = mapping.putObject("properties");
		for (String keyword : List.of("kind", "agency", "theme", "year", "sortKey")) {
			props.putObject(keyword).put("type", "keyword");
		}
		props.putObject("entryId").put("type", "long");
		props.putObject("date").put("type", "date").put("format", "yyyy-MM-dd");
		props.putObject("outOfForce").put("type", "boolean");
		props.putObject("url").put("type", "keyword").put("index", false).put("doc_values", false);
		for (String text : TEXT_FIELDS.keySet()) {
			props.putObject(text).put("type", "text").put("analyzer", ANALYZER).put("index_options", "offsets");
		}
		if (withAlias) {
			body.putObject("aliases").putObject(alias).put("is_write_index", true);
		}
		send("PUT", "/" + index, body);
		return index;
	}

	/** The index's own record of its schema and of whether a rebuild filled it (it survives restarts). */
	private ObjectNode meta(boolean filled) {
		ObjectNode meta = json.createObjectNode();
		meta.put("gongkai_schema", SCHEMA);
		meta.put("gongkai_filled", filled);
		return meta;
	}

	/**
	 * The folding of {@link TextFolding} as mapping char filter rules, one per character that folds to something
	 * else; both sides are written as Unicode escapes so that spaces and punctuation survive the rule syntax.
	 */
	static List<String> foldingRules() {
		List<String> rules = new ArrayList<>();
		for (char c = 0x21; c < 0xFFFF; c++) {
			if (Character.isSurrogate(c)) {
				continue;
			}
			String s = String.valueOf(c);
			String folded = TextFolding.fold(s);
			if (folded.isEmpty() || folded.equals(s) || folded.equals(s.toLowerCase(java.util.Locale.ROOT))) {
				continue;
			}
			rules.add(escape(s) + " => " + escape(folded));
		}
		return rules;
	}

	private static String escape(String s) {
		StringBuilder b = new StringBuilder();
		for (char c : s.toCharArray()) {
			b.append(String.format("\\u%04x", (int) c));
		}
		return b.toString();
	}

	private JsonNode send(String method, String endpoint, JsonNode body) throws IOException {
		Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(endpoint);
		if (body != null) {
			request.json(json.writeValueAsString(body));
		}
		try (Response response = client.generic().execute(request.build())) {
			String text = response.getBody().map(b -> b.bodyAsString()).orElse("");
			if (response.getStatus() >= 300) {
				throw new IllegalStateException(
						"OpenSearch " + method + " " + endpoint + " failed: " + response.getStatus() + " " + text);
			}
			return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
		}
	}

	// ---------------------------------------------------------------- writes

	private static String key(String kind, long id) {
		return kind + ":" + id;
	}

	private ObjectNode document(SearchEntry e) {
		ObjectNode d = json.createObjectNode();
		d.put("kind", e.kind());
		d.put("entryId", e.id());
		if (e.agencyId() != null) {
			d.put("agency", String.valueOf(e.agencyId()));
		}
		if (e.theme() != null && !e.theme().isBlank()) {
			d.put("theme", e.theme());
		}
		d.put("year", String.valueOf(e.date().getYear()));
		d.put("date", e.date().toString());
		d.put("outOfForce", e.outOfForce());
		d.put("sortKey", sortKey(e.kind(), e.id()));
		d.put("url", e.url());
		d.put("title", e.title());
		d.put("keywords", e.keywords());
		d.put("body", e.body());
		d.put("attachment", e.attachmentText());
		return d;
	}

	/** The unique tie-breaker: kind, then the id zero-padded so that ids sort numerically. */
	static String sortKey(String kind, long id) {
		return kind + ":" + String.format("%019d", id);
	}

	@Override
	public void put(SearchEntry entry) {
		putAll(List.of(entry));
	}

	@Override
	public void putAll(Collection<SearchEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		swapLock.readLock().lock();
		try {
			bulkIndex(alias, entries, Refresh.WaitFor);
			IndexRebuild r = rebuild;
			if (r != null) {
				entries.forEach(e -> r.touched.add(key(e.kind(), e.id())));
				bulkIndex(r.index, entries, Refresh.False);
			}
		}
		finally {
			swapLock.readLock().unlock();
		}
	}

	private void bulkIndex(String index, Collection<SearchEntry> entries, Refresh refresh) {
		List<BulkOperation> ops = new ArrayList<>(entries.size());
		for (SearchEntry e : entries) {
			ObjectNode doc = document(e);
			ops.add(BulkOperation.of(b -> b.index(i -> i.id(key(e.kind(), e.id())).document(doc))));
		}
		try {
			BulkResponse response = client.bulk(b -> b.index(index).operations(ops).refresh(refresh));
			if (response.errors()) {
				BulkResponseItem failed = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
				throw new IllegalStateException("OpenSearch refused " + failed.id() + " in " + index + ": "
						+ failed.error().type() + " " + failed.error().reason());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("OpenSearch bulk indexing failed", e);
		}
	}

	@Override
	public void remove(String kind, long id) {
		swapLock.readLock().lock();
		try {
			delete(alias, key(kind, id), Refresh.WaitFor);
			IndexRebuild r = rebuild;
			if (r != null) {
				r.touched.add(key(kind, id));
				delete(r.index, key(kind, id), Refresh.False);
			}
		}
		finally {
			swapLock.readLock().unlock();
		}
	}

	@Override
	public void removeAll(String kind, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		List<String> keys = ids.stream().map(id -> key(kind, id)).toList();
		swapLock.readLock().lock();
		try {
			bulkDelete(alias, keys, Refresh.WaitFor);
			IndexRebuild r = rebuild;
			if (r != null) {
				r.touched.addAll(keys);
				bulkDelete(r.index, keys, Refresh.False);
			}
		}
		finally {
			swapLock.readLock().unlock();
		}
	}

	/** Deletes in one bulk request; an id that is not there is no error. */
	private void bulkDelete(String index, List<String> ids, Refresh refresh) {
		List<BulkOperation> ops = new ArrayList<>(ids.size());
		for (String id : ids) {
			ops.add(BulkOperation.of(b -> b.delete(d -> d.id(id))));
		}
		try {
			BulkResponse response = client.bulk(b -> b.index(index).operations(ops).refresh(refresh));
			if (response.errors()) {
				response.items().stream().filter(i -> i.error() != null && i.status() != 404).findFirst()
					.ifPresent(failed -> {
						throw new IllegalStateException("OpenSearch refused to delete " + failed.id() + " in " + index
								+ ": " + failed.error().type() + " " + failed.error().reason());
					});
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("OpenSearch bulk delete failed", e);
		}
	}

	private void delete(String index, String id, Refresh refresh) {
		try {
			client.delete(d -> d.index(index).id(id).refresh(refresh));
		}
		catch (OpenSearchException e) {
			if (e.status() != 404) {
				throw e;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("OpenSearch delete failed", e);
		}
	}

	// ---------------------------------------------------------------- queries

	private static List<String> folded(List<String> texts) {
		return texts.stream().map(TextFolding::fold).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	/**
	 * Matches when every word of at least one variant occurs (as a contiguous sequence of bigrams) somewhere in the
	 * text fields and every phrase occurs exactly in one field. Words come from smartcn segmenting the query only:
	 * the index holds bigrams, so "环境整治" finds "环境综合整治" through its words 环境 and 整治, not through the
	 * spurious bigram 境整. Single Chinese characters only add to the score unless the query has nothing else. Each
	 * word scores its best field times the field's boost, so a title match ranks above a body match.
	 */
	static Query textQuery(List<String> variants, List<String> phrases) {
		List<String> boosted = TEXT_FIELDS.entrySet().stream().map(f -> f.getKey() + "^" + f.getValue()).toList();
		List<Query> must = new ArrayList<>();
		if (!variants.isEmpty()) {
			List<Query> anyVariant = new ArrayList<>();
			for (String variant : variants) {
				List<String> words = QueryWords.of(variant);
				List<Query> required = new ArrayList<>();
				List<Query> optional = new ArrayList<>();
				for (String word : words) {
					if (QueryWords.isSingleHan(word)) {
						optional.add(singleCharacter(word));
					}
					else {
						required.add(Query.of(q -> q.multiMatch(m -> m.query(word)
							.fields(boosted)
							.type(TextQueryType.Phrase)
							.tieBreaker(0.3f))));
					}
				}
				if (required.isEmpty()) {
					required.addAll(optional);
					optional.clear();
				}
				if (required.isEmpty()) {
					continue;
				}
				anyVariant.add(Query.of(q -> q.bool(b -> b.must(required).should(optional))));
			}
			if (anyVariant.isEmpty()) {
				return Query.of(q -> q.matchNone(n -> n));
			}
			must.add(Query.of(q -> q.disMax(d -> d.queries(anyVariant))));
		}
		for (String phrase : phrases) {
			List<Query> anyField = TEXT_FIELDS.entrySet()
				.stream()
				.map(f -> Query.of(q -> q.matchPhrase(m -> m.field(f.getKey()).query(phrase).boost(f.getValue()))))
				.toList();
			must.add(Query.of(q -> q.bool(b -> b.should(anyField).minimumShouldMatch("1"))));
		}
		return Query.of(q -> q.bool(b -> b.must(must)));
	}

	/** A lone Chinese character is inside bigrams in the index: any bigram containing it. */
	private static Query singleCharacter(String han) {
		List<Query> anyField = TEXT_FIELDS.entrySet()
			.stream()
			.map(f -> Query.of(q -> q.wildcard(w -> w.field(f.getKey()).value("*" + han + "*").boost(f.getValue()))))
			.toList();
		return Query.of(q -> q.bool(b -> b.should(anyField).minimumShouldMatch("1")));
	}

	/**
	 * Relevance times freshness and validity: the text score is multiplied by (1 + 0.5 x a decay over the age of the
	 * record, a half after two years), and by 2 for a record in force, so in-force records rank above repealed
	 * ones with the same match.
	 */
	private Query ranked(Query match) {
		String today = LocalDate.now(clock).toString();
		Query fresh = Query.of(q -> q.functionScore(fs -> fs.query(match)
			.functions(f -> f.filter(all -> all.matchAll(m -> m)).weight(1f))
			.functions(f -> f.gauss(g -> g.field("date")
				.placement(p -> p.origin(JsonData.of(today)).scale(JsonData.of("730d")).decay(0.5))).weight(0.5f))
			.scoreMode(FunctionScoreMode.Sum)
			.boostMode(FunctionBoostMode.Multiply)));
		return Query.of(q -> q.functionScore(fs -> fs.query(fresh)
			.functions(f -> f.filter(inForce -> inForce.term(t -> t.field("outOfForce").value(FieldValue.of(false))))
				.weight(2f))
			.scoreMode(FunctionScoreMode.Multiply)
			.boostMode(FunctionBoostMode.Multiply)));
	}

	private static String facetField(Facet facet) {
		return switch (facet) {
			case TYPE -> "kind";
			case AGENCY -> "agency";
			case THEME -> "theme";
			case YEAR -> "year";
		};
	}

	private static Map<Facet, Query> filterQueries(SearchFilter filter) {
		Map<Facet, Query> filters = new EnumMap<>(Facet.class);
		addTerms(filters, Facet.TYPE, filter.kinds());
		addTerms(filters, Facet.AGENCY, filter.agencyIds());
		addTerms(filters, Facet.THEME, filter.themes());
		addTerms(filters, Facet.YEAR, filter.years());
		return filters;
	}

	private static void addTerms(Map<Facet, Query> filters, Facet facet, Set<?> values) {
		if (values.isEmpty()) {
			return;
		}
		List<FieldValue> terms = values.stream().map(v -> FieldValue.of(String.valueOf(v))).toList();
		filters.put(facet, Query.of(q -> q.terms(t -> t.field(facetField(facet)).terms(v -> v.value(terms)))));
	}

	private static Query all(Collection<Query> filters) {
		if (filters.isEmpty()) {
			return Query.of(q -> q.matchAll(m -> m));
		}
		return Query.of(q -> q.bool(b -> b.filter(List.copyOf(filters))));
	}

	@Override
	public SearchResults search(PreparedQuery query, SearchFilter filter, SearchOrder order, int page, int size) {
		if (page < 1 || size < 1 || size > 100) {
			throw new IllegalArgumentException("page must be at least 1 and size between 1 and 100");
		}
		List<String> variants = folded(query.textVariants());
		List<String> phrases = folded(query.phrases());
		boolean textual = !variants.isEmpty() || !phrases.isEmpty();
		Query match = textual ? textQuery(variants, phrases) : Query.of(q -> q.matchAll(m -> m));
		Query scored = textual && order == SearchOrder.RELEVANCE ? ranked(match) : match;
		Map<Facet, Query> filters = filterQueries(filter);

		int from = (page - 1) * size;
		boolean beyond = from + size > MAX_WINDOW;
		SearchRequest.Builder request = new SearchRequest.Builder().index(alias)
			.query(scored)
			.from(beyond ? 0 : from)
			.size(beyond ? 0 : size)
			.trackTotalHits(t -> t.enabled(true))
			.source(s -> s.filter(f -> f.includes(HIT_FIELDS)));
		if (!filters.isEmpty()) {
			request.postFilter(all(filters.values()));
		}
		for (Facet facet : Facet.values()) {
			List<Query> others = filters.entrySet()
				.stream()
				.filter(f -> f.getKey() != facet)
				.map(Map.Entry::getValue)
				.toList();
			request.aggregations(facet.param(), Aggregation.of(a -> a.filter(all(others))
				.aggregations("values", v -> v.terms(t -> t.field(facetField(facet)).size(FACET_VALUES)))));
		}
		if (textual && order == SearchOrder.RELEVANCE) {
			request.sort(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
		}
		request.sort(SortOptions.of(s -> s.field(f -> f.field("date").order(SortOrder.Desc))));
		request.sort(SortOptions.of(s -> s.field(f -> f.field("sortKey").order(SortOrder.Asc))));
		request.highlight(highlight());

		try {
			SearchResponse<ObjectNode> response = client.search(request.build(), ObjectNode.class);
			List<SearchHit> hits = response.hits().hits().stream().map(this::hit).toList();
			long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
			return new SearchResults(total, hits, facets(response.aggregations()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("OpenSearch search failed", e);
		}
	}

	@Override
	public Map<String, List<Long>> keysOfAgency(long agencyId) {
		Map<String, List<Long>> keys = new java.util.TreeMap<>();
		List<FieldValue> after = null;
		while (true) {
			List<FieldValue> from = after;
			try {
				SearchResponse<ObjectNode> response = client.search(s -> {
					s.index(alias)
						.size(1000)
						.source(src -> src.filter(f -> f.includes("kind", "entryId")))
						.query(q -> q.term(t -> t.field("agency").value(FieldValue.of(String.valueOf(agencyId)))))
						.sort(SortOptions.of(o -> o.field(f -> f.field("sortKey").order(SortOrder.Asc))));
					if (from != null) {
						s.searchAfter(from);
					}
					return s;
				}, ObjectNode.class);
				var hits = response.hits().hits();
				for (var h : hits) {
					ObjectNode d = h.source();
					keys.computeIfAbsent(d.path("kind").asText(), k -> new ArrayList<>()).add(d.path("entryId").asLong());
				}
				if (hits.size() < 1000) {
					return keys;
				}
				after = hits.get(hits.size() - 1).sort();
			}
			catch (IOException e) {
				throw new UncheckedIOException("OpenSearch search failed", e);
			}
		}
	}

	private static Highlight highlight() {
		return Highlight.of(h -> h.encoder(HighlighterEncoder.Html)
			.preTags("<mark>")
			.postTags("</mark>")
			.fields("title", f -> f.numberOfFragments(0))
			.fields("body", f -> f.fragmentSize(SNIPPET_CHARS).numberOfFragments(1).noMatchSize(SNIPPET_CHARS))
			.fields("attachment", f -> f.fragmentSize(SNIPPET_CHARS).numberOfFragments(1)));
	}

	private SearchHit hit(Hit<ObjectNode> hit) {
		ObjectNode d = hit.source();
		Map<String, List<String>> hl = hit.highlight() == null ? Map.of() : hit.highlight();
		String title = first(hl, "title").orElseGet(() -> escapeHtml(d.path("title").asText()));
		String snippet = Snippets.trim(first(hl, "body").filter(s -> s.contains("<mark>"))
			.or(() -> first(hl, "attachment").filter(s -> s.contains("<mark>")))
			.or(() -> first(hl, "body"))
			.orElse(""), SNIPPET_CHARS);
		Long agency = d.hasNonNull("agency") ? Long.valueOf(d.get("agency").asText()) : null;
		String theme = d.hasNonNull("theme") ? d.get("theme").asText() : null;
		return new SearchHit(d.path("kind").asText(), d.path("entryId").asLong(), d.path("url").asText(), title, snippet,
				LocalDate.parse(d.path("date").asText()), agency, theme, d.path("outOfForce").asBoolean());
	}

	/** The first fragment, with the marks of adjacent bigrams joined into one. */
	private static Optional<String> first(Map<String, List<String>> highlights, String field) {
		List<String> fragments = highlights.get(field);
		if (fragments == null || fragments.isEmpty()) {
			return Optional.empty();
		}
		// The html encoder also escapes '/', which text content does not need.
		return Optional.of(fragments.get(0).replace("</mark><mark>", "").replace("&#x2F;", "/"));
	}

	static String escapeHtml(String s) {
		StringBuilder b = new StringBuilder(s.length() + 16);
		for (char c : s.toCharArray()) {
			switch (c) {
				case '&' -> b.append("&amp;");
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '"' -> b.append("&quot;");
				case '\'' -> b.append("&#x27;");
				default -> b.append(c);
			}
		}
		return b.toString();
	}

	private static Map<Facet, List<FacetCount>> facets(Map<String, Aggregate> aggregations) {
		Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			List<FacetCount> counts = new ArrayList<>();
			Aggregate dimension = aggregations.get(facet.param());
			if (dimension != null && dimension.isFilter()) {
				Aggregate values = dimension.filter().aggregations().get("values");
				if (values != null && values.isSterms()) {
					values.sterms()
						.buckets()
						.array()
						.forEach(b -> counts.add(new FacetCount(b.key(), b.docCount())));
				}
			}
			Comparator<FacetCount> byCount = Comparator.comparingLong(FacetCount::count)
				.reversed()
				.thenComparing(FacetCount::value);
			counts.sort(facet == Facet.YEAR
					? Comparator.comparing((FacetCount c) -> Integer.parseInt(c.value())).reversed() : byCount);
			facets.put(facet, List.copyOf(counts));
		}
		return facets;
	}

	// ---------------------------------------------------------------- did you mean

	/** A single-character (or single-word) replacement proposed by the term suggester. */
	private record Replacement(int start, int end, String text, int support, long freq) {
	}

	@Override
	public Optional<String> didYouMean(PreparedQuery query) {
		List<String> variants = folded(query.textVariants());
		if (variants.isEmpty()) {
			return Optional.empty();
		}
		String text = variants.get(0);
		try {
			SearchResponse<ObjectNode> response = client.search(s -> s.index(alias)
				.size(0)
				.suggest(sg -> sg.text(text)
					.suggesters("title", f -> f.term(t -> termSuggester(t, "title")))
					.suggesters("body", f -> f.term(t -> termSuggester(t, "body")))), ObjectNode.class);
			List<Replacement> replacements = replacements(response.suggest());
			if (replacements.isEmpty()) {
				return Optional.empty();
			}
			List<String> candidates = new ArrayList<>();
			candidates.add(apply(text, replacements, true));
			candidates.add(apply(text, replacements.subList(0, 1), false));
			for (String candidate : candidates.stream().distinct().toList()) {
				if (!candidate.equals(text) && count(textQuery(List.of(candidate), List.of())) > 0) {
					return Optional.of(candidate);
				}
			}
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException("OpenSearch suggest failed", e);
		}
	}

	private static org.opensearch.client.opensearch.core.search.TermSuggester.Builder termSuggester(
			org.opensearch.client.opensearch.core.search.TermSuggester.Builder t, String field) {
		return t.field(field)
			.suggestMode(SuggestMode.Missing)
			.minWordLength(2)
			.prefixLength(0)
			.maxEdits(1)
			.size(5);
	}

	/**
	 * Turns the per-token options into replacements. A CJK bigram option of the same length proposes single
	 * characters; a character proposed by both overlapping bigrams around it gains support. Other options replace
	 * their whole token. Best supported first.
	 */
	private static List<Replacement> replacements(Map<String, List<Suggest<ObjectNode>>> suggest) {
		record Key(int start, int end, String text) {
		}
		Map<Key, Set<Integer>> supporters = new HashMap<>();
		Map<Key, Long> freqs = new HashMap<>();
		for (List<Suggest<ObjectNode>> entries : suggest.values()) {
			for (Suggest<ObjectNode> entry : entries) {
				if (!entry.isTerm()) {
					continue;
				}
				TermSuggest term = entry.term();
				for (TermSuggestOption option : term.options()) {
					String original = term.text();
					String proposed = option.text();
					List<Key> keys = new ArrayList<>();
					if (proposed.length() == original.length() && term.length() == original.length()) {
						for (int i = 0; i < original.length(); i++) {
							if (original.charAt(i) != proposed.charAt(i)) {
								keys.add(new Key(term.offset() + i, term.offset() + i + 1, String.valueOf(proposed.charAt(i))));
							}
						}
					}
					else {
						keys.add(new Key(term.offset(), term.offset() + term.length(), proposed));
					}
					long freq = option.freq() == null ? 0 : option.freq();
					for (Key key : keys) {
						supporters.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(term.offset());
						freqs.merge(key, freq, Math::max);
					}
				}
			}
		}
		return supporters.entrySet()
			.stream()
			.map(e -> new Replacement(e.getKey().start(), e.getKey().end(), e.getKey().text(), e.getValue().size(),
					freqs.get(e.getKey())))
			.sorted(Comparator.comparingInt(Replacement::support)
				.reversed()
				.thenComparing(Comparator.comparingLong(Replacement::freq).reversed())
				.thenComparingInt(Replacement::start)
				.thenComparing(Replacement::text))
			.collect(Collectors.toList());
	}

	/** Applies the best replacements that stay at least one character apart from each other. */
	private static String apply(String text, List<Replacement> replacements, boolean several) {
		List<Replacement> chosen = new ArrayList<>();
		for (Replacement r : replacements) {
			boolean clear = chosen.stream().allMatch(c -> r.end() < c.start() || r.start() > c.end());
			if (clear && r.end() <= text.length()) {
				chosen.add(r);
				if (!several) {
					break;
				}
			}
		}
		chosen.sort(Comparator.comparingInt(Replacement::start).reversed());
		StringBuilder b = new StringBuilder(text);
		for (Replacement r : chosen) {
			b.replace(r.start(), r.end(), r.text());
		}
		return b.toString();
	}

	private long count(Query query) throws IOException {
		return client.count(c -> c.index(alias).query(query)).count();
	}

	@Override
	public boolean needsRebuild() {
		return needsRebuild;
	}

	@Override
	public long size() {
		try {
			return client.count(c -> c.index(alias)).count();
		}
		catch (IOException e) {
			throw new UncheckedIOException("OpenSearch count failed", e);
		}
	}

	// ---------------------------------------------------------------- rebuild

	@Override
	public Rebuild beginRebuild() {
		synchronized (this) {
			if (rebuild != null) {
				throw new IllegalStateException("a rebuild of the search index is already running");
			}
			try {
				IndexRebuild r = new IndexRebuild(createIndex(false));
				rebuild = r;
				log.info("Rebuilding the search index into {}", r.index);
				return r;
			}
			catch (IOException e) {
				throw new UncheckedIOException("OpenSearch could not create the new index", e);
			}
		}
	}

	/** The new index being filled; keys written or removed by the live path meanwhile are newer than the rebuild's. */
	private final class IndexRebuild implements Rebuild {

		private final String index;

		private final Set<String> touched = ConcurrentHashMap.newKeySet();

		private boolean completed;

		private boolean closed;

		private IndexRebuild(String index) {
			this.index = index;
		}

		@Override
		public void putAll(Collection<SearchEntry> entries) {
			if (completed || closed) {
				throw new IllegalStateException("this rebuild is over");
			}
			List<SearchEntry> fresh = entries.stream().filter(e -> !touched.contains(key(e.kind(), e.id()))).toList();
			if (!fresh.isEmpty()) {
				bulkIndex(index, fresh, Refresh.False);
			}
		}

		@Override
		public void complete() {
			if (completed || closed) {
				throw new IllegalStateException("this rebuild is over");
			}
			swapLock.writeLock().lock();
			try {
				client.indices().refresh(r -> r.index(index));
				ObjectNode filled = json.createObjectNode();
				filled.set("_meta", meta(true));
				send("PUT", "/" + index + "/_mapping", filled);
				Set<String> old = servingIndexes();
				client.indices().updateAliases(u -> {
					u.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true)));
					for (String o : old) {
						u.actions(a -> a.removeIndex(rm -> rm.index(o)));
					}
					return u;
				});
				completed = true;
				rebuild = null;
				needsRebuild = false;
				log.info("The search alias {} now serves {} (dropped {})", alias, index, old);
			}
			catch (IOException e) {
				throw new UncheckedIOException("OpenSearch could not swap the search alias", e);
			}
			finally {
				swapLock.writeLock().unlock();
			}
		}

		@Override
		public void close() {
			if (closed) {
				return;
			}
			closed = true;
			if (completed) {
				return;
			}
			swapLock.writeLock().lock();
			try {
				rebuild = null;
				client.indices().delete(d -> d.index(index));
				log.info("Abandoned the search rebuild into {}", index);
			}
			catch (OpenSearchException e) {
				if (e.status() != 404) {
					throw e;
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("OpenSearch could not delete the abandoned index", e);
			}
			finally {
				swapLock.writeLock().unlock();
			}
		}
	}

	@Override
	public void close() {
		if (closed.getAndSet(true)) {
			return;
		}
		try {
			transport.close();
		}
		catch (IOException e) {
			log.warn("Closing the OpenSearch transport failed", e);
		}
	}

	/** The words of a query by smartcn (the query only; the index holds bigrams). */
	static final class QueryWords {

		private QueryWords() {
		}

		static List<String> of(String text) {
			List<String> words = new ArrayList<>();
			try (org.apache.lucene.analysis.Tokenizer tokenizer = new org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer()) {
				org.apache.lucene.analysis.tokenattributes.CharTermAttribute term = tokenizer
					.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
				tokenizer.setReader(new java.io.StringReader(text));
				tokenizer.reset();
				while (tokenizer.incrementToken()) {
					String word = term.toString();
					if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
						words.add(word);
					}
				}
				tokenizer.end();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return words.stream().distinct().toList();
		}

		static boolean isSingleHan(String word) {
			return word.length() == 1 && Character.UnicodeScript.of(word.charAt(0)) == Character.UnicodeScript.HAN;
		}
	}

	/** Cuts a highlighted fragment to about {@code max} visible characters around its first mark. */
	static final class Snippets {

		private Snippets() {
		}

		static String trim(String html, int max) {
			// Units: a tag (<mark>, </mark>) or one visible character (an entity counts as one).
			List<String> units = new ArrayList<>();
			int firstMark = -1;
			int visible = 0;
			for (int i = 0; i < html.length();) {
				int end;
				char c = html.charAt(i);
				if (c == '<') {
					end = html.indexOf('>', i) + 1;
					if (firstMark < 0 && html.startsWith("<mark>", i)) {
						firstMark = visible;
					}
				}
				else {
					int semicolon = c == '&' ? html.indexOf(';', i) : -1;
					end = semicolon > 0 && semicolon - i <= 8 ? semicolon + 1
							: i + Character.charCount(html.codePointAt(i));
					visible++;
				}
				units.add(html.substring(i, end));
				i = end;
			}
			if (visible <= max) {
				return html;
			}
			int from = Math.max(0, Math.min(firstMark < 0 ? 0 : firstMark - 20, visible - max));
			int to = from + max;
			StringBuilder b = new StringBuilder(from > 0 ? "…" : "");
			boolean inMark = false;
			int position = 0;
			for (String unit : units) {
				boolean tag = unit.startsWith("<") && unit.length() > 1;
				if (tag) {
					inMark = unit.equals("<mark>");
					if (position > from && position < to) {
						b.append(unit);
					}
					continue;
				}
				if (position == from && inMark) {
					b.append("<mark>");
				}
				if (position >= from && position < to) {
					b.append(unit);
				}
				position++;
				if (position == to && inMark) {
					b.append("</mark>");
				}
			}
			if (to < visible) {
				b.append("…");
			}
			return b.toString();
		}
	}
}
