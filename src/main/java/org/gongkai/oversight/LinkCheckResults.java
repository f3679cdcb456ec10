package org.gongkai.oversight;

import java.time.Instant;
import java.util.List;

import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.Rows;
import org.gongkai.platform.Zones;
import org.gongkai.publication.PublishedLinks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of the link check ({@code ov_link}): per link of a public item, its last status. Only 404 and 403 count
 * as broken (开普云 监测: 「目前只将404,403记为确定不可用链接，其他类型记为疑似不可用链接」); other failures are 疑似.
 */
@Service
@Transactional(readOnly = true)
public class LinkCheckResults {

	/** The status of a checked link. */
	public enum LinkStatus {
		OK("正常"), BROKEN("不可用（404/403）"), SUSPECT("疑似不可用");

		private final String label;

		LinkStatus(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One checked link. */
	public record LinkCheckRow(long id, long documentId, long agencyId, String title, String url, String resolvedUrl,
			boolean internal, LinkStatus status, Integer httpStatus, String detail, Instant firstSeenAt,
			Instant lastCheckedAt, Instant brokenSince) {

		public String consoleUrl() {
			return "/console/documents/" + documentId;
		}

		public String firstSeenText() {
			return text(firstSeenAt);
		}

		public String lastCheckedText() {
			return text(lastCheckedAt);
		}

		public String brokenSinceText() {
			return text(brokenSince);
		}

		private static String text(Instant i) {
			return i == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(i.atZone(Zones.CHINA));
		}
	}

	private final JdbcClient jdbc;

	private final PublishedLinks published;

	LinkCheckResults(JdbcClient jdbc, PublishedLinks published) {
		this.jdbc = jdbc;
		this.published = published;
	}

	/** The agency's links that are not OK (broken first), of items still public. */
	public List<LinkCheckRow> problems(long agencyId) {
		return jdbc.sql("SELECT * FROM ov_link WHERE agency_id = ? AND status <> 'OK' ORDER BY status, document_id, id")
			.param(agencyId)
			.query((rs, n) -> new LinkCheckRow(rs.getLong("id"), rs.getLong("document_id"), rs.getLong("agency_id"),
					rs.getString("title"), rs.getString("url"), rs.getString("resolved_url"), rs.getBoolean("internal"),
					LinkStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("http_status", Integer.class),
					rs.getString("detail"), Rows.instant(rs, "first_seen_at"), Rows.instant(rs, "last_checked_at"),
					Rows.instant(rs, "broken_since")))
			.list()
			.stream()
			.filter(r -> published.isPublic(r.documentId()))
			.toList();
	}

	/** How many of the agency's links were checked at all. */
	public long checkedCount(long agencyId) {
		return jdbc.sql("SELECT COUNT(*) FROM ov_link WHERE agency_id = ?").param(agencyId).query(Long.class).single();
	}

	/** The broken links (404/403) of the agency's public items, as records of the figure {@code links.broken}. */
	public List<CountedRecord> brokenRecords(long agencyId) {
		return problems(agencyId).stream()
			.filter(r -> r.status() == LinkStatus.BROKEN)
			.map(r -> new CountedRecord(r.url(), r.title() + "（HTTP " + r.httpStatus() + "）",
					r.brokenSince() == null ? null : r.brokenSince().atZone(Zones.CHINA).toLocalDate(), r.consoleUrl()))
			.toList();
	}
}
