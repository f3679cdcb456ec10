package org.gongkai.interaction;

import java.util.OptionalLong;

import org.gongkai.platform.AddressRateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-address limits for the public message forms, which lie outside {@code /api/v1/public/**}: sending a
 * message (the portal form and the public API share it) and looking a message up by tracking code and the
 * phone's last four digits, which includes rating and reopening (four digits, so lookups must be few).
 */
@Component
class InteractionPortalLimits {

	private final AddressRateLimit messages;

	private final AddressRateLimit lookups;

	InteractionPortalLimits(@Value("${gongkai.interaction.portal.messages-per-hour:10}") long messagesPerHour,
			@Value("${gongkai.interaction.portal.lookups-per-hour:60}") long lookupsPerHour) {
		this.messages = new AddressRateLimit(messagesPerHour);
		this.lookups = new AddressRateLimit(lookupsPerHour);
	}

	/** Empty when the address may send a message now; otherwise the seconds to wait. */
	OptionalLong message(String address) {
		return messages.take(address);
	}

	/** Empty when the address may look a message up (or rate or reopen it) now; otherwise the seconds to wait. */
	OptionalLong lookup(String address) {
		return lookups.take(address);
	}

	/** Whole minutes to wait, at least one, for a page or a problem detail. */
	static long minutes(long seconds) {
		return Math.max(1, (seconds + 59) / 60);
	}
}
