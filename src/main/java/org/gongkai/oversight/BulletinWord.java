package org.gongkai.oversight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A bulletin as a Word document (.docx, Apache POI XWPF) on A4 in the usual layout of an official circular: the
 * title in 宋体, the 文号 and date line, the three parts with their headings in 黑体 and the text in 仿宋 with a
 * two-character first-line indent, the issuing agency and date at the end. A pure function of the bulletin.
 */
public final class BulletinWord {

	private BulletinWord() {
	}

	public static BulletinFile write(Bulletin b, String agencyName) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
					: doc.getDocument().getBody().addNewSectPr();
			CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
			size.setW(BigInteger.valueOf(11906));
			size.setH(BigInteger.valueOf(16838));
			paragraph(doc, b.title(), "宋体", 22, true, ParagraphAlignment.CENTER, false);
			paragraph(doc, BulletinFile.issueLine(b), "仿宋", 14, false, ParagraphAlignment.CENTER, false);
			for (Bulletin.Section s : b.sections()) {
				paragraph(doc, s.heading(), "黑体", 16, false, ParagraphAlignment.LEFT, true);
				for (String p : s.paragraphs()) {
					paragraph(doc, p, "仿宋", 16, false, ParagraphAlignment.LEFT, true);
				}
			}
			paragraph(doc, agencyName, "仿宋", 16, false, ParagraphAlignment.RIGHT, false);
			if (b.issuedOn() != null) {
				paragraph(doc, b.issuedOn().getYear() + "年" + b.issuedOn().getMonthValue() + "月" + b.issuedOn().getDayOfMonth() + "日",
						"仿宋", 16, false, ParagraphAlignment.RIGHT, false);
			}
			doc.write(out);
			return new BulletinFile(BulletinFile.name(b, "docx"), BulletinFile.DOCX, out.toByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the bulletin as Word", e);
		}
	}

	private static void paragraph(XWPFDocument doc, String text, String font, int size, boolean bold,
			ParagraphAlignment alignment, boolean indent) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(alignment);
		if (indent) {
			p.setFirstLineIndent(640);
		}
		XWPFRun run = p.createRun();
		run.setFontFamily(font);
		run.setFontSize(size);
		run.setBold(bold);
		run.setText(text);
	}
}
