package org.gongkai.journeys;

import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The journeys hash passwords with bcrypt at its lowest cost (4) instead of the application's (10): the same
 * {@code {bcrypt}} hashes and checks, but a journey sends its staff credentials with nearly every request (HTTP Basic,
 * checked each time), and at cost 10 each check takes about a tenth of a second of the suite's two cores.
 */
@TestConfiguration(proxyBeanMethods = false)
class QuickPasswords {

	@Bean
	@Primary
	PasswordEncoder quickPasswordEncoder() {
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
	}
}
