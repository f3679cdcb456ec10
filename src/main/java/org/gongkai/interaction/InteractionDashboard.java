package org.gongkai.interaction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard: messages waiting for review, overdue replies, open supervisions, and — well before the inspection's
 * 3-month veto ({@link InteractionRules}) — every valid message that has waited 30 days or more.
 */
@Component
@Transactional(readOnly = true)
class InteractionDashboard implements DashboardContributor {

	private final Messages messages;

	private final MessageQueries queries;

	private final Clock clock;

	InteractionDashboard(Messages messages, MessageQueries queries, Clock clock) {
		this.messages = messages;
		this.queries = queries;
		this.clock = clock;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<Long> ids = queries.staffAgencies(actor).stream().filter(Agency::active).map(Agency::id).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		int review = 0;
		int overdue = 0;
		int warning = 0;
		int alarm = 0;
		int veto = 0;
		Message oldest = null;
		for (Message m : messages.awaitingReply()) {
			if (!ids.contains(m.handlingAgencyId()) && !ids.contains(m.agencyId())) {
				continue;
			}
			if (m.status() == MessageStatus.SUBMITTED && ids.contains(m.agencyId())) {
				review++;
			}
			if (m.overdue(today)) {
				overdue++;
			}
			switch (InteractionRules.level(m, today)) {
				case WARNING -> warning++;
				case ALARM -> alarm++;
				case VETO -> veto++;
				default -> {
				}
			}
			if (oldest == null || InteractionRules.waitingSince(m).isBefore(InteractionRules.waitingSince(oldest))) {
				oldest = m;
			}
		}
		int supervised = queries.openSupervisions(ids).size();
		List<DashboardCard> cards = new ArrayList<>();
		cards.add(new DashboardCard(11, "留言待审看", String.valueOf(review), "请及时审看并受理或说明不予受理的理由",
				"/console/messages?status=SUBMITTED", review > 0 ? "warn" : "ok"));
		cards.add(new DashboardCard(12, "留言超期未答复", String.valueOf(overdue),
				overdue == 0 ? "所有留言均在答复期限内" : "已超过答复期限，请尽快答复", "/console/messages?view=overdue",
				overdue > 0 ? "warn" : "ok"));
		int aging = warning + alarm + veto;
		String detail;
		if (veto > 0) {
			detail = veto + "条有效留言超过3个月未回应，属政府网站检查单项否决情形（国办秘函〔2019〕19号）";
		}
		else if (aging > 0) {
			detail = "等待最久的留言始于" + InteractionRules.waitingSince(oldest) + "，须在"
					+ InteractionRules.vetoDay(InteractionRules.waitingSince(oldest))
					+ "前答复，否则构成单项否决";
		}
		else {
			detail = "没有等待30日以上的有效留言";
		}
		cards.add(new DashboardCard(13, "留言临近3个月未回应", String.valueOf(aging), detail, "/console/messages?view=aging",
				aging > 0 ? "warn" : "ok"));
		if (supervised > 0) {
			cards.add(new DashboardCard(14, "督办中的留言", String.valueOf(supervised), "政务公开办督办，请在督办期限内办结",
					"/console/messages?view=supervised", "warn"));
		}
		return cards;
	}
}
