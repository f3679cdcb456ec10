package org.gongkai.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.gongkai.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of synonyms, best bets and query statistics (tables {@code sr_synonym}, {@code sr_best_bet}, {@code sr_query_stat}). */
@Repository
class SearchStore {

	/** One query's figures over a period. */
	record QueryFigure(String query, long searches, long zeroResults) {
	}

	private final JdbcClient jdbc;

	SearchStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- synonyms ---------------------------------------------------------------------------------------------

	List<SynonymGroup> synonyms() {
		return jdbc.sql("SELECT id, terms, updated_by, updated_at FROM sr_synonym ORDER BY id")
			.query((rs, n) -> new SynonymGroup(rs.getLong("id"), split(rs.getString("terms")), rs.getString("updated_by"),
					Rows.instant(rs, "updated_at")))
			.list();
	}

	Optional<SynonymGroup> synonym(long id) {
		return synonyms().stream().filter(s -> s.id() == id).findFirst();
	}

	long insertSynonym(List<String> terms, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO sr_synonym (terms, updated_by, updated_at) VALUES (?,?,?)")
			.params(join(terms), by, Rows.ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateSynonym(long id, List<String> terms, String by, Instant at) {
		jdbc.sql("UPDATE sr_synonym SET terms = ?, updated_by = ?, updated_at = ? WHERE id = ?")
			.params(join(terms), by, Rows.ts(at), id)
			.update();
	}

	void deleteSynonym(long id) {
		jdbc.sql("DELETE FROM sr_synonym WHERE id = ?").param(id).update();
	}

	// ---- best bets --------------------------------------------------------------------------------------------

	List<BestBet> bestBets() {
		return jdbc.sql("""
				SELECT id, terms, title, url, description, sort_order, active, updated_by, updated_at
				FROM sr_best_bet ORDER BY active DESC, sort_order, id""")
			.query((rs, n) -> new BestBet(rs.getLong("id"), split(rs.getString("terms")), rs.getString("title"),
					rs.getString("url"), rs.getString("description"), rs.getInt("sort_order"), rs.getBoolean("active"),
					rs.getString("updated_by"), Rows.instant(rs, "updated_at")))
			.list();
	}

	Optional<BestBet> bestBet(long id) {
		return bestBets().stream().filter(b -> b.id() == id).findFirst();
	}

	long insertBestBet(BestBet b, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO sr_best_bet (terms, title, url, description, sort_order, active, updated_by, updated_at)
				VALUES (?,?,?,?,?,?,?,?)""")
			.params(join(b.terms()), b.title(), b.url(), b.description(), b.sortOrder(), b.active(), by, Rows.ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateBestBet(BestBet b, String by, Instant at) {
		jdbc.sql("""
				UPDATE sr_best_bet SET terms = ?, title = ?, url = ?, description = ?, sort_order = ?, active = ?,
				updated_by = ?, updated_at = ? WHERE id = ?""")
			.params(join(b.terms()), b.title(), b.url(), b.description(), b.sortOrder(), b.active(), by, Rows.ts(at),
					b.id())
			.update();
	}

	// ---- query statistics -------------------------------------------------------------------------------------

	/** Adds to a day's figures of one query (creates the row when it is the first). */
	void addQueryStat(LocalDate day, String query, long searches, long zeroResults) {
		int updated = jdbc.sql("""
				UPDATE sr_query_stat SET searches = searches + ?, zero_results = zero_results + ?
				WHERE query_day = ? AND query_text = ?""")
			.params(searches, zeroResults, day, query)
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("INSERT INTO sr_query_stat (query_day, query_text, searches, zero_results) VALUES (?,?,?,?)")
					.params(day, query, searches, zeroResults)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException e) {
				// another node inserted the row in between
				addQueryStat(day, query, searches, zeroResults);
			}
		}
	}

	/** The most searched queries since {@code from} (inclusive), most first. */
	List<QueryFigure> topQueries(LocalDate from, int limit) {
		return jdbc.sql("""
				SELECT query_text, SUM(searches) AS s, SUM(zero_results) AS z FROM sr_query_stat
				WHERE query_day >= ? GROUP BY query_text ORDER BY s DESC, query_text LIMIT ?""")
			.params(from, limit)
			.query((rs, n) -> new QueryFigure(rs.getString("query_text"), rs.getLong("s"), rs.getLong("z")))
			.list();
	}

	/** The queries that found nothing since {@code from} (inclusive), most often first. */
	List<QueryFigure> zeroResultQueries(LocalDate from, int limit) {
		return jdbc.sql("""
				SELECT query_text, SUM(searches) AS s, SUM(zero_results) AS z FROM sr_query_stat
				WHERE query_day >= ? AND zero_results > 0 GROUP BY query_text ORDER BY z DESC, query_text LIMIT ?""")
			.params(from, limit)
			.query((rs, n) -> new QueryFigure(rs.getString("query_text"), rs.getLong("s"), rs.getLong("z")))
			.list();
	}

	/** How many distinct queries found nothing since {@code from} (inclusive). */
	long zeroResultQueryCount(LocalDate from) {
		return jdbc.sql("SELECT COUNT(DISTINCT query_text) FROM sr_query_stat WHERE query_day >= ? AND zero_results > 0")
			.param(from)
			.query(Long.class)
			.single();
	}

	static List<String> split(String terms) {
		return terms == null ? List.of() : Arrays.stream(terms.split("\n")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

	static String join(List<String> terms) {
		return String.join("\n", terms);
	}
}
