package org.gongkai.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.catalog.TimeLimitRule;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * Dashboard: items past their Art. 26 date, items waiting for the actor's review or approval, catalogue
 * nodes behind their own periodic time limit, and the reposting lag against the one-working-day target.
 */
@Component
class PublicationDashboard implements DashboardContributor {

	private final Documents documents;

	private final AgencyAccess access;

	private final Catalog catalog;

	private final WorkingDayCalendar calendar;

	private final Clock clock;

	PublicationDashboard(Documents documents, AgencyAccess access, Catalog catalog, WorkingDayCalendar calendar,
			Clock clock) {
		this.documents = documents;
		this.access = access;
		this.catalog = catalog;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		List<DashboardCard> cards = new ArrayList<>();
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		List<Long> visible = access.visibleAgencies(actor).stream().filter(Agency::active).map(Agency::id).toList();
		long overdue = documents.overdueCounts(visible, today).values().stream().mapToLong(Long::longValue).sum();
		cards.add(new DashboardCard(1, "超期未公开", String.valueOf(overdue),
				"主动公开的信息应自形成或者变更之日起20个工作日内公开（条例第二十六条）", "/console/documents",
				overdue > 0 ? "warn" : "ok"));
		List<Long> reviewable = access.agenciesFor(actor, Role.REVIEWER).stream().map(Agency::id).toList();
		if (!reviewable.isEmpty()) {
			long n = documents.countByStatus(reviewable, DocumentStatus.SUBMITTED);
			cards.add(new DashboardCard(2, "待我审查", String.valueOf(n), "公开属性审查与保密审查（四关）",
					"/console/documents?status=SUBMITTED", n > 0 ? "warn" : "ok"));
		}
		List<Long> approvable = access.agenciesFor(actor, Role.APPROVER).stream().map(Agency::id).toList();
		if (!approvable.isEmpty()) {
			long n = documents.countByStatus(approvable, DocumentStatus.REVIEWED);
			cards.add(new DashboardCard(3, "待我审批", String.valueOf(n), "审查通过、等待负责人审批的信息",
					"/console/documents?status=REVIEWED", n > 0 ? "warn" : "ok"));
		}
		List<Agency> administered = access.agenciesFor(actor, Role.AGENCY_ADMIN, Role.SUPERVISOR).stream()
			.filter(Agency::active).toList();
		if (!administered.isEmpty() && administered.size() <= 50) {
			int stale = 0;
			String example = null;
			for (Agency a : administered) {
				Map<Long, LocalDate> last = documents.lastPublishedByNode(a.id());
				for (CatalogNode node : catalog.tree(a.id())) {
					TimeLimitRule rule = node.timeLimit();
					if (node.hidden() || rule == null) {
						continue;
					}
					if (rule.isStale(last.get(node.id()), today) && (rule.type() != TimeLimitRule.Type.MONTHLY
							|| node.kind() != org.gongkai.catalog.NodeKind.ON_REQUEST)) {
						stale++;
						if (example == null) {
							example = a.name() + "：" + node.title();
						}
					}
				}
			}
			cards.add(new DashboardCard(12, "栏目更新滞后", String.valueOf(stale),
					stale == 0 ? "各栏目均按其公开时限更新" : "按栏目自身的公开时限（年度、季度、月度）已滞后。例如 " + example, "/console/catalog",
					stale > 0 ? "warn" : "ok"));
		}
		List<LocalDate[]> reposts = documents.reposts(visible, today.minusDays(90));
		if (!reposts.isEmpty()) {
			int late = 0;
			int total = 0;
			for (LocalDate[] r : reposts) {
				int lag = safeLag(r[0], r[1]);
				total += lag;
				if (lag > PublicationRules.REPOST_TARGET_WORKING_DAYS) {
					late++;
				}
			}
			cards.add(new DashboardCard(13, "转载时效", String.format("平均 %.1f 个工作日", total / (double) reposts.size()),
					"近90天转载上级政策 " + reposts.size() + " 篇，超过1个工作日的 " + late + " 篇（目标：1个工作日内）", "/console/documents",
					late > 0 ? "warn" : "ok"));
		}
		return cards;
	}

	private int safeLag(LocalDate original, LocalDate published) {
		try {
			return Math.max(0, calendar.workingDaysBetween(original, published));
		}
		catch (RuntimeException e) {
			return 0;
		}
	}
}
