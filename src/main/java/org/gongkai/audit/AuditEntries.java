package org.gongkai.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.gongkai.platform.ChangeRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only storage (table {@code audit_entry}): this class only inserts and reads. */
@Repository
class AuditEntries {

	private final JdbcClient jdbc;

	AuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(ChangeRecorded c) {
		jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, actor_agency_id, agency_id, action, subject_type, subject_id, "
				+ "summary, before_state, after_state) VALUES (?,?,?,?,?,?,?,?,?,?)")
			.params(Timestamp.from(c.at()), c.actor(), c.actorAgencyId(), c.agencyId(), c.action(), c.subjectType(),
					c.subjectId(), truncate(c.summary(), 1000), c.before(), c.after())
			.update();
	}

	/** Search filter; {@code agencyIds} null means every agency (and platform-wide entries). */
	record Filter(Collection<Long> agencyIds, String actor, String action, Instant from, Instant to, String text) {
	}

	record Page(List<AuditEntry> entries, long total) {
	}

	Page search(Filter f, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		List<Object> params = new ArrayList<>();
		if (f.agencyIds() != null) {
			if (f.agencyIds().isEmpty()) {
				return new Page(List.of(), 0);
			}
			where.append(" AND agency_id IN (")
				.append(String.join(",", f.agencyIds().stream().map(x -> "?").toList()))
				.append(")");
			params.addAll(f.agencyIds());
		}
		if (f.actor() != null) {
			where.append(" AND actor = ?");
			params.add(f.actor());
		}
		if (f.action() != null) {
			where.append(" AND action LIKE ?");
			params.add(f.action() + "%");
		}
		if (f.from() != null) {
			where.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(f.from()));
		}
		if (f.to() != null) {
			where.append(" AND occurred_at < ?");
			params.add(Timestamp.from(f.to()));
		}
		if (f.text() != null) {
			where.append(" AND (LOWER(summary) LIKE ? OR LOWER(subject_id) = ?)");
			params.add("%" + f.text().toLowerCase(java.util.Locale.ROOT) + "%");
			params.add(f.text().toLowerCase(java.util.Locale.ROOT));
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<AuditEntry> entries = jdbc
			.sql("SELECT * FROM audit_entry" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query((rs, n) -> {
				long actorAgency = rs.getLong("actor_agency_id");
				Long actorAgencyId = rs.wasNull() ? null : actorAgency;
				long agency = rs.getLong("agency_id");
				Long agencyId = rs.wasNull() ? null : agency;
				return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
						actorAgencyId, agencyId, rs.getString("action"), rs.getString("subject_type"),
						rs.getString("subject_id"), rs.getString("summary"), rs.getString("before_state"),
						rs.getString("after_state"));
			})
			.list();
		return new Page(entries, total);
	}

	private static String truncate(String s, int max) {
		return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
	}
}
