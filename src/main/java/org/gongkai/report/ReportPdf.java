package org.gongkai.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.gongkai.platform.CjkFonts;
import org.gongkai.platform.PdfFlow;
import org.springframework.stereotype.Component;

/**
 * The report as PDF (PDFBox) laid out like the national format, with the Chinese font the server has
 * ({@link CjkFonts}, as the applicant notices use) embedded: the title, the version line of a correction, the six
 * sections in order, tables 二–四 drawn with grid lines, merged header and row-group cells, text wrapped within
 * its cell. A table that does not fit breaks between rows; the header rows repeat on the next page and a merged
 * row-group cell (三、本年度办理结果) is drawn again on each page it continues on. A pure function of the
 * {@link ReportView} and the font.
 */
@Component
public class ReportPdf {

	private static final PDRectangle SIZE = PDRectangle.A4;

	private static final float MARGIN = 50;

	private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;

	private static final float CELL_FONT = 8.5f;

	private static final float PAD = 3;

	private final CjkFonts fonts;

	ReportPdf(CjkFonts fonts) {
		this.fonts = fonts;
	}

	/** Whether a PDF can be made here (a CJK font is installed). */
	public boolean available() {
		return fonts.file().isPresent();
	}

	public ReportFile write(ReportView view) {
		try (PDDocument doc = new PDDocument(); CjkFonts.Embedded embedded = fonts.embed(doc);
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Writer w = new Writer(doc, embedded.font());
			w.centred(view.title(), 16);
			if (ReportRendering.versionLine(view) != null) {
				w.centred(ReportRendering.versionLine(view), 12);
			}
			if (ReportRendering.correctionLine(view) != null) {
				w.text(ReportRendering.correctionLine(view), 10.5f, 0);
			}
			for (ReportRendering.Piece piece : ReportRendering.pieces(view, "")) {
				w.gap(6);
				w.text(piece.heading(), 13, 0);
				for (String p : piece.paragraphs()) {
					w.text(p, 10.5f, 21);
				}
				if (piece.paragraphs().isEmpty() && piece.parts().isEmpty() && !piece.hasTables()) {
					w.text(ReportRendering.NONE, 10.5f, 21);
				}
				for (ReportRendering.Part part : piece.parts()) {
					w.text(part.title(), 11, 0);
					for (String p : part.paragraphs()) {
						w.text(p, 10.5f, 21);
					}
				}
				for (ReportTableGrid grid : piece.grids()) {
					if (piece.section() == ReportLayout.Section.TWO) {
						w.centred(grid.caption(), 10.5f);
					}
					w.table(grid);
					w.gap(6);
				}
			}
			if (ReportRendering.dateLine(view) != null) {
				w.gap(12);
				w.right(view.agencyName(), 11);
				w.right(ReportRendering.dateLine(view), 11);
			}
			w.close();
			doc.save(out);
			return new ReportFile(ReportRendering.fileName(view, "pdf"), ReportFile.PDF, out.toByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the report as PDF", e);
		}
	}

	/** Column widths: the label columns take what the numbers leave. */
	static float[] widths(ReportTableGrid grid) {
		int data = (int) grid.body().get(0).stream().filter(ReportTableGrid.Cell::data).count();
		int labels = grid.columns() - data;
		float[] w = new float[grid.columns()];
		float dataWidth = labels == 0 ? WIDTH / data : labels == 1 ? Math.min(75, (WIDTH - 150) / data) : 36;
		float rest = WIDTH - dataWidth * data;
		for (int c = 0; c < grid.columns(); c++) {
			if (c >= labels) {
				w[c] = dataWidth;
			}
			else if (labels == 3) {
				w[c] = c < 2 ? 44 : rest - 88;
			}
			else {
				w[c] = rest / labels;
			}
		}
		return w;
	}

	/** The report's flow of text with its tables drawn on the grid of {@link ReportTableGrid}. */
	private static final class Writer extends PdfFlow {

		Writer(PDDocument doc, PDType0Font font) throws IOException {
			super(doc, font, MARGIN);
		}

		void table(ReportTableGrid grid) throws IOException {
			float[] widths = widths(grid);
			float[] xs = new float[widths.length + 1];
			xs[0] = MARGIN;
			for (int i = 0; i < widths.length; i++) {
				xs[i + 1] = xs[i] + widths[i];
			}
			List<List<ReportTableGrid.Cell>> rows = new ArrayList<>(grid.head());
			rows.addAll(grid.body());
			float[] heights = heights(rows, xs);
			int headRows = grid.headRows();
			float headHeight = 0;
			for (int r = 0; r < headRows; r++) {
				headHeight += heights[r];
			}
			if (y - headHeight - heights[headRows] < MARGIN) {
				newPage();
			}
			drawRows(grid.head(), 0, headRows, heights, xs);
			Map<ReportTableGrid.Cell, Float> open = new LinkedHashMap<>();
			for (int r = headRows; r < rows.size(); r++) {
				if (y - heights[r] < MARGIN) {
					for (Map.Entry<ReportTableGrid.Cell, Float> e : open.entrySet()) {
						cell(e.getKey(), e.getValue(), y, xs);
					}
					newPage();
					drawRows(grid.head(), 0, headRows, heights, xs);
					open.replaceAll((c, top) -> y);
				}
				for (ReportTableGrid.Cell c : rows.get(r)) {
					open.put(c, y);
				}
				y -= heights[r];
				final int row = r;
				List<ReportTableGrid.Cell> done = open.keySet().stream().filter(c -> c.row() + c.rowspan() - 1 == row).toList();
				for (ReportTableGrid.Cell c : done) {
					cell(c, open.remove(c), y, xs);
				}
			}
		}

		/** Rows from..to (grid rows), all their cells complete within them (the header). */
		private void drawRows(List<List<ReportTableGrid.Cell>> lines, int from, int to, float[] heights, float[] xs)
				throws IOException {
			float[] tops = new float[to + 1];
			tops[from] = y;
			for (int r = from; r < to; r++) {
				tops[r + 1] = tops[r] - heights[r];
			}
			for (List<ReportTableGrid.Cell> line : lines) {
				for (ReportTableGrid.Cell c : line) {
					cell(c, tops[c.row()], tops[c.row() + c.rowspan()], xs);
				}
			}
			y = tops[to];
		}

		private void cell(ReportTableGrid.Cell c, float top, float bottom, float[] xs) throws IOException {
			float left = xs[c.column()];
			float width = xs[c.column() + c.colspan()] - left;
			stream.addRect(left, bottom, width, top - bottom);
			stream.stroke();
			List<String> lines = CjkFonts.wrap(CjkFonts.printable(c.text(), font), font, CELL_FONT, width - 2 * PAD);
			float leading = CELL_FONT * 1.3f;
			float textHeight = lines.size() * leading;
			float baseline = top - (top - bottom - textHeight) / 2 - CELL_FONT;
			boolean leftAligned = "row".equals(c.scope());
			for (String l : lines) {
				float w = font.getStringWidth(l) / 1000 * CELL_FONT;
				show(l, leftAligned ? left + PAD : left + (width - w) / 2, baseline, CELL_FONT);
				baseline -= leading;
			}
		}

		/** Each row's height: what its single-row cells need; a spanning cell's need is added to its last row. */
		private float[] heights(List<List<ReportTableGrid.Cell>> rows, float[] xs) throws IOException {
			float[] h = new float[rows.size()];
			for (int r = 0; r < rows.size(); r++) {
				h[r] = CELL_FONT * 1.3f + 2 * PAD;
				for (ReportTableGrid.Cell c : rows.get(r)) {
					if (c.rowspan() == 1) {
						h[r] = Math.max(h[r], need(c, xs));
					}
				}
			}
			for (List<ReportTableGrid.Cell> line : rows) {
				for (ReportTableGrid.Cell c : line) {
					if (c.rowspan() > 1) {
						float sum = 0;
						for (int r = c.row(); r < c.row() + c.rowspan(); r++) {
							sum += h[r];
						}
						float need = need(c, xs);
						if (need > sum) {
							h[c.row() + c.rowspan() - 1] += need - sum;
						}
					}
				}
			}
			return h;
		}

		private float need(ReportTableGrid.Cell c, float[] xs) throws IOException {
			float width = xs[c.column() + c.colspan()] - xs[c.column()];
			int lines = CjkFonts.wrap(CjkFonts.printable(c.text(), font), font, CELL_FONT, width - 2 * PAD).size();
			return lines * CELL_FONT * 1.3f + 2 * PAD;
		}
	}
}
