package org.gongkai.interpretation;

import java.time.Instant;

/** A file of an interpretation; an image always carries its text alternative ({@code altText}). */
public record InterpretationMedia(long id, long interpretationId, MediaKind kind, String fileName, String contentType,
		long size, String storageKey, String altText, String description, int sortOrder, String uploadedBy,
		Instant uploadedAt) {

	/** The file name used in public addresses: the id and the extension only. */
	public String safeName() {
		int dot = fileName.lastIndexOf('.');
		return id + (dot < 0 ? "" : fileName.substring(dot).toLowerCase(java.util.Locale.ROOT));
	}
}
