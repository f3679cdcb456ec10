package org.gongkai.inforequest;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Per-address token buckets (Bucket4j, as the public API's limit) for the two public request forms, which
 * lie outside {@code /api/v1/public/**}: submitting an application and looking a request up by tracking code
 * and verifier (four digits, so lookups must be few). Behind nginx, set
 * {@code server.forward-headers-strategy=native} so that the address is the client's.
 */
@Component
class RequestPortalLimits {

	private static final int MAX_CLIENTS = 10_000;

	private final Limit applications;

	private final Limit lookups;

	RequestPortalLimits(@Value("${gongkai.inforequest.portal.applications-per-hour:20}") long applicationsPerHour,
			@Value("${gongkai.inforequest.portal.lookups-per-hour:60}") long lookupsPerHour) {
		this.applications = new Limit(applicationsPerHour);
		this.lookups = new Limit(lookupsPerHour);
	}

	/** Empty when the address may submit an application now; otherwise the seconds to wait. */
	OptionalLong application(String address) {
		return applications.take(address);
	}

	/** Empty when the address may look a request up now; otherwise the seconds to wait. */
	OptionalLong lookup(String address) {
		return lookups.take(address);
	}

	private static final class Limit {

		private final long perHour;

		private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > MAX_CLIENTS;
			}
		});

		Limit(long perHour) {
			this.perHour = perHour;
		}

		OptionalLong take(String address) {
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
}
