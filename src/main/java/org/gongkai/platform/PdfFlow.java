package org.gongkai.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text flowing down A4 pages of a generated PDF in the embedded Chinese font ({@link CjkFonts}): paragraphs wrapped to
 * the width (the first line indented), centred or right-aligned lines, gaps, and a new page whenever the next line
 * would cross the bottom margin. Documents that draw more (the annual report's tables) extend it and use the
 * current position {@link #y} and {@link #stream}.
 */
public class PdfFlow implements AutoCloseable {

	public enum Align {
		LEFT, CENTRE, RIGHT
	}

	protected static final PDRectangle SIZE = PDRectangle.A4;

	protected final PDDocument doc;

	protected final PDType0Font font;

	protected final float margin;

	protected final float width;

	protected PDPageContentStream stream;

	/** The current position from the bottom of the page. */
	protected float y;

	public PdfFlow(PDDocument doc, PDType0Font font, float margin) throws IOException {
		this.doc = doc;
		this.font = font;
		this.margin = margin;
		this.width = SIZE.getWidth() - 2 * margin;
		newPage();
	}

	public final void newPage() throws IOException {
		if (stream != null) {
			stream.close();
		}
		PDPage page = new PDPage(SIZE);
		doc.addPage(page);
		stream = new PDPageContentStream(doc, page);
		stream.setLineWidth(0.5f);
		y = SIZE.getHeight() - margin;
	}

	public void gap(float h) {
		y -= h;
	}

	/** A paragraph at {@code size} points: wrapped to the width, its first line indented by {@code indent}. */
	public void text(String text, float size, float indent) throws IOException {
		paragraph(text, size, indent, Align.LEFT);
	}

	public void centred(String text, float size) throws IOException {
		paragraph(text, size, 0, Align.CENTRE);
	}

	public void right(String text, float size) throws IOException {
		paragraph(text, size, 0, Align.RIGHT);
	}

	private void paragraph(String text, float size, float indent, Align align) throws IOException {
		float leading = size * 1.6f;
		String printable = CjkFonts.printable(text == null ? "" : text, font);
		List<String> pieces = new ArrayList<>();
		List<String> first = CjkFonts.wrap(printable, font, size, width - indent);
		pieces.add(first.get(0));
		String rest = printable.substring(first.get(0).length());
		if (!rest.isEmpty()) {
			pieces.addAll(CjkFonts.wrap(rest, font, size, width));
		}
		for (int i = 0; i < pieces.size(); i++) {
			if (y - leading < margin) {
				newPage();
			}
			y -= leading;
			String piece = pieces.get(i);
			float textWidth = font.getStringWidth(piece) / 1000 * size;
			float x = switch (align) {
				case CENTRE -> margin + (width - textWidth) / 2;
				case RIGHT -> margin + width - textWidth;
				case LEFT -> margin + (i == 0 ? indent : 0);
			};
			show(piece, x, y + size * 0.3f, size);
		}
	}

	/** One line of text with its baseline at {@code baseline}. */
	protected void show(String text, float x, float baseline, float size) throws IOException {
		if (text.isEmpty()) {
			return;
		}
		stream.beginText();
		stream.setFont(font, size);
		stream.newLineAtOffset(x, baseline);
		stream.showText(text);
		stream.endText();
	}

	@Override
	public void close() throws IOException {
		stream.close();
	}
}
