package org.gongkai.publication;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.extractor.ExtractorFactory;
import org.apache.poi.extractor.POITextExtractor;
import org.gongkai.platform.InvalidInputException;

/** Which files may be attached, how their type is verified from their content, and how their text is read. */
final class AttachmentFiles {

	record Kind(String contentType, byte[] magic) {
	}

	private static final byte[] PDF = { '%', 'P', 'D', 'F' };

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] GIF = { 'G', 'I', 'F', '8' };

	static final Map<String, Kind> ALLOWED = Map.of("pdf", new Kind("application/pdf", PDF), "docx",
			new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP), "doc",
			new Kind("application/msword", OLE), "xlsx",
			new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP), "xls",
			new Kind("application/vnd.ms-excel", OLE), "png", new Kind("image/png", PNG), "jpg",
			new Kind("image/jpeg", JPEG), "jpeg", new Kind("image/jpeg", JPEG), "gif", new Kind("image/gif", GIF));

	private AttachmentFiles() {
	}

	/** The verified content type, or a Chinese refusal. */
	static String verify(String fileName, byte[] content) {
		if (fileName == null || fileName.isBlank()) {
			throw InvalidInputException.of("file", "请选择要上传的附件");
		}
		if (fileName.length() > 200) {
			throw InvalidInputException.of("file", "附件文件名不能超过200字");
		}
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "附件“" + fileName + "”是空文件");
		}
		if (content.length > PublicationRules.MAX_ATTACHMENT_BYTES) {
			throw InvalidInputException.of("file", "附件“" + fileName + "”超过" + PublicationRules.MAX_ATTACHMENT_BYTES / 1024 / 1024 + "MB");
		}
		String ext = extension(fileName);
		Kind kind = ALLOWED.get(ext);
		if (kind == null) {
			throw InvalidInputException.of("file", "不支持的附件类型“." + ext + "”，只能上传 PDF、Word、Excel 或图片（PNG、JPG、GIF）");
		}
		if (content.length < kind.magic().length || !Arrays.equals(Arrays.copyOf(content, kind.magic().length), kind.magic())) {
			throw InvalidInputException.of("file", "附件“" + fileName + "”的内容与扩展名不符，请检查文件是否损坏或被改名");
		}
		return kind.contentType();
	}

	/** The text of a document for the personal-data check; empty for images; 400 for a damaged or encrypted file. */
	static Optional<String> text(String fileName, byte[] content) {
		String ext = extension(fileName);
		try {
			if (ext.equals("pdf")) {
				try (PDDocument pdf = Loader.loadPDF(content)) {
					return Optional.of(new PDFTextStripper().getText(pdf));
				}
			}
			if (ext.equals("doc") || ext.equals("docx") || ext.equals("xls") || ext.equals("xlsx")) {
				try (POITextExtractor extractor = ExtractorFactory.createExtractor(new ByteArrayInputStream(content))) {
					return Optional.ofNullable(extractor.getText());
				}
			}
		}
		catch (Exception e) {
			throw InvalidInputException.of("file", "无法读取附件“" + fileName + "”的内容，请确认文件没有损坏、没有加密");
		}
		return Optional.empty();
	}

	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
