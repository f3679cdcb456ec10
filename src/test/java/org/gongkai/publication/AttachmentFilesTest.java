package org.gongkai.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class AttachmentFilesTest {

	static byte[] pdf(String text) throws Exception {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 700);
				content.showText(text);
				content.endText();
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	static byte[] docx(String text) throws Exception {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText(text);
			doc.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void acceptsPdfAndWordAndReadsTheirText() throws Exception {
		byte[] pdf = pdf("Contact 13812345678");
		assertThat(AttachmentFiles.verify("通知.pdf", pdf)).isEqualTo("application/pdf");
		assertThat(AttachmentFiles.text("通知.pdf", pdf)).hasValueSatisfying(t -> assertThat(t).contains("13812345678"));
		byte[] word = docx("联系电话13812345678");
		assertThat(AttachmentFiles.verify("附件1.docx", word)).contains("wordprocessingml");
		assertThat(AttachmentFiles.text("附件1.docx", word)).hasValueSatisfying(t -> assertThat(t).contains("联系电话13812345678"));
	}

	@Test
	void refusesOtherTypesAndRenamedFiles() throws Exception {
		assertThatThrownBy(() -> AttachmentFiles.verify("run.exe", new byte[] { 'M', 'Z', 0, 0 }))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("不支持的附件类型");
		assertThatThrownBy(() -> AttachmentFiles.verify("假文件.pdf", docx("x")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("内容与扩展名不符");
		assertThatThrownBy(() -> AttachmentFiles.verify("空.pdf", new byte[0])).hasMessageContaining("空文件");
	}
}
