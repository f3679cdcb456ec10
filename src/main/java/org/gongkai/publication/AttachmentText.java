package org.gongkai.publication;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.platform.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The plain text of an item's public attachments for the site search: PDF (PDFBox), .docx (POI XWPF) and .doc (POI
 * HWPF); other types (spreadsheets, images) are ignored. The text kept at upload is used when there is one (it is
 * the masked text after a personal-data masking); otherwise the file is read from the store. Each file gives at most
 * {@link #MAX_CHARS} characters, and a damaged file is logged and skipped: it never fails the indexing.
 */
@Component
class AttachmentText {

	static final int MAX_CHARS = 200_000;

	private static final Logger log = LoggerFactory.getLogger(AttachmentText.class);

	private final FileStore files;

	AttachmentText(FileStore files) {
		this.files = files;
	}

	/** The text of these attachments, one after the other, separated by blank lines; empty when none has text. */
	String of(List<Attachment> attachments) {
		StringBuilder text = new StringBuilder();
		for (Attachment a : attachments) {
			String one = of(a);
			if (!one.isEmpty()) {
				if (!text.isEmpty()) {
					text.append("\n\n");
				}
				text.append(one);
			}
		}
		return text.toString();
	}

	/** The text of one attachment, or empty for a type without text, a missing or a damaged file. */
	String of(Attachment a) {
		if (!isText(a.fileName())) {
			return "";
		}
		try {
			String text = a.extractedText();
			if (text == null) {
				Optional<byte[]> content = files.get(a.storageKey());
				if (content.isEmpty()) {
					log.warn("Attachment {} ({}) of item {} is missing from the file store; indexed without its text", a.id(),
							a.fileName(), a.documentId());
					return "";
				}
				text = extract(a.fileName(), content.get()).orElse("");
			}
			return clean(text);
		}
		catch (RuntimeException e) {
			log.warn("Cannot read attachment {} ({}) of item {}; indexed without its text: {}", a.id(), a.fileName(),
					a.documentId(), e.toString());
			return "";
		}
	}

	/** The text of a PDF or Word file, capped; empty for other types or a file that cannot be read. */
	static Optional<String> extract(String fileName, byte[] content) {
		String ext = AttachmentFiles.extension(fileName);
		try {
			String text = switch (ext) {
				case "pdf" -> {
					try (PDDocument pdf = Loader.loadPDF(content)) {
						yield new PDFTextStripper().getText(pdf);
					}
				}
				case "docx" -> {
					try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content));
							XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
						yield extractor.getText();
					}
				}
				case "doc" -> {
					try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(content));
							WordExtractor extractor = new WordExtractor(doc)) {
						yield extractor.getText();
					}
				}
				default -> null;
			};
			return Optional.ofNullable(text).map(AttachmentText::clean);
		}
		catch (Exception | LinkageError e) {
			log.warn("Cannot extract the text of attachment {}; skipped: {}", fileName, e.toString());
			return Optional.empty();
		}
	}

	static boolean isText(String fileName) {
		String ext = AttachmentFiles.extension(fileName == null ? "" : fileName);
		return ext.equals("pdf") || ext.equals("docx") || ext.equals("doc");
	}

	/** Runs of white space (and control characters) as one space, trimmed, and at most {@link #MAX_CHARS} characters. */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		String plain = text.replaceAll("[\\p{Cntrl}\\s\\u00A0\\u3000]+", " ").trim();
		if (plain.length() <= MAX_CHARS) {
			return plain;
		}
		int end = MAX_CHARS;
		if (Character.isHighSurrogate(plain.charAt(end - 1))) {
			end--;
		}
		return plain.substring(0, end);
	}
}
