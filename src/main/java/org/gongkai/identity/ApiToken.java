package org.gongkai.identity;

import java.time.Instant;
import java.util.Set;

/** An integration token of one agency. Only the SHA-256 hash of the secret is stored. */
public record ApiToken(long id, long agencyId, String name, String tokenPrefix, Set<String> scopes, String createdBy,
		Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

	public boolean usableAt(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}
}
