package org.gongkai.inforequest;

import java.util.OptionalLong;

import org.gongkai.platform.AddressRateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-address limits for the two public request forms, which lie outside {@code /api/v1/public/**}: submitting
 * an application and looking a request up by tracking code and verifier (four digits, so lookups must be few).
 */
@Component
class RequestPortalLimits {

	private final AddressRateLimit applications;

	private final AddressRateLimit lookups;

	RequestPortalLimits(@Value("${gongkai.inforequest.portal.applications-per-hour:20}") long applicationsPerHour,
			@Value("${gongkai.inforequest.portal.lookups-per-hour:60}") long lookupsPerHour) {
		this.applications = new AddressRateLimit(applicationsPerHour);
		this.lookups = new AddressRateLimit(lookupsPerHour);
	}

	/** Empty when the address may submit an application now; otherwise the seconds to wait. */
	OptionalLong application(String address) {
		return applications.take(address);
	}

	/** Empty when the address may look a request up now; otherwise the seconds to wait. */
	OptionalLong lookup(String address) {
		return lookups.take(address);
	}
}
