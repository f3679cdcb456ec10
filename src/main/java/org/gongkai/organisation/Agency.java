package org.gongkai.organisation;

import java.time.Instant;

/**
 * An agency (行政机关) on the platform: a government, a department, a township, a village committee.
 *
 * @param code stable short code used in addresses and the API (lower-case letters, digits, hyphens)
 * @param path the ids from the root to this agency, as {@code /1/4/9/}
 * @param functions 机构职能, shown in the public directory
 */
public record Agency(long id, String code, String name, String shortName, AgencyLevel level, AgencyType type,
		Long parentId, String path, String creditCode, String functions, int sortOrder, boolean active, int version,
		Instant createdAt, Instant updatedAt) {

	/** The number of ancestors (0 for a root). */
	public int depth() {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}

	public boolean isWithin(long ancestorId) {
		return path.contains("/" + ancestorId + "/");
	}

	public String displayName() {
		return shortName == null || shortName.isBlank() ? name : shortName;
	}
}
