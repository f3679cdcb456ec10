package org.gongkai.powers;

import java.time.Clock;
import java.time.LocalDate;

import org.gongkai.platform.Actors;
import org.gongkai.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public period of enforcement results (domain-rules §6.4, a local rule): a published decision or notice is taken
 * offline {@code gongkai.enforcement.retention-years} after its publication (default 5), or
 * {@code gongkai.enforcement.natural-person-retention-years} when the party is a natural person (default 2). The record
 * stays for staff. Runs daily, China time.
 */
@Component
class EnforcementRetention {

	private static final Logger log = LoggerFactory.getLogger(EnforcementRetention.class);

	private final EnforcementManagement management;

	private final Clock clock;

	private final int years;

	private final int naturalPersonYears;

	EnforcementRetention(EnforcementManagement management, Clock clock,
			@Value("${gongkai.enforcement.retention-years:" + EnforcementRules.DEFAULT_RETENTION_YEARS + "}") int years,
			@Value("${gongkai.enforcement.natural-person-retention-years:" + EnforcementRules.DEFAULT_NATURAL_PERSON_RETENTION_YEARS
					+ "}") int naturalPersonYears) {
		this.management = management;
		this.clock = clock;
		this.years = years;
		this.naturalPersonYears = naturalPersonYears;
	}

	@Scheduled(cron = "${gongkai.enforcement.retention-cron:0 40 2 * * *}", zone = "Asia/Shanghai")
	public int takeOffline() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		int n = Actors.callAsSystem(() -> management.takeOffline(today.minusYears(years), today.minusYears(naturalPersonYears)));
		if (n > 0) {
			log.info("Enforcement retention: took {} decisions offline", n);
		}
		return n;
	}
}
