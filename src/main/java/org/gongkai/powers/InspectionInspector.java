package org.gongkai.powers;

import java.time.Instant;

/**
 * An enforcement officer in an agency's pool of inspectors (执法检查人员名录库). Officers' names and certificate numbers
 * are public under 事前公开 (执法人员).
 *
 * @param certificateNo the enforcement certificate number (执法证号), unique within the agency
 */
public record InspectionInspector(long id, long agencyId, String name, String certificateNo, String unitName, String area,
		boolean active, String createdBy, Instant createdAt) {

	/** The candidate key of the draw: {@code ID} and the ten-digit pool id. */
	String key() {
		return InspectionEntity.idKey(id);
	}
}
