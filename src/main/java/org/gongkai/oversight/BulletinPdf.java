package org.gongkai.oversight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.gongkai.platform.CjkFonts;

import org.springframework.stereotype.Component;

/**
 * A bulletin as PDF (PDFBox) on A4 with the server's Chinese font embedded ({@link CjkFonts}): the title, the 文号 and
 * date line, the three parts, the issuing agency and date; text wrapped to the width, new pages as needed. Without a
 * font: 422 with the advice to download the Word version.
 */
@Component
public class BulletinPdf {

	private static final PDRectangle SIZE = PDRectangle.A4;

	private static final float MARGIN = 60;

	private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;

	private final CjkFonts fonts;

	BulletinPdf(CjkFonts fonts) {
		this.fonts = fonts;
	}

	public boolean available() {
		return fonts.file().isPresent();
	}

	public BulletinFile write(Bulletin b, String agencyName) {
		try (PDDocument doc = new PDDocument(); CjkFonts.Embedded embedded = fonts.embed(doc);
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Writer w = new Writer(doc, embedded.font());
			w.line(b.title(), 16, Align.CENTRE, 0);
			w.line(BulletinFile.issueLine(b), 11, Align.CENTRE, 0);
			w.gap(8);
			for (Bulletin.Section s : b.sections()) {
				w.line(s.heading(), 13, Align.LEFT, 0);
				for (String p : s.paragraphs()) {
					w.line(p, 11, Align.LEFT, 22);
				}
				w.gap(4);
			}
			w.gap(12);
			w.line(agencyName, 11, Align.RIGHT, 0);
			if (b.issuedOn() != null) {
				w.line(b.issuedOn().getYear() + "年" + b.issuedOn().getMonthValue() + "月" + b.issuedOn().getDayOfMonth() + "日", 11,
						Align.RIGHT, 0);
			}
			w.close();
			doc.save(out);
			return new BulletinFile(BulletinFile.name(b, "pdf"), BulletinFile.PDF, out.toByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the bulletin as PDF", e);
		}
	}

	private enum Align {
		LEFT, CENTRE, RIGHT
	}

	private static final class Writer {

		private final PDDocument doc;

		private final PDType0Font font;

		private PDPageContentStream stream;

		private float y;

		Writer(PDDocument doc, PDType0Font font) throws IOException {
			this.doc = doc;
			this.font = font;
			newPage();
		}

		void newPage() throws IOException {
			if (stream != null) {
				stream.close();
			}
			PDPage page = new PDPage(SIZE);
			doc.addPage(page);
			stream = new PDPageContentStream(doc, page);
			y = SIZE.getHeight() - MARGIN;
		}

		void gap(float h) {
			y -= h;
		}

		/** A paragraph: the first line indented, wrapped to the width, aligned. */
		void line(String text, float size, Align align, float indent) throws IOException {
			String printable = CjkFonts.printable(text, font);
			float leading = size * 1.6f;
			boolean first = true;
			for (String piece : CjkFonts.wrap(printable, font, size, WIDTH - indent)) {
				if (y - leading < MARGIN) {
					newPage();
				}
				y -= leading;
				float width = font.getStringWidth(piece) / 1000 * size;
				float x = switch (align) {
					case CENTRE -> MARGIN + (WIDTH - width) / 2;
					case RIGHT -> MARGIN + WIDTH - width;
					case LEFT -> MARGIN + (first ? indent : 0);
				};
				stream.beginText();
				stream.setFont(font, size);
				stream.newLineAtOffset(x, y);
				stream.showText(piece);
				stream.endText();
				first = false;
			}
		}

		void close() throws IOException {
			stream.close();
		}
	}
}
