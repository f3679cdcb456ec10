package org.gongkai.participation;

import java.util.List;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.springframework.stereotype.Component;

/** The console entry 重大决策 for whoever may read an agency's major-decision catalogue. */
@Component
class MajorDecisionConsoleMenu implements ConsoleMenuContributor {

	private final AgencyAccess access;

	MajorDecisionConsoleMenu(AgencyAccess access) {
		this.access = access;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(27, "重大决策", MajorDecisionConsoleController.HOME,
				a -> !a.token() && !access.agenciesFor(a, MajorDecisionManagement.READERS).isEmpty()));
	}
}
