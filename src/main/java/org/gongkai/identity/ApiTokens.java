package org.gongkai.identity;

import static org.gongkai.platform.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of integration tokens (table {@code id_api_token}). */
@Repository
class ApiTokens {

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(ApiToken t, String hash) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO id_api_token (agency_id, name, token_hash, token_prefix, scopes, created_by, created_at, "
				+ "expires_at) VALUES (?,?,?,?,?,?,?,?)")
			.params(t.agencyId(), t.name(), hash, t.tokenPrefix(), String.join(",", t.scopes()), t.createdBy(),
					Timestamp.from(t.createdAt()), t.expiresAt() == null ? null : Timestamp.from(t.expiresAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ApiToken> findByHash(String hash) {
		return jdbc.sql("SELECT * FROM id_api_token WHERE token_hash = ?").param(hash).query(ApiTokens::token).optional();
	}

	Optional<ApiToken> findById(long id) {
		return jdbc.sql("SELECT * FROM id_api_token WHERE id = ?").param(id).query(ApiTokens::token).optional();
	}

	List<ApiToken> findByAgency(long agencyId) {
		return jdbc.sql("SELECT * FROM id_api_token WHERE agency_id = ? ORDER BY created_at DESC")
			.param(agencyId)
			.query(ApiTokens::token)
			.list();
	}

	void revoke(long id, String by, Instant at) {
		jdbc.sql("UPDATE id_api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(at), by, id)
			.update();
	}

	void touch(long id, Instant at) {
		jdbc.sql("UPDATE id_api_token SET last_used_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"),
				rs.getString("token_prefix"), new LinkedHashSet<>(Arrays.asList(rs.getString("scopes").split(","))),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "revoked_at"), rs.getString("revoked_by"), instant(rs, "last_used_at"));
	}

}
