package org.gongkai.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Dashboard: comments waiting for moderation (待审核意见) and closed consultations whose feedback is due (待反馈). */
@Component
@Transactional(readOnly = true)
class ConsultationDashboard implements DashboardContributor {

	private final ConsultationQueries queries;

	ConsultationDashboard(ConsultationQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<Long> ids = queries.readableAgencies(actor).stream().filter(Agency::active).map(Agency::id).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Long> pendingBy = queries.pendingCounts();
		long pending = 0;
		int due = 0;
		for (Consultation c : queries.ofAgencies(ids)) {
			ConsultationStatus s = queries.status(c);
			if (s.isPublic()) {
				pending += pendingBy.getOrDefault(c.id(), 0L);
			}
			if (s == ConsultationStatus.CLOSED) {
				due++;
			}
		}
		List<DashboardCard> cards = new ArrayList<>();
		cards.add(new DashboardCard(16, "待审核意见", String.valueOf(pending),
				pending == 0 ? "没有待审核的公众意见" : "请及时审核公众对征求意见稿提出的意见", ConsultationConsoleMenu.HOME + "?view=pending",
				pending > 0 ? "warn" : "ok"));
		cards.add(new DashboardCard(17, "待反馈", String.valueOf(due),
				due == 0 ? "已结束的意见征集均已公布采纳情况" : "征集已结束，请归纳意见、逐条反馈并公布意见收集和采纳情况",
				ConsultationConsoleMenu.HOME + "?view=feedback", due > 0 ? "warn" : "ok"));
		return cards;
	}
}
