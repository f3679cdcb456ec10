package org.gongkai.participation;

import java.time.Clock;
import java.time.LocalDate;

import org.gongkai.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention period of attendance applicants' personal data (《个人信息保护法》 Art. 19): name, work unit, phone and
 * reason are erased {@link MeetingRules#CONTACT_RETENTION_DAYS} days after the meeting day, as the form's notice
 * states; the application's category, agenda items and decision stay as the record. Runs daily, China time.
 */
@Component
class MeetingRetention {

	private static final Logger log = LoggerFactory.getLogger(MeetingRetention.class);

	private final Meetings meetings;

	private final Clock clock;

	MeetingRetention(Meetings meetings, Clock clock) {
		this.meetings = meetings;
		this.clock = clock;
	}

	@Scheduled(cron = "${gongkai.participation.meeting-retention-cron:0 35 2 * * *}", zone = "Asia/Shanghai")
	@Transactional
	public int purge() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		// a meeting day before this date is more than the retention period ago
		LocalDate before = today.minusDays(MeetingRules.CONTACT_RETENTION_DAYS);
		int erased = 0;
		for (long id : meetings.contactsDue(before)) {
			erased += meetings.eraseContacts(id, clock.instant());
		}
		if (erased > 0) {
			log.info("Meeting retention: erased the contact details of {} attendance applications", erased);
		}
		return erased;
	}
}
