package org.gongkai.publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongkai.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger of an agency's items (信息台账) that the source review of oversight reads: every item the agency made or
 * obtained in a year whatever its attribute and state (the January 源头梳理), and every item still on request or
 * withheld (the November self-check, 《条例》 Art. 18 dynamic adjustment). Read-only; the caller checks who may read.
 */
@Component
@Transactional(readOnly = true)
public class DocumentLedger {

	/**
	 * One item of the ledger.
	 *
	 * @param reference the 索引号, else the 文号
	 * @param formedOn the 生成日期 (else the day written)
	 */
	public record Entry(long id, long agencyId, String title, String reference, LocalDate formedOn,
			DisclosureAttribute attribute, DocumentStatus status) {
	}

	private static final String COLUMNS = "id, agency_id, title, index_number, document_number, formed_on, written_on, "
			+ "attribute, status";

	private final JdbcClient jdbc;

	DocumentLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every item of the agency formed in {@code year} (its 生成日期, else the day it was written, else the day its
	 * record was made), drafts included: what the agency made or obtained that year.
	 */
	public List<Entry> formedIn(long agencyId, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		return jdbc.sql("SELECT " + COLUMNS + " FROM pub_document WHERE agency_id = ? AND status <> 'WITHDRAWN' AND "
				+ "COALESCE(formed_on, written_on, CAST(created_at AS DATE)) BETWEEN ? AND ? ORDER BY COALESCE(formed_on, written_on), id")
			.params(agencyId, from, to)
			.query(DocumentLedger::entry)
			.list();
	}

	/** Every item of the agency still 依申请公开 (listed) or 不予公开 (withheld), oldest first. */
	public List<Entry> notPublic(long agencyId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM pub_document WHERE agency_id = ? AND status IN ('LISTED', 'WITHHELD') "
				+ "ORDER BY COALESCE(formed_on, written_on), id")
			.param(agencyId)
			.query(DocumentLedger::entry)
			.list();
	}

	/** How many items of the agency were first made public between the two days (both included) and are public now. */
	public long publishedBetween(long agencyId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT COUNT(*) FROM pub_document WHERE agency_id = ? AND status = 'PUBLISHED' AND published_on BETWEEN ? AND ?")
			.params(agencyId, from, to)
			.query(Long.class)
			.single();
	}

	/** One item as it stands now. */
	public Optional<Entry> entry(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM pub_document WHERE id = ?").param(id).query(DocumentLedger::entry).optional();
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		String index = rs.getString("index_number");
		LocalDate formed = Rows.date(rs, "formed_on");
		String attribute = rs.getString("attribute");
		return new Entry(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"),
				index != null ? index : rs.getString("document_number"), formed != null ? formed : Rows.date(rs, "written_on"),
				attribute == null ? null : DisclosureAttribute.valueOf(attribute), DocumentStatus.valueOf(rs.getString("status")));
	}
}
