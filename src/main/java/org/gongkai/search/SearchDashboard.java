package org.gongkai.search;

import java.util.List;
import java.util.stream.Collectors;

import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Component;

/** Dashboard of editors and supervisors: what the public searched for in the last 7 days and did not find. */
@Component
class SearchDashboard implements DashboardContributor {

	private final SearchQueryStats stats;

	SearchDashboard(SearchQueryStats stats) {
		this.stats = stats;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token() || !(actor.hasRole(Role.EDITOR) || actor.hasRole(Role.SUPERVISOR) || actor.isSystemAdmin())) {
			return List.of();
		}
		List<SearchStore.QueryFigure> zero = stats.zeroResults(7, 5);
		String detail = zero.isEmpty() ? "近7天没有无结果的检索"
				: "如：" + zero.stream().map(f -> "“" + f.query() + "”").collect(Collectors.joining("、"))
						+ "。可补充信息、添加同义词或推荐结果";
		return List.of(new DashboardCard(24, "近7天无结果的检索", String.valueOf(stats.zeroResultCount(7)),
				detail, SearchConsoleController.HOME, zero.isEmpty() ? "ok" : "warn"));
	}
}
