package org.gongkai.participation;

import java.util.OptionalLong;

import org.gongkai.platform.AddressRateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-address limits of the attendance forms: applying (the form and the public API share it) and looking an
 * application up by tracking code and four digits.
 */
@Component
class MeetingPortalLimits {

	private final AddressRateLimit applications;

	private final AddressRateLimit lookups;

	MeetingPortalLimits(@Value("${gongkai.participation.meetings.applications-per-hour:10}") long applicationsPerHour,
			@Value("${gongkai.participation.meetings.lookups-per-hour:60}") long lookupsPerHour) {
		this.applications = new AddressRateLimit(applicationsPerHour);
		this.lookups = new AddressRateLimit(lookupsPerHour);
	}

	OptionalLong application(String address) {
		return applications.take(address);
	}

	OptionalLong lookup(String address) {
		return lookups.take(address);
	}

	static long minutes(long seconds) {
		return Math.max(1, (seconds + 59) / 60);
	}
}
