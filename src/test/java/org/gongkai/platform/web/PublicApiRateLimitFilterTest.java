package org.gongkai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicApiRateLimitFilterTest {

	private final PublicApiRateLimitFilter filter = new PublicApiRateLimitFilter(3);

	private MockHttpServletResponse call(String path, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void aClientOverItsLimitGets429ProblemJsonWithRetryAfter() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(call("/api/v1/public/documents", "10.0.0.1").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = call("/api/v1/public/documents", "10.0.0.1");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("请求过于频繁");
		assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isPositive();
	}

	@Test
	void eachClientHasItsOwnBucket() throws Exception {
		for (int i = 0; i < 3; i++) {
			call("/api/v1/public/documents", "10.0.0.2");
		}
		assertThat(call("/api/v1/public/documents", "10.0.0.2").getStatus()).isEqualTo(429);
		assertThat(call("/api/v1/public/documents", "10.0.0.3").getStatus()).isEqualTo(200);
	}

	@Test
	void onlyThePublicApiIsLimitedAndZeroTurnsTheLimitOff() throws Exception {
		assertThat(new PublicApiRateLimitFilter.Registration().publicApiRateLimit(600).getUrlPatterns())
			.containsExactly("/api/v1/public/*");
		PublicApiRateLimitFilter off = new PublicApiRateLimitFilter(0);
		for (int i = 0; i < 10; i++) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			off.doFilter(new MockHttpServletRequest("GET", "/api/v1/public/documents"), response, new MockFilterChain());
			assertThat(response.getStatus()).isEqualTo(200);
		}
	}
}
