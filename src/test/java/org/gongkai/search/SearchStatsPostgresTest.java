package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics upsert on a real PostgreSQL (where a failed INSERT aborts the transaction): the first flush of a
 * query creates its row, later ones (also within the same transaction) add to it, and the purge removes old days.
 */
class SearchStatsPostgresTest {

	static EmbeddedPostgres postgres;

	static JdbcClient jdbc;

	static TransactionTemplate tx;

	@BeforeAll
	static void start() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		var ds = postgres.getPostgresDatabase();
		jdbc = JdbcClient.create(ds);
		tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
		jdbc.sql("""
				CREATE TABLE sr_query_stat (
				    query_day DATE NOT NULL, query_text VARCHAR(100) NOT NULL, searches BIGINT NOT NULL,
				    zero_results BIGINT NOT NULL, PRIMARY KEY (query_day, query_text))""").update();
	}

	@AfterAll
	static void stop() throws Exception {
		postgres.close();
	}

	@Test
	void theUpsertCreatesThenAddsWithinOneTransactionAndOldDaysArePurged() {
		SearchStore store = new SearchStore(jdbc);
		LocalDate today = LocalDate.of(2026, 11, 27);
		tx.executeWithoutResult(s -> {
			store.addQueryStat(today, "政务公开", 2, 0);
			store.addQueryStat(today, "政务公开", 3, 1);
			store.addQueryStat(today, "没有的词", 1, 1);
			store.addQueryStat(today.minusDays(500), "旧的检索", 5, 0);
		});
		tx.executeWithoutResult(s -> store.addQueryStat(today, "政务公开", 1, 0));
		assertThat(jdbc.sql("SELECT searches, zero_results FROM sr_query_stat WHERE query_text = '政务公开'")
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(6L, 1L);

		// a query searched once in the period is not reported
		assertThat(store.topQueries(today.minusDays(6), 10)).extracting(SearchStore.QueryFigure::query)
			.containsExactly("政务公开");
		assertThat(store.zeroResultQueries(today.minusDays(6), 10)).extracting(SearchStore.QueryFigure::query)
			.containsExactly("政务公开");

		assertThat(store.purgeQueryStats(today.minusDays(SearchQueryStats.RETENTION_DAYS))).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sr_query_stat").query(Long.class).single()).isEqualTo(2);
	}
}
