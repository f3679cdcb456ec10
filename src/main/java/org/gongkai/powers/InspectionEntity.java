package org.gongkai.powers;

import java.time.Instant;

import org.gongkai.platform.PersonalDataScanner;

/**
 * An inspected entity in an agency's pool (检查对象名录库): mostly enterprises with a unified social credit code; an
 * individual (category 个人 or 个体…) is shown to the public with a masked name and no address.
 */
public record InspectionEntity(long id, long agencyId, String name, String creditCode, String address, String category,
		String riskGrade, boolean active, String createdBy, Instant createdAt) {

	/** The candidate key of the draw: the credit code, or {@code ID} and the ten-digit pool id without one. */
	String key() {
		return creditCode != null ? creditCode : idKey(id);
	}

	static String idKey(long id) {
		return String.format("ID%010d", id);
	}

	/** A natural person or an individual business (个人, 个体工商户): the name is personal data. */
	static boolean individual(String category) {
		return category != null && (category.contains("个人") || category.contains("个体") || category.contains("自然人"));
	}

	/** The name as the public sees it: masked like 张** for an individual, otherwise with personal data masked. */
	static String publicName(String name, String category) {
		String masked = PersonalDataScanner.mask(name);
		if (!individual(category) || masked == null || masked.isEmpty()) {
			return masked;
		}
		return masked.substring(0, masked.offsetByCodePoints(0, 1)) + "**";
	}
}
