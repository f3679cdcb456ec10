package org.gongkai.inforequest;

import org.gongkai.platform.DomainException;

/** 429: an application or a tracking look-up beyond the per-address limit. */
class TooManyRequests extends DomainException {

	private final long retryAfterSeconds;

	TooManyRequests(String message, long retryAfterSeconds) {
		super(429, message);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
