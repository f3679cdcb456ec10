package org.gongkai.interpretation;

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
 * Dashboard: policies whose interpretation is overdue, interpretations published late this year, interpretations
 * waiting for the actor's sign-off, open topics of public concern, and the principal leaders' interpretations
 * against the yearly target.
 */
@Component
@Transactional(readOnly = true)
class InterpretationDashboard implements DashboardContributor {

	private final Dossiers dossiers;

	private final Interpretations interpretations;

	private final Concerns concerns;

	private final InterpretationSettings settings;

	private final AgencyAccess access;

	private final Clock clock;

	InterpretationDashboard(Dossiers dossiers, Interpretations interpretations, Concerns concerns,
			InterpretationSettings settings, AgencyAccess access, Clock clock) {
		this.dossiers = dossiers;
		this.interpretations = interpretations;
		this.concerns = concerns;
		this.settings = settings;
		this.access = access;
		this.clock = clock;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<DashboardCard> cards = new ArrayList<>();
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		List<Agency> visibleAgencies = access.visibleAgencies(actor).stream().filter(Agency::active).toList();
		List<Long> visible = visibleAgencies.stream().map(Agency::id).toList();
		if (visible.isEmpty()) {
			return cards;
		}
		List<Obligation> missing = dossiers.missing(visible, today);
		cards.add(new DashboardCard(4, "解读逾期未发布", String.valueOf(missing.size()),
				missing.isEmpty() ? "规章、规范性文件和须解读的文件均已按时解读或正在期限内"
						: "例如“" + missing.get(0).documentTitle() + "”应于 " + missing.get(0).dueOn() + " 前发布解读（文件公开后3个工作日内）",
				missing.isEmpty() ? "/console/interpretations" : "/console/interpretation/policies/" + missing.get(0).documentId(),
				missing.isEmpty() ? "ok" : "warn"));
		long late = dossiers.obligations(visible, LocalDate.of(today.getYear(), 1, 1), today)
			.stream()
			.filter(o -> o.state(today) == Obligation.State.LATE)
			.count();
		if (late > 0) {
			cards.add(new DashboardCard(5, "解读逾期发布", String.valueOf(late), "今年晚于时限发布的政策解读（计入单位统计）",
					"/console/interpretation/statistics", "warn"));
		}
		List<Long> approvable = access.agenciesFor(actor, Role.APPROVER).stream().map(Agency::id).toList();
		if (!approvable.isEmpty()) {
			long n = interpretations.countByStatus(approvable, InterpretationStatus.SUBMITTED);
			cards.add(new DashboardCard(6, "待我审签的解读", String.valueOf(n), "解读材料与文件同步审签",
					"/console/interpretations?status=SUBMITTED", n > 0 ? "warn" : "ok"));
		}
		int open = concerns.topics(visible, ConcernTopic.Status.OPEN, 200).size();
		if (open > 0) {
			cards.add(new DashboardCard(7, "待回应的社会关切", String.valueOf(open), "及时回应社会关切，发出权威声音",
					"/console/concerns", "warn"));
		}
		List<Agency> led = access.agenciesFor(actor, Role.AGENCY_ADMIN, Role.APPROVER).stream().filter(Agency::active).toList();
		if (led.size() == 1) {
			Agency a = led.get(0);
			long count = interpretations.principalLeaderCount(a.id(), LocalDate.of(today.getYear(), 1, 1), today);
			int target = settings.of(a.id()).principalLeaderTarget();
			cards.add(new DashboardCard(14, "主要负责人解读", count + " / " + target,
					today.getYear() + "年" + a.name() + "主要负责人解读政策的次数与年度目标（第一解读人）",
					"/console/interpretation/statistics?agency=" + a.code(), count >= target ? "ok" : "warn"));
		}
		return cards;
	}
}
