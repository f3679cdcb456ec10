package org.gongkai.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * Dashboard: for each agency whose report the actor drafts, reviews or approves, the previous year's report with its
 * deadline, status and days left, worded more urgently 30, 14, 7, 3 and 1 days before the deadline and 「已逾期」
 * after it; for a supervisor, how many subordinate agencies have not yet published.
 */
@Component
class ReportDashboard implements DashboardContributor {

	/** The agency cards shown at most; more agencies are reached through the report list. */
	static final int MAX_AGENCY_CARDS = 3;

	private static final Role[] AGENCY_STAFF = { Role.EDITOR, Role.REVIEWER, Role.APPROVER, Role.AGENCY_ADMIN };

	private final AnnualReportQueries queries;

	private final ReportRollup rollup;

	private final AgencyAccess access;

	private final Clock clock;

	ReportDashboard(AnnualReportQueries queries, ReportRollup rollup, AgencyAccess access, Clock clock) {
		this.queries = queries;
		this.rollup = rollup;
		this.access = access;
		this.clock = clock;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		int year = today.getYear() - 1;
		List<DashboardCard> cards = new ArrayList<>();
		if (!actor.isSystemAdmin()) {
			// the actor's own agency first
			List<Agency> own = access.agenciesFor(actor, AGENCY_STAFF).stream()
				.filter(Agency::active)
				.sorted((a, b) -> Boolean.compare(!Long.valueOf(a.id()).equals(actor.agencyId()), !Long.valueOf(b.id()).equals(actor.agencyId())))
				.limit(MAX_AGENCY_CARDS)
				.toList();
			for (Agency a : own) {
				card(a, year, today).ifPresent(cards::add);
			}
		}
		if (actor.isSystemAdmin() || actor.hasRole(Role.SUPERVISOR)) {
			List<RollupRow> rows = rollup.status(year);
			long notPublished = rows.stream()
				.filter(r -> r.current() == null || r.current().status() != ReportStatus.PUBLISHED)
				.count();
			long late = rows.stream().filter(RollupRow::late).count();
			if (!rows.isEmpty()) {
				cards.add(new DashboardCard(26, year + "年度报告未发布的单位", String.valueOf(notPublished),
						late > 0 ? "其中 " + late + " 个单位已逾期" : notPublished == 0 ? "所辖单位均已发布" : "所辖单位共 " + rows.size() + " 个",
						ReportConsoleController.BASE + "/rollup?year=" + year, late > 0 || notPublished > 0 ? "warn" : "ok"));
			}
		}
		return cards;
	}

	private Optional<DashboardCard> card(Agency agency, int year, LocalDate today) {
		Optional<ReportWork> work = queries.working(agency.id(), year);
		boolean published = queries.reports(agency.id()).stream()
			.anyMatch(r -> r.year() == year && r.status() == ReportStatus.PUBLISHED);
		String href = ReportConsoleController.BASE + "?agency=" + agency.code();
		String title = agency.displayName() + year + "年度报告";
		if (published) {
			return Optional.of(new DashboardCard(25, title, ReportStatus.PUBLISHED.label(), "已在“年度报告”栏目公开", href, "ok"));
		}
		ReportDeadline deadline = work.map(ReportWork::deadline).orElseGet(() -> queries.deadline(agency.id(), year));
		long days = ChronoUnit.DAYS.between(today, deadline.dueOn());
		if (work.isEmpty()) {
			return Optional.of(new DashboardCard(25, title, "未起草", urgency(days, deadline.dueOn()), href, "warn"));
		}
		String status = work.get().view().status().label();
		return Optional.of(new DashboardCard(25, title, status, urgency(days, deadline.dueOn()),
				ReportConsoleController.BASE + "/" + work.get().view().reportId(), days <= 7 ? "warn" : "info"));
	}

	/** The wording for the days left before the deadline: more urgent at 30, 14, 7, 3 and 1 days; 「已逾期」 after. */
	static String urgency(long days, LocalDate dueOn) {
		if (days < 0) {
			return "已逾期 " + (-days) + " 天（公布期限 " + dueOn + "），请立即完成审核、批准并发布";
		}
		if (days == 0) {
			return "今天（" + dueOn + "）是公布期限，请今天发布";
		}
		if (days <= 1) {
			return "明天（" + dueOn + "）是公布期限，请立即发布";
		}
		if (days <= 3) {
			return "仅剩 " + days + " 天（公布期限 " + dueOn + "），请尽快批准并发布";
		}
		if (days <= 7) {
			return "不足一周，剩 " + days + " 天（公布期限 " + dueOn + "），请抓紧审核、批准";
		}
		if (days <= 14) {
			return "不足两周，剩 " + days + " 天（公布期限 " + dueOn + "），请尽快提交审核";
		}
		if (days <= 30) {
			return "距公布期限不足30天，剩 " + days + " 天（" + dueOn + "）";
		}
		return "公布期限 " + dueOn + "，还有 " + days + " 天";
	}
}
