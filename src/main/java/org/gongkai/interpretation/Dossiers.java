package org.gongkai.interpretation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongkai.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of policy dossiers, timeliness obligations and the agencies' interpretation settings. */
@Repository
class Dossiers {

	private final JdbcClient jdbc;

	Dossiers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PolicyDossier> find(long documentId) {
		return jdbc.sql("SELECT * FROM int_dossier WHERE document_id = ?").param(documentId).query(this::mapDossier).optional();
	}

	/** Makes sure the policy has a dossier row (concurrent first writers do not collide), then locks and reads it. */
	PolicyDossier lock(long documentId, long agencyId, String actor, java.time.Instant at) {
		jdbc.sql("INSERT INTO int_dossier (document_id, agency_id, updated_by, updated_at) VALUES (?,?,?,?) ON CONFLICT DO NOTHING")
			.params(documentId, agencyId, actor, Rows.ts(at))
			.update();
		return jdbc.sql("SELECT * FROM int_dossier WHERE document_id = ? FOR UPDATE")
			.param(documentId)
			.query(this::mapDossier)
			.single();
	}

	/** Saves a dossier locked with {@link #lock}. */
	void save(PolicyDossier d) {
		jdbc.sql("UPDATE int_dossier SET agency_id = ?, needs_interpretation = ?, draws_attention = ?, plan_on = ?, "
				+ "plan_channels = ?, plan_forms = ?, plan_outline = ?, waiver_reason = ?, waived_by = ?, risk_level = ?, "
				+ "risk_assessment = ?, response_plan = ?, updated_by = ?, updated_at = ? WHERE document_id = ?")
			.params(d.agencyId(), d.needsInterpretation(), d.drawsAttention(), d.planOn(), d.planChannels(), d.planForms(),
					d.planOutline(), d.waiverReason(), d.waivedBy(), d.riskLevel() == null ? null : d.riskLevel().name(),
					d.riskAssessment(), d.responsePlan(), d.updatedBy(), Rows.ts(d.updatedAt()), d.documentId())
			.update();
	}

	private PolicyDossier mapDossier(ResultSet rs, int n) throws SQLException {
		String risk = rs.getString("risk_level");
		return new PolicyDossier(rs.getLong("document_id"), rs.getLong("agency_id"), rs.getBoolean("needs_interpretation"),
				rs.getBoolean("draws_attention"), Rows.date(rs, "plan_on"), rs.getString("plan_channels"),
				rs.getString("plan_forms"), rs.getString("plan_outline"), rs.getString("waiver_reason"),
				rs.getString("waived_by"), risk == null ? null : PolicyDossier.RiskLevel.valueOf(risk),
				rs.getString("risk_assessment"), rs.getString("response_plan"), rs.getString("updated_by"),
				Interpretations.instant(rs.getTimestamp("updated_at")));
	}

	// ---- obligations ----------------------------------------------------------------------------------

	Optional<Obligation> obligation(long documentId) {
		return jdbc.sql("SELECT * FROM int_obligation WHERE document_id = ?")
			.param(documentId)
			.query(this::mapObligation)
			.optional();
	}

	/** The obligation, locked for this transaction: recomputations of one policy happen one after the other. */
	Optional<Obligation> obligationForUpdate(long documentId) {
		return jdbc.sql("SELECT * FROM int_obligation WHERE document_id = ? FOR UPDATE")
			.param(documentId)
			.query(this::mapObligation)
			.optional();
	}

	void saveObligation(Obligation o) {
		jdbc.sql("INSERT INTO int_obligation (agency_id, document_title, published_on, due_on, document_id) VALUES (?,?,?,?,?) "
				+ "ON CONFLICT DO NOTHING")
			.params(o.agencyId(), o.documentTitle(), o.publishedOn(), o.dueOn(), o.documentId())
			.update();
		jdbc.sql("UPDATE int_obligation SET agency_id = ?, document_title = ?, published_on = ?, due_on = ?, "
				+ "provisional = ?, met_on = ?, interpretation_id = ?, late = ?, waived = ?, cancelled = ? WHERE document_id = ?")
			.params(o.agencyId(), o.documentTitle(), o.publishedOn(), o.dueOn(), o.provisional(), o.metOn(),
					o.interpretationId(), o.late(), o.waived(), o.cancelled(), o.documentId())
			.update();
	}

	/** Obligations of agencies for policies published in a period, oldest due first. */
	List<Obligation> obligations(Collection<Long> agencyIds, LocalDate from, LocalDate to) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(agencyIds);
		params.add(from);
		params.add(to);
		return jdbc.sql("SELECT * FROM int_obligation WHERE agency_id IN (" + String.join(",", agencyIds.stream().map(a -> "?").toList())
				+ ") AND published_on BETWEEN ? AND ? ORDER BY due_on, document_id")
			.params(params)
			.query(this::mapObligation)
			.list();
	}

	/** Policies whose duty was counted into a year not loaded at the time. */
	List<Long> provisionalObligations() {
		return jdbc.sql("SELECT document_id FROM int_obligation WHERE provisional = TRUE AND cancelled = FALSE")
			.query(Long.class)
			.list();
	}

	/** Open obligations past their due date: interpretations still missing. */
	List<Obligation> missing(Collection<Long> agencyIds, LocalDate today) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(agencyIds);
		params.add(today);
		return jdbc.sql("SELECT * FROM int_obligation WHERE agency_id IN (" + String.join(",", agencyIds.stream().map(a -> "?").toList())
				+ ") AND met_on IS NULL AND waived = FALSE AND cancelled = FALSE AND due_on < ? ORDER BY due_on, document_id")
			.params(params)
			.query(this::mapObligation)
			.list();
	}

	private Obligation mapObligation(ResultSet rs, int n) throws SQLException {
		long interp = rs.getLong("interpretation_id");
		Long interpretationId = rs.wasNull() ? null : interp;
		return new Obligation(rs.getLong("document_id"), rs.getLong("agency_id"), rs.getString("document_title"),
				Rows.date(rs, "published_on"), Rows.date(rs, "due_on"), rs.getBoolean("provisional"),
				Rows.date(rs, "met_on"), interpretationId, rs.getBoolean("late"),
				rs.getBoolean("waived"), rs.getBoolean("cancelled"));
	}

	// ---- settings -------------------------------------------------------------------------------------

	Optional<InterpretationSettings.Setting> setting(long agencyId) {
		return jdbc.sql("SELECT deadline_days, waiver_allowed, principal_target FROM int_setting WHERE agency_id = ?")
			.param(agencyId)
			.query((rs, n) -> new InterpretationSettings.Setting(rs.getInt(1), rs.getBoolean(2), rs.getInt(3)))
			.optional();
	}

	void saveSetting(long agencyId, InterpretationSettings.Setting s) {
		int updated = jdbc.sql("UPDATE int_setting SET deadline_days = ?, waiver_allowed = ?, principal_target = ? WHERE agency_id = ?")
			.params(s.deadlineDays(), s.waiverAllowed(), s.principalLeaderTarget(), agencyId)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO int_setting (deadline_days, waiver_allowed, principal_target, agency_id) VALUES (?,?,?,?)")
				.params(s.deadlineDays(), s.waiverAllowed(), s.principalLeaderTarget(), agencyId)
				.update();
		}
	}
}
