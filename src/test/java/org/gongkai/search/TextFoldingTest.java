package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import com.ibm.icu.text.Transliterator;

class TextFoldingTest {

	@Test
	void foldsFullWidthTraditionalAndCase() {
		assertThat(TextFolding.fold("政務公開")).isEqualTo("政务公开");
		assertThat(TextFolding.fold("ＧＤＰ　２０２４年，Ａｂｃ！")).isEqualTo("gdp 2024年,abc!");
		assertThat(TextFolding.fold("關於推進資訊發布的意見")).isEqualTo("关于推进资讯发布的意见");
		assertThat(TextFolding.fold("Hello WORLD")).isEqualTo("hello world");
		assertThat(TextFolding.fold("＂信息公开＂")).isEqualTo("\"信息公开\"");
		assertThat(TextFolding.fold(null)).isEmpty();
	}

	@Test
	void leavesSimplifiedTextAndAmbiguousCharactersAlone() {
		String simplified = "显著提高著作权保护水平、乾隆年间、声名狼藉、瞭望塔、政务公开。";
		assertThat(TextFolding.fold(simplified)).isEqualTo(simplified);
	}

	@Test
	void keepsTheLength() {
		String text = "ＡＢＣ政務公開\uD840\uDC00 İstanbul ß";
		assertThat(TextFolding.fold(text)).hasSameSizeAs(text);
	}

	@Test
	void theCharFilterFoldsLikeFold() throws IOException {
		String text = "關於政務公開ＧＤＰ　２０２４";
		StringBuilder out = new StringBuilder();
		try (Reader reader = TextFolding.charFilter(new StringReader(text))) {
			int c;
			while ((c = reader.read()) >= 0) {
				out.append((char) c);
			}
		}
		// the char filter leaves plain upper case to the analyzers' lower-case filter; full-width comes out lower
		assertThat(out.toString()).isEqualTo(TextFolding.fold(text));
	}

	@Test
	void analyzedOffsetsPointIntoTheOriginalText() {
		Analyzer words = ChineseAnalyzers.words();
		String text = "关于推進政務公開的意見";
		List<ChineseAnalyzers.Token> tokens = ChineseAnalyzers.tokens(words, "title", text);
		List<String> originals = new ArrayList<>();
		for (ChineseAnalyzers.Token token : tokens) {
			originals.add(text.substring(token.start(), token.end()));
			assertThat(token.term()).isEqualTo(TextFolding.fold(originals.get(originals.size() - 1)));
		}
		assertThat(originals).contains("政務", "公開");
	}

	@Test
	void theMappingFileIsIcuTraditionalToSimplified() throws IOException {
		Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
		List<String> expected = new ArrayList<>();
		for (char c = '\u4E00'; c <= '\u9FFF'; c++) {
			String s = String.valueOf(c);
			String simplified = icu.transliterate(s);
			if (simplified.length() == 1 && !simplified.equals(s)) {
				expected.add(s + simplified);
			}
		}
		List<String> actual;
		try (InputStream in = TextFolding.class.getResourceAsStream(TextFolding.RESOURCE)) {
			actual = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.startsWith("#"))
				.toList();
		}
		assertThat(actual).as("regenerate %s from icu4j", TextFolding.RESOURCE).isEqualTo(expected);
		assertThat(actual.size()).isGreaterThan(2000);
	}
}
