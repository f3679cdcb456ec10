package org.gongkai.powers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard: unpublished decisions past their limit, and this year's late publications and withdrawals, for the staff
 * of the agency and supervisors over their subtree.
 */
@Component
@Transactional(readOnly = true)
class EnforcementDashboard implements DashboardContributor {

	private static final Role[] VIEWERS = { Role.EDITOR, Role.AGENCY_ADMIN, Role.SUPERVISOR };

	private final DecisionQueries queries;

	private final EnforcementStatistics statistics;

	private final AgencyAccess access;

	private final Clock clock;

	EnforcementDashboard(DecisionQueries queries, EnforcementStatistics statistics, AgencyAccess access, Clock clock) {
		this.queries = queries;
		this.statistics = statistics;
		this.access = access;
		this.clock = clock;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<Long> ids = access.agenciesFor(actor, VIEWERS).stream().filter(Agency::active).map(Agency::id).toList();
		List<DashboardCard> cards = new ArrayList<>();
		if (ids.isEmpty()) {
			return cards;
		}
		long overdue = queries.overdue(ids).size();
		if (overdue > 0) {
			cards.add(new DashboardCard(30, "逾期未公示的执法决定", String.valueOf(overdue),
					"行政许可、行政处罚决定应在7个工作日内公示，其他执法决定在20个工作日内公示", "/console/enforcement?status=DRAFT", "warn"));
		}
		int year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
		EnforcementStatistics.Publication p = statistics.publication(ids, year);
		if (p.published() > 0) {
			cards.add(new DashboardCard(31, year + "年执法决定按时公示", p.onTime() + " / " + p.published(),
					p.late() > 0 ? p.late() + " 件逾期公示" : "均在公示期限内", "/console/enforcement/statistics", p.late() > 0 ? "warn" : "ok"));
		}
		return cards;
	}
}
