package org.gongkai.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;

import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts searches per China-local day and folded query, and how many found nothing. Searching writes nothing to the
 * database: the counts are kept in memory and added to {@code sr_query_stat} once a minute and at shutdown. Nothing
 * about the person is kept, and a query that contains an ID, mobile or bank card number is not counted at all.
 */
@Component
class SearchQueryStats {

	private static final Logger log = LoggerFactory.getLogger(SearchQueryStats.class);

	/** Distinct queries kept between two flushes; more are not counted (a flood of random queries cannot fill memory). */
	static final int MAX_PENDING = 20_000;

	private record Key(LocalDate day, String query) {
	}

	private static final class Counts {

		long searches;

		long zeroResults;
	}

	private final SearchStore store;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Object lock = new Object();

	private Map<Key, Counts> pending = new HashMap<>();

	SearchQueryStats(SearchStore store, TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.tx = tx;
		this.clock = clock;
	}

	/** Counts one search of a folded query (blank and personal-data queries are skipped). */
	void count(String foldedQuery, boolean zeroResults) {
		if (foldedQuery == null || foldedQuery.isBlank() || !PersonalDataScanner.scan(foldedQuery, "q").isEmpty()) {
			return;
		}
		String query = foldedQuery.length() > 100 ? foldedQuery.substring(0, 100) : foldedQuery;
		Key key = new Key(LocalDate.now(clock.withZone(Zones.CHINA)), query);
		synchronized (lock) {
			Counts c = pending.get(key);
			if (c == null) {
				if (pending.size() >= MAX_PENDING) {
					return;
				}
				c = new Counts();
				pending.put(key, c);
			}
			c.searches++;
			if (zeroResults) {
				c.zeroResults++;
			}
		}
	}

	/** Adds the counts gathered since the last flush to the table; on failure they are kept for the next one. */
	@Scheduled(fixedDelayString = "${gongkai.search.stats-flush-millis:60000}",
			initialDelayString = "${gongkai.search.stats-flush-millis:60000}")
	void flush() {
		Map<Key, Counts> taken;
		synchronized (lock) {
			if (pending.isEmpty()) {
				return;
			}
			taken = pending;
			pending = new HashMap<>();
		}
		try {
			tx.executeWithoutResult(status -> taken.forEach(
					(k, c) -> store.addQueryStat(k.day(), k.query(), c.searches, c.zeroResults)));
		}
		catch (RuntimeException e) {
			log.warn("Search statistics not saved, kept for the next flush: {}", e.toString());
			synchronized (lock) {
				taken.forEach((k, c) -> {
					Counts now = pending.computeIfAbsent(k, x -> new Counts());
					now.searches += c.searches;
					now.zeroResults += c.zeroResults;
				});
			}
		}
	}

	@PreDestroy
	void flushAtShutdown() {
		flush();
	}

	/** The most searched queries of the last {@code days} days (today included). */
	List<SearchStore.QueryFigure> top(int days, int limit) {
		return store.topQueries(from(days), limit);
	}

	/** The queries that found nothing in the last {@code days} days (today included). */
	List<SearchStore.QueryFigure> zeroResults(int days, int limit) {
		return store.zeroResultQueries(from(days), limit);
	}

	long zeroResultCount(int days) {
		return store.zeroResultQueryCount(from(days));
	}

	private LocalDate from(int days) {
		return LocalDate.now(clock.withZone(Zones.CHINA)).minusDays(days - 1L);
	}
}
