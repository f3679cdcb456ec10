package org.gongkai.identity;

import java.util.List;

import org.gongkai.platform.RoleGrant;

/** Commands accepted by {@link AccountManagement}. */
public final class AccountCommands {

	private AccountCommands() {
	}

	public record NewAccount(String username, String displayName, Long agencyId, String password, String phone,
			String email, List<RoleGrant> grants) {
	}

	public record AccountUpdate(String displayName, Long agencyId, String phone, String email, boolean enabled,
			List<RoleGrant> grants) {
	}
}
