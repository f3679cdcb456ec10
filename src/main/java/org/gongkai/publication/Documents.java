package org.gongkai.publication;

import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of items, their catalogue filing, history and earlier versions (tables {@code pub_*}). */
@Repository
class Documents {

	private static final String SUMMARY_COLUMNS = "d.id, d.agency_id, d.index_number, d.title, d.summary, d.published_on, "
			+ "d.document_number, d.validity, d.theme, d.document_type, d.status, d.formed_on, d.publish_by";

	private final JdbcClient jdbc;

	Documents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Document d) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pub_document (agency_id, external_id, index_number, title, summary, body, issuing_organ, "
				+ "document_number, written_on, formed_on, published_on, published_at, theme, document_type, keywords, validity, "
				+ "validity_changed_on, validity_note, normative, government_rule, attribute, exemption_ground, exemption_reason, "
				+ "status, publish_by, publish_by_rule, returned_reason, withdrawn_reason, personal_data_confirmation, repost_source, "
				+ "repost_source_url, repost_original_on, correction_note, version, created_by, created_at, updated_at) "
				+ "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(values(d))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		setNodes(id, d.nodeIds());
		return id;
	}

	void update(Document d) {
		List<Object> params = new ArrayList<>(values(d));
		params.add(d.id());
		jdbc.sql("UPDATE pub_document SET agency_id = ?, external_id = ?, index_number = ?, title = ?, summary = ?, body = ?, "
				+ "issuing_organ = ?, document_number = ?, written_on = ?, formed_on = ?, published_on = ?, published_at = ?, "
				+ "theme = ?, document_type = ?, keywords = ?, validity = ?, validity_changed_on = ?, validity_note = ?, "
				+ "normative = ?, government_rule = ?, attribute = ?, exemption_ground = ?, exemption_reason = ?, status = ?, "
				+ "publish_by = ?, publish_by_rule = ?, returned_reason = ?, withdrawn_reason = ?, personal_data_confirmation = ?, "
				+ "repost_source = ?, repost_source_url = ?, repost_original_on = ?, correction_note = ?, version = ?, "
				+ "created_by = ?, created_at = ?, updated_at = ? WHERE id = ?")
			.params(params)
			.update();
		setNodes(d.id(), d.nodeIds());
	}

	private static List<Object> values(Document d) {
		List<Object> v = new ArrayList<>();
		v.add(d.agencyId());
		v.add(d.externalId());
		v.add(d.indexNumber());
		v.add(d.title());
		v.add(d.summary());
		v.add(d.body());
		v.add(d.issuingOrgan());
		v.add(d.documentNumber());
		v.add(d.writtenOn());
		v.add(d.formedOn());
		v.add(d.publishedOn());
		v.add(ts(d.publishedAt()));
		v.add(d.theme());
		v.add(d.documentType());
		v.add(d.keywords());
		v.add(d.validity().name());
		v.add(d.validityChangedOn());
		v.add(d.validityNote());
		v.add(d.normative());
		v.add(d.governmentRule());
		v.add(d.attribute() == null ? null : d.attribute().name());
		v.add(d.exemptionGround() == null ? null : d.exemptionGround().name());
		v.add(d.exemptionReason());
		v.add(d.status().name());
		v.add(d.publishBy());
		v.add(d.publishByRule());
		v.add(d.returnedReason());
		v.add(d.withdrawnReason());
		v.add(d.personalDataConfirmation());
		v.add(d.repostSource());
		v.add(d.repostSourceUrl());
		v.add(d.repostOriginalOn());
		v.add(d.correctionNote());
		v.add(d.version());
		v.add(d.createdBy());
		v.add(ts(d.createdAt()));
		v.add(ts(d.updatedAt()));
		return v;
	}

	void setNodes(long documentId, List<Long> nodeIds) {
		jdbc.sql("DELETE FROM pub_document_node WHERE document_id = ?").param(documentId).update();
		for (Long node : nodeIds.stream().distinct().toList()) {
			jdbc.sql("INSERT INTO pub_document_node (document_id, node_id) VALUES (?,?)").params(documentId, node).update();
		}
	}

	Optional<Document> findById(long id) {
		return jdbc.sql("SELECT * FROM pub_document WHERE id = ?").param(id).query(this::document).optional();
	}

	Optional<Document> findByIdForUpdate(long id) {
		return jdbc.sql("SELECT * FROM pub_document WHERE id = ? FOR UPDATE").param(id).query(this::document).optional();
	}

	Optional<Document> findByExternalId(long agencyId, String externalId) {
		return jdbc.sql("SELECT * FROM pub_document WHERE agency_id = ? AND external_id = ?")
			.params(agencyId, externalId)
			.query(this::document)
			.optional();
	}

	Optional<Document> findByIndexNumber(String indexNumber) {
		return jdbc.sql("SELECT * FROM pub_document WHERE index_number = ?").param(indexNumber).query(this::document).optional();
	}

	/** One page of summaries, newest first, and the total. */
	Page page(DocumentQuery q, int offset, int limit) {
		return page(q, offset, limit, null);
	}

	/** As {@link #page(DocumentQuery, int, int)}, with the total already known (no count query). */
	Page page(DocumentQuery q, int offset, int limit, Long knownTotal) {
		List<Object> params = new ArrayList<>();
		String where = where(q, params);
		long total = knownTotal != null ? knownTotal
				: jdbc.sql("SELECT COUNT(*) FROM pub_document d" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(limit);
		pageParams.add(offset);
		List<DocumentSummary> items = jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " FROM pub_document d" + where
					+ " ORDER BY d.published_on DESC, d.id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(Documents::summary)
			.list();
		return new Page(items, total);
	}

	/** Staff lists: newest change first. */
	Page consolePage(DocumentQuery q, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(q, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM pub_document d" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(limit);
		pageParams.add(offset);
		List<DocumentSummary> items = jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " FROM pub_document d" + where + " ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(Documents::summary)
			.list();
		return new Page(items, total);
	}

	record Page(List<DocumentSummary> items, long total) {
	}

	private static String where(DocumentQuery q, List<Object> params) {
		StringBuilder w = new StringBuilder(" WHERE 1=1");
		in(w, params, "d.agency_id", q.agencyIds());
		Collection<DocumentStatus> statuses = q.statuses() == null ? List.of(DocumentStatus.PUBLISHED) : q.statuses();
		if (!statuses.isEmpty()) {
			in(w, params, "d.status", statuses.stream().map(Enum::name).toList());
		}
		if (q.nodeIds() != null) {
			if (q.nodeIds().isEmpty()) {
				w.append(" AND 1=0");
			}
			else {
				w.append(" AND EXISTS (SELECT 1 FROM pub_document_node n WHERE n.document_id = d.id AND n.node_id IN (")
					.append(marks(q.nodeIds().size()))
					.append("))");
				params.addAll(q.nodeIds());
			}
		}
		if (q.year() != null) {
			w.append(" AND d.published_on >= ? AND d.published_on < ?");
			params.add(LocalDate.of(q.year(), 1, 1));
			params.add(LocalDate.of(q.year() + 1, 1, 1));
		}
		if (q.theme() != null) {
			w.append(" AND (d.theme = ? OR d.theme LIKE ?)");
			params.add(q.theme());
			params.add(q.theme() + "/%");
		}
		if (q.documentType() != null) {
			w.append(" AND d.document_type = ?");
			params.add(q.documentType());
		}
		if (q.validity() != null) {
			w.append(" AND d.validity = ?");
			params.add(q.validity().name());
		}
		if (q.indexNumber() != null) {
			w.append(" AND d.index_number = ?");
			params.add(q.indexNumber());
		}
		if (q.normative() != null) {
			w.append(" AND (d.normative = ? OR d.government_rule = ?)");
			params.add(q.normative());
			params.add(q.normative());
		}
		if (q.text() != null) {
			w.append(" AND (LOWER(d.title) LIKE ? OR d.index_number = ? OR d.document_number = ?)");
			params.add("%" + q.text().toLowerCase(Locale.ROOT) + "%");
			params.add(q.text());
			params.add(q.text());
		}
		return w.toString();
	}

	private static void in(StringBuilder w, List<Object> params, String column, Collection<?> values) {
		if (values == null) {
			return;
		}
		if (values.isEmpty()) {
			w.append(" AND 1=0");
			return;
		}
		if (values.size() == 1) {
			// an equality lets the database walk the (agency, status, published_on, id) index in order
			w.append(" AND ").append(column).append(" = ?");
			params.add(values.iterator().next());
			return;
		}
		w.append(" AND ").append(column).append(" IN (").append(marks(values.size())).append(")");
		params.addAll(values);
	}

	private static String marks(int n) {
		return String.join(",", java.util.Collections.nCopies(n, "?"));
	}

	/** Items past their Art. 26 date that are still not public, per agency. */
	Map<Long, Long> overdueCounts(Collection<Long> agencyIds, LocalDate today) {
		Map<Long, Long> out = new HashMap<>();
		if (agencyIds.isEmpty()) {
			return out;
		}
		List<Object> params = new ArrayList<>(agencyIds);
		params.add(today);
		jdbc.sql("SELECT agency_id, COUNT(*) c FROM pub_document WHERE agency_id IN (" + marks(agencyIds.size())
				+ ") AND attribute = 'PROACTIVE' AND status IN ('DRAFT','SUBMITTED','REVIEWED','RETURNED') AND publish_by < ? "
				+ "GROUP BY agency_id")
			.params(params)
			.query(rs -> {
				out.put(rs.getLong("agency_id"), rs.getLong("c"));
			});
		return out;
	}

	/** The latest publication date per catalogue node of an agency. */
	Map<Long, LocalDate> lastPublishedByNode(long agencyId) {
		Map<Long, LocalDate> out = new HashMap<>();
		jdbc.sql("SELECT n.node_id, MAX(d.published_on) last_on FROM pub_document_node n JOIN pub_document d ON d.id = n.document_id "
				+ "WHERE d.agency_id = ? AND d.status = 'PUBLISHED' GROUP BY n.node_id")
			.param(agencyId)
			.query(rs -> {
				out.put(rs.getLong("node_id"), rs.getObject("last_on", LocalDate.class));
			});
		return out;
	}

	/** Published item counts per node of an agency. */
	Map<Long, Long> publishedCountByNode(long agencyId) {
		Map<Long, Long> out = new HashMap<>();
		jdbc.sql("SELECT n.node_id, COUNT(*) c FROM pub_document_node n JOIN pub_document d ON d.id = n.document_id "
				+ "WHERE d.agency_id = ? AND d.status = 'PUBLISHED' GROUP BY n.node_id")
			.param(agencyId)
			.query(rs -> {
				out.put(rs.getLong("node_id"), rs.getLong("c"));
			});
		return out;
	}

	/** Every public item as {agency id, item id}, in one pass (for the sitemap). */
	List<long[]> publicIds() {
		return jdbc.sql("SELECT agency_id, id FROM pub_document WHERE status = 'PUBLISHED' ORDER BY agency_id, id")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	long countByStatus(Collection<Long> agencyIds, DocumentStatus status) {
		if (agencyIds.isEmpty()) {
			return 0;
		}
		List<Object> params = new ArrayList<>(agencyIds);
		params.add(status.name());
		return jdbc.sql("SELECT COUNT(*) FROM pub_document WHERE agency_id IN (" + marks(agencyIds.size()) + ") AND status = ?")
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Reposts published since {@code since}: id, original date, publication date. */
	List<LocalDate[]> reposts(Collection<Long> agencyIds, LocalDate since) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(agencyIds);
		params.add(since);
		return jdbc.sql("SELECT repost_original_on, published_on FROM pub_document WHERE agency_id IN (" + marks(agencyIds.size())
				+ ") AND status = 'PUBLISHED' AND repost_original_on IS NOT NULL AND published_on >= ?")
			.params(params)
			.query((rs, n) -> new LocalDate[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class) })
			.list();
	}

	/** A public item as the statistics read it: what places it in a figure and where it is filed. */
	record CountedItem(long id, String indexNumber, String documentNumber, String title, LocalDate writtenOn,
			LocalDate formedOn, LocalDate publishedOn, LocalDate publishBy, Validity validity, LocalDate validityChangedOn,
			boolean normative, boolean governmentRule, List<Long> nodeIds) {
	}

	/** The agency's public (status published) normative documents and rules, whatever their validity. */
	List<CountedItem> publicNormative(long agencyId) {
		return countedItems("d.agency_id = ? AND d.status = 'PUBLISHED' AND (d.normative = TRUE OR d.government_rule = TRUE)",
				List.of(agencyId));
	}

	/** The agency's public items whose publication date lies between the two days, both inclusive. */
	List<CountedItem> publicPublishedBetween(long agencyId, LocalDate from, LocalDate to) {
		return countedItems("d.agency_id = ? AND d.status = 'PUBLISHED' AND d.published_on >= ? AND d.published_on <= ?",
				List.of(agencyId, from, to));
	}

	private List<CountedItem> countedItems(String where, List<Object> params) {
		Map<Long, List<Long>> nodes = new HashMap<>();
		jdbc.sql("SELECT n.document_id, n.node_id FROM pub_document_node n JOIN pub_document d ON d.id = n.document_id WHERE "
				+ where + " ORDER BY n.document_id, n.node_id")
			.params(params)
			.query(rs -> {
				nodes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return jdbc.sql("SELECT d.id, d.index_number, d.document_number, d.title, d.written_on, d.formed_on, d.published_on, "
				+ "d.publish_by, d.validity, d.validity_changed_on, d.normative, d.government_rule FROM pub_document d WHERE "
				+ where + " ORDER BY d.published_on, d.id")
			.params(params)
			.query((rs, n) -> new CountedItem(rs.getLong("id"), rs.getString("index_number"), rs.getString("document_number"),
					rs.getString("title"), rs.getObject("written_on", LocalDate.class), rs.getObject("formed_on", LocalDate.class),
					rs.getObject("published_on", LocalDate.class), rs.getObject("publish_by", LocalDate.class),
					Validity.valueOf(rs.getString("validity")), rs.getObject("validity_changed_on", LocalDate.class),
					rs.getBoolean("normative"), rs.getBoolean("government_rule"), nodes.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	int nextSerial(long agencyId, int year) {
		// the row exists afterwards whoever created it; the update then takes the next value under its row lock
		jdbc.sql("INSERT INTO pub_index_serial (agency_id, year_no, next_value) VALUES (?,?,0) ON CONFLICT DO NOTHING")
			.params(agencyId, year)
			.update();
		jdbc.sql("UPDATE pub_index_serial SET next_value = next_value + 1 WHERE agency_id = ? AND year_no = ?")
			.params(agencyId, year)
			.update();
		return jdbc.sql("SELECT next_value FROM pub_index_serial WHERE agency_id = ? AND year_no = ?")
			.params(agencyId, year)
			.query(Integer.class)
			.single();
	}

	void addHistory(long documentId, Instant at, String actor, String action, DocumentStatus from, DocumentStatus to,
			ReviewChecks checks, String note) {
		jdbc.sql("INSERT INTO pub_history (document_id, occurred_at, actor, action, from_status, to_status, political_check, "
				+ "legal_check, secrecy_check, text_check, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
			.params(documentId, Timestamp.from(at), actor, action, from == null ? null : from.name(),
					to == null ? null : to.name(), checks == null ? null : checks.political(),
					checks == null ? null : checks.legal(), checks == null ? null : checks.secrecy(),
					checks == null ? null : checks.text(), note)
			.update();
	}

	List<HistoryEntry> history(long documentId) {
		return jdbc.sql("SELECT * FROM pub_history WHERE document_id = ? ORDER BY occurred_at, id")
			.param(documentId)
			.query((rs, n) -> new HistoryEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), status(rs.getString("from_status")), status(rs.getString("to_status")),
					bool(rs, "political_check"), bool(rs, "legal_check"), bool(rs, "secrecy_check"), bool(rs, "text_check"),
					rs.getString("note")))
			.list();
	}

	void addVersion(Document d, String note, Instant at, String by) {
		jdbc.sql("INSERT INTO pub_document_version (document_id, version, title, summary, body, note, replaced_at, replaced_by) "
				+ "VALUES (?,?,?,?,?,?,?,?)")
			.params(d.id(), d.version(), d.title(), d.summary(), d.body(), note, Timestamp.from(at), by)
			.update();
	}

	List<DocumentVersion> versions(long documentId) {
		return jdbc.sql("SELECT * FROM pub_document_version WHERE document_id = ? ORDER BY version")
			.param(documentId)
			.query((rs, n) -> new DocumentVersion(rs.getInt("version"), rs.getString("title"), rs.getString("summary"),
					rs.getString("body"), rs.getString("note"), rs.getTimestamp("replaced_at").toInstant(),
					rs.getString("replaced_by")))
			.list();
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean v = rs.getBoolean(column);
		return rs.wasNull() ? null : v;
	}

	private static DocumentStatus status(String s) {
		return s == null ? null : DocumentStatus.valueOf(s);
	}

	private List<Long> nodesOf(long documentId) {
		return jdbc.sql("SELECT node_id FROM pub_document_node WHERE document_id = ? ORDER BY node_id")
			.param(documentId)
			.query(Long.class)
			.list();
	}

	private Document document(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		String ground = rs.getString("exemption_ground");
		String attribute = rs.getString("attribute");
		return new Document(id, rs.getLong("agency_id"), rs.getString("external_id"), rs.getString("index_number"),
				rs.getString("title"), rs.getString("summary"), rs.getString("body"), rs.getString("issuing_organ"),
				rs.getString("document_number"), rs.getObject("written_on", LocalDate.class),
				rs.getObject("formed_on", LocalDate.class), rs.getObject("published_on", LocalDate.class),
				instant(rs, "published_at"), rs.getString("theme"), rs.getString("document_type"), rs.getString("keywords"),
				Validity.valueOf(rs.getString("validity")), rs.getObject("validity_changed_on", LocalDate.class),
				rs.getString("validity_note"), rs.getBoolean("normative"), rs.getBoolean("government_rule"),
				attribute == null ? null : DisclosureAttribute.valueOf(attribute),
				ground == null ? null : ExemptionGround.valueOf(ground), rs.getString("exemption_reason"),
				DocumentStatus.valueOf(rs.getString("status")), rs.getObject("publish_by", LocalDate.class),
				rs.getString("publish_by_rule"), rs.getString("returned_reason"), rs.getString("withdrawn_reason"),
				rs.getString("personal_data_confirmation"), rs.getString("repost_source"), rs.getString("repost_source_url"),
				rs.getObject("repost_original_on", LocalDate.class), rs.getString("correction_note"), rs.getInt("version"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"), nodesOf(id));
	}

	private static DocumentSummary summary(ResultSet rs, int row) throws SQLException {
		return new DocumentSummary(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("index_number"),
				rs.getString("title"), rs.getString("summary"), rs.getObject("published_on", LocalDate.class),
				rs.getString("document_number"), Validity.valueOf(rs.getString("validity")), rs.getString("theme"),
				rs.getString("document_type"), DocumentStatus.valueOf(rs.getString("status")),
				rs.getObject("formed_on", LocalDate.class), rs.getObject("publish_by", LocalDate.class));
	}

}
