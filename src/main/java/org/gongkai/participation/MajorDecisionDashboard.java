package org.gongkai.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard: major decisions whose planned decision time has passed without a decision, and items waiting for a
 * procedure stage (the next one {@link MajorDecisionRules#pending} names).
 */
@Component
@Transactional(readOnly = true)
class MajorDecisionDashboard implements DashboardContributor {

	private final MajorDecisionQueries queries;

	private final AgencyAccess access;

	MajorDecisionDashboard(MajorDecisionQueries queries, AgencyAccess access) {
		this.queries = queries;
		this.access = access;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<Long> ids = access.agenciesFor(actor, MajorDecisionManagement.READERS)
			.stream()
			.filter(Agency::active)
			.map(Agency::id)
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		LocalDate today = queries.today();
		int overdue = 0;
		int pending = 0;
		MajorDecision first = null;
		List<MajorDecision> items = queries.itemsOf(ids);
		java.util.Map<Long, List<MajorDecision.StageRecord>> stages = queries.stagesOf(items.stream()
			.filter(d -> d.status() == MajorDecision.Status.IN_PROGRESS)
			.toList());
		for (MajorDecision d : items) {
			if (!d.status().open()) {
				continue;
			}
			if (MajorDecisionRules.overdue(d, today)) {
				overdue++;
				if (first == null || d.plannedBy().isBefore(first.plannedBy())) {
					first = d;
				}
			}
			if (d.status() == MajorDecision.Status.IN_PROGRESS && MajorDecisionRules.pending(d, stages.getOrDefault(d.id(), List.of())) != null) {
				pending++;
			}
		}
		List<DashboardCard> cards = new ArrayList<>();
		cards.add(new DashboardCard(15, "重大决策超过计划时间", String.valueOf(overdue),
				overdue == 0 ? "没有超过计划决策时间仍未决策的事项"
						: "最早的是“" + first.title() + "”（计划" + first.plannedLabel() + "），请推进决策或调整目录",
				MajorDecisionConsoleController.HOME, overdue > 0 ? "warn" : "ok"));
		if (pending > 0) {
			cards.add(new DashboardCard(19, "重大决策待办环节", String.valueOf(pending), "推进中的决策事项还有法定程序环节待完成",
					MajorDecisionConsoleController.HOME, "info"));
		}
		return cards;
	}
}
