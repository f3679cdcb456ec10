package org.gongkai.powers;

import java.time.Instant;

/**
 * One entry of enforcement publicity before the act. For an officer, {@code title} is the name and
 * {@code certificateNumber} and {@code area} the certificate and enforcement area: public by 118号.
 */
public record EnforcementEntry(long id, long agencyId, EnforcementSection section, String title, String body,
		String certificateNumber, String area, int position, String updatedBy, Instant updatedAt) {
}
