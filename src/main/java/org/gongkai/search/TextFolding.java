package org.gongkai.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * The one folding of search text, applied alike to indexed text (as a Lucene char filter) and to queries
 * ({@link #fold}): full-width forms to half-width (ASCII letters, digits and punctuation, the ideographic space),
 * traditional forms of common characters to simplified, and letters to lower case.
 *
 * <p>Every mapping replaces one {@code char} by one {@code char}, so the char filter keeps offsets exact and the
 * highlighter marks the stored original text. The traditional-to-simplified pairs are the single-character mappings
 * of icu4j's {@code Traditional-Simplified} transliterator over the CJK Unified Ideographs block, generated into
 * {@code traditional-simplified.txt} (TextFoldingTest checks the file against icu4j), except a few characters that are
 * also ordinary simplified characters with another meaning ({@link #KEPT}).
 *
 * <p>Engine-independent: the OpenSearch engine folds its queries with {@link #fold} too.
 */
public final class TextFolding {

	/** Characters that the transliterator maps but simplified text uses as they are (显著, 乾隆, 狼藉, 瞭望). */
	static final String KEPT = "著乾藉瞭";

	static final String RESOURCE = "traditional-simplified.txt";

	private static final char[] TABLE = table();

	private static final NormalizeCharMap CHAR_MAP = charMap();

	private TextFolding() {
	}

	/** The folded form of {@code text}, always of the same length; null becomes the empty string. */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = TABLE[chars[i]];
		}
		return new String(chars);
	}

	/** The folded form of one character. */
	public static char fold(char c) {
		return TABLE[c];
	}

	/**
	 * A char filter that folds the text read through it, with exact offsets (for Lucene analyzers). It leaves plain
	 * lower-casing to the analyzers' lower-case token filter (a smaller map); full-width letters come out lower case.
	 */
	public static Reader charFilter(Reader reader) {
		return new MappingCharFilter(CHAR_MAP, reader);
	}

	private static char[] table() {
		char[] table = new char[Character.MAX_VALUE + 1];
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			table[c] = Character.isSurrogate((char) c) ? (char) c : Character.toLowerCase((char) c);
			if (Character.charCount(Character.toLowerCase(c)) != 1) {
				table[c] = (char) c;
			}
		}
		for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
			table[c] = Character.toLowerCase((char) (c - 0xFEE0));
		}
		table['\u3000'] = ' ';
		try (InputStream in = TextFolding.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + RESOURCE);
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.length() == 2 && KEPT.indexOf(line.charAt(0)) < 0) {
					table[line.charAt(0)] = line.charAt(1);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return table;
	}

	private static NormalizeCharMap charMap() {
		NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			if (TABLE[c] != c && TABLE[c] != Character.toLowerCase((char) c)
					|| c >= '\uFF01' && c <= '\uFF5E' || c == '\u3000') {
				builder.add(String.valueOf((char) c), String.valueOf(TABLE[c]));
			}
		}
		return builder.build();
	}
}
