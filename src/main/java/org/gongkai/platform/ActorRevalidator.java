package org.gongkai.platform;

import java.util.Optional;

/**
 * Checks, on every request of a logged-in staff member, that the account behind a session is still what
 * it was at login: enabled, not locked, same password, same roles. Empty means the session must end.
 */
public interface ActorRevalidator {

	Optional<Actor> revalidate(ActorHolder principal);
}
