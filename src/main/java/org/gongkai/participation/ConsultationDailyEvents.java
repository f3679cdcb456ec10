package org.gongkai.participation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state a consultation shows also changes with the day, without any staff step: 未开始 becomes 征集中 on the first
 * day, 征集中 becomes 已结束 the day after the last day. Just after midnight China time this job publishes
 * {@link PublicConsultationChanged} for every published consultation that opened or closed that day, so that the
 * search index and the sitemap follow as they do for staff steps.
 */
@Component
class ConsultationDailyEvents {

	private static final Logger log = LoggerFactory.getLogger(ConsultationDailyEvents.class);

	private final ConsultationStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConsultationDailyEvents(ConsultationStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(cron = "${gongkai.participation.consultation-day-cron:0 1 0 * * *}", zone = "Asia/Shanghai")
	@Transactional
	public int publishDayChanges() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		List<Consultation> changed = store.openedOrClosedOn(today);
		for (Consultation c : changed) {
			events.publishEvent(new PublicConsultationChanged(c.id(), c.agencyId(), true));
		}
		if (!changed.isEmpty()) {
			log.info("Consultations: {} opened or closed on {}", changed.size(), today);
		}
		return changed.size();
	}
}
