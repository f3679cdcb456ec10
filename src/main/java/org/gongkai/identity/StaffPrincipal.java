package org.gongkai.identity;

import java.util.Collection;
import java.util.Set;

import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in staff member as Spring Security sees it; carries the {@link Actor}. */
final class StaffPrincipal implements UserDetails, ActorHolder, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final Actor actor;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final java.time.Instant passwordChangedAt;

	StaffPrincipal(StaffAccount account, boolean locked) {
		this.passwordChangedAt = account.passwordChangedAt();
		this.actor = new Actor(account.id(), account.username(), account.displayName(), account.agencyId(),
				account.grants(), Set.of(), false);
		this.passwordHash = account.passwordHash();
		this.enabled = account.enabled();
		this.locked = locked;
	}

	/** When the password in force at login was set; a later change ends this session. */
	java.time.Instant passwordChangedAt() {
		return passwordChangedAt;
	}

	@Override
	public Actor actor() {
		return actor;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return actor.grants().stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name())).distinct().toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return actor.username();
	}
}
