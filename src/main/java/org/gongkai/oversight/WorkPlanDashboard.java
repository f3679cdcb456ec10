package org.gongkai.oversight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.springframework.stereotype.Component;

/**
 * Dashboard cards of the work plan: for a unit's staff, the tasks to claim (32), the overdue ones (33) and the
 * progress reports due this month (34); for a supervisor, the flagged items across the units of the plans kept (33).
 */
@Component
class WorkPlanDashboard implements DashboardContributor {

	private final WorkPlanQueries queries;

	private final AgencyAccess access;

	WorkPlanDashboard(WorkPlanQueries queries, AgencyAccess access) {
		this.queries = queries;
		this.access = access;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		LocalDate today = queries.today();
		List<DashboardCard> cards = new ArrayList<>();
		if (!actor.isSystemAdmin() && actor.agencyId() != null && queries.actsFor(actor, actor.agencyId())) {
			List<WorkPlanQueries.Item> mine = queries.itemsOf(actor.agencyId(), today).stream()
				.filter(i -> i.plan().status() == WorkPlanStatus.ISSUED)
				.toList();
			if (!mine.isEmpty()) {
				long toClaim = mine.stream().filter(i -> i.unit().status() == WorkTaskUnitStatus.ASSIGNED).count();
				long claimLate = mine.stream().filter(WorkPlanQueries.Item::claimLate).count();
				cards.add(new DashboardCard(32, "待认领的工作任务", String.valueOf(toClaim),
						claimLate > 0 ? "其中 " + claimLate + " 项已过认领截止日期" : toClaim == 0 ? "本单位的任务均已认领" : "请逐项认领并填写具体工作措施",
						WorkPlanConsoleController.BASE + "/mine", claimLate > 0 ? "warn" : toClaim > 0 ? "info" : "ok"));
				long overdue = mine.stream().filter(WorkPlanQueries.Item::overdue).count();
				long supervised = mine.stream().filter(i -> i.openSupervisions() > 0).count();
				cards.add(new DashboardCard(33, "超期未完成的工作任务", String.valueOf(overdue),
						supervised > 0 ? supervised + " 项任务有待答复的督办意见" : "已过完成时限仍未销号的任务",
						WorkPlanConsoleController.BASE + "/mine?flag=overdue", overdue > 0 || supervised > 0 ? "warn" : "ok"));
				YearMonth month = YearMonth.from(today);
				long due = mine.stream().filter(i -> i.unit().status() == WorkTaskUnitStatus.CLAIMED)
					.filter(i -> queries.progress(i.unit().id()).stream().noneMatch(p -> YearMonth.from(p.month()).equals(month)))
					.count();
				long late = mine.stream().filter(WorkPlanQueries.Item::progressLate).count();
				int day = mine.get(0).plan().progressDay();
				cards.add(new DashboardCard(34, "本月待报送进展", String.valueOf(due),
						late > 0 ? late + " 项已过本月报送日" : "请于" + WorkTaskRules.progressDue(month, day) + "前报送本月进展",
						WorkPlanConsoleController.BASE + "/mine", late > 0 ? "warn" : due > 0 ? "info" : "ok"));
			}
		}
		List<WorkPlan> kept = queries.plansKeptBy(actor).stream().filter(p -> p.status() == WorkPlanStatus.ISSUED).toList();
		if (!kept.isEmpty() && (actor.isSystemAdmin() || !access.agenciesFor(actor, org.gongkai.platform.Role.SUPERVISOR).isEmpty())) {
			long flagged = 0;
			java.util.Set<Long> units = new java.util.HashSet<>();
			for (WorkPlan p : kept) {
				for (WorkPlanQueries.TaskRow r : queries.rows(p, today)) {
					for (WorkPlanQueries.Item i : r.items()) {
						if (i.flagged()) {
							flagged++;
							units.add(i.agency().id());
						}
					}
				}
			}
			cards.add(new DashboardCard(33, "各单位逾期的工作任务", String.valueOf(flagged),
					flagged > 0 ? "涉及 " + units.size() + " 个单位（逾期未认领、超期未完成、进展未报或督办逾期）" : "各单位任务均按时推进",
					WorkPlanConsoleController.BASE, flagged > 0 ? "warn" : "ok"));
		}
		return cards;
	}
}
