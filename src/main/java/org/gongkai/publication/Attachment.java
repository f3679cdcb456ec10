package org.gongkai.publication;

import java.time.Instant;

/** A file attached to an item (PDF, Word, Excel, image). Its text is kept for the personal-data check. */
public record Attachment(long id, long documentId, String fileName, String contentType, long size, String storageKey,
		String sha256, String extractedText, int sortOrder, String uploadedBy, Instant uploadedAt) {

	/** A readable size such as 1.2 MB. */
	public String sizeLabel() {
		if (size < 1024) {
			return size + " B";
		}
		if (size < 1024 * 1024) {
			return String.format("%.1f KB", size / 1024.0);
		}
		return String.format("%.1f MB", size / 1024.0 / 1024.0);
	}

	/** The file name as it may appear in an address. */
	public String safeName() {
		return id + "-" + fileName.replaceAll("[^\\p{L}\\p{N}._-]", "_");
	}
}
