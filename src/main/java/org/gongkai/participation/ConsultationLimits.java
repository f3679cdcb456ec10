package org.gongkai.participation;

import java.util.OptionalLong;

import org.gongkai.platform.AddressRateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The per-address hourly limit on comments, shared by the form on the consultation page and the public API. */
@Component
class ConsultationLimits {

	private final AddressRateLimit comments;

	ConsultationLimits(@Value("${gongkai.participation.comments-per-hour:10}") long perHour) {
		this.comments = new AddressRateLimit(perHour);
	}

	/** Empty when the address may send a comment now; otherwise the seconds to wait. */
	OptionalLong comment(String address) {
		return comments.take(address);
	}

	static long minutes(long seconds) {
		return Math.max(1, (seconds + 59) / 60);
	}
}
