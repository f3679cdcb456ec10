package org.gongkai.identity;

import java.time.Instant;
import java.util.List;

import org.gongkai.platform.RoleGrant;

/** A staff member's login, the agency it belongs to and its role grants. */
public record StaffAccount(long id, String username, String displayName, Long agencyId, String passwordHash,
		String phone, String email, boolean enabled, int failedAttempts, Instant lockedUntil,
		Instant passwordChangedAt, Instant lastLoginAt, Instant createdAt, List<RoleGrant> grants) {

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
