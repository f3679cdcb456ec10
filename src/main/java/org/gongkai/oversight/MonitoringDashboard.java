package org.gongkai.oversight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Role;

import org.springframework.stereotype.Component;

/**
 * Dashboard cards of the automatic inspection (orders 35–39). For the staff of an agency: its score (35), each
 * single-veto hit (36) and each warning before a veto (37), e.g. 「预警：空白栏目 3 个，达到 5 个即单项否决」. For a
 * supervisor: the agencies below with vetoes (38) and with warnings (39), from the stored snapshots.
 */
@Component
class MonitoringDashboard implements DashboardContributor {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MonitoringDashboard.class);

	private final MonitoringScores scores;

	private final MonitoringSnapshots snapshots;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	MonitoringDashboard(MonitoringScores scores, MonitoringSnapshots snapshots, AgencyDirectory agencies,
			AgencyAccess access) {
		this.scores = scores;
		this.snapshots = snapshots;
		this.agencies = agencies;
		this.access = access;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<DashboardCard> cards = new ArrayList<>();
		Long own = actor.agencyId();
		if (own != null && access.allows(actor, own, Role.AGENCY_ADMIN, Role.EDITOR, Role.APPROVER)
				&& agencies.findById(own).map(Agency::active).orElse(false)) {
			try {
				cards.addAll(agencyCards(own));
			}
			catch (RuntimeException e) {
				// the dashboard shows the other modules' cards even when the inspection cannot be computed now
				log.warn("Monitoring cards of agency {} not shown: {}", own, e.toString());
			}
		}
		List<Agency> supervised = scores.supervised(actor);
		if (!supervised.isEmpty()) {
			cards.addAll(supervisorCards(supervised));
		}
		return cards;
	}

	private List<DashboardCard> agencyCards(long agencyId) {
		MonitoringScore s = scores.score(agencyId);
		String href = "/console/monitoring/agencies/" + agencyId;
		List<DashboardCard> cards = new ArrayList<>();
		cards.add(new DashboardCard(35, "公开监测得分", MonitoringRules.plain(s.score()),
				s.verdict() + "；单项否决 " + s.vetoes() + " 项，预警 " + s.warnings() + " 项", href,
				s.vetoed() || !s.passed() ? "warn" : s.warnings() > 0 ? "warn" : "ok"));
		for (IndicatorResult r : s.results()) {
			if (r.state() == IndicatorState.VETO) {
				cards.add(new DashboardCard(36, "单项否决：" + r.name(), String.valueOf(r.value()), r.message(), href, "warn"));
			}
		}
		for (IndicatorResult r : s.results()) {
			if (r.state() == IndicatorState.WARN) {
				cards.add(new DashboardCard(37, "监测预警：" + r.name(), String.valueOf(r.value()), r.message(), href, "warn"));
			}
		}
		return cards;
	}

	private List<DashboardCard> supervisorCards(List<Agency> supervised) {
		Map<Long, MonitoringSnapshots.ScoreRow> rows = snapshots.latestRows(supervised.stream().map(Agency::id).toList());
		Map<Long, String> names = supervised.stream().collect(Collectors.toMap(Agency::id, Agency::displayName));
		List<String> vetoed = rows.values().stream().filter(MonitoringSnapshots.ScoreRow::vetoed)
			.map(r -> names.get(r.agencyId())).toList();
		List<String> warned = rows.values().stream().filter(r -> !r.vetoed() && r.warnings() > 0)
			.map(r -> names.get(r.agencyId())).toList();
		List<DashboardCard> cards = new ArrayList<>();
		cards.add(new DashboardCard(38, "监测：单项否决单位", String.valueOf(vetoed.size()),
				vetoed.isEmpty() ? (rows.isEmpty() ? "尚未计算，每日清晨自动计算" : "无单项否决") : summary(vetoed),
				"/console/monitoring?sort=vetoes", vetoed.isEmpty() ? "ok" : "warn"));
		cards.add(new DashboardCard(39, "监测：预警单位", String.valueOf(warned.size()),
				warned.isEmpty() ? "无预警" : summary(warned), "/console/monitoring?sort=warnings",
				warned.isEmpty() ? "ok" : "warn"));
		return cards;
	}

	private static String summary(List<String> names) {
		return names.size() <= 5 ? String.join("、", names) : String.join("、", names.subList(0, 5)) + " 等" + names.size() + "个单位";
	}
}
