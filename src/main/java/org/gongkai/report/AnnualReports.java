package org.gongkai.report;

import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.platform.Rows;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The report tables rp_report, rp_cell, rp_event and rp_reminder. A published row is never written again: every
 * update and every cell write is guarded by {@code status <> 'PUBLISHED'} in its SQL as well as refused by the
 * service.
 */
@Repository
class AnnualReports {

	/** One stored version. */
	record Stored(long id, long agencyId, int year, int version, ReportFormat format, ReportStatus status,
			boolean imported, long revision, String one, String five, String six, Map<ReportSixPart, String> parts,
			String correctionReason, String sourceUrl, LocalDate publishedOn, Instant publishedAt, String createdBy,
			Instant createdAt, String updatedBy, Instant updatedAt) {

		ReportSummary summary() {
			return new ReportSummary(id, agencyId, year, version, status, format, imported, publishedOn, updatedAt);
		}

		Stored withText(ReportTextInput in) {
			Map<ReportSixPart, String> p = new EnumMap<>(ReportSixPart.class);
			if (in.sixParts() != null) {
				in.sixParts().forEach((k, v) -> {
					if (k != null) {
						p.put(k, v);
					}
				});
			}
			return new Stored(id, agencyId, year, version, format, status, imported, revision, in.one(), in.five(),
					in.six(), p, correctionReason, sourceUrl, publishedOn, publishedAt, createdBy, createdAt, updatedBy,
					updatedAt);
		}

		Stored withStatus(ReportStatus s) {
			return new Stored(id, agencyId, year, version, format, s, imported, revision, one, five, six, parts,
					correctionReason, sourceUrl, publishedOn, publishedAt, createdBy, createdAt, updatedBy, updatedAt);
		}

		Stored published(LocalDate on, Instant at) {
			return new Stored(id, agencyId, year, version, format, ReportStatus.PUBLISHED, imported, revision, one,
					five, six, parts, correctionReason, sourceUrl, on, at, createdBy, createdAt, updatedBy, updatedAt);
		}
	}

	private final JdbcClient jdbc;

	AnnualReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Stored r) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO rp_report (agency_id, report_year, version, format, status, imported, revision, "
				+ "section_one, section_five, section_six, six_fees, six_work_plan, six_motions, six_innovation, "
				+ "correction_reason, source_url, published_on, published_at, created_by, created_at, updated_by, "
				+ "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(r.agencyId(), r.year(), r.version(), r.format().name(), r.status().name(), r.imported(),
					r.revision(), r.one(), r.five(), r.six(), r.parts().get(ReportSixPart.FEES),
					r.parts().get(ReportSixPart.WORK_PLAN), r.parts().get(ReportSixPart.MOTIONS),
					r.parts().get(ReportSixPart.INNOVATION), r.correctionReason(), r.sourceUrl(), r.publishedOn(),
					ts(r.publishedAt()), r.createdBy(), ts(r.createdAt()), r.updatedBy(), ts(r.updatedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Saves a version read with {@link #lock}, raising its revision by one. Refuses (returns false) when the stored
	 * revision moved or the stored row is published.
	 */
	boolean update(Stored r, String by, Instant at) {
		int n = jdbc.sql("UPDATE rp_report SET status = ?, revision = revision + 1, section_one = ?, section_five = ?, "
				+ "section_six = ?, six_fees = ?, six_work_plan = ?, six_motions = ?, six_innovation = ?, "
				+ "published_on = ?, published_at = ?, updated_by = ?, updated_at = ? "
				+ "WHERE id = ? AND revision = ? AND status <> 'PUBLISHED'")
			.params(r.status().name(), r.one(), r.five(), r.six(), r.parts().get(ReportSixPart.FEES),
					r.parts().get(ReportSixPart.WORK_PLAN), r.parts().get(ReportSixPart.MOTIONS),
					r.parts().get(ReportSixPart.INNOVATION), r.publishedOn(), ts(r.publishedAt()), by, ts(at), r.id(),
					r.revision())
			.update();
		return n == 1;
	}

	Optional<Stored> find(long id) {
		return jdbc.sql("SELECT * FROM rp_report WHERE id = ?").param(id).query(this::row).optional();
	}

	Optional<Stored> lock(long id) {
		return jdbc.sql("SELECT * FROM rp_report WHERE id = ? FOR UPDATE").param(id).query(this::row).optional();
	}

	/** Every version of the agency, newest year first, newest version first within a year. */
	List<Stored> ofAgency(long agencyId) {
		return jdbc.sql("SELECT * FROM rp_report WHERE agency_id = ? ORDER BY report_year DESC, version DESC")
			.param(agencyId)
			.query(this::row)
			.list();
	}

	List<Stored> ofYear(long agencyId, int year) {
		return jdbc.sql("SELECT * FROM rp_report WHERE agency_id = ? AND report_year = ? ORDER BY version DESC")
			.params(agencyId, year)
			.query(this::row)
			.list();
	}

	/** Every version of the year for the given agencies, newest version first. */
	List<Stored> ofYear(Collection<Long> agencyIds, int year) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM rp_report WHERE agency_id IN (:ids) AND report_year = :year "
				+ "ORDER BY agency_id, version DESC")
			.param("ids", agencyIds)
			.param("year", year)
			.query(this::row)
			.list();
	}

	/** Published versions of other agencies for the year (for the copy check), newest version first. */
	List<Stored> publishedOfYear(int year) {
		return jdbc.sql("SELECT * FROM rp_report WHERE report_year = ? AND status = 'PUBLISHED' ORDER BY agency_id, version DESC")
			.param(year)
			.query(this::row)
			.list();
	}

	ReportCells cells(long reportId) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		jdbc.sql("SELECT cell_key, amount FROM rp_cell WHERE report_id = ? ORDER BY cell_key")
			.param(reportId)
			.query((RowCallbackHandler) rs -> values.put(rs.getString("cell_key"),
					rs.getBigDecimal("amount").stripTrailingZeros()));
		return new ReportCells(values);
	}

	boolean hasCells(long reportId) {
		return jdbc.sql("SELECT COUNT(*) FROM rp_cell WHERE report_id = ?").param(reportId).query(Long.class).single() > 0;
	}

	/** Replaces the frozen cells of an unpublished version (or writes an import's, in the inserting transaction). */
	void freezeCells(long reportId, ReportCells cells) {
		String status = jdbc.sql("SELECT status FROM rp_report WHERE id = ?").param(reportId).query(String.class).single();
		if (ReportStatus.PUBLISHED.name().equals(status) && hasCells(reportId)) {
			throw new IllegalStateException("report " + reportId + " is published; its cells never change");
		}
		jdbc.sql("DELETE FROM rp_cell WHERE report_id = ?").param(reportId).update();
		for (Map.Entry<String, BigDecimal> e : cells.values().entrySet()) {
			jdbc.sql("INSERT INTO rp_cell (report_id, cell_key, amount) VALUES (?,?,?)")
				.params(reportId, e.getKey(), e.getValue())
				.update();
		}
	}

	void addEvent(long reportId, Instant at, String actor, String action, String note) {
		jdbc.sql("INSERT INTO rp_event (report_id, recorded_at, actor, action, note) VALUES (?,?,?,?,?)")
			.params(reportId, ts(at), actor, action, note)
			.update();
	}

	List<ReportEvent> events(long reportId) {
		return jdbc.sql("SELECT * FROM rp_event WHERE report_id = ? ORDER BY id")
			.param(reportId)
			.query((rs, n) -> new ReportEvent(instant(rs, "recorded_at"), rs.getString("actor"), rs.getString("action"),
					rs.getString("note")))
			.list();
	}

	boolean reminded(long agencyId, int year, int threshold) {
		return jdbc.sql("SELECT COUNT(*) FROM rp_reminder WHERE agency_id = ? AND report_year = ? AND threshold = ?")
			.params(agencyId, year, threshold)
			.query(Long.class)
			.single() > 0;
	}

	void addReminder(long agencyId, int year, int threshold, LocalDate dueOn, int daysLeft, Instant at, String message) {
		jdbc.sql("INSERT INTO rp_reminder (agency_id, report_year, threshold, due_on, days_left, recorded_at, message) "
				+ "VALUES (?,?,?,?,?,?,?)")
			.params(agencyId, year, threshold, dueOn, daysLeft, ts(at), message)
			.update();
	}

	List<ReportReminder> reminders(long agencyId) {
		return jdbc.sql("SELECT * FROM rp_reminder WHERE agency_id = ? ORDER BY recorded_at DESC, id DESC")
			.param(agencyId)
			.query((rs, n) -> new ReportReminder(rs.getLong("agency_id"), rs.getInt("report_year"),
					Rows.date(rs, "due_on"), rs.getInt("days_left"), instant(rs, "recorded_at"), rs.getString("message")))
			.list();
	}

	private Stored row(ResultSet rs, int n) throws SQLException {
		Map<ReportSixPart, String> parts = new EnumMap<>(ReportSixPart.class);
		put(parts, ReportSixPart.FEES, rs.getString("six_fees"));
		put(parts, ReportSixPart.WORK_PLAN, rs.getString("six_work_plan"));
		put(parts, ReportSixPart.MOTIONS, rs.getString("six_motions"));
		put(parts, ReportSixPart.INNOVATION, rs.getString("six_innovation"));
		return new Stored(rs.getLong("id"), rs.getLong("agency_id"), rs.getInt("report_year"), rs.getInt("version"),
				ReportFormat.valueOf(rs.getString("format")), ReportStatus.valueOf(rs.getString("status")),
				rs.getBoolean("imported"), rs.getLong("revision"), rs.getString("section_one"),
				rs.getString("section_five"), rs.getString("section_six"), parts, rs.getString("correction_reason"),
				rs.getString("source_url"), Rows.date(rs, "published_on"), instant(rs, "published_at"),
				rs.getString("created_by"), instant(rs, "created_at"), rs.getString("updated_by"),
				instant(rs, "updated_at"));
	}

	private static void put(Map<ReportSixPart, String> parts, ReportSixPart p, String v) {
		if (v != null) {
			parts.put(p, v);
		}
	}
}
