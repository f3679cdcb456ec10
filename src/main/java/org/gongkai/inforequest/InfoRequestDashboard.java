package org.gongkai.inforequest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Dashboard: requests past their reply date, requests due soon, and online applications waiting to be confirmed. */
@Component
@Transactional(readOnly = true)
class InfoRequestDashboard implements DashboardContributor {

	private final InfoRequests requests;

	private final InfoRequestQueries queries;

	private final AgencyAccess access;

	private final Clock clock;

	InfoRequestDashboard(InfoRequests requests, InfoRequestQueries queries, AgencyAccess access, Clock clock) {
		this.requests = requests;
		this.queries = queries;
		this.access = access;
		this.clock = clock;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		List<Long> handled = access.agenciesFor(actor, InfoRequestQueries.CASE_ROLES).stream().filter(Agency::active)
			.map(Agency::id).filter(id -> CaseAccess.allows(actor, id, InfoRequestQueries.CASE_ROLES)).toList();
		if (handled.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		int overdue = 0;
		int dueSoon = 0;
		int unconfirmed = 0;
		String example = null;
		for (InfoRequest r : requests.queue(handled, null, true, 0, 10_000)) {
			if (InfoRequestQueries.isOverdue(r, today)) {
				overdue++;
				example = example == null ? r.trackingCode() + "（应于 " + r.dueOn() + " 前答复）" : example;
			}
			else if (queries.isDueSoon(r, today)) {
				dueSoon++;
			}
			if (r.status() == RequestStatus.AWAITING_CONFIRMATION) {
				unconfirmed++;
			}
		}
		List<DashboardCard> cards = new ArrayList<>();
		cards.add(new DashboardCard(8, "依申请公开超期未答复", String.valueOf(overdue),
				overdue == 0 ? "所有申请均在答复期限内（条例第三十三条）" : "例如 " + example, "/console/requests",
				overdue > 0 ? "warn" : "ok"));
		cards.add(new DashboardCard(9, "依申请公开临期", String.valueOf(dueSoon), "即将到期、尚未答复的申请", "/console/requests",
				dueSoon > 0 ? "warn" : "ok"));
		if (unconfirmed > 0) {
			cards.add(new DashboardCard(10, "网上申请待确认收到", String.valueOf(unconfirmed),
					"以双方确认之日为收到申请之日（条例第三十一条），请及时确认", "/console/requests?status=AWAITING_CONFIRMATION", "warn"));
		}
		return cards;
	}
}
