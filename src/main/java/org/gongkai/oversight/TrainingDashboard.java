package org.gongkai.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard: units whose training is behind their plan (card 45, for the readers of training records) and the tests
 * the current user has still to take (card 46).
 */
@Component
@Transactional(readOnly = true)
class TrainingDashboard implements DashboardContributor {

	private final TrainingQueries queries;

	private final TrainingExamManagement exams;

	private final TrainingManagement training;

	TrainingDashboard(TrainingQueries queries, TrainingExamManagement exams, TrainingManagement training) {
		this.queries = queries;
		this.exams = exams;
		this.training = training;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<DashboardCard> cards = new ArrayList<>();
		List<Agency> units = queries.readableAgencies(actor).stream().filter(Agency::active).toList();
		if (!units.isEmpty()) {
			LocalDate today = queries.today();
			List<String> behind = new ArrayList<>();
			int sessions = 0;
			int withoutPlan = 0;
			for (Agency a : units) {
				TrainingQueries.YearCheck c = queries.compute(a, today.getYear(), today);
				if (c.shortfall() > 0) {
					behind.add(a.shortName() != null ? a.shortName() : a.name());
					sessions += c.shortfall();
				}
				if (!c.hasPlan()) {
					withoutPlan++;
				}
			}
			boolean many = units.size() > 1;
			String value = String.valueOf(many ? behind.size() : sessions);
			String detail;
			if (many) {
				detail = (behind.isEmpty() ? "各单位培训均按计划进行"
						: String.join("、", behind.subList(0, Math.min(5, behind.size()))) + (behind.size() > 5 ? "等" : "") + "共缺"
								+ sessions + "次培训")
						+ (withoutPlan > 0 ? "；" + withoutPlan + "个单位尚未制定本年度培训计划" : "");
			}
			else if (withoutPlan > 0) {
				detail = "尚未制定本年度培训计划（每年至少安排" + training.minSessions() + "次培训）";
			}
			else {
				detail = sessions == 0 ? "培训按计划进行" : "计划月份已过仍有" + sessions + "次培训未举办";
			}
			cards.add(new DashboardCard(45, many ? "培训落后于计划的单位" : "培训落后于计划", value, detail,
					many && TrainingQueries.mayOverview(actor) ? TrainingConsoleController.HOME + "/overview" : TrainingConsoleController.HOME,
					!behind.isEmpty() ? "warn" : withoutPlan > 0 ? "info" : "ok"));
		}
		List<TrainingExam> toTake = exams.toTake(actor);
		if (!toTake.isEmpty()) {
			cards.add(new DashboardCard(46, "待参加的培训测试", String.valueOf(toTake.size()), "请在截止日期前完成：" + toTake.get(0).title()
					+ (toTake.size() > 1 ? "等" : ""), TrainingConsoleController.HOME + "/exams/" + toTake.get(0).id(), "warn"));
		}
		return cards;
	}
}
