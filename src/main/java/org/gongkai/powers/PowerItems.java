package org.gongkai.powers;

import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.AgencyLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of the power types, the power-list items and their versions ({@code pw_power*}). */
@Repository
class PowerItems {

	/** One page of a list and the number of items in all pages. */
	record Page<T>(List<T> items, int page, int size, long total) {

		int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	private static final String DETAILS = "code, name, type_code, basis, agency_level, implementing_body, handling_unit, responsibilities, accountability, supervision_phone";

	private final JdbcClient jdbc;

	PowerItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- types --------------------------------------------------------------------------------------------

	List<PowerType> types() {
		return jdbc.sql("SELECT * FROM pw_power_type ORDER BY sort_order, code").query(PowerItems::type).list();
	}

	Optional<PowerType> type(String code) {
		return jdbc.sql("SELECT * FROM pw_power_type WHERE code = ?").param(code).query(PowerItems::type).optional();
	}

	void insertType(PowerType t) {
		jdbc.sql("INSERT INTO pw_power_type (code, name, sort_order, active) VALUES (?, ?, ?, ?)")
			.params(t.code(), t.name(), t.sortOrder(), t.active())
			.update();
	}

	void updateType(PowerType t) {
		jdbc.sql("UPDATE pw_power_type SET name = ?, sort_order = ?, active = ? WHERE code = ?")
			.params(t.name(), t.sortOrder(), t.active(), t.code())
			.update();
	}

	private static PowerType type(ResultSet rs, int n) throws SQLException {
		return new PowerType(rs.getString("code"), rs.getString("name"), rs.getInt("sort_order"), rs.getBoolean("active"));
	}

	// ---- items --------------------------------------------------------------------------------------------

