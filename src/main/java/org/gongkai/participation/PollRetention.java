package org.gongkai.participation;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention periods of a poll's personal data (《个人信息保护法》 Art. 19: 「个人信息的保存期限应当为实现处理目的所必要的最短时间」),
 * as the form's notice states them. Counted from the day the poll ended (its last day of answers, or the day it was
 * withdrawn if earlier):
 * <ul>
 * <li>the fingerprints ({@code pt_poll_voter}) are deleted after {@code gongkai.participation.polls.fingerprint-retention-days}
 * (default {@value #DEFAULT_FINGERPRINT_DAYS}) days — once no answer can come any more they serve only to settle a
 * dispute about a refused answer;</li>
 * <li>free-text answers, which may contain whatever the respondent wrote about themselves, are erased after
 * {@code gongkai.participation.polls.text-retention-days} (default {@value #DEFAULT_TEXT_DAYS}) days; the row stays
 * without its text so the number of answers to the question does not change.</li>
 * </ul>
 * The ticked options carry no personal data and stay as the poll's statistics. Runs daily, China time.
 */
@Component
class PollRetention {

	static final int DEFAULT_FINGERPRINT_DAYS = 30;

	static final int DEFAULT_TEXT_DAYS = 365;

	private static final Logger log = LoggerFactory.getLogger(PollRetention.class);

	private final PollStore store;

	private final PollRules rules;

	PollRetention(PollStore store, PollRules rules) {
		this.store = store;
		this.rules = rules;
	}

	/** The last day the poll took (or could take) answers. */
	static LocalDate ended(Poll p) {
		LocalDate end = p.endsOn();
		if (p.withdrawnAt() != null) {
			LocalDate withdrawn = p.withdrawnAt().atZone(org.gongkai.platform.Zones.CHINA).toLocalDate();
			if (withdrawn.isBefore(end)) {
				end = withdrawn;
			}
		}
		return end;
	}

	/** Deletes the fingerprints and erases the free text whose period has passed; returns the rows changed. */
	@Scheduled(cron = "${gongkai.participation.polls.retention-cron:0 45 2 * * *}", zone = "Asia/Shanghai")
	@Transactional
	public int purge() {
		LocalDate today = rules.today();
		int voters = 0;
		int texts = 0;
		for (Poll p : store.withPersonalData()) {
			if (!p.published()) {
				continue;
			}
			LocalDate end = ended(p);
			if (today.isAfter(end.plusDays(rules.fingerprintDays()))) {
				voters += store.deleteVoters(p.id());
			}
			if (today.isAfter(end.plusDays(rules.textDays()))) {
				texts += store.eraseTexts(p.id());
			}
		}
		if (voters + texts > 0) {
			log.info("Poll retention: deleted {} fingerprints and erased {} free-text answers", voters, texts);
		}
		return voters + texts;
	}
}
