package org.gongkai.interpretation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongkai.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of topics of public concern and the responses to them (tables {@code int_topic*}, {@code int_response}). */
@Repository
class Concerns {

	private final JdbcClient jdbc;

	Concerns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertTopic(ConcernTopic t) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO int_topic (agency_id, title, source, source_note, description, detected_at, status, created_by, "
				+ "created_at) VALUES (?,?,?,?,?,?,?,?,?)")
			.params(t.agencyId(), t.title(), t.source().name(), t.sourceNote(), t.description(),
					Rows.ts(t.detectedAt()), t.status().name(), t.createdBy(), Rows.ts(t.createdAt()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		setTopicDocuments(id, t.documentIds());
		return id;
	}

	void updateTopic(ConcernTopic t) {
		jdbc.sql("UPDATE int_topic SET title = ?, source = ?, source_note = ?, description = ?, detected_at = ?, status = ? "
				+ "WHERE id = ?")
			.params(t.title(), t.source().name(), t.sourceNote(), t.description(), Rows.ts(t.detectedAt()),
					t.status().name(), t.id())
			.update();
		setTopicDocuments(t.id(), t.documentIds());
	}

	private void setTopicDocuments(long topicId, List<Long> documentIds) {
		jdbc.sql("DELETE FROM int_topic_document WHERE topic_id = ?").param(topicId).update();
		for (Long d : documentIds.stream().distinct().toList()) {
			jdbc.sql("INSERT INTO int_topic_document (topic_id, document_id) VALUES (?,?)").params(topicId, d).update();
		}
	}

	Optional<ConcernTopic> topic(long id, boolean forUpdate) {
		return jdbc.sql("SELECT * FROM int_topic WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
			.param(id)
			.query(this::mapTopic)
			.optional()
			.map(this::withDocuments);
	}

	List<ConcernTopic> topics(Collection<Long> agencyIds, ConcernTopic.Status status, int limit) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(agencyIds);
		String where = "agency_id IN (" + String.join(",", agencyIds.stream().map(a -> "?").toList()) + ")";
		if (status != null) {
			where += " AND status = ?";
			params.add(status.name());
		}
		params.add(limit);
		return jdbc.sql("SELECT * FROM int_topic WHERE " + where + " ORDER BY detected_at DESC, id DESC LIMIT ?")
			.params(params)
			.query(this::mapTopic)
			.list()
			.stream()
			.map(this::withDocuments)
			.toList();
	}

	private ConcernTopic withDocuments(ConcernTopic t) {
		List<Long> docs = jdbc.sql("SELECT document_id FROM int_topic_document WHERE topic_id = ? ORDER BY document_id")
			.param(t.id())
			.query(Long.class)
			.list();
		return new ConcernTopic(t.id(), t.agencyId(), t.title(), t.source(), t.sourceNote(), t.description(), t.detectedAt(),
				t.status(), t.createdBy(), t.createdAt(), docs);
	}

	private ConcernTopic mapTopic(ResultSet rs, int n) throws SQLException {
		return new ConcernTopic(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"),
				ConcernTopic.Source.valueOf(rs.getString("source")), rs.getString("source_note"), rs.getString("description"),
				Interpretations.instant(rs.getTimestamp("detected_at")), ConcernTopic.Status.valueOf(rs.getString("status")),
				rs.getString("created_by"), Interpretations.instant(rs.getTimestamp("created_at")), List.of());
	}

	// ---- responses ----------------------------------------------------------------------------------

	long insertResponse(ConcernResponse r) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO int_response (topic_id, agency_id, title, body, channel, status, published_at, withdrawn_reason, "
				+ "created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
			.params(r.topicId(), r.agencyId(), r.title(), r.body(), r.channel(), r.status().name(),
					Rows.ts(r.publishedAt()), r.withdrawnReason(), r.createdBy(), Rows.ts(r.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateResponse(ConcernResponse r) {
		jdbc.sql("UPDATE int_response SET title = ?, body = ?, channel = ?, status = ?, published_at = ?, withdrawn_reason = ? "
				+ "WHERE id = ?")
			.params(r.title(), r.body(), r.channel(), r.status().name(), Rows.ts(r.publishedAt()),
					r.withdrawnReason(), r.id())
			.update();
	}

	void deleteDraft(long id) {
		jdbc.sql("DELETE FROM int_response WHERE id = ? AND status = 'DRAFT'").param(id).update();
	}

	Optional<ConcernResponse> response(long id, boolean forUpdate) {
		return jdbc.sql("SELECT * FROM int_response WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
			.param(id)
			.query(this::mapResponse)
			.optional();
	}

	List<ConcernResponse> responsesOf(long topicId) {
		return jdbc.sql("SELECT * FROM int_response WHERE topic_id = ? ORDER BY id").param(topicId).query(this::mapResponse).list();
	}

	/** Published responses, newest first; {@code agencyIds} null for the whole site. */
	List<ConcernResponse> publicResponses(Collection<Long> agencyIds, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = "status = 'PUBLISHED'";
		if (agencyIds != null) {
			if (agencyIds.isEmpty()) {
				return List.of();
			}
			where += " AND agency_id IN (" + String.join(",", agencyIds.stream().map(a -> "?").toList()) + ")";
			params.addAll(agencyIds);
		}
		params.add(limit);
		params.add(offset);
		return jdbc.sql("SELECT * FROM int_response WHERE " + where + " ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(this::mapResponse)
			.list();
	}

	long publicResponseCount(Collection<Long> agencyIds) {
		List<Object> params = new ArrayList<>();
		String where = "status = 'PUBLISHED'";
		if (agencyIds != null) {
			if (agencyIds.isEmpty()) {
				return 0;
			}
			where += " AND agency_id IN (" + String.join(",", agencyIds.stream().map(a -> "?").toList()) + ")";
			params.addAll(agencyIds);
		}
		return jdbc.sql("SELECT COUNT(*) FROM int_response WHERE " + where).params(params).query(Long.class).single();
	}

	/** Published responses about a policy (through their topics). */
	List<ConcernResponse> publicResponsesAbout(long documentId) {
		return jdbc.sql("SELECT r.* FROM int_response r JOIN int_topic_document d ON d.topic_id = r.topic_id "
				+ "WHERE d.document_id = ? AND r.status = 'PUBLISHED' ORDER BY r.published_at DESC")
			.param(documentId)
			.query(this::mapResponse)
			.list();
	}

	List<long[]> publicIds() {
		return jdbc.sql("SELECT agency_id, id FROM int_response WHERE status = 'PUBLISHED'")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/** Hours from detection to the first published response, for topics responded to in a period. */
	List<Long> responseHours(Collection<Long> agencyIds, Instant from, Instant to) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(agencyIds);
		params.add(Rows.ts(from));
		params.add(Rows.ts(to));
		return jdbc.sql("SELECT t.detected_at, MIN(r.published_at) FROM int_topic t JOIN int_response r ON r.topic_id = t.id "
				+ "WHERE t.agency_id IN (" + String.join(",", agencyIds.stream().map(a -> "?").toList()) + ") "
				+ "AND r.published_at IS NOT NULL GROUP BY t.id, t.detected_at HAVING MIN(r.published_at) BETWEEN ? AND ?")
			.params(params)
			.query((rs, n) -> java.time.Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()).toHours())
			.list();
	}

	private ConcernResponse mapResponse(ResultSet rs, int n) throws SQLException {
		return new ConcernResponse(rs.getLong("id"), rs.getLong("topic_id"), rs.getLong("agency_id"), rs.getString("title"),
				rs.getString("body"), rs.getString("channel"), ConcernResponse.Status.valueOf(rs.getString("status")),
				Interpretations.instant(rs.getTimestamp("published_at")), rs.getString("withdrawn_reason"),
				rs.getString("created_by"), Interpretations.instant(rs.getTimestamp("created_at")));
	}
}
