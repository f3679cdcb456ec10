package org.gongkai.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of catalogue nodes (table {@code cat_node}). */
@Repository
class CatalogNodes {

	private final JdbcClient jdbc;

	CatalogNodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CatalogNode> findByAgency(long agencyId) {
		return jdbc.sql("SELECT * FROM cat_node WHERE agency_id = ? ORDER BY sort_order, id")
			.param(agencyId)
			.query(CatalogNodes::node)
			.list();
	}

	Optional<CatalogNode> find(long agencyId, String code) {
		return jdbc.sql("SELECT * FROM cat_node WHERE agency_id = ? AND code = ?")
			.params(agencyId, code)
			.query(CatalogNodes::node)
			.optional();
	}

	Optional<CatalogNode> findById(long id) {
		return jdbc.sql("SELECT * FROM cat_node WHERE id = ?").param(id).query(CatalogNodes::node).optional();
	}

	boolean hasNodes(long agencyId) {
		return jdbc.sql("SELECT COUNT(*) FROM cat_node WHERE agency_id = ?").param(agencyId).query(Long.class).single() > 0;
	}

	long insert(CatalogNode n) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO cat_node (agency_id, parent_id, kind, code, title, description, sort_order, hidden, "
				+ "empty_explanation, time_limit_text, time_limit_rule, standard_entry) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(n.agencyId(), n.parentId(), n.kind().name(), n.code(), n.title(), n.description(), n.sortOrder(),
					n.hidden(), n.emptyExplanation(), n.timeLimitText(), n.timeLimit() == null ? null : n.timeLimit().encode(),
					n.entry() == null ? null : CatalogData.JSON.writeValueAsString(n.entry()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(CatalogNode n) {
		jdbc.sql("UPDATE cat_node SET title = ?, description = ?, sort_order = ?, hidden = ?, empty_explanation = ?, "
				+ "time_limit_text = ?, time_limit_rule = ? WHERE id = ?")
			.params(n.title(), n.description(), n.sortOrder(), n.hidden(), n.emptyExplanation(), n.timeLimitText(),
					n.timeLimit() == null ? null : n.timeLimit().encode(), n.id())
			.update();
	}

	private static CatalogNode node(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		String rule = rs.getString("time_limit_rule");
		String entry = rs.getString("standard_entry");
		return new CatalogNode(rs.getLong("id"), rs.getLong("agency_id"), parentId, NodeKind.valueOf(rs.getString("kind")),
				rs.getString("code"), rs.getString("title"), rs.getString("description"), rs.getInt("sort_order"),
				rs.getBoolean("hidden"), rs.getString("empty_explanation"), rs.getString("time_limit_text"),
				rule == null ? null : TimeLimitRule.parse(rule),
				entry == null ? null : CatalogData.JSON.readValue(entry, StandardEntry.class));
	}
}
