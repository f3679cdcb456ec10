package org.gongkai.platform;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Who is acting: a staff member or an integration token. Application services decide what the
 * actor may do from its grants (staff) or its agency and scopes (token).
 *
 * @param accountId staff account id, or the token id for a token
 * @param username login name, or {@code token:<name>} for a token
 * @param agencyId the agency the account or token belongs to (null for the first-start admin)
 */
public record Actor(long accountId, String username, String displayName, Long agencyId, List<RoleGrant> grants,
		Set<String> scopes, boolean token) implements Serializable {

	public Actor {
		grants = List.copyOf(grants);
		scopes = Set.copyOf(scopes);
	}

	public boolean isSystemAdmin() {
		return grants.stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN);
	}

	public boolean hasRole(Role role) {
		return grants.stream().anyMatch(g -> g.role() == role);
	}

	public boolean hasScope(String scope) {
		return token && scopes.contains(scope);
	}

	/** The system itself (start-up seeding, scheduled sweeps). */
	public static Actor system() {
		return new Actor(0, "system", "系统", null, List.of(new RoleGrant(Role.SYSTEM_ADMIN, null, true)), Set.of(),
				false);
	}
}
