package org.gongkai.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;

/** Dashboard: whether next year's holiday notice is loaded (deadlines reaching into it are refused until it is). */
@Component
class CalendarDashboard implements DashboardContributor {

	private final WorkingDayCalendar calendar;

	private final Clock clock;

	CalendarDashboard(WorkingDayCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		int next = LocalDate.now(clock.withZone(Zones.CHINA)).getYear() + 1;
		if (calendar.loadedYears().contains(next)) {
			return List.of(new DashboardCard(90, "工作日历", "已录入至" + next + "年", "法定期限按官方放假安排计算", "/console/calendar", "ok"));
		}
		return List.of(new DashboardCard(5, "工作日历", next + "年未录入",
				"国务院办公厅发布" + next + "年放假通知后，请系统管理员及时录入；在此之前，跨入" + next + "年的期限无法准确计算。",
				actor.isSystemAdmin() ? "/console/calendar/edit?year=" + next : "/console/calendar", "warn"));
	}
}
