package org.gongkai.oversight;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily computation of every active agency's figures and score, early in the morning (China time). */
@Component
class MonitoringSweep {

	private static final Logger log = LoggerFactory.getLogger(MonitoringSweep.class);

	private final MonitoringScores scores;

	MonitoringSweep(MonitoringScores scores) {
		this.scores = scores;
	}

	@Scheduled(cron = "${gongkai.oversight.monitoring-cron:0 20 5 * * *}", zone = "Asia/Shanghai")
	void daily() {
		int n = scores.sweepAll();
		log.info("Monitoring sweep scored {} agencies", n);
	}
}
