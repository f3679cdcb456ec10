package org.gongkai.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of agencies, disclosure offices and contacts (tables {@code org_*}). */
@Repository
class Agencies {

	private static final String COLUMNS = "id, code, name, short_name, level, type, parent_id, path, credit_code, functions, "
			+ "sort_order, active, version, created_at, updated_at";

	private final JdbcClient jdbc;

	Agencies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Agency> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org_agency WHERE id = ?").param(id).query(Agencies::agency).optional();
	}

	Optional<Agency> findByCode(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org_agency WHERE code = ?").param(code).query(Agencies::agency).optional();
	}

	boolean existsByCreditCode(String creditCode, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM org_agency WHERE credit_code = ? AND id <> ?")
			.params(creditCode, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/** All agencies in tree order: by path depth-first, siblings by sort order then name. */
	List<Agency> findAll() {
		List<Agency> all = jdbc.sql("SELECT " + COLUMNS + " FROM org_agency").query(Agencies::agency).list();
		return AgencyTree.order(all);
	}

	List<Agency> findChildren(long parentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org_agency WHERE parent_id = ? ORDER BY sort_order, name")
			.param(parentId)
			.query(Agencies::agency)
			.list();
	}

	long insert(Agency a) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO org_agency (code, name, short_name, level, type, parent_id, path, credit_code, functions, "
				+ "sort_order, active, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,0,?,?)")
			.params(a.code(), a.name(), a.shortName(), a.level().name(), a.type().name(), a.parentId(), "/",
					a.creditCode(), a.functions(), a.sortOrder(), a.active(), Timestamp.from(a.createdAt()),
					Timestamp.from(a.updatedAt()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("UPDATE org_agency SET path = ? WHERE id = ?").params(a.path() + id + "/", id).update();
		return id;
	}

	/** Optimistic update: returns false when someone else changed the agency meanwhile. */
	boolean update(Agency a) {
		return jdbc.sql("UPDATE org_agency SET name = ?, short_name = ?, level = ?, type = ?, credit_code = ?, functions = ?, "
				+ "sort_order = ?, active = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?")
			.params(a.name(), a.shortName(), a.level().name(), a.type().name(), a.creditCode(), a.functions(),
					a.sortOrder(), a.active(), Timestamp.from(a.updatedAt()), a.id(), a.version())
			.update() == 1;
	}

	Optional<DisclosureOffice> findOffice(long agencyId) {
		return jdbc.sql("SELECT * FROM org_disclosure_office WHERE agency_id = ?")
			.param(agencyId)
			.query((rs, n) -> new DisclosureOffice(rs.getLong("agency_id"), rs.getString("name"),
					rs.getString("address"), rs.getString("postcode"), rs.getString("office_hours"),
					rs.getString("phone"), rs.getString("fax"), rs.getString("email"), rs.getString("website"),
					rs.getString("supervision_phone"), rs.getString("principal_name"), rs.getString("leader_name"),
					rs.getString("leader_title"), rs.getString("division_of_work"),
					rs.getObject("updated_on", LocalDate.class)))
			.optional();
	}

	void saveOffice(DisclosureOffice o, Instant at) {
		jdbc.sql("DELETE FROM org_disclosure_office WHERE agency_id = ?").param(o.agencyId()).update();
		jdbc.sql("INSERT INTO org_disclosure_office (agency_id, name, address, postcode, office_hours, phone, fax, email, "
				+ "website, supervision_phone, principal_name, leader_name, leader_title, division_of_work, updated_on, "
				+ "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(o.agencyId(), o.name(), o.address(), o.postcode(), o.officeHours(), o.phone(), o.fax(), o.email(),
					o.website(), o.supervisionPhone(), o.principalName(), o.leaderName(), o.leaderTitle(),
					o.divisionOfWork(), o.updatedOn(), Timestamp.from(at))
			.update();
	}

	List<DisclosureContact> findContacts(long agencyId) {
		return jdbc.sql("SELECT * FROM org_disclosure_contact WHERE agency_id = ? ORDER BY sort_order, id")
			.param(agencyId)
			.query((rs, n) -> new DisclosureContact(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"),
					rs.getString("position"), rs.getString("phone"), rs.getString("email"), rs.getString("duties"),
					rs.getInt("sort_order")))
			.list();
	}

	long insertContact(DisclosureContact c) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO org_disclosure_contact (agency_id, name, position, phone, email, duties, sort_order) "
				+ "VALUES (?,?,?,?,?,?,?)")
			.params(c.agencyId(), c.name(), c.position(), c.phone(), c.email(), c.duties(), c.sortOrder())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean deleteContact(long agencyId, long contactId) {
		return jdbc.sql("DELETE FROM org_disclosure_contact WHERE id = ? AND agency_id = ?")
			.params(contactId, agencyId)
			.update() == 1;
	}

	private static Agency agency(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		return new Agency(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
				AgencyLevel.valueOf(rs.getString("level")), AgencyType.valueOf(rs.getString("type")), parentId,
				rs.getString("path"), rs.getString("credit_code"),
				rs.getString("functions"), rs.getInt("sort_order"), rs.getBoolean("active"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
