package org.gongkai.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for the module listeners to catch up: until no event publication is incomplete, or until the number of
 * incomplete ones has not changed for two seconds (a listener that keeps failing leaves its publication incomplete
 * until the retry five minutes later; waiting for it would stall a test for nothing). Tests of how fast the index
 * follows a change call it first, so that they measure that change and not a start-up backlog.
 */
public final class EventQueue {

	private EventQueue() {
	}

	public static void awaitSettled(JdbcClient jdbc, Duration atMost) {
		long[] last = { -1 };
		int[] unchanged = { 0 };
		Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
			long open = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Long.class)
				.single();
			unchanged[0] = open == last[0] ? unchanged[0] + 1 : 0;
			last[0] = open;
			return open == 0 || unchanged[0] >= 4;
		});
	}
}
