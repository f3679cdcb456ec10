package org.gongkai.interaction;

import java.time.Clock;
import java.time.LocalDate;

import org.gongkai.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention period of the message form's personal data (《个人信息保护法》 Art. 19; portal-rules §6 check 27):
 * a sender's name, phone and e-mail are erased once a message has been finished for
 * {@code gongkai.interaction.retention-days} (default 1,095 days, three years); the message and its replies stay
 * as the record. Runs daily, China time.
 */
@Component
class InteractionRetention {

	private static final Logger log = LoggerFactory.getLogger(InteractionRetention.class);

	private final Messages messages;

	private final Clock clock;

	private final int retentionDays;

	InteractionRetention(Messages messages, Clock clock, @Value("${gongkai.interaction.retention-days:1095}") int retentionDays) {
		this.messages = messages;
		this.clock = clock;
		this.retentionDays = retentionDays;
	}

	/** The retention period in days, as the form's notice states it. */
	int retentionDays() {
		return retentionDays;
	}

	@Scheduled(cron = "${gongkai.interaction.retention-cron:0 20 2 * * *}", zone = "Asia/Shanghai")
	@Transactional
	public int purge() {
		LocalDate cutoff = LocalDate.now(clock.withZone(Zones.CHINA)).minusDays(retentionDays);
		int erased = messages.eraseSendersFinishedBefore(cutoff);
		if (erased > 0) {
			log.info("Message retention: erased the sender's data of {} messages finished before {}", erased, cutoff);
		}
		return erased;
	}
}
