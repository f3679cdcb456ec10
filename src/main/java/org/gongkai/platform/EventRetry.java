package org.gongkai.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries module listeners that failed (a static page that could not be written, a search index that
 * was down): every minute, publications still incomplete five minutes after they were made are handed
 * to their listener again. The delay is long on purpose: a publication merely waiting in a busy queue
 * must not be handed over a second time. Listeners are idempotent, so a retry only repeats work.
 */
@Component
class EventRetry {

	private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

	private final IncompleteEventPublications incomplete;

	EventRetry(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	static final Duration STALE_AFTER = Duration.ofMinutes(5);

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void resubmit() {
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(STALE_AFTER);
		}
		catch (RuntimeException e) {
			log.warn("Resubmitting incomplete event publications failed; will try again", e);
		}
	}
}
