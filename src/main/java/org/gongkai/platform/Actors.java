package org.gongkai.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the acting {@link Actor} from the security context. */
public final class Actors {

	private Actors() {
	}

	public static Optional<Actor> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ActorHolder holder) {
			return Optional.of(holder.actor());
		}
		return Optional.empty();
	}

	/** The acting actor; 403 when nobody is logged in (services are never reached anonymously for writes). */
	public static Actor require() {
		return current().orElseThrow(() -> DomainException.forbidden("请先登录"));
	}

	/**
	 * Runs work as the system itself (first-start seeding, scheduled sweeps), then restores the
	 * previous security context. Never called on behalf of a web request.
	 */
	public static <T> T callAsSystem(java.util.function.Supplier<T> work) {
		org.springframework.security.core.context.SecurityContext previous = SecurityContextHolder.getContext();
		org.springframework.security.core.context.SecurityContext context = SecurityContextHolder.createEmptyContext();
		Actor system = Actor.system();
		context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
				new SystemPrincipal(system), null,
				java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_SYSTEM_ADMIN"))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void runAsSystem(Runnable work) {
		callAsSystem(() -> {
			work.run();
			return null;
		});
	}

	private record SystemPrincipal(Actor actor) implements ActorHolder {
	}
}
