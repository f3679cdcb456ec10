package org.gongkai.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.ChangeRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account after {@link IdentityProperties#maxFailedAttempts()} consecutive wrong passwords
 * (form login and HTTP Basic alike), records lock-outs in the audit trail, and keeps the time of the
 * last successful login on the account.
 */
@Component
class LoginAttempts {

	private final Accounts accounts;

	private final IdentityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LoginAttempts(Accounts accounts, IdentityProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getPrincipal());
		accounts.findByUsername(username).ifPresent(account -> {
			int failures = accounts.recordFailure(username);
			Instant now = clock.instant();
			if (failures >= properties.maxFailedAttempts()) {
				Instant until = now.plus(Duration.ofMinutes(properties.lockMinutes()));
				accounts.lock(username, until);
				events.publishEvent(new ChangeRecorded(now, username, account.agencyId(), account.agencyId(),
						"account.locked", "StaffAccount", String.valueOf(account.id()),
						"连续" + failures + "次密码错误，账号锁定" + properties.lockMinutes() + "分钟", null, null));
			}
		});
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
			Actor actor = ((ActorHolder) principal).actor();
			Instant now = clock.instant();
			accounts.recordLogin(actor.username(), now);
		}
	}
}
