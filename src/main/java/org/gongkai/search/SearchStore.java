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

	/** Queries searched fewer times than this in a report's period are not shown (a rare query may identify someone). */
	static final int MIN_REPORTED_SEARCHES = 2;

	/**
	 * Adds to a day's figures of one query, creating the row when it is the first, in one statement (on PostgreSQL a
	 * failed INSERT would abort the transaction, so an insert-then-retry cannot work). Two nodes creating the same row
	 * at the same instant can still fail with a duplicate key: the caller then keeps the counts for its next flush.
	 */
	void addQueryStat(LocalDate day, String query, long searches, long zeroResults) {
		jdbc.sql("""
				MERGE INTO sr_query_stat t
				USING (VALUES (CAST(? AS DATE), CAST(? AS VARCHAR(100)), CAST(? AS BIGINT), CAST(? AS BIGINT)))
				    AS s (query_day, query_text, searches, zero_results)
				ON t.query_day = s.query_day AND t.query_text = s.query_text
				WHEN MATCHED THEN UPDATE SET searches = t.searches + s.searches,
				    zero_results = t.zero_results + s.zero_results
				WHEN NOT MATCHED THEN INSERT (query_day, query_text, searches, zero_results)
				    VALUES (s.query_day, s.query_text, s.searches, s.zero_results)""")
			.params(day, query, searches, zeroResults)
			.update();
	}

	/** Removes the figures of the days before {@code before}; returns how many rows went. */
	int purgeQueryStats(LocalDate before) {
		return jdbc.sql("DELETE FROM sr_query_stat WHERE query_day < ?").param(before).update();
	}

	/** The most searched queries since {@code from} (inclusive), most first. */
	List<QueryFigure> topQueries(LocalDate from, int limit) {
		return jdbc.sql("""
				SELECT query_text, SUM(searches) AS s, SUM(zero_results) AS z FROM sr_query_stat
				WHERE query_day >= ? GROUP BY query_text HAVING SUM(searches) >= ? ORDER BY s DESC, query_text LIMIT ?""")
			.params(from, MIN_REPORTED_SEARCHES, limit)
			.query((rs, n) -> new QueryFigure(rs.getString("query_text"), rs.getLong("s"), rs.getLong("z")))
			.list();
	}

	/** The queries that found nothing since {@code from} (inclusive), most often first. */
	List<QueryFigure> zeroResultQueries(LocalDate from, int limit) {
		return jdbc.sql("""
				SELECT query_text, SUM(searches) AS s, SUM(zero_results) AS z FROM sr_query_stat
				WHERE query_day >= ? AND zero_results > 0 GROUP BY query_text HAVING SUM(searches) >= ?
				ORDER BY z DESC, query_text LIMIT ?""")
			.params(from, MIN_REPORTED_SEARCHES, limit)
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
