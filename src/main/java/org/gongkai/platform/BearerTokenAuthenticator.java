package org.gongkai.platform;

import java.util.Optional;

/** Resolves an integration token presented as {@code Authorization: Bearer …} to its actor. */
public interface BearerTokenAuthenticator {

	Optional<Actor> authenticate(String rawToken);
}
