package org.gongkai.search;

import java.util.List;

import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.springframework.stereotype.Component;

/** The console entry 站内搜索: for editors and above (reports); managers also reach synonyms and best bets from it. */
@Component
class SearchConsoleMenu implements ConsoleMenuContributor {

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(35, "站内搜索", SearchConsoleController.HOME, SearchManagement::maySeeReports));
	}
}
