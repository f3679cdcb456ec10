package org.gongkai.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The Lucene analyzers of the embedded engine. Words: {@link TextFolding} char filter, smartcn's HMM tokenizer, lower
 * case, smartcn's stop set (punctuation). Exact: the same char filter, the standard tokenizer (one token per Han
 * character), CJK width and lower case, then CJK bigrams; the index keeps the single characters too (each bigram is
 * stacked on its first character, so a run of n characters takes n positions). Phrase queries are built from this same
 * analysis (one token per position, the bigram where there is one), so tokens after a CJK run keep their distance and
 * a one-character phrase still finds its character.
 */
final class ChineseAnalyzers {

	/** Suffix of the exact (bigram) field beside each text field. */
	static final String EXACT = "_exact";

	private ChineseAnalyzers() {
	}

	/** smartcn words over folded text. */
	static Analyzer words() {
		return new Analyzer() {
			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return TextFolding.charFilter(reader);
			}

			@Override
			protected Reader initReaderForNormalization(String fieldName, Reader reader) {
				return TextFolding.charFilter(reader);
			}

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new HMMChineseTokenizer();
				TokenStream stream = new LowerCaseFilter(tokenizer);
				stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
				return new TokenStreamComponents(tokenizer, stream);
			}
		};
	}

	/** CJK bigrams over folded text; {@code unigrams} for the index, without for phrase queries. */
	static Analyzer exact(boolean unigrams) {
		return new Analyzer() {
			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return TextFolding.charFilter(reader);
			}

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new CJKWidthFilter(tokenizer);
				stream = new LowerCaseFilter(stream);
				stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
						| CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
				return new TokenStreamComponents(tokenizer, stream);
			}
		};
	}

	/** The index analyzer: words for the text fields, exact with unigrams for the {@value #EXACT} fields. */
	static Analyzer index(Analyzer words, Analyzer exactIndex, List<String> textFields) {
		Map<String, Analyzer> perField = new java.util.HashMap<>();
		for (String field : textFields) {
			perField.put(field + EXACT, exactIndex);
		}
		return new PerFieldAnalyzerWrapper(words, perField);
	}

	/** One token: its text, position (from 0) and offsets. */
	record Token(String term, int position, int start, int end) {
	}

	/** The tokens {@code analyzer} makes of {@code text}. */
	static List<Token> tokens(Analyzer analyzer, String field, String text) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return tokens;
	}
}
