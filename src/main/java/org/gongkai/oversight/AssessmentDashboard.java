package org.gongkai.oversight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.springframework.stereotype.Component;

/**
 * Dashboard cards 43–44: for the supervising office, the assessment drafts still to finalise; for the staff of an
 * assessed agency, its latest final result (total and rank). Drafts are never shown to the assessed agencies.
 */
@Component
class AssessmentDashboard implements DashboardContributor {

	private final AssessmentManagement management;

	AssessmentDashboard(AssessmentManagement management) {
		this.management = management;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<DashboardCard> cards = new ArrayList<>();
		List<AssessmentScheme> schemes = management.schemes(actor);
		if (!schemes.isEmpty()) {
			List<AssessmentRun> drafts = management.runsOf(schemes.stream().map(AssessmentScheme::id).toList())
				.stream()
				.filter(r -> !r.isFinal())
				.toList();
			if (!drafts.isEmpty()) {
				cards.add(new DashboardCard(43, "待定稿的绩效考核", String.valueOf(drafts.size()),
						"录入人工评分项并核对后定稿，定稿后各单位可查看本单位评分表",
						AssessmentConsoleController.HOME + "/runs/" + drafts.get(0).id(), "warn"));
			}
		}
		List<Map.Entry<AssessmentRun, Agency>> own = management.ownFinalRuns(actor);
		if (!own.isEmpty() && actor.agencyId() != null) {
			own.stream().filter(e -> e.getValue().id() == actor.agencyId()).findFirst().ifPresent(e -> {
				var v = management.sheet(e.getKey().id(), e.getValue().id());
				cards.add(new DashboardCard(44, e.getKey().year() + "年度政务公开考核",
						AssessmentScoring.plain(v.sheet().total()) + "分",
						"第" + v.sheet().rank() + "名（共" + v.assessedCount() + "个单位）"
								+ (v.sheet().grade() == null ? "" : "，" + v.sheet().grade()),
						AssessmentConsoleController.HOME + "/runs/" + e.getKey().id() + "/sheets/" + e.getValue().id(), "info"));
			});
		}
		return cards;
	}
}
