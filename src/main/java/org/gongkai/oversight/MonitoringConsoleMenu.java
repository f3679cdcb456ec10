package org.gongkai.oversight;

import java.util.List;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;

import org.springframework.stereotype.Component;

/** The console entry 公开监测 (menu 51), for staff of any agency and supervisors. */
@Component
class MonitoringConsoleMenu implements ConsoleMenuContributor {

	private final AgencyAccess access;

	MonitoringConsoleMenu(AgencyAccess access) {
		this.access = access;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(51, "公开监测", "/console/monitoring",
				a -> !a.token() && !access.visibleAgencies(a).isEmpty()));
	}
}