	long insert(long agencyId, PowerDetails d, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		List<Object> params = new ArrayList<>();
		params.add(agencyId);
		params.addAll(values(d));
		params.add(PowerStatus.CURRENT.name());
		params.add(1);
		params.add(ts(now));
		params.add(ts(now));
		jdbc.sql("INSERT INTO pw_power_item (agency_id, " + DETAILS
				+ ", status, current_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(params)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Saves an item's new state; the version read guards against a concurrent adjustment. */
	void update(long id, PowerDetails d, PowerStatus status, int newVersion, Instant now) {
		List<Object> params = new ArrayList<>(values(d));
		params.add(status.name());
		params.add(newVersion);
		params.add(ts(now));
		params.add(id);
		params.add(newVersion - 1);
		int n = jdbc.sql("UPDATE pw_power_item SET " + String.join(" = ?, ", DETAILS.split(", "))
				+ " = ?, status = ?, current_version = ?, updated_at = ? WHERE id = ? AND current_version = ?")
			.params(params)
			.update();
		if (n != 1) {
			throw new IllegalStateException("power item " + id + " was changed concurrently");
		}
	}

	private static List<Object> values(PowerDetails d) {
		List<Object> v = new ArrayList<>();
		v.add(d.code());
		v.add(d.name());
		v.add(d.typeCode());
		v.add(d.basis());
		v.add(d.level().name());
		v.add(d.implementingBody());
		v.add(d.handlingUnit());
		v.add(d.responsibilities());
		v.add(d.accountability());
		v.add(d.supervisionPhone());
		return v;
	}

	Optional<PowerItem> find(long id) {
		return jdbc.sql("SELECT * FROM pw_power_item WHERE id = ?").param(id).query(PowerItems::item).optional();
	}

	Optional<PowerItem> findByCode(long agencyId, String code) {
		return jdbc.sql("SELECT * FROM pw_power_item WHERE agency_id = ? AND code = ?")
			.params(agencyId, code)
			.query(PowerItems::item)
			.optional();
	}

	/** Every item of an agency (current first, by code), for export and the console. */
	List<PowerItem> ofAgency(long agencyId, boolean currentOnly) {
		return jdbc.sql("SELECT * FROM pw_power_item WHERE agency_id = ?" + (currentOnly ? " AND status = 'CURRENT'" : "")
				+ " ORDER BY CASE WHEN status = 'CURRENT' THEN 0 ELSE 1 END, code")
			.param(agencyId)
			.query(PowerItems::item)
			.list();
	}

	/** A page of current items, optionally of one agency, one type, matching a name or code fragment. */
	Page<PowerItem> currentPage(Long agencyId, String typeCode, String query, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE status = 'CURRENT'");
		List<Object> params = new ArrayList<>();
		if (agencyId != null) {
			where.append(" AND agency_id = ?");
			params.add(agencyId);
		}
		if (typeCode != null) {
			where.append(" AND type_code = ?");
			params.add(typeCode);
		}
		if (query != null) {
			where.append(" AND (LOWER(name) LIKE ? OR LOWER(code) LIKE ?)");
			String like = "%" + query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM pw_power_item" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) (page - 1) * size);
		List<PowerItem> items = jdbc.sql("SELECT * FROM pw_power_item" + where + " ORDER BY agency_id, code LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(PowerItems::item)
			.list();
		return new Page<>(items, page, size, total);
	}

	/** Current items with the code in other agencies. */
	List<PowerItem> sameCodeElsewhere(String code, long agencyId) {
		return jdbc.sql("SELECT * FROM pw_power_item WHERE code = ? AND agency_id <> ? AND status = 'CURRENT' ORDER BY agency_id")
			.params(code, agencyId)
			.query(PowerItems::item)
			.list();
	}

	private static PowerItem item(ResultSet rs, int n) throws SQLException {
		return new PowerItem(rs.getLong("id"), rs.getLong("agency_id"), details(rs), PowerStatus.valueOf(rs.getString("status")),
				rs.getInt("current_version"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static PowerDetails details(ResultSet rs) throws SQLException {
		return new PowerDetails(rs.getString("code"), rs.getString("name"), rs.getString("type_code"), rs.getString("basis"),
				AgencyLevel.valueOf(rs.getString("agency_level")), rs.getString("implementing_body"), rs.getString("handling_unit"),
				rs.getString("responsibilities"), rs.getString("accountability"), rs.getString("supervision_phone"));
	}

	// ---- versions -----------------------------------------------------------------------------------------

	void insertVersion(PowerVersion v) {
		List<Object> params = new ArrayList<>();
		params.add(v.itemId());
		params.add(v.agencyId());
		params.add(v.versionNo());
		params.add(v.changeKind().name());
		params.add(v.reason());
		params.add(v.effectiveOn());
		params.addAll(values(v.snapshot()));
		params.add(v.changedBy());
		params.add(ts(v.changedAt()));
		jdbc.sql("INSERT INTO pw_power_version (item_id, agency_id, version_no, change_kind, reason, effective_on, " + DETAILS
				+ ", changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(params)
			.update();
	}

	/** An item's versions, the latest first. */
	List<PowerVersion> versions(long itemId) {
		return jdbc.sql("SELECT * FROM pw_power_version WHERE item_id = ? ORDER BY version_no DESC")
			.param(itemId)
			.query(PowerItems::version)
			.list();
	}

	/** An agency's adjustments, the latest effective date first. */
	Page<PowerVersion> changes(long agencyId, int page, int size) {
		long total = jdbc.sql("SELECT COUNT(*) FROM pw_power_version WHERE agency_id = ?").param(agencyId).query(Long.class).single();
		List<PowerVersion> items = jdbc
			.sql("SELECT * FROM pw_power_version WHERE agency_id = ? ORDER BY effective_on DESC, changed_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(agencyId, size, (long) (page - 1) * size)
			.query(PowerItems::version)
			.list();
		return new Page<>(items, page, size, total);
	}

	private static PowerVersion version(ResultSet rs, int n) throws SQLException {
		return new PowerVersion(rs.getLong("id"), rs.getLong("item_id"), rs.getLong("agency_id"), rs.getInt("version_no"),
				PowerChangeKind.valueOf(rs.getString("change_kind")), rs.getString("reason"),
				rs.getObject("effective_on", LocalDate.class), details(rs), rs.getString("changed_by"), instant(rs, "changed_at"));
	}

}
