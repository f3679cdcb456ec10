package org.gongkai.oversight;

import java.util.List;

import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.springframework.stereotype.Component;

/** The console entry of training: every staff member (tests to take), the readers of training records, the bank's editors. */
@Component
class TrainingConsoleMenu implements ConsoleMenuContributor {

	private final TrainingQueries queries;

	TrainingConsoleMenu(TrainingQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(54, "培训", TrainingConsoleController.HOME,
				a -> !a.token() && (a.agencyId() != null || !queries.readableAgencies(a).isEmpty())));
	}
}
