package org.gongkai.participation;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.springframework.stereotype.Component;

/** Dashboard: attendance applications waiting for a decision, and held meetings whose decided items are not yet published. */
@Component
class MeetingDashboard implements DashboardContributor {

	private final MeetingQueries queries;

	MeetingDashboard(MeetingQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<Long> ids = queries.managedAgencies(actor).stream().filter(Agency::active).map(Agency::id).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		int pending = queries.pendingApplications(ids);
		int awaiting = queries.awaitingOutcome(ids).size();
		List<DashboardCard> cards = new ArrayList<>();
		cards.add(new DashboardCard(18, "会议列席申请待审核", String.valueOf(pending),
				pending == 0 ? "没有待审核的列席申请" : "请在会议召开前审核，同意的不超过公开报名名额",
				MeetingConsoleController.BASE + "?view=applications", pending > 0 ? "warn" : "ok"));
		cards.add(new DashboardCard(18, "会议议定事项待公开", String.valueOf(awaiting),
				awaiting == 0 ? "已召开的会议均已公开议定事项" : "会议已召开，议定事项除依法需要保密的外应及时公开",
				MeetingConsoleController.BASE + "?view=outcome", awaiting > 0 ? "warn" : "ok"));
		return cards;
	}
}
