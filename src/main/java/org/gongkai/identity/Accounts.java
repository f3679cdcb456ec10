package org.gongkai.identity;

import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of staff accounts and their role grants (tables {@code id_account}, {@code id_role_grant}). */
@Repository
class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM id_account").query(Long.class).single();
	}

	Optional<StaffAccount> findByUsername(String username) {
		return one("SELECT * FROM id_account WHERE username = ?", username);
	}

	Optional<StaffAccount> findById(long id) {
		return one("SELECT * FROM id_account WHERE id = ?", id);
	}

	List<StaffAccount> findAll() {
		List<StaffAccount> bare = jdbc.sql("SELECT * FROM id_account ORDER BY agency_id NULLS FIRST, username")
			.query(Accounts::account)
			.list();
		Map<Long, List<RoleGrant>> grants = new HashMap<>();
		jdbc.sql("SELECT account_id, role, agency_id, subtree FROM id_role_grant").query(rs -> {
			grants.computeIfAbsent(rs.getLong("account_id"), k -> new ArrayList<>()).add(grant(rs));
		});
		return bare.stream().map(a -> withGrants(a, grants.getOrDefault(a.id(), List.of()))).toList();
	}

	long insert(StaffAccount a) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO id_account (username, display_name, agency_id, password_hash, phone, email, enabled, "
				+ "failed_attempts, password_changed_at, created_at) VALUES (?,?,?,?,?,?,?,0,?,?)")
			.params(a.username(), a.displayName(), a.agencyId(), a.passwordHash(), a.phone(), a.email(), a.enabled(),
					ts(a.passwordChangedAt()), ts(a.createdAt()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		replaceGrants(id, a.grants());
		return id;
	}

	void updateProfile(long id, String displayName, Long agencyId, String phone, String email, boolean enabled) {
		jdbc.sql("UPDATE id_account SET display_name = ?, agency_id = ?, phone = ?, email = ?, enabled = ? WHERE id = ?")
			.params(displayName, agencyId, phone, email, enabled, id)
			.update();
	}

	void replaceGrants(long accountId, List<RoleGrant> grants) {
		jdbc.sql("DELETE FROM id_role_grant WHERE account_id = ?").param(accountId).update();
		for (RoleGrant g : grants) {
			jdbc.sql("INSERT INTO id_role_grant (account_id, role, agency_id, subtree) VALUES (?,?,?,?)")
				.params(accountId, g.role().name(), g.agencyId(), g.subtree())
				.update();
		}
	}

	void updatePassword(long id, String hash, Instant at) {
		jdbc.sql("UPDATE id_account SET password_hash = ?, password_changed_at = ?, failed_attempts = 0, locked_until = NULL "
				+ "WHERE id = ?")
			.params(hash, ts(at), id)
			.update();
	}

	/** Counts a failure; returns the new count. */
	int recordFailure(String username) {
		jdbc.sql("UPDATE id_account SET failed_attempts = failed_attempts + 1 WHERE username = ?").param(username).update();
		return jdbc.sql("SELECT failed_attempts FROM id_account WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void lock(String username, Instant until) {
		jdbc.sql("UPDATE id_account SET locked_until = ? WHERE username = ?").params(ts(until), username).update();
	}

	void unlock(long id) {
		jdbc.sql("UPDATE id_account SET locked_until = NULL, failed_attempts = 0 WHERE id = ?").param(id).update();
	}

	void recordLogin(String username, Instant at) {
		jdbc.sql("UPDATE id_account SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE username = ?")
			.params(ts(at), username)
			.update();
	}

	private Optional<StaffAccount> one(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Accounts::account).optional().map(a -> withGrants(a, grantsOf(a.id())));
	}

	private List<RoleGrant> grantsOf(long accountId) {
		return jdbc.sql("SELECT role, agency_id, subtree FROM id_role_grant WHERE account_id = ?")
			.param(accountId)
			.query((rs, n) -> grant(rs))
			.list();
	}

	private static RoleGrant grant(ResultSet rs) throws SQLException {
		long agency = rs.getLong("agency_id");
		Long agencyId = rs.wasNull() ? null : agency;
		return new RoleGrant(Role.valueOf(rs.getString("role")), agencyId, rs.getBoolean("subtree"));
	}

	private static StaffAccount withGrants(StaffAccount a, List<RoleGrant> grants) {
		return new StaffAccount(a.id(), a.username(), a.displayName(), a.agencyId(), a.passwordHash(), a.phone(),
				a.email(), a.enabled(), a.failedAttempts(), a.lockedUntil(), a.passwordChangedAt(), a.lastLoginAt(),
				a.createdAt(), grants);
	}

	private static StaffAccount account(ResultSet rs, int row) throws SQLException {
		long agency = rs.getLong("agency_id");
		Long agencyId = rs.wasNull() ? null : agency;
		return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), agencyId,
				rs.getString("password_hash"), rs.getString("phone"), rs.getString("email"), rs.getBoolean("enabled"),
				rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "password_changed_at"),
				instant(rs, "last_login_at"), instant(rs, "created_at"), List.of());
	}

}
