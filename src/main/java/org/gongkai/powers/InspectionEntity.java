package org.gongkai.powers;

import java.time.Instant;

import org.gongkai.platform.PersonalDataScanner;

/**
 * An inspected entity in an agency's pool (检查对象名录库): an organisation, mostly with a unified social credit code,
 * or an individual ({@link InspectionEntityKind}), who is shown to the public with a masked name and no address.
 */
public record InspectionEntity(long id, long agencyId, String name, String creditCode, String address, String category,
		String riskGrade, InspectionEntityKind kind, boolean active, String createdBy, Instant createdAt) {

	/** The candidate key of the draw: the credit code, or {@code ID} and the ten-digit pool id without one. */
	String key() {
		return creditCode != null ? creditCode : idKey(id);
	}

	static String idKey(long id) {
		return String.format("ID%010d", id);
	}

	/** Anything not positively an organisation is treated as an individual. */
	static boolean individual(InspectionEntityKind kind) {
		return kind != InspectionEntityKind.ORGANISATION;
	}

	/** The name as the public sees it: the surname and ** for an individual, otherwise with personal data masked. */
	static String publicName(String name, InspectionEntityKind kind) {
		if (!individual(kind)) {
			return PersonalDataScanner.mask(name);
		}
		String n = name == null ? "" : name.strip();
		if (n.isEmpty()) {
			return "**";
		}
		return n.substring(0, n.offsetByCodePoints(0, 1)) + "**";
	}

	/** The address as the public sees it: none for an individual. */
	static String publicAddress(String address, InspectionEntityKind kind) {
		return individual(kind) ? null : address;
	}
}
