package org.gongkai.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * The report as a Word document (.docx, Apache POI XWPF) laid out like the national format: the title in 宋体, the
 * version line of a correction, the six sections in order with the text in 仿宋, and tables 二–四 as real Word
 * tables whose spanning cells are merged (horizontally and vertically) exactly as on the page; the header rows repeat
 * on every printed page. Every cell of the grid keeps its position in the Word table (a merged cell's covered cells
 * stay, marked as continuing the merge), so row r, column c of a table is row r, column c of its
 * {@link ReportTableGrid}. A pure function of the {@link ReportView}.
 */
public final class ReportWord {

	static final String TITLE_FONT = "宋体";

	static final String TEXT_FONT = "仿宋";

	private ReportWord() {
	}

	public static ReportFile write(ReportView view) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			a4(doc);
			paragraph(doc, view.title(), TITLE_FONT, 18, true, ParagraphAlignment.CENTER);
			if (ReportRendering.versionLine(view) != null) {
				paragraph(doc, ReportRendering.versionLine(view), TEXT_FONT, 14, false, ParagraphAlignment.CENTER);
			}
			if (ReportRendering.correctionLine(view) != null) {
				paragraph(doc, ReportRendering.correctionLine(view), TEXT_FONT, 12, false, ParagraphAlignment.LEFT);
			}
			for (ReportRendering.Piece piece : ReportRendering.pieces(view, "")) {
				paragraph(doc, piece.heading(), "黑体", 16, false, ParagraphAlignment.LEFT);
				for (String p : piece.paragraphs()) {
					indented(doc, p);
				}
				if (piece.paragraphs().isEmpty() && piece.parts().isEmpty() && !piece.hasTables()) {
					indented(doc, ReportRendering.NONE);
				}
				for (ReportRendering.Part part : piece.parts()) {
					paragraph(doc, part.title(), "楷体", 16, false, ParagraphAlignment.LEFT);
					for (String p : part.paragraphs()) {
						indented(doc, p);
					}
				}
				for (ReportTableGrid grid : piece.grids()) {
					if (piece.section() == ReportLayout.Section.TWO) {
						paragraph(doc, grid.caption(), TITLE_FONT, 12, true, ParagraphAlignment.CENTER);
					}
					table(doc, grid);
				}
			}
			if (ReportRendering.dateLine(view) != null) {
				paragraph(doc, view.agencyName(), TEXT_FONT, 16, false, ParagraphAlignment.RIGHT);
				paragraph(doc, ReportRendering.dateLine(view), TEXT_FONT, 16, false, ParagraphAlignment.RIGHT);
			}
			doc.write(out);
			return new ReportFile(ReportRendering.fileName(view, "docx"), ReportFile.DOCX, out.toByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the report as Word", e);
		}
	}

	private static void a4(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
				: doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
	}

	private static void paragraph(XWPFDocument doc, String text, String font, int size, boolean bold,
			ParagraphAlignment alignment) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(alignment);
		run(p, text, font, size, bold);
	}

	private static void indented(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setFirstLineIndent(640);
		run(p, text, TEXT_FONT, 16, false);
	}

	private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
		XWPFRun run = p.createRun();
		run.setFontFamily(font);
		run.setFontSize(size);
		run.setBold(bold);
		run.setText(text);
	}

	private static void table(XWPFDocument doc, ReportTableGrid grid) {
		int rows = grid.headRows() + grid.body().size();
		XWPFTable table = doc.createTable(rows, grid.columns());
		table.setWidthType(TableWidthType.PCT);
		table.setWidth("100%");
		for (int r = 0; r < grid.headRows(); r++) {
			table.getRow(r).setRepeatHeader(true);
		}
		for (List<ReportTableGrid.Cell> line : grid.head()) {
			for (ReportTableGrid.Cell c : line) {
				place(table, c);
			}
		}
		for (List<ReportTableGrid.Cell> line : grid.body()) {
			for (ReportTableGrid.Cell c : line) {
				place(table, c);
			}
		}
		doc.createParagraph();
	}

	private static void place(XWPFTable table, ReportTableGrid.Cell c) {
		for (int i = 0; i < c.rowspan(); i++) {
			for (int j = 0; j < c.colspan(); j++) {
				XWPFTableCell cell = table.getRow(c.row() + i).getCell(c.column() + j);
				CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
				if (c.colspan() > 1) {
					pr.addNewHMerge().setVal(j == 0 ? STMerge.RESTART : STMerge.CONTINUE);
				}
				if (c.rowspan() > 1) {
					pr.addNewVMerge().setVal(i == 0 ? STMerge.RESTART : STMerge.CONTINUE);
				}
			}
		}
		XWPFTableCell cell = table.getRow(c.row()).getCell(c.column());
		cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
		XWPFParagraph p = cell.getParagraphs().get(0);
		p.setAlignment("row".equals(c.scope()) ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
		run(p, c.text(), c.header() ? TITLE_FONT : TEXT_FONT, 10, false);
	}
}
