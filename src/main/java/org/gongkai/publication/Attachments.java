package org.gongkai.publication;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of attachment records (table {@code pub_attachment}); the bytes live in the file store. */
@Repository
class Attachments {

	private final JdbcClient jdbc;

	Attachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Attachment a) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pub_attachment (document_id, file_name, content_type, size_bytes, storage_key, sha256, "
				+ "extracted_text, sort_order, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
			.params(a.documentId(), a.fileName(), a.contentType(), a.size(), a.storageKey(), a.sha256(), a.extractedText(),
					a.sortOrder(), a.uploadedBy(), Timestamp.from(a.uploadedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<Attachment> of(long documentId) {
		return jdbc.sql("SELECT * FROM pub_attachment WHERE document_id = ? ORDER BY sort_order, id")
			.param(documentId)
			.query((rs, n) -> new Attachment(rs.getLong("id"), rs.getLong("document_id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("storage_key"),
					rs.getString("sha256"), rs.getString("extracted_text"), rs.getInt("sort_order"),
					rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	Optional<Attachment> find(long documentId, long attachmentId) {
		return of(documentId).stream().filter(a -> a.id() == attachmentId).findFirst();
	}

	void delete(long attachmentId) {
		jdbc.sql("DELETE FROM pub_attachment WHERE id = ?").param(attachmentId).update();
	}

	void updateText(long attachmentId, String text) {
		jdbc.sql("UPDATE pub_attachment SET extracted_text = ? WHERE id = ?").params(text, attachmentId).update();
	}
}
