package org.gongkai.oversight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Role;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard cards of self-checks and inspections (40–42): this month's self-check still to report, findings to
 * rectify or re-check with the overdue ones, and the source review due (January review in January and February,
 * November self-check in November and December).
 */
@Component
@Transactional(readOnly = true)
class SelfCheckDashboard implements DashboardContributor {

	private final SelfCheckManagement selfChecks;

	private final OversightInspectionManagement inspections;

	private final SourceReviewManagement reviews;

	private final AgencyAccess access;

	SelfCheckDashboard(SelfCheckManagement selfChecks, OversightInspectionManagement inspections, SourceReviewManagement reviews,
			AgencyAccess access) {
		this.selfChecks = selfChecks;
		this.inspections = inspections;
		this.reviews = reviews;
		this.access = access;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<DashboardCard> cards = new ArrayList<>();
		LocalDate today = selfChecks.today();
		YearMonth month = YearMonth.from(today);
		LocalDate due = SelfCheckRules.dueOn(month, selfChecks.dueDay());
		List<Agency> staffUnits = access.agenciesFor(actor, SelfCheckManagement.UNIT_STAFF).stream().filter(Agency::active).toList();
		List<Agency> supervised = access.agenciesFor(actor, Role.SUPERVISOR).stream().filter(Agency::active).toList();
		boolean supervisor = !supervised.isEmpty();
		// 40: the month's self-check
		long unreported = supervisor
				? selfChecks.overview(actor, month).stream().filter(r -> r.check() == null || r.check().status() != SelfCheckStatus.SUBMITTED).count()
				: selfChecks.unreported(actor, month).size();
		if (supervisor || !staffUnits.isEmpty()) {
			boolean late = today.isAfter(due);
			cards.add(new DashboardCard(40, supervisor ? "本月未报送自查的单位" : "本月自查待报送", String.valueOf(unreported),
					unreported == 0 ? "本月自查均已报送" : (late ? "已超过报送期限" + due : "请于" + due + "前完成自查并报送"),
					"/console/self-checks", unreported > 0 && (late || !today.plusDays(5).isBefore(due)) ? "warn" : (unreported > 0 ? "info" : "ok")));
		}
		// 41: findings
		List<Long> units = (supervisor ? supervised : staffUnits).stream().map(Agency::id).toList();
		if (!units.isEmpty()) {
			List<OversightFinding> open = inspections.openFindings(units);
			long overdue = open.stream().filter(f -> f.overdue(today)).count();
			long toRecheck = open.stream().filter(f -> f.status() == OversightFindingStatus.ANSWERED).count();
			long toRectify = open.stream().filter(f -> f.status() == OversightFindingStatus.OPEN).count();
			if (!open.isEmpty()) {
				String detail = (overdue > 0 ? overdue + "个已超过整改期限；" : "") + (supervisor ? toRecheck + "个待复查" : toRectify + "个待整改");
				cards.add(new DashboardCard(41, supervisor ? "督查问题整改" : "督查问题待整改", String.valueOf(supervisor ? open.size() : toRectify),
						detail, "/console/oversight-inspections", overdue > 0 ? "warn" : "info"));
			}
		}
		// 42: the source review of the season
		SourceReviewKind kind = today.getMonthValue() >= 11 ? SourceReviewKind.NOVEMBER
				: today.getMonthValue() <= 2 ? SourceReviewKind.JANUARY : null;
		if (kind != null) {
			int year = reviews.defaultYear(kind);
			List<Agency> scope = supervisor ? supervised : access.agenciesFor(actor, SourceReviewManagement.UNIT_STAFF);
			long pending = scope.stream()
				.filter(Agency::active)
				.filter(a -> reviews.find(a.id(), kind, year).map(r -> !r.submitted()).orElse(true))
				.count();
			if (!scope.isEmpty()) {
				cards.add(new DashboardCard(42, kind.label() + "待报送", String.valueOf(pending),
						pending == 0 ? "均已报送" : (supervisor ? pending + "个单位尚未报送" : "请逐条处理后报送政务公开办"),
						"/console/source-reviews?kind=" + kind.name() + "&year=" + year, pending > 0 ? "warn" : "ok"));
			}
		}
		return cards;
	}
}
