package org.gongkai.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.gongkai.platform.SearchEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The embedded Lucene implementation of the search port (first version: smartcn words, put/remove, basic search).
 */
@Component
@ConditionalOnProperty(name = "gongkai.search.engine", havingValue = "lucene", matchIfMissing = true)
public class LuceneSearchEngine implements SearchEngine {

	private final Analyzer analyzer = new SmartChineseAnalyzer();

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	public LuceneSearchEngine(@Value("${gongkai.search.dir:${gongkai.data-dir:./data}/search}") Path dir) {
		try {
			Path gen = dir.resolve("gen-1");
			Files.createDirectories(gen);
			directory = FSDirectory.open(gen);
			writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
			writer.commit();
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String key(String kind, long id) {
		return kind + ":" + id;
	}

	private Document document(SearchEntry e) {
		Document d = new Document();
		String key = key(e.kind(), e.id());
		d.add(new StringField("key", key, Field.Store.NO));
		d.add(new SortedDocValuesField("key", new BytesRef(key)));
		d.add(new StringField("kind", e.kind(), Field.Store.YES));
		d.add(new StoredField("id", e.id()));
		if (e.agencyId() != null) {
			d.add(new StoredField("agency", e.agencyId()));
		}
		if (e.theme() != null) {
			d.add(new StoredField("theme", e.theme()));
		}
		d.add(new StoredField("url", e.url()));
		d.add(new TextField("title", e.title(), Field.Store.YES));
		d.add(new TextField("body", e.body(), Field.Store.YES));
		d.add(new TextField("attachment", e.attachmentText(), Field.Store.NO));
		d.add(new TextField("keywords", e.keywords(), Field.Store.NO));
		long day = e.date().toEpochDay();
		d.add(new LongPoint("date", day));
		d.add(new NumericDocValuesField("date", day));
		d.add(new StoredField("date", day));
		d.add(new StoredField("outOfForce", e.outOfForce() ? 1 : 0));
		return d;
	}

	@Override
	public void put(SearchEntry entry) {
		putAll(List.of(entry));
	}

	@Override
	public synchronized void putAll(Collection<SearchEntry> entries) {
		try {
			for (SearchEntry e : entries) {
				writer.updateDocument(new Term("key", key(e.kind(), e.id())), document(e));
			}
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public synchronized void remove(String kind, long id) {
		try {
			writer.deleteDocuments(new Term("key", key(kind, id)));
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<String> words(String field, String text) throws IOException {
		List<String> out = new ArrayList<>();
		try (TokenStream ts = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				out.add(term.toString());
			}
			ts.end();
		}
		return out;
	}

	@Override
	public SearchResults search(PreparedQuery query, SearchFilter filter, SearchOrder order, int page, int size) {
		if (size < 1 || size > 100 || page < 1) {
			throw new IllegalArgumentException("page must be at least 1 and size 1 to 100");
		}
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				BooleanQuery.Builder q = new BooleanQuery.Builder();
				String text = String.join(" ", query.textVariants().isEmpty() ? query.phrases()
						: List.of(query.textVariants().get(0)));
				List<String> words = words("title", text);
				if (words.isEmpty()) {
					q.add(new MatchAllDocsQuery(), Occur.MUST);
				}
				for (String w : words) {
					BooleanQuery.Builder any = new BooleanQuery.Builder();
					any.add(new TermQuery(new Term("title", w)), Occur.SHOULD);
					any.add(new TermQuery(new Term("body", w)), Occur.SHOULD);
					any.add(new TermQuery(new Term("attachment", w)), Occur.SHOULD);
					any.add(new TermQuery(new Term("keywords", w)), Occur.SHOULD);
					q.add(any.build(), Occur.MUST);
				}
				if (!filter.kinds().isEmpty()) {
					BooleanQuery.Builder kinds = new BooleanQuery.Builder();
					filter.kinds().forEach(k -> kinds.add(new TermQuery(new Term("kind", k)), Occur.SHOULD));
					q.add(kinds.build(), Occur.FILTER);
				}
				Query built = q.build();
				int n = page * size;
				Sort sort = words.isEmpty() || order == SearchOrder.NEWEST
						? new Sort(new SortField("date", SortField.Type.LONG, true), new SortField("key", SortField.Type.STRING))
						: new Sort(SortField.FIELD_SCORE, new SortField("key", SortField.Type.STRING));
				TopDocs top = searcher.search(built, n, sort);
				List<SearchHit> hits = new ArrayList<>();
				for (int i = (page - 1) * size; i < top.scoreDocs.length; i++) {
					ScoreDoc sd = top.scoreDocs[i];
					Document d = searcher.storedFields().document(sd.doc);
					String body = d.get("body");
					hits.add(new SearchHit(d.get("kind"), d.getField("id").numericValue().longValue(), d.get("url"),
							HtmlUtils.htmlEscape(d.get("title")),
							HtmlUtils.htmlEscape(body.substring(0, Math.min(140, body.length()))),
							java.time.LocalDate.ofEpochDay(d.getField("date").numericValue().longValue()),
							d.getField("agency") == null ? null : d.getField("agency").numericValue().longValue(),
							d.get("theme"), d.getField("outOfForce").numericValue().intValue() == 1));
				}
				return new SearchResults(searcher.count(built), hits, Map.of());
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public Optional<String> didYouMean(PreparedQuery query) {
		return Optional.empty();
	}

	@Override
	public long size() {
		try {
			IndexSearcher s = searchers.acquire();
			try {
				return s.getIndexReader().numDocs();
			}
			finally {
				searchers.release(s);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public Rebuild beginRebuild() {
		throw new UnsupportedOperationException("rebuild is not available yet");
	}

	@Override
	public synchronized void close() {
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
