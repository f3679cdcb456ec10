package org.gongkai.powers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongkai.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of the service items and their guides ({@code pw_service*}). */
@Repository
class ServiceItems {

	private static final String GUIDE = "item_name, basis, conditions, materials, place, handling_body, fees, office_hours, phone, process, time_limit, consultation, complaints";

	private final JdbcClient jdbc;

	ServiceItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long agencyId, ServiceItemDetails d, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pw_service_item (agency_id, kind, name, basis, body, fee_standard, charging_unit, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(agencyId, d.kind().name(), d.name(), d.basis(), d.body(), d.feeStandard(), d.chargingUnit(), d.note(),
					Rows.ts(now), Rows.ts(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(long id, ServiceItemDetails d, Instant now) {
		jdbc.sql("UPDATE pw_service_item SET name = ?, basis = ?, body = ?, fee_standard = ?, charging_unit = ?, note = ?, updated_at = ? WHERE id = ?")
			.params(d.name(), d.basis(), d.body(), d.feeStandard(), d.chargingUnit(), d.note(), Rows.ts(now), id)
			.update();
	}

	Optional<ServiceItem> find(long id) {
		return jdbc.sql("SELECT * FROM pw_service_item WHERE id = ?").param(id).query(ServiceItems::item).optional();
	}

	Optional<ServiceItem> findByName(long agencyId, ServiceKind kind, String name) {
		return jdbc.sql("SELECT * FROM pw_service_item WHERE agency_id = ? AND kind = ? AND name = ?")
			.params(agencyId, kind.name(), name)
			.query(ServiceItems::item)
			.optional();
	}

	/** An agency's items, optionally of one kind, by kind and name. */
	List<ServiceItem> ofAgency(Long agencyId, ServiceKind kind) {
		StringBuilder sql = new StringBuilder("SELECT * FROM pw_service_item WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (agencyId != null) {
			sql.append(" AND agency_id = ?");
			params.add(agencyId);
		}
		if (kind != null) {
			sql.append(" AND kind = ?");
			params.add(kind.name());
		}
		sql.append(" ORDER BY agency_id, kind, name");
		return jdbc.sql(sql.toString()).params(params).query(ServiceItems::item).list();
	}

	private static ServiceItem item(ResultSet rs, int n) throws SQLException {
		return new ServiceItem(rs.getLong("id"), rs.getLong("agency_id"), ServiceKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("basis"), rs.getString("body"), rs.getString("fee_standard"),
				rs.getString("charging_unit"), rs.getString("note"), Rows.instant(rs, "created_at"),
				Rows.instant(rs, "updated_at"));
	}

	// ---- guides -------------------------------------------------------------------------------------------

	Optional<ServiceGuide> guide(long itemId) {
		return jdbc.sql("SELECT * FROM pw_service_guide WHERE item_id = ?").param(itemId).query(ServiceItems::guide).optional();
	}

	/** The guides of the agencies' items. */
	List<ServiceGuide> guidesOf(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM pw_service_guide WHERE agency_id IN (" + "?,".repeat(agencyIds.size() - 1) + "?) ORDER BY agency_id, item_id")
			.params(new ArrayList<>(agencyIds))
			.query(ServiceItems::guide)
			.list();
	}

	List<ServiceGuide> allGuides() {
		return jdbc.sql("SELECT * FROM pw_service_guide ORDER BY agency_id, item_id").query(ServiceItems::guide).list();
	}

	void saveGuide(ServiceGuide g) {
		ServiceGuideDetails d = g.details();
		List<Object> params = new ArrayList<>(List.of());
		params.add(g.agencyId());
		for (String field : List.of("itemName", "basis", "conditions", "materials", "place", "handlingBody", "fees",
				"officeHours", "phone", "process", "timeLimit", "consultation", "complaints")) {
			params.add(d.element(field));
		}
		params.add(g.published());
		params.add(Rows.ts(g.publishedAt()));
		params.add(g.updatedBy());
		params.add(Rows.ts(g.updatedAt()));
		params.add(g.itemId());
		// insert-if-absent first, then update: two first saves of the same item do not collide on the key, the second
		// waits for the first and updates its row
		jdbc.sql("INSERT INTO pw_service_guide (agency_id, " + GUIDE
				+ ", published, published_at, updated_by, updated_at, item_id) VALUES (" + "?,".repeat(18) + "?)"
				+ " ON CONFLICT DO NOTHING")
			.params(params)
			.update();
		jdbc.sql("UPDATE pw_service_guide SET agency_id = ?, " + String.join(" = ?, ", GUIDE.split(", "))
				+ " = ?, published = ?, published_at = ?, updated_by = ?, updated_at = ? WHERE item_id = ?")
			.params(params)
			.update();
	}

	private static ServiceGuide guide(ResultSet rs, int n) throws SQLException {
		ServiceGuideDetails d = new ServiceGuideDetails(rs.getString("item_name"), rs.getString("basis"),
				rs.getString("conditions"), rs.getString("materials"), rs.getString("place"), rs.getString("handling_body"),
				rs.getString("fees"), rs.getString("office_hours"), rs.getString("phone"), rs.getString("process"),
				rs.getString("time_limit"), rs.getString("consultation"), rs.getString("complaints"));
		return new ServiceGuide(rs.getLong("item_id"), rs.getLong("agency_id"), d, rs.getBoolean("published"),
				Rows.instant(rs, "published_at"), rs.getString("updated_by"), Rows.instant(rs, "updated_at"));
	}
}
