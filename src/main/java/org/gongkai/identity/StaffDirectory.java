package org.gongkai.identity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff list of an agency as other modules need it (training attendance, tests): the enabled accounts that belong
 * to the agency, by display name. Nothing about passwords or grants leaves this module.
 */
@Component
@Transactional(readOnly = true)
public class StaffDirectory {

	/** One staff member: the account's id, login name and display name. */
	public record Member(long accountId, String username, String displayName) {
	}

	private final JdbcClient jdbc;

	StaffDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The enabled accounts of {@code agencyId}, by display name then login name. */
	public List<Member> accountsOf(long agencyId) {
		return jdbc.sql("SELECT id, username, display_name FROM id_account WHERE agency_id = ? AND enabled = TRUE "
				+ "ORDER BY display_name, username")
			.param(agencyId)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("username"), rs.getString("display_name")))
			.list();
	}
}
