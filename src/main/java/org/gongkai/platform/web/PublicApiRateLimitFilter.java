package org.gongkai.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Rate limit of the public API ({@code /api/v1/public/**}, no login): a token bucket per client
 * address (Bucket4j). Over the limit the client gets 429 problem JSON with {@code Retry-After}. Behind
 * nginx, set {@code server.forward-headers-strategy=native} so that the client address is the real one.
 */
class PublicApiRateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_CLIENTS = 10_000;

	private final long perMinute;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_CLIENTS;
		}
	});

	PublicApiRateLimitFilter(long perMinute) {
		this.perMinute = perMinute;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the registration maps this filter to /api/v1/public/* (matched on the decoded path)
		return perMinute <= 0;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
		response.setHeader("Retry-After", Long.toString(seconds));
		Problems.write(response, 429, "请求过于频繁，请" + seconds + "秒后再试");
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<PublicApiRateLimitFilter> publicApiRateLimit(
				@Value("${gongkai.api.public-requests-per-minute:600}") long perMinute) {
			FilterRegistrationBean<PublicApiRateLimitFilter> bean = new FilterRegistrationBean<>(
					new PublicApiRateLimitFilter(perMinute));
			bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			bean.addUrlPatterns("/api/v1/public/*");
			return bean;
		}
	}
}
