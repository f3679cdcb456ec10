package org.gongkai.identity;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;

import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.ActorRevalidator;
import org.springframework.stereotype.Component;

/** A session survives only while its account is enabled, unlocked, and has the password and roles it logged in with. */
@Component
class SessionRevalidation implements ActorRevalidator {

	private final Accounts accounts;

	private final Clock clock;

	SessionRevalidation(Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public Optional<Actor> revalidate(ActorHolder principal) {
		if (!(principal instanceof StaffPrincipal staff)) {
			return Optional.of(principal.actor()); // not a staff login (the system itself)
		}
		Actor actor = staff.actor();
		return accounts.findById(actor.accountId())
			.filter(StaffAccount::enabled)
			.filter(a -> !a.isLockedAt(clock.instant()))
			.filter(a -> java.util.Objects.equals(a.passwordChangedAt(), staff.passwordChangedAt()))
			.filter(a -> new HashSet<>(a.grants()).equals(new HashSet<>(actor.grants())))
			.map(a -> actor);
	}
}
