package org.gongkai.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font generated PDFs embed: the file set in {@code gongkai.documents.cjk-font}, otherwise the first of
 * the usual places a CJK font is installed (fonts-wqy-zenhei on Debian/Ubuntu first). Also the two text helpers every
 * PDF writer needs: what the font can draw, and breaking Chinese text to a width.
 */
@Component
public class CjkFonts {

	/** Where a CJK font is looked for when none is configured, in this order. */
	public static final List<String> CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
			"/System/Library/Fonts/PingFang.ttc", "C:/Windows/Fonts/simsun.ttc");

	/** The message when no font is installed (422): what to download instead and how an administrator fixes it. */
	public static final String MISSING = "服务器未安装中文字体，暂不能生成PDF版本，请下载Word版本（管理员可安装 fonts-wqy-zenhei 或设置 gongkai.documents.cjk-font）";

	private final String configured;

	public CjkFonts(@Value("${gongkai.documents.cjk-font:}") String configured) {
		this.configured = configured;
	}

	/** The font file, if one is readable. */
	public Optional<Path> file() {
		if (Texts.trimToNull(configured) != null) {
			Path p = Path.of(configured.trim());
			return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
		}
		return CANDIDATES.stream().map(Path::of).filter(Files::isReadable).findFirst();
	}

	/**
	 * The font embedded in {@code doc} as a subset of the characters used (the first face of a .ttc collection).
	 * Close the result only after the document is saved. Without a font: {@link DomainException#unprocessable} with
	 * {@link #MISSING}.
	 */
	public Embedded embed(PDDocument doc) throws IOException {
		Path fontFile = file().orElseThrow(() -> DomainException.unprocessable(MISSING));
		if (!fontFile.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
			return new Embedded(PDType0Font.load(doc, fontFile.toFile()), null);
		}
		TrueTypeCollection fonts = new TrueTypeCollection(fontFile.toFile());
		try {
			TrueTypeFont[] first = new TrueTypeFont[1];
			fonts.processAllFonts(ttf -> {
				if (first[0] == null) {
					first[0] = ttf;
				}
			});
			return new Embedded(PDType0Font.load(doc, first[0], true), fonts);
		}
		catch (IOException | RuntimeException e) {
			fonts.close();
			throw e;
		}
	}

	/** An embedded font and the collection it was read from (kept open until the document is saved). */
	public record Embedded(PDType0Font font, TrueTypeCollection collection) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			if (collection != null) {
				collection.close();
			}
		}
	}

	/**
	 * The text with what the font cannot draw replaced: tabs and control characters by a space, characters without a
	 * glyph (an emoji, a rare character missing from the font) by □.
	 */
	public static String printable(String line, PDType0Font font) {
		StringBuilder sb = new StringBuilder(line.length());
		line.codePoints().forEach(cp -> {
			if (Character.isISOControl(cp)) {
				sb.append(' ');
				return;
			}
			String ch = new String(Character.toChars(cp));
			try {
				font.encode(ch);
				sb.append(ch);
			}
			catch (IllegalArgumentException | IOException e) {
				sb.append('□');
			}
		});
		return sb.toString();
	}

	/** Breaks a line into pieces that fit the width; Chinese text may break between any two characters. */
	public static List<String> wrap(String line, PDType0Font font, float fontSize, float width) throws IOException {
		List<String> pieces = new ArrayList<>();
		if (line.isEmpty()) {
			pieces.add("");
			return pieces;
		}
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < line.length();) {
			int cp = line.codePointAt(i);
			String ch = new String(Character.toChars(cp));
			if (font.getStringWidth(current + ch) / 1000 * fontSize > width && current.length() > 0) {
				pieces.add(current.toString());
				current.setLength(0);
			}
			current.append(ch);
			i += Character.charCount(cp);
		}
		pieces.add(current.toString());
		return pieces;
	}
}
