package org.gongkai.oversight;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily snapshots of the automatic inspection: every figure of an agency on a day ({@code ov_figure}, with the
 * records behind it as JSON) and its score ({@code ov_score}, with the indicator results as JSON). A day's snapshot is
 * replaced as a whole when recomputed.
 */
@Repository
public class MonitoringSnapshots {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/** The score row as the overview lists it, without the results. */
	public record ScoreRow(long agencyId, LocalDate on, BigDecimal score, BigDecimal deductionScore, BigDecimal bonus,
			boolean vetoed, boolean passed, int vetoes, int warnings) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	MonitoringSnapshots(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Map<String, OversightFigure>> figures(long agencyId, LocalDate on) {
		Map<String, OversightFigure> out = new LinkedHashMap<>();
		jdbc.sql("SELECT figure_key, amount, soon, records FROM ov_figure WHERE agency_id = ? AND snapshot_on = ? ORDER BY id")
			.params(agencyId, on)
			.query(rs -> {
				out.put(rs.getString(1), new OversightFigure(rs.getString(1), rs.getLong(2), rs.getLong(3),
						readRecords(rs.getString(4))));
			});
		return out.isEmpty() ? Optional.empty() : Optional.of(out);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void saveFigures(long agencyId, LocalDate on, Map<String, OversightFigure> figures) {
		jdbc.sql("DELETE FROM ov_figure WHERE agency_id = ? AND snapshot_on = ?").params(agencyId, on).update();
		for (OversightFigure f : figures.values()) {
			jdbc.sql("INSERT INTO ov_figure (agency_id, snapshot_on, figure_key, amount, soon, records, computed_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(agencyId, on, f.key(), f.value(), f.soon(), JSON.writeValueAsString(f.records()),
						Rows.ts(clock.instant()))
				.update();
		}
	}

	@Transactional(readOnly = true)
	public Optional<MonitoringScore> score(long agencyId, LocalDate on) {
		return jdbc.sql("SELECT * FROM ov_score WHERE agency_id = ? AND snapshot_on = ?")
			.params(agencyId, on)
			.query((rs, n) -> new MonitoringScore(rs.getLong("agency_id"), rs.getObject("snapshot_on", LocalDate.class),
					rs.getBigDecimal("score"), rs.getBigDecimal("deduction_score"), rs.getBigDecimal("bonus"),
					rs.getBoolean("vetoed"), rs.getBoolean("passed"),
					JSON.readValue(rs.getString("results"), new TypeReference<List<IndicatorResult>>() {
					})))
			.optional();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void saveScore(MonitoringScore s) {
		jdbc.sql("DELETE FROM ov_score WHERE agency_id = ? AND snapshot_on = ?").params(s.agencyId(), s.on()).update();
		jdbc.sql("INSERT INTO ov_score (agency_id, snapshot_on, score, deduction_score, bonus, vetoed, passed, vetoes, "
				+ "warnings, results, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(s.agencyId(), s.on(), s.score(), s.deductionScore(), s.bonus(), s.vetoed(), s.passed(),
					(int) s.vetoes(), (int) s.warnings(), JSON.writeValueAsString(s.results()), Rows.ts(clock.instant()))
			.update();
	}

	/** The latest stored score row of each of the agencies (agencies never scored are absent). */
	@Transactional(readOnly = true)
	public Map<Long, ScoreRow> latestRows(Collection<Long> agencyIds) {
		Map<Long, ScoreRow> out = new LinkedHashMap<>();
		if (agencyIds.isEmpty()) {
			return out;
		}
		List<Object> params = new ArrayList<>(agencyIds);
		String in = String.join(",", agencyIds.stream().map(i -> "?").toList());
		jdbc.sql("SELECT s.agency_id, s.snapshot_on, s.score, s.deduction_score, s.bonus, s.vetoed, s.passed, s.vetoes, "
				+ "s.warnings FROM ov_score s WHERE s.agency_id IN (" + in + ") AND s.snapshot_on = (SELECT MAX(t.snapshot_on) "
				+ "FROM ov_score t WHERE t.agency_id = s.agency_id)")
			.params(params)
			.query(rs -> {
				out.put(rs.getLong(1), new ScoreRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
						rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8),
						rs.getInt(9)));
			});
		return out;
	}

	private static List<CountedRecord> readRecords(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		return JSON.readValue(json, new TypeReference<List<CountedRecord>>() {
		});
	}
}
