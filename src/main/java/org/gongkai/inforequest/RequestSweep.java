package org.gongkai.inforequest;

import org.gongkai.platform.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the daily sweep of {@link InfoRequestManagement#sweep()} shortly after midnight, China time. */
@Component
class RequestSweep {

	private static final Logger log = LoggerFactory.getLogger(RequestSweep.class);

	private final InfoRequestManagement management;

	RequestSweep(InfoRequestManagement management) {
		this.management = management;
	}

	@Scheduled(cron = "${gongkai.requests.sweep-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	void daily() {
		int changed = Actors.callAsSystem(management::sweep);
		if (changed > 0) {
			log.info("Request sweep: {} requests closed or marked overdue", changed);
		}
	}
}
