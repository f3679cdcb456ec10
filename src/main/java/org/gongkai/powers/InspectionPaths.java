package org.gongkai.powers;

import org.gongkai.organisation.Agency;

/** The public addresses of random inspections (双随机一公开). */
final class InspectionPaths {

	static final String SITE = "/inspections/";

	static final String SITE_FEED = "/inspections/feed.atom";

	static final String ALGORITHM = "/inspections/algorithm";

	private InspectionPaths() {
	}

	static String column(Agency a) {
		return PowersColumns.path(a, PowersColumns.INSPECTIONS);
	}

	static String feed(Agency a) {
		return column(a) + "feed.atom";
	}

	static String plan(Agency a, long id) {
		return column(a) + "plans/" + id + "/";
	}

	static String draw(Agency a, long id) {
		return column(a) + "draws/" + id + "/";
	}

	static String verify(Agency a, long id) {
		return column(a) + "draws/" + id + "/verify";
	}
}
