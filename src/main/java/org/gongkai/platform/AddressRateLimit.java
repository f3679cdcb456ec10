package org.gongkai.platform;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A per-address hourly limit for a public form (Bucket4j token buckets, as the public API's limit), so that
 * forms need no third-party captcha. Holds at most 10,000 addresses, forgetting the least recently seen. Behind
 * nginx, set {@code server.forward-headers-strategy=native} so that the address is the client's. A limit of 0
 * or less means unlimited.
 */
public final class AddressRateLimit {

	private static final int MAX_CLIENTS = 10_000;

	private final long perHour;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_CLIENTS;
		}
	});

	public AddressRateLimit(long perHour) {
		this.perHour = perHour;
	}

	/** Empty when the address may go ahead now (and a token is taken); otherwise the seconds to wait. */
	public OptionalLong take(String address) {
		if (perHour <= 0) {
			return OptionalLong.empty();
		}
		Bucket bucket = buckets.computeIfAbsent(address == null ? "" : address, a -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
	}
}
