package org.gongkai.interaction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard: the motions the actor's units lead that are past or near their reply deadline, and replies whose
 * publication is still to be decided.
 */
@Component
@Transactional(readOnly = true)
class MotionDashboard implements DashboardContributor {

	private final Motions motions;

	private final AgencyAccess access;

	private final Clock clock;

	MotionDashboard(Motions motions, AgencyAccess access, Clock clock) {
		this.motions = motions;
		this.access = access;
		this.clock = clock;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<Long> units = access.agenciesFor(actor, MotionManagement.UNIT_STAFF).stream().filter(Agency::active).map(Agency::id).toList();
		List<DashboardCard> cards = new ArrayList<>();
		if (units.isEmpty()) {
			return cards;
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		List<Motion> open = motions.awaitingReply(units);
		long overdue = open.stream().filter(m -> m.overdue(today)).count();
		long dueSoon = open.stream().filter(m -> m.dueSoon(today, MotionQueries.DUE_SOON_DAYS)).count();
		if (!open.isEmpty()) {
			cards.add(new DashboardCard(22, "待答复的建议提案", String.valueOf(open.size()),
					overdue > 0 ? overdue + " 件已超过答复期限" : dueSoon > 0 ? dueSoon + " 件将在" + MotionQueries.DUE_SOON_DAYS + "天内到期" : "均在答复期限内",
					"/console/motions", overdue > 0 || dueSoon > 0 ? "warn" : "info"));
		}
		long undecided = motions.awaitingPublicationDecision(units).stream().filter(m -> m.awaitingPublicationDecision()).count();
		if (undecided > 0) {
			cards.add(new DashboardCard(23, "待决定公开的答复", String.valueOf(undecided), "答复后应在公开时限内决定公开方式并公开办理复文",
					"/console/motions?status=ALL", "warn"));
		}
		return cards;
	}
}
