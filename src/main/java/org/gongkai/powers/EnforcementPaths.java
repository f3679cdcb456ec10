package org.gongkai.powers;

import org.gongkai.organisation.Agency;

/** The public addresses of enforcement publicity. */
final class EnforcementPaths {

	static final String SITE_LIST = "/enforcement/";

	static final String SITE_FEED = "/enforcement/feed.atom";

	private EnforcementPaths() {
	}

	static String column(Agency agency) {
		return PowersColumns.path(agency, PowersColumns.ENFORCEMENT);
	}

	static String feed(Agency agency) {
		return column(agency) + "feed.atom";
	}

	static String item(Agency agency, long id) {
		return column(agency) + "decisions/" + id + "/";
	}
}
