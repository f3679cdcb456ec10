package org.gongkai.powers;

import org.gongkai.organisation.Agency;

/** The public addresses of the power list and the service lists, under the agency's columns. */
final class PowerPaths {

	private PowerPaths() {
	}

	static String list(Agency a) {
		return PowersColumns.path(a, PowersColumns.POWERS);
	}

	static String item(Agency a, long id) {
		return list(a) + id + "/";
	}

	static String comparison(Agency a, long id) {
		return item(a, id) + "comparison/";
	}

	static String changes(Agency a) {
		return list(a) + "changes/";
	}

	static String services(Agency a) {
		return PowersColumns.path(a, PowersColumns.SERVICES);
	}

	static String service(Agency a, long id) {
		return services(a) + id + "/";
	}
}
