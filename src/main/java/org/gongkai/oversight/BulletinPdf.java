package org.gongkai.oversight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.gongkai.platform.CjkFonts;
import org.gongkai.platform.PdfFlow;

import org.springframework.stereotype.Component;

/**
 * A bulletin as PDF (PDFBox) on A4 with the server's Chinese font embedded ({@link CjkFonts}): the title, the 文号 and
 * date line, the three parts, the issuing agency and date; text wrapped to the width, new pages as needed. Without a
 * font: 422 with the advice to download the Word version.
 */
@Component
public class BulletinPdf {

	private static final float MARGIN = 60;

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
			PdfFlow w = new PdfFlow(doc, embedded.font(), MARGIN);
			w.centred(b.title(), 16);
			w.centred(BulletinFile.issueLine(b), 11);
			w.gap(8);
			for (Bulletin.Section s : b.sections()) {
				w.text(s.heading(), 13, 0);
				for (String p : s.paragraphs()) {
					w.text(p, 11, 22);
				}
				w.gap(4);
			}
			w.gap(12);
			w.right(agencyName, 11);
			if (b.issuedOn() != null) {
				w.right(b.issuedOn().getYear() + "年" + b.issuedOn().getMonthValue() + "月" + b.issuedOn().getDayOfMonth() + "日",
						11);
			}
			w.close();
			doc.save(out);
			return new BulletinFile(BulletinFile.name(b, "pdf"), BulletinFile.PDF, out.toByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the bulletin as PDF", e);
		}
	}
}
