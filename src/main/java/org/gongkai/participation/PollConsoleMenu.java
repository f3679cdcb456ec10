package org.gongkai.participation;

import java.util.List;

import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.springframework.stereotype.Component;

/** The console entry of polls, for staff who may see the polls of at least one agency. */
@Component
class PollConsoleMenu implements ConsoleMenuContributor {

	static final String HOME = "/console/participation/polls";

	private final PollAccess access;

	PollConsoleMenu(PollAccess access) {
		this.access = access;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(29, "民意调查", HOME,
				a -> !a.token() && !access.visible(a).isEmpty()));
	}
}
