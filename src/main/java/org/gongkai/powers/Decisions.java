package org.gongkai.powers;

import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongkai.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of enforcement decisions ({@code pw_decision}), publicity entries ({@code pw_enf_entry}) and fees ({@code pw_enf_fee}). */
@Repository
class Decisions {

	private static final String COLUMNS = "agency_id, kind, decision_number, party_type, party_name, party_credit_code, party_id_number, category, decided_on, content, basis, amount_yuan, valid_until, status, publish_by, publish_by_provisional, published_on, published_at, published_by, publication_late, change_kind, changed_on, change_reason, withdraw_by, withdraw_by_provisional, withdrawn_on, withdrawn_at, withdrawal_late, offline_on, version, created_by, created_at, updated_at";

	private static final int COLUMN_COUNT = COLUMNS.split(", ").length;

	/** What the public sees of a decision: published, or its notice of withdrawal after publication. */
	static final String PUBLIC = "(d.status = 'PUBLISHED' OR (d.status = 'WITHDRAWN' AND d.published_on IS NOT NULL))";

	/** One page of a list and the number of items in all pages. */
	record Page<T>(List<T> items, int page, int size, long total) {

		int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	/** The years a public list may be filtered by (the portal and the API answer outside them with 404 and 400). */
	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	/**
	 * Filters of a public list; all optional. {@code withdrawn} lists the notices of withdrawal instead. A year outside
	 * {@link #MIN_YEAR}–{@link #MAX_YEAR} is refused here too, so no caller reaches a date out of range.
	 */
	record PublicFilter(Long agencyId, DecisionKind kind, Integer year, String party, boolean withdrawn) {

		PublicFilter {
			if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
				throw InvalidInputException.of("year", "年度应为" + MIN_YEAR + "至" + MAX_YEAR + "年");
			}
		}
	}

	private final JdbcClient jdbc;

	Decisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Decision d) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pw_decision (" + COLUMNS + ") VALUES (" + "?,".repeat(COLUMN_COUNT - 1) + "?)")
			.params(values(d))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Saves a decision read with {@link #lock}; the version guards against a write from a stale read. */
	void update(Decision d, int readVersion) {
		List<Object> params = values(d);
		params.add(d.id());
		params.add(readVersion);
		int n = jdbc.sql("UPDATE pw_decision SET " + String.join(" = ?, ", COLUMNS.split(", ")) + " = ? WHERE id = ? AND version = ?")
			.params(params)
			.update();
		if (n != 1) {
			throw new IllegalStateException("decision " + d.id() + " was changed concurrently");
		}
	}

	private static List<Object> values(Decision d) {
		List<Object> v = new ArrayList<>(COLUMN_COUNT + 2);
		v.add(d.agencyId());
		v.add(d.kind().name());
		v.add(d.decisionNumber());
		v.add(d.partyType().name());
		v.add(d.partyName());
		v.add(d.partyCreditCode());
		v.add(d.partyIdNumber());
		v.add(d.category());
		v.add(d.decidedOn());
		v.add(d.content());
		v.add(d.basis());
		v.add(d.amountYuan());
		v.add(d.validUntil());
		v.add(d.status().name());
		v.add(d.publishBy());
		v.add(d.publishByProvisional());
		v.add(d.publishedOn());
		v.add(ts(d.publishedAt()));
		v.add(d.publishedBy());
		v.add(d.publicationLate());
		v.add(d.changeKind() == null ? null : d.changeKind().name());
		v.add(d.changedOn());
		v.add(d.changeReason());
		v.add(d.withdrawBy());
		v.add(d.withdrawByProvisional());
		v.add(d.withdrawnOn());
		v.add(ts(d.withdrawnAt()));
		v.add(d.withdrawalLate());
		v.add(d.offlineOn());
		v.add(d.version());
		v.add(d.createdBy());
		v.add(ts(d.createdAt()));
		v.add(ts(d.updatedAt()));
		return v;
	}

	Optional<Decision> find(long id) {
		return jdbc.sql("SELECT * FROM pw_decision WHERE id = ?").param(id).query(this::row).optional();
	}

	/** Reads a decision for change; only ever inside a read-write transaction. */
	Optional<Decision> lock(long id) {
		return jdbc.sql("SELECT * FROM pw_decision WHERE id = ? FOR UPDATE").param(id).query(this::row).optional();
	}

	boolean numberTaken(long agencyId, DecisionKind kind, String number) {
		return jdbc.sql("SELECT COUNT(*) FROM pw_decision WHERE agency_id = ? AND kind = ? AND decision_number = ?")
			.params(agencyId, kind.name(), number)
			.query(Long.class)
			.single() > 0;
	}

	/** The staff list of the agencies, newest decision first. */
	List<Decision> staffList(Collection<Long> agencyIds, DecisionKind kind, DecisionStatus status, int page, int size) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT * FROM pw_decision d WHERE d.agency_id IN (:ids)");
		if (kind != null) {
			sql.append(" AND d.kind = :kind");
		}
		if (status != null) {
			sql.append(" AND d.status = :status");
		}
		sql.append(" ORDER BY d.decided_on DESC, d.id DESC LIMIT :limit OFFSET :offset");
		JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("ids", agencyIds);
		if (kind != null) {
			spec = spec.param("kind", kind.name());
		}
		if (status != null) {
			spec = spec.param("status", status.name());
		}
		return spec.param("limit", size).param("offset", (long) (page - 1) * size).query(this::row).list();
	}

	/** Unpublished decisions of the agencies, for the overdue figures. */
	List<Decision> unpublished(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM pw_decision WHERE agency_id IN (:ids) AND status = 'DRAFT' AND change_kind IS NULL")
			.param("ids", agencyIds)
			.query(this::row)
			.list();
	}

	/** Every decision of the agency decided in the year (the statistics count in Java over these). */
	List<Decision> decidedIn(long agencyId, int year) {
		return jdbc.sql("SELECT * FROM pw_decision WHERE agency_id = ? AND decided_on >= ? AND decided_on < ? ORDER BY id")
			.params(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query(this::row)
			.list();
	}

	/** Decisions of the agencies published in the year, for the on-time figures. */
	List<Decision> publishedIn(Collection<Long> agencyIds, int year) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM pw_decision WHERE agency_id IN (:ids) AND published_on >= :from AND published_on < :to")
			.param("ids", agencyIds)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(this::row)
			.list();
	}

	/** Decisions whose publication or withdrawal limit was counted provisionally. */
	List<Long> provisionalLimits() {
		return jdbc.sql("SELECT id FROM pw_decision WHERE publish_by_provisional = TRUE OR withdraw_by_provisional = TRUE ORDER BY id")
			.query(Long.class)
			.list();
	}

	/** Public decisions and notices published before the cutoff for their party type. */
	List<Long> publicPublishedBefore(LocalDate cutoff, LocalDate naturalPersonCutoff) {
		return jdbc.sql("SELECT id FROM pw_decision d WHERE " + PUBLIC
				+ " AND ((d.party_type = 'NATURAL_PERSON' AND d.published_on < ?) OR (d.party_type <> 'NATURAL_PERSON' AND d.published_on < ?))")
			.params(naturalPersonCutoff, cutoff)
			.query(Long.class)
			.list();
	}

	// ---- public reads -------------------------------------------------------------------------------------

	Optional<Decision> findPublic(long id) {
		return jdbc.sql("SELECT * FROM pw_decision d WHERE d.id = ? AND " + PUBLIC).param(id).query(this::row).optional();
	}

	Page<Decision> publicPage(PublicFilter f, Collection<Long> excludedAgencyIds, int page, int size) {
		StringBuilder where = new StringBuilder(f.withdrawn() ? " WHERE d.status = 'WITHDRAWN' AND d.published_on IS NOT NULL"
				: " WHERE d.status = 'PUBLISHED'");
		List<Object> params = new ArrayList<>();
		if (!excludedAgencyIds.isEmpty()) {
			where.append(" AND d.agency_id NOT IN (").append("?,".repeat(excludedAgencyIds.size() - 1)).append("?)");
			params.addAll(excludedAgencyIds);
		}
		if (f.agencyId() != null) {
			where.append(" AND d.agency_id = ?");
			params.add(f.agencyId());
		}
		if (f.kind() != null) {
			where.append(" AND d.kind = ?");
			params.add(f.kind().name());
		}
		if (f.year() != null) {
			where.append(" AND d.decided_on >= ? AND d.decided_on < ?");
			params.add(LocalDate.of(f.year(), 1, 1));
			params.add(LocalDate.of(f.year() + 1, 1, 1));
		}
		if (f.party() != null) {
			// a natural person (or an individual business without a credit code, whose name is masked) is never found by
			// name: a search must not confirm who was penalised
			where.append(" AND ((d.party_type <> 'NATURAL_PERSON' AND NOT (d.party_type = 'INDIVIDUAL_BUSINESS' AND d.party_credit_code IS NULL)"
					+ " AND LOWER(d.party_name) LIKE ?) OR LOWER(d.decision_number) LIKE ?)");
			String like = "%" + f.party().toLowerCase().replace("\\", "").replace("%", "").replace("_", "") + "%";
			params.add(like);
			params.add(like);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM pw_decision d" + where).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) (page - 1) * size);
		String order = f.withdrawn() ? " ORDER BY d.withdrawn_at DESC, d.id DESC" : " ORDER BY d.published_at DESC, d.id DESC";
		List<Decision> items = jdbc.sql("SELECT * FROM pw_decision d" + where + order + " LIMIT ? OFFSET ?")
			.params(paged)
			.query(this::row)
			.list();
		return new Page<>(items, page, size, total);
	}

	/** Years with public decisions, newest first. */
	List<Integer> publicYears(Long agencyId) {
		String sql = "SELECT DISTINCT d.decided_on FROM pw_decision d WHERE d.status = 'PUBLISHED'"
				+ (agencyId == null ? "" : " AND d.agency_id = :agency");
		JdbcClient.StatementSpec spec = jdbc.sql(sql);
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		List<LocalDate> dates = spec.query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
		return dates.stream().map(LocalDate::getYear).distinct().sorted((a, b) -> b - a).toList();
	}

	/** Ids and agencies of every decision with a public page, for the sitemap. */
	List<long[]> publicIds() {
		return jdbc.sql("SELECT d.id, d.agency_id FROM pw_decision d WHERE " + PUBLIC)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	private Decision row(ResultSet rs, int n) throws SQLException {
		String change = rs.getString("change_kind");
		return new Decision(rs.getLong("id"), rs.getLong("agency_id"), DecisionKind.valueOf(rs.getString("kind")),
				rs.getString("decision_number"), DecisionPartyType.valueOf(rs.getString("party_type")), rs.getString("party_name"),
				rs.getString("party_credit_code"), rs.getString("party_id_number"), rs.getString("category"),
				rs.getObject("decided_on", LocalDate.class), rs.getString("content"), rs.getString("basis"),
				rs.getBigDecimal("amount_yuan"), rs.getObject("valid_until", LocalDate.class),
				DecisionStatus.valueOf(rs.getString("status")), rs.getObject("publish_by", LocalDate.class),
				rs.getBoolean("publish_by_provisional"), rs.getObject("published_on", LocalDate.class), instant(rs, "published_at"),
				rs.getString("published_by"), bool(rs, "publication_late"), change == null ? null : DecisionChangeKind.valueOf(change),
				rs.getObject("changed_on", LocalDate.class), rs.getString("change_reason"), rs.getObject("withdraw_by", LocalDate.class),
				rs.getBoolean("withdraw_by_provisional"),
				rs.getObject("withdrawn_on", LocalDate.class), instant(rs, "withdrawn_at"), bool(rs, "withdrawal_late"),
				rs.getObject("offline_on", LocalDate.class), rs.getInt("version"), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	// ---- publicity entries --------------------------------------------------------------------------------

	List<EnforcementEntry> entries(long agencyId) {
		return jdbc.sql("SELECT * FROM pw_enf_entry WHERE agency_id = ? ORDER BY section, position, id")
			.param(agencyId)
			.query(this::entryRow)
			.list();
	}

	Optional<EnforcementEntry> entry(long id) {
		return jdbc.sql("SELECT * FROM pw_enf_entry WHERE id = ?").param(id).query(this::entryRow).optional();
	}

	long insertEntry(EnforcementEntry e) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pw_enf_entry (agency_id, section, title, body, certificate_number, area, position, updated_by, updated_at)"
				+ " VALUES (?,?,?,?,?,?,?,?,?)")
			.params(e.agencyId(), e.section().name(), e.title(), e.body(), e.certificateNumber(), e.area(), e.position(),
					e.updatedBy(), ts(e.updatedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateEntry(EnforcementEntry e) {
		jdbc.sql("UPDATE pw_enf_entry SET section = ?, title = ?, body = ?, certificate_number = ?, area = ?, position = ?,"
				+ " updated_by = ?, updated_at = ? WHERE id = ?")
			.params(e.section().name(), e.title(), e.body(), e.certificateNumber(), e.area(), e.position(), e.updatedBy(),
					ts(e.updatedAt()), e.id())
			.update();
	}

	void deleteEntry(long id) {
		jdbc.sql("DELETE FROM pw_enf_entry WHERE id = ?").param(id).update();
	}

	private EnforcementEntry entryRow(ResultSet rs, int n) throws SQLException {
		return new EnforcementEntry(rs.getLong("id"), rs.getLong("agency_id"), EnforcementSection.valueOf(rs.getString("section")),
				rs.getString("title"), rs.getString("body"), rs.getString("certificate_number"), rs.getString("area"),
				rs.getInt("position"), rs.getString("updated_by"), instant(rs, "updated_at"));
	}

	// ---- fees ---------------------------------------------------------------------------------------------

	Optional<BigDecimal> fee(long agencyId, int year) {
		return jdbc.sql("SELECT amount_wan_yuan FROM pw_enf_fee WHERE agency_id = ? AND fee_year = ?")
			.params(agencyId, year)
			.query(BigDecimal.class)
			.optional();
	}

	void saveFee(long agencyId, int year, BigDecimal amount, String by, Instant at) {
		// insert-if-absent first, then update: two first saves of the same year do not collide on the key, the second
		// waits for the first and updates its row
		jdbc.sql("INSERT INTO pw_enf_fee (agency_id, fee_year, amount_wan_yuan, updated_by, updated_at) VALUES (?,?,?,?,?)"
				+ " ON CONFLICT DO NOTHING")
			.params(agencyId, year, amount, by, ts(at))
			.update();
		jdbc.sql("UPDATE pw_enf_fee SET amount_wan_yuan = ?, updated_by = ?, updated_at = ? WHERE agency_id = ? AND fee_year = ?")
			.params(amount, by, ts(at), agencyId, year)
			.update();
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean b = rs.getBoolean(column);
		return rs.wasNull() ? null : b;
	}
}
