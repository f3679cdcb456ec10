package org.gongkai.powers;

/**
 * One entry of a draw's candidate snapshot, copied from the pool at draw time so that later changes to the pool do
 * not change the record.
 *
 * @param pool {@code ENTITY} or {@code INSPECTOR}
 * @param position 1-based, in key order
 * @param detail the address of an entity; the certificate number and unit of an inspector
 * @param kind an entity's kind (null for an inspector; an entity without one is treated as an individual)
 * @param area an inspector's area (执法区域)
 */
public record InspectionCandidate(long drawId, String pool, int position, String key, long sourceId, String name,
		String detail, String category, String riskGrade, InspectionEntityKind kind, String area) {

	static final String ENTITY = "ENTITY";

	static final String INSPECTOR = "INSPECTOR";

	/** The name as the public sees it (an individual's masked). */
	String publicName() {
		return ENTITY.equals(pool) ? InspectionEntity.publicName(name, kind) : name;
	}

	/** The address as the public sees it (none for an individual or an inspector). */
	String publicAddress() {
		return ENTITY.equals(pool) ? InspectionEntity.publicAddress(detail, kind) : null;
	}
}
