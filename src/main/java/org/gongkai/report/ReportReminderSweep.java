package org.gongkai.report;

import org.gongkai.platform.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link AnnualReportManagement#sendReminders()} every morning, China time. */
@Component
class ReportReminderSweep {

	private static final Logger log = LoggerFactory.getLogger(ReportReminderSweep.class);

	private final AnnualReportManagement management;

	ReportReminderSweep(AnnualReportManagement management) {
		this.management = management;
	}

	@Scheduled(cron = "${gongkai.report.reminder-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
	void daily() {
		int n = Actors.callAsSystem(management::sendReminders);
		if (n > 0) {
			log.info("Annual report reminders: {} recorded", n);
		}
	}
}
