package org.gongkai.powers;

import java.time.Instant;
import java.util.List;

/** The service guide of an item: its content, and whether it is published on the portal. */
public record ServiceGuide(long itemId, long agencyId, ServiceGuideDetails details, boolean published,
		Instant publishedAt, String updatedBy, Instant updatedAt) {

	public List<String> missing() {
		return details.missing();
	}
}
