package org.gongkai.search;

import java.time.LocalDate;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.gongkai.platform.SearchEntry;

/**
 * The Lucene document of a {@link SearchEntry}, and the entry's stored parts read back. Bump {@link #SCHEMA_VERSION}
 * whenever fields or analysis change: an index of an older version asks for a rebuild at startup.
 */
final class LuceneDocuments {

	/** Version of the fields and analysis; stored in every commit's user data. */
	static final int SCHEMA_VERSION = 2;

	static final String KEY = "key";

	static final String KIND = "kind";

	static final String ID = "id";

	static final String AGENCY = "agency";

	static final String THEME = "theme";

	static final String URL = "url";

	static final String DATE = "date";

	static final String OUT_OF_FORCE = "outOfForce";

	static final String TITLE = "title";

	static final String BODY = "body";

	static final String ATTACHMENT = "attachment";

	static final String KEYWORDS = "keywords";

	static final List<String> TEXT_FIELDS = List.of(TITLE, BODY, ATTACHMENT, KEYWORDS);

	/** Fields with an exact (bigram) twin, searched by quoted phrases (keywords: document numbers held only there). */
	static final List<String> PHRASE_FIELDS = List.of(TITLE, BODY, ATTACHMENT, KEYWORDS);

	static final String FEATURES = "features";

	static final String FRESHNESS = "freshness";

	static final String IN_FORCE = "inForce";

	/** Day 0 of the freshness feature; earlier dates count as day 1. */
	static final LocalDate FRESHNESS_EPOCH = LocalDate.of(2000, 1, 1);

	/** Facet dimensions as indexed. */
	static final String DIM_TYPE = "type";

	static final String DIM_AGENCY = "agency";

	static final String DIM_THEME = "theme";

	static final String DIM_YEAR = "year";

	static final FacetsConfig FACETS = new FacetsConfig();

	/** Longest text indexed (and stored) per field; the rest of a huge attachment is ignored. */
	static final int MAX_TEXT = 1_000_000;

	private static final FieldType STORED_TEXT = textType(true, true);

	private static final FieldType TEXT = textType(false, true);

	private static final FieldType EXACT = textType(false, true);

	private LuceneDocuments() {
	}

	private static FieldType textType(boolean stored, boolean offsets) {
		FieldType type = new FieldType();
		type.setTokenized(true);
		type.setStored(stored);
		type.setIndexOptions(offsets ? IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS
				: IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
		type.freeze();
		return type;
	}

	static String key(String kind, long id) {
		return kind + ":" + id;
	}

	static Term keyTerm(String kind, long id) {
		return new Term(KEY, key(kind, id));
	}

	static float freshness(LocalDate date) {
		long days = date.toEpochDay() - FRESHNESS_EPOCH.toEpochDay();
		return Math.max(1f, days);
	}

	static Document document(SearchEntry e) {
		try {
			return FACETS.build(raw(e));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Document raw(SearchEntry e) {
		Document d = new Document();
		String key = key(e.kind(), e.id());
		d.add(new StringField(KEY, key, Field.Store.NO));
		d.add(new SortedDocValuesField(KEY, new BytesRef(key)));
		d.add(new StoredField(KIND, e.kind()));
		d.add(new StoredField(ID, e.id()));
		d.add(new StoredField(URL, e.url()));
		d.add(new SortedSetDocValuesFacetField(DIM_TYPE, e.kind()));
		if (e.agencyId() != null) {
			d.add(new StoredField(AGENCY, e.agencyId()));
			d.add(new SortedSetDocValuesFacetField(DIM_AGENCY, e.agencyId().toString()));
		}
		if (e.theme() != null && !e.theme().isBlank()) {
			d.add(new StoredField(THEME, e.theme()));
			d.add(new SortedSetDocValuesFacetField(DIM_THEME, e.theme()));
		}
		long day = e.date().toEpochDay();
		d.add(new NumericDocValuesField(DATE, day));
		d.add(new LongPoint(DATE, day)); // lets the date sort skip non-competitive documents
		d.add(new StoredField(DATE, day));
		d.add(new SortedSetDocValuesFacetField(DIM_YEAR, Integer.toString(e.date().getYear())));
		d.add(new StoredField(OUT_OF_FORCE, e.outOfForce() ? 1 : 0));
		text(d, TITLE, e.title(), true);
		text(d, BODY, e.body(), true);
		text(d, ATTACHMENT, e.attachmentText(), true);
		text(d, KEYWORDS, e.keywords(), false);
		d.add(new FeatureField(FEATURES, FRESHNESS, freshness(e.date())));
		if (!e.outOfForce()) {
			d.add(new FeatureField(FEATURES, IN_FORCE, 1f));
		}
		return d;
	}

	private static void text(Document d, String field, String value, boolean stored) {
		String text = value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
		d.add(new Field(field, text, stored ? STORED_TEXT : TEXT));
		if (PHRASE_FIELDS.contains(field)) {
			d.add(new Field(field + ChineseAnalyzers.EXACT, text, EXACT));
		}
	}

	/** The stored parts of a hit. */
	record Stored(String kind, long id, String url, String title, String body, String attachment, LocalDate date,
			Long agencyId, String theme, boolean outOfForce) {

		static Stored of(Document d) {
			return new Stored(d.get(KIND), d.getField(ID).numericValue().longValue(), d.get(URL), d.get(TITLE),
					orEmpty(d.get(BODY)), orEmpty(d.get(ATTACHMENT)),
					LocalDate.ofEpochDay(d.getField(DATE).numericValue().longValue()),
					d.getField(AGENCY) == null ? null : d.getField(AGENCY).numericValue().longValue(), d.get(THEME),
					d.getField(OUT_OF_FORCE).numericValue().intValue() == 1);
		}

		private static String orEmpty(String s) {
			return s == null ? "" : s;
		}
	}
}
