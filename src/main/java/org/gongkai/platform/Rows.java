package org.gongkai.platform;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The conversions every repository makes between JDBC values and the domain's time types, null passing through:
 * an {@link Instant} to a {@link Timestamp} parameter, and a timestamp or date column back (ADR 0002, explicit SQL
 * with {@code JdbcClient}). They behave the same on H2 and PostgreSQL.
 */
public final class Rows {

	private Rows() {
	}

	/** A parameter for a {@code TIMESTAMP WITH TIME ZONE} column; null stays null. */
	public static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	/** A timestamp column as an instant; null stays null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/** A {@code DATE} column as a local date; null stays null. */
	public static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
