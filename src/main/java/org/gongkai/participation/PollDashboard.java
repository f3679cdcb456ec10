package org.gongkai.participation;

import java.util.List;

import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Dashboard: the polls in progress and the drafts not yet published, of the agencies the actor sees. */
@Component
@Transactional(readOnly = true)
class PollDashboard implements DashboardContributor {

	private final PollQueries queries;

	PollDashboard(PollQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<PollQueries.PollSummary> polls = queries.staffList(actor);
		if (polls.isEmpty()) {
			return List.of();
		}
		long open = polls.stream().filter(s -> s.status() == PollStatus.OPEN).count();
		long drafts = polls.stream().filter(s -> s.status() == PollStatus.DRAFT).count();
		long participants = polls.stream().filter(s -> s.status() == PollStatus.OPEN).mapToLong(PollQueries.PollSummary::participants).sum();
		return List.of(new DashboardCard(17, "进行中的民意调查", String.valueOf(open),
				"共" + participants + "人参与" + (drafts > 0 ? "；另有" + drafts + "份草稿未发布" : ""), PollConsoleMenu.HOME,
				"info"));
	}
}
