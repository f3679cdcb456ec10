package org.gongkai.powers;

/** The fields of a service item as entered or imported; which apply depends on the kind (see {@link ServiceItem}). */
public record ServiceItemDetails(ServiceKind kind, String name, String basis, String body, String feeStandard,
		String chargingUnit, String note) {
}
