package org.gongkai.publication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-request catalogue (依申请公开目录; seed 001 item 1): compiled monthly or quarterly (agency
 * setting) from the items listed 依申请公开 in the period — index number, title and date, never the content
 * — and published. A daily sweep compiles each agency's last complete period if it is missing.
 */
@Service
@Transactional
public class OnRequestCatalog {

	public record Issue(long id, long agencyId, LocalDate periodStart, LocalDate periodEnd, String title,
			Instant compiledAt, List<Item> items) {
	}

	public record Item(long documentId, String indexNumber, String title, LocalDate formedOn) {
	}

	private final JdbcClient jdbc;

	private final PublicationSettings settings;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	OnRequestCatalog(JdbcClient jdbc, PublicationSettings settings, AgencyDirectory agencies, AgencyAccess access,
			ApplicationEventPublisher events, Clock clock,
			org.springframework.transaction.support.TransactionTemplate transactions) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.settings = settings;
		this.agencies = agencies;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Issue> issues(long agencyId) {
		return jdbc.sql("SELECT * FROM pub_on_request_issue WHERE agency_id = ? ORDER BY period_start DESC")
			.param(agencyId)
			.query((rs, n) -> new Issue(rs.getLong("id"), agencyId, rs.getObject("period_start", LocalDate.class),
					rs.getObject("period_end", LocalDate.class), rs.getString("title"),
					rs.getTimestamp("compiled_at").toInstant(), List.of()))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Issue> issue(long agencyId, long issueId) {
		return issues(agencyId).stream().filter(i -> i.id() == issueId).findFirst().map(i -> new Issue(i.id(),
				i.agencyId(), i.periodStart(), i.periodEnd(), i.title(), i.compiledAt(),
				// items still on request, with their current title (masked or corrected since compiling)
				jdbc.sql("SELECT i.document_id, i.index_number, d.title, i.formed_on FROM pub_on_request_item i "
						+ "JOIN pub_document d ON d.id = i.document_id WHERE i.issue_id = ? AND d.status = 'LISTED' "
						+ "ORDER BY i.index_number")
					.param(issueId)
					.query((rs, n) -> new Item(rs.getLong("document_id"), rs.getString("index_number"),
							rs.getString("title"), rs.getObject("formed_on", LocalDate.class)))
					.list()));
	}

	/** Staff compile the catalogue of the last complete period now (or again, replacing it). */
	public Issue compileNow(long agencyId) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN, Role.APPROVER, Role.SUPERVISOR);
		LocalDate[] period = lastCompletePeriod(agencyId, today());
		return compile(agencies.requireById(agencyId), period[0], period[1], actor);
	}

	/** Compiles any missing last-complete-period issue; run daily and once at start-up. */
	@Scheduled(cron = "0 30 1 * * *", zone = "Asia/Shanghai")
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public void compileDue() {
		Actors.runAsSystem(() -> {
			for (Agency agency : agencies.active()) {
				try {
					transactions.executeWithoutResult(status -> {
						// the last complete period, and any earlier one of the past year missed while the platform was down
						LocalDate day = today();
						for (int i = 0; i < 12; i++) {
							LocalDate[] period = lastCompletePeriod(agency.id(), day);
							boolean exists = jdbc.sql("SELECT COUNT(*) FROM pub_on_request_issue WHERE agency_id = ? "
									+ "AND period_start = ? AND period_end = ?").params(agency.id(), period[0], period[1])
								.query(Long.class).single() > 0;
							if (!exists && hasListedItems(agency.id(), period)) {
								compile(agency, period[0], period[1], Actors.require());
							}
							day = period[0];
						}
					});
				}
				catch (RuntimeException e) {
					// one agency's failure (e.g. another node compiled the same period) must not stop the others
					org.slf4j.LoggerFactory.getLogger(OnRequestCatalog.class)
						.warn("On-request catalogue of {} not compiled this time: {}", agency.code(), e.getMessage());
				}
			}
		});
	}

	Issue compile(Agency agency, LocalDate start, LocalDate end, Actor actor) {
		if (end.isBefore(start)) {
			throw InvalidInputException.of("period", "编制期间不正确");
		}
		String title = agency.name() + "依申请公开目录（" + start + " 至 " + end + "）";
		Instant now = clock.instant();
		Optional<Long> existing = jdbc.sql("SELECT id FROM pub_on_request_issue WHERE agency_id = ? AND period_start = ? "
				+ "AND period_end = ?").params(agency.id(), start, end).query(Long.class).optional();
		long issueId;
		if (existing.isPresent()) {
			// compiled again (an item was listed late): same issue, same address, new contents
			issueId = existing.get();
			jdbc.sql("DELETE FROM pub_on_request_item WHERE issue_id = ?").param(issueId).update();
			jdbc.sql("UPDATE pub_on_request_issue SET compiled_at = ?, compiled_by = ? WHERE id = ?")
				.params(Timestamp.from(now), actor.username(), issueId)
				.update();
		}
		else {
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("INSERT INTO pub_on_request_issue (agency_id, period_start, period_end, title, compiled_at, compiled_by) "
					+ "VALUES (?,?,?,?,?,?)")
				.params(agency.id(), start, end, title, Timestamp.from(now), actor.username())
				.update(keys, "id");
			issueId = keys.getKey().longValue();
		}
		jdbc.sql("INSERT INTO pub_on_request_item (issue_id, document_id, index_number, title, formed_on) "
				+ "SELECT ?, id, index_number, title, formed_on FROM pub_document WHERE agency_id = ? AND status = 'LISTED' "
				+ "AND published_on >= ? AND published_on <= ?")
			.params(issueId, agency.id(), start, end)
			.update();
		events.publishEvent(ChangeRecorded.of(actor, now, agency.id(), "on-request-catalog.compiled", "OnRequestIssue",
				issueId, "编制并公布" + title, null, null));
		events.publishEvent(new OnRequestCatalogCompiled(agency.id(), issueId));
		return issue(agency.id(), issueId).orElseThrow(() -> DomainException.notFound("目录不存在"));
	}

	private boolean hasListedItems(long agencyId, LocalDate[] period) {
		return jdbc.sql("SELECT COUNT(*) FROM pub_document WHERE agency_id = ? AND status = 'LISTED' AND published_on >= ? "
				+ "AND published_on <= ?").params(agencyId, period[0], period[1]).query(Long.class).single() > 0;
	}

	/** The last month or quarter (by the agency's setting) that ended before {@code today}. */
	LocalDate[] lastCompletePeriod(long agencyId, LocalDate today) {
		if (settings.of(agencyId).onRequestPeriod() == PublicationSettings.Period.QUARTERLY) {
			LocalDate thisQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
			LocalDate start = thisQuarter.minusMonths(3);
			return new LocalDate[] { start, thisQuarter.minusDays(1) };
		}
		LocalDate thisMonth = today.withDayOfMonth(1);
		return new LocalDate[] { thisMonth.minusMonths(1), thisMonth.minusDays(1) };
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}
}
