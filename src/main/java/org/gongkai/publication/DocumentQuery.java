package org.gongkai.publication;

import java.util.Collection;

/**
 * A list filter. Null fields do not filter. {@code nodeIds} restricts to items filed under any of those
 * nodes; {@code statuses} null means published items only.
 */
public record DocumentQuery(Collection<Long> agencyIds, Collection<Long> nodeIds, Integer year, String theme,
		String documentType, Validity validity, String indexNumber, Collection<DocumentStatus> statuses, String text,
		Boolean normative) {

	public static DocumentQuery published(Collection<Long> agencyIds) {
		return new DocumentQuery(agencyIds, null, null, null, null, null, null, null, null, null);
	}
}
