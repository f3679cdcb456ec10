package org.gongkai.participation;

import java.util.List;

import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.springframework.stereotype.Component;

/** The console menu entry 意见征集, for staff who may read some agency's consultations. */
@Component
class ConsultationConsoleMenu implements ConsoleMenuContributor {

	static final String HOME = "/console/participation/consultations";

	private final ConsultationQueries queries;

	ConsultationConsoleMenu(ConsultationQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(28, "意见征集", HOME, a -> !a.token() && !queries.readableAgencies(a).isEmpty()));
	}
}
