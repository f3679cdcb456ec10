package org.gongkai.organisation;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.Actor;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.springframework.stereotype.Component;

/** Dashboard: the agencies in the actor's scope, and any whose disclosure guide data is incomplete. */
@Component
class OrganisationDashboard implements DashboardContributor {

	private final AgencyAccess access;

	private final AgencyDirectory directory;

	OrganisationDashboard(AgencyAccess access, AgencyDirectory directory) {
		this.access = access;
		this.directory = directory;
	}

	@Override
	public List<DashboardCard> cardsFor(Actor actor) {
		List<Agency> visible = access.visibleAgencies(actor).stream().filter(Agency::active).toList();
		List<DashboardCard> cards = new ArrayList<>();
		cards.add(new DashboardCard(10, "管辖单位", String.valueOf(visible.size()), "可查看的在用单位数", "/console/agencies",
				"info"));
		List<Agency> incomplete = visible.stream().filter(a -> !directory.office(a.id()).isComplete()).toList();
		if (!incomplete.isEmpty()) {
			cards.add(new DashboardCard(11, "公开指南信息不完整", String.valueOf(incomplete.size()),
					"工作机构名称、地址、办公时间、电话、网络联系方式须齐全（条例第十二条）。例如：" + incomplete.get(0).name(),
					"/console/agencies/" + incomplete.get(0).id(), "warn"));
		}
		return cards;
	}
}
