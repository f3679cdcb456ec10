package org.gongkai.interaction;

import java.util.List;

import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.springframework.stereotype.Component;

/** The console entry of public messages, for staff who may open messages of at least one agency. */
@Component
class InteractionConsoleMenu implements ConsoleMenuContributor {

	private final MessageQueries queries;

	InteractionConsoleMenu(MessageQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(21, "互动交流", "/console/messages",
				a -> !a.token() && !queries.staffAgencies(a).isEmpty()));
	}
}
