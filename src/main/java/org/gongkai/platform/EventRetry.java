package org.gongkai.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries module listeners that failed (a static page that could not be written, a search index that
 * was down): every half minute, publications left incomplete for more than a quarter of a minute are
 * handed to their listener again. Listeners are idempotent, so a retry only repeats work.
 */
@Component
class EventRetry {

	private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

	private final IncompleteEventPublications incomplete;

	EventRetry(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
	void resubmit() {
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofSeconds(15));
		}
		catch (RuntimeException e) {
			log.warn("Resubmitting incomplete event publications failed; will try again", e);
		}
	}
}
