package org.gongkai.participation;

import java.util.List;

import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.springframework.stereotype.Component;

/** The console entry of open meetings, for staff who see the meetings of at least one agency. */
@Component
class MeetingConsoleMenu implements ConsoleMenuContributor {

	private final MeetingQueries queries;

	MeetingConsoleMenu(MeetingQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(31, "会议公开", MeetingConsoleController.BASE,
				a -> !a.token() && !queries.staffAgencies(a).isEmpty()));
	}
}
