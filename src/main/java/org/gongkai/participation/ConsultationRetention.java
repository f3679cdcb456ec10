package org.gongkai.participation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention period of commenters' personal data (《个人信息保护法》 Art. 19: kept no longer than the purpose needs;
 * Art. 47: erased when the period ends): a commenter's name and contact are erased {@value #RETENTION_DAYS} days (three
 * years, as the comment form's notice states and like the messages' default) after the consultation is finished, that
 * is after its adoption feedback was published or after it was withdrawn. The comments' content, their moderation and
 * the adoption feedback stay as the record of the decision process. Runs daily, China time.
 */
@Component
class ConsultationRetention {

	/** Days after a consultation is finished that its commenters' names and contacts are kept: three years. */
	static final int RETENTION_DAYS = 1095;

	private static final Logger log = LoggerFactory.getLogger(ConsultationRetention.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	ConsultationRetention(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Erases the names and contacts of the comments on every consultation finished before the first moment of the day
	 * {@value #RETENTION_DAYS} days ago (China time): one finished on that day keeps them until the next run.
	 *
	 * @return how many comments lost their name or contact
	 */
	@Scheduled(cron = "${gongkai.participation.consultation-retention-cron:0 40 2 * * *}", zone = "Asia/Shanghai")
	@Transactional
	public int purge() {
		LocalDate cutoffDay = LocalDate.now(clock.withZone(Zones.CHINA)).minusDays(RETENTION_DAYS);
		Instant cutoff = cutoffDay.atStartOfDay(Zones.CHINA).toInstant();
		int erased = jdbc
			.sql("UPDATE pt_consultation_comment SET commenter_name = NULL, commenter_contact = NULL"
					+ " WHERE (commenter_name IS NOT NULL OR commenter_contact IS NOT NULL) AND consultation_id IN ("
					+ "SELECT id FROM pt_consultation WHERE feedback_published_at < ? OR withdrawn_at < ?)")
			.params(Timestamp.from(cutoff), Timestamp.from(cutoff))
			.update();
		if (erased > 0) {
			log.info("Consultation retention: erased the commenter's name and contact of {} comments on consultations finished before {}",
					erased, cutoffDay);
		}
		return erased;
	}
}
