package org.gongkai.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlighted titles and snippets from the stored original text (offsets in the postings; the folding char filter
 * keeps them exact). Matches of the words and of the exact phrases (the bigram fields are masked into their text
 * field) are wrapped in {@code <mark>}; everything else is HTML-escaped.
 */
final class LuceneHighlighting {

	/** Target snippet length in characters. */
	static final int SNIPPET = 140;

	/** Longest snippet: a longer passage is cut around its first match. */
	static final int MAX_SNIPPET = 160;

	private static final int MAX_LENGTH = LuceneDocuments.MAX_TEXT;

	private LuceneHighlighting() {
	}

	/** Highlighted title and best snippet per document; null where nothing matched. */
	record Highlights(String[] titles, String[] bodies, String[] attachments) {
	}

	static Highlights highlight(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docs)
			throws IOException {
		if (docs.length == 0) {
			return new Highlights(new String[0], new String[0], new String[0]);
		}
		UnifiedHighlighter titles = builder(searcher, analyzer).withBreakIterator(WholeBreakIterator::new)
			.withFormatter(new MarkFormatter(Integer.MAX_VALUE))
			.build();
		UnifiedHighlighter snippets = builder(searcher, analyzer)
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getSentenceInstance(Locale.CHINA), SNIPPET, 0.3f))
			.withFormatter(new MarkFormatter(MAX_SNIPPET))
			.build();
		String[] title = titles.highlightFields(new String[] { LuceneDocuments.TITLE }, query, docs, new int[] { 1 })
			.get(LuceneDocuments.TITLE);
		Map<String, String[]> texts = snippets.highlightFields(
				new String[] { LuceneDocuments.BODY, LuceneDocuments.ATTACHMENT }, query, docs, new int[] { 1, 1 });
		return new Highlights(title, texts.get(LuceneDocuments.BODY), texts.get(LuceneDocuments.ATTACHMENT));
	}

	private static UnifiedHighlighter.Builder builder(IndexSearcher searcher, Analyzer analyzer) {
		return UnifiedHighlighter.builder(searcher, analyzer)
			.withMaxLength(MAX_LENGTH)
			.withHighlightPhrasesStrictly(true)
			.withMaxNoHighlightPassages(0)
			.withMaskedFieldsFunc(field -> LuceneDocuments.PHRASE_FIELDS.contains(field)
					? Set.of(field, field + ChineseAnalyzers.EXACT) : Set.of(field));
	}

	/** The beginning of a text, escaped, as the snippet of a hit where nothing highlights. */
	static String beginning(String text) {
		String t = text.strip();
		if (t.length() <= SNIPPET) {
			return escape(t, 0, t.length());
		}
		int end = SNIPPET;
		if (Character.isHighSurrogate(t.charAt(end - 1))) {
			end--;
		}
		return escape(t, 0, end) + "…";
	}

	static String escape(String s, int from, int to) {
		StringBuilder out = new StringBuilder(to - from + 16);
		escapeInto(out, s, from, to);
		return out.toString();
	}

	private static void escapeInto(StringBuilder out, String s, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
	}

	/** Escapes the passage and marks its matches (overlapping or adjacent matches become one mark). */
	static final class MarkFormatter extends PassageFormatter {

		private final int maxLength;

		MarkFormatter(int maxLength) {
			this.maxLength = maxLength;
		}

		@Override
		public Object format(Passage[] passages, String content) {
			if (passages.length == 0) {
				return null;
			}
			Passage passage = passages[0];
			int start = passage.getStartOffset();
			int end = passage.getEndOffset();
			int[] starts = passage.getMatchStarts();
			int[] ends = passage.getMatchEnds();
			int matches = passage.getNumMatches();
			if (end - start > maxLength && matches > 0) {
				int first = starts[0];
				for (int i = 1; i < matches; i++) {
					first = Math.min(first, starts[i]);
				}
				start = Math.max(start, first - maxLength / 4);
				end = Math.min(end, start + maxLength);
			}
			while (start < end && Character.isWhitespace(content.charAt(start))) {
				start++;
			}
			if (start > 0 && start < content.length() && Character.isLowSurrogate(content.charAt(start))) {
				start++;
			}
			if (end < content.length() && end > start && Character.isHighSurrogate(content.charAt(end - 1))) {
				end--;
			}
			StringBuilder out = new StringBuilder();
			if (start > 0 && maxLength != Integer.MAX_VALUE) {
				out.append('…');
			}
			int[][] spans = merged(starts, ends, matches);
			int at = start;
			for (int[] span : spans) {
				int s = Math.max(span[0], at);
				int e = Math.min(span[1], end);
				if (e <= s) {
					continue;
				}
				escapeInto(out, content, at, s);
				out.append("<mark>");
				escapeInto(out, content, s, e);
				out.append("</mark>");
				at = e;
			}
			escapeInto(out, content, at, end);
			if (maxLength != Integer.MAX_VALUE && end < content.stripTrailing().length()) {
				out.append('…');
			}
			return out.toString().strip();
		}

		private static int[][] merged(int[] starts, int[] ends, int count) {
			int[][] spans = new int[count][];
			for (int i = 0; i < count; i++) {
				spans[i] = new int[] { starts[i], ends[i] };
			}
			java.util.Arrays.sort(spans, (a, b) -> Integer.compare(a[0], b[0]));
			java.util.List<int[]> out = new java.util.ArrayList<>();
			for (int[] span : spans) {
				int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
				if (last != null && span[0] <= last[1]) {
					last[1] = Math.max(last[1], span[1]);
				}
				else {
					out.add(new int[] { span[0], span[1] });
				}
			}
			return out.toArray(new int[0][]);
		}
	}
}
