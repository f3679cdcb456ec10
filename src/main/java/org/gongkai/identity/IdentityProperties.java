package org.gongkai.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login protection and the first-start administrator.
 *
 * @param maxFailedAttempts consecutive wrong passwords before the account is locked
 * @param lockMinutes how long a locked account stays locked
 * @param minPasswordLength the shortest password accepted
 */
@ConfigurationProperties("gongkai.identity")
public record IdentityProperties(Integer maxFailedAttempts, Integer lockMinutes, Integer minPasswordLength) {

	public IdentityProperties {
		maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
		lockMinutes = lockMinutes == null ? 15 : lockMinutes;
		minPasswordLength = minPasswordLength == null ? 10 : minPasswordLength;
	}
}
