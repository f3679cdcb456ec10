package org.gongkai.powers;

/**
 * One entry of a draw's candidate snapshot, copied from the pool at draw time so that later changes to the pool do
 * not change the record.
 *
 * @param pool {@code ENTITY} or {@code INSPECTOR}
 * @param position 1-based, in key order
 * @param detail the credit code or address of an entity; the certificate number and unit of an inspector
 */
public record InspectionCandidate(long drawId, String pool, int position, String key, long sourceId, String name,
		String detail, String category, String riskGrade) {

	static final String ENTITY = "ENTITY";

	static final String INSPECTOR = "INSPECTOR";

	/** The name as the public sees it (an individual's masked). */
	String publicName() {
		return ENTITY.equals(pool) ? InspectionEntity.publicName(name, category) : name;
	}
}
