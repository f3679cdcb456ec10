package org.gongkai.powers;

import java.time.Instant;
import java.util.List;

/**
 * An item of an agency's power and responsibility list (权责清单) as it stands now: the fields of its latest version.
 * Every adjustment is a new {@link PowerVersion}; a removed item stays with status {@link PowerStatus#REMOVED}.
 */
public record PowerItem(long id, long agencyId, PowerDetails details, PowerStatus status, int currentVersion,
		Instant createdAt, Instant updatedAt) {

	public String code() {
		return details.code();
	}

	public String name() {
		return details.name();
	}

	public List<PowerResponsibility> responsibilityItems() {
		return PowerResponsibility.parse(details.responsibilities());
	}

	public boolean current() {
		return status == PowerStatus.CURRENT;
	}
}
