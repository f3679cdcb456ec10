package org.gongkai.identity;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Where staff logins are looked up and how passwords are hashed (bcrypt through the delegating encoder). */
@Configuration(proxyBeanMethods = false)
class SecurityBeans {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(Accounts accounts, Clock clock) {
		return username -> accounts.findByUsername(username)
			.map(a -> new StaffPrincipal(a, a.isLockedAt(clock.instant())))
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}
}
