package org.gongkai.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.gongkai.platform.BearerTokenAuthenticator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two chains. The API ({@code /api/**}): public reads open, everything else needs HTTP Basic, a
 * console session or a bearer token; failures are problem JSON. Everything else: the portal is
 * open, the console needs a form login with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/** A strict policy: everything first-party (portal-rules.md §6 check 23; PIPL Art. 36). */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'";

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ObjectProvider<BearerTokenAuthenticator> tokens,
			ObjectProvider<org.gongkai.platform.ActorRevalidator> revalidator) throws Exception {
		ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
		// Only a write that rides on a console session cookie needs the CSRF token: Basic and Bearer
		// requests carry their own credentials, and a request with no session has nothing to forge
		// (it is simply unauthenticated and gets 401).
		RequestMatcher csrfNeeded = request -> !isSafe(request) && !carriesCredentials(request)
				&& request.getSession(false) != null;
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/public/**")
				.permitAll()
				// the annual report: published versions for everyone, the working version for the agency's staff
				.requestMatchers(HttpMethod.GET, "/api/v1/reports/annual")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.addFilterAfter(new SessionRevalidationFilter(revalidator),
					org.springframework.security.web.context.SecurityContextHolderFilter.class)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(csrfNeeded))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, ObjectProvider<org.gongkai.platform.ActorRevalidator> revalidator)
			throws Exception {
		http.addFilterAfter(new SessionRevalidationFilter(revalidator),
				org.springframework.security.web.context.SecurityContextHolderFilter.class);
		http.authorizeHttpRequests(auth -> auth.requestMatchers("/console/**")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			.requestMatchers("/actuator/**")
			.denyAll()
			.anyRequest()
			.permitAll())
			.formLogin(form -> form.loginPage("/login")
				.loginProcessingUrl("/login")
				.defaultSuccessUrl("/console", false)
				.failureHandler((request, response, e) -> {
					String reason = e instanceof LockedException ? "locked"
							: e instanceof DisabledException ? "disabled" : "bad";
					response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
				})
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	private static boolean carriesCredentials(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7));
	}

	private static boolean isSafe(HttpServletRequest request) {
		String m = request.getMethod();
		return "GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m) || "TRACE".equals(m);
	}
}
