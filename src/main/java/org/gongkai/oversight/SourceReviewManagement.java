package org.gongkai.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Rows;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.gongkai.publication.DisclosureAttribute;
import org.gongkai.publication.DocumentLedger;
import org.gongkai.publication.DocumentManagement;
import org.gongkai.publication.DocumentStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The source review of seed 001 item 4 ({@link SourceReviewKind}): in January every item the unit made or obtained the
 * year before is listed with its attribute for the unit to confirm or flag; in November every item still 依申请公开 or
 * 不予公开 is listed for a new decision, kept with a reason or converted to proactive disclosure in one step
 * ({@link DocumentManagement#disclose(long, String, List)}, which needs the unit's APPROVER, 《条例》 Art. 18); the
 * result is submitted to the supervisor, who sees each unit's counts.
 */
@Service
@Transactional
public class SourceReviewManagement {

	/** Who works on a unit's review. */
	static final Role[] UNIT_STAFF = { Role.AGENCY_ADMIN, Role.EDITOR, Role.APPROVER };

	private final JdbcClient jdbc;

	private final AgencyAccess access;

	private final DocumentLedger ledger;

	private final DocumentManagement documents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SourceReviewManagement(JdbcClient jdbc, AgencyAccess access, DocumentLedger ledger, DocumentManagement documents,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.ledger = ledger;
		this.documents = documents;
		this.events = events;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	/** The year a review of this kind opened today covers: January the year before, November this year. */
	public int defaultYear(SourceReviewKind kind) {
		return kind == SourceReviewKind.JANUARY ? today().getYear() - 1 : today().getYear();
	}

	/**
	 * The unit's review of this kind and year, opened now with its items if there is none: January lists every item
	 * formed in {@code year}; November lists every item still on request or withheld.
	 */
	public SourceReview open(long agencyId, SourceReviewKind kind, int year) {
		Actor actor = access.require(agencyId, UNIT_STAFF);
		Optional<SourceReview> existing = find(agencyId, kind, year);
		if (existing.isPresent()) {
			return existing.get();
		}
		if (year < 2000 || year > today().getYear()) {
			throw InvalidInputException.of("year", "年度无效");
		}
		Instant now = clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_source_review (agency_id, kind, report_year, status, created_by, created_at) VALUES (?, ?, ?, 'OPEN', ?, ?)")
			.params(agencyId, kind.name(), year, actor.username(), Rows.ts(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		List<DocumentLedger.Entry> entries = kind == SourceReviewKind.JANUARY ? ledger.formedIn(agencyId, year)
				: ledger.notPublic(agencyId);
		for (DocumentLedger.Entry e : entries) {
			jdbc.sql("INSERT INTO ov_source_review_item (review_id, document_id, title, reference, formed_on, attribute, doc_status, "
					+ "decision) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')")
				.params(id, e.id(), e.title(), e.reference(), e.formedOn(), e.attribute() == null ? null : e.attribute().name(),
						e.status().name())
				.update();
		}
		SourceReview review = require(id);
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "source-review.opened", "SourceReview", id, review.title(),
				null, entries.size() + "条信息"));
		return review;
	}

	/**
	 * Decides one item without changing it: January CONFIRMED or FLAGGED (with the doubt), November KEPT (with the
	 * reason it stays not public).
	 */
	public SourceReviewItem decide(long itemId, SourceReviewDecision decision, String reason) {
		SourceReviewItem item = requireItem(itemId);
		SourceReview review = require(item.reviewId());
		Actor actor = access.require(review.agencyId(), UNIT_STAFF);
		requireOpen(review);
		String r = Texts.trimToNull(reason);
		if (r != null && r.length() > 1000) {
			throw InvalidInputException.of("reason", "理由请在1000字以内");
		}
		if (review.kind() == SourceReviewKind.JANUARY) {
			if (decision != SourceReviewDecision.CONFIRMED && decision != SourceReviewDecision.FLAGGED) {
				throw InvalidInputException.of("decision", "请选择“属性无误”或“属性存疑”");
			}
			if (decision == SourceReviewDecision.FLAGGED && r == null) {
				throw InvalidInputException.of("reason", "请说明公开属性存疑的理由");
			}
		}
		else {
			if (decision != SourceReviewDecision.KEPT) {
				throw InvalidInputException.of("decision", "转为主动公开请使用“转为主动公开”操作");
			}
			if (r == null) {
				throw InvalidInputException.of("reason", "请写明维持" + item.attributeLabel() + "的理由（依据《条例》第十四条至第十六条）");
			}
			if (item.decision() == SourceReviewDecision.CONVERTED) {
				throw new DomainException("该信息已转为主动公开");
			}
		}
		mark(itemId, decision, r, actor);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), review.agencyId(), "source-review.decided", "SourceReview",
				review.id(), item.title() + "：" + decision.label(), item.decision().label(), decision.label()));
		return requireItem(itemId);
	}

	/**
	 * November: converts an item to proactive disclosure in one step, filed under the chosen catalogue columns
	 * (needs the unit's APPROVER, as the publication workflow does).
	 */
	public SourceReviewItem convert(long itemId, String reason, List<String> nodeCodes) {
		SourceReviewItem item = requireItem(itemId);
		SourceReview review = require(item.reviewId());
		requireOpen(review);
		if (review.kind() != SourceReviewKind.NOVEMBER) {
			throw new DomainException("年初源头梳理只确认公开属性；转为主动公开请在11月自查中办理");
		}
		if (item.decision() == SourceReviewDecision.CONVERTED) {
			throw new DomainException("该信息已转为主动公开");
		}
		Actor actor = access.require(review.agencyId(), Role.APPROVER);
		documents.disclose(item.documentId(), reason, nodeCodes);
		mark(itemId, SourceReviewDecision.CONVERTED, reason.trim(), actor);
		jdbc.sql("UPDATE ov_source_review_item SET doc_status = ?, attribute = ? WHERE id = ?")
			.params(DocumentStatus.PUBLISHED.name(), DisclosureAttribute.PROACTIVE.name(), itemId)
			.update();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), review.agencyId(), "source-review.converted", "SourceReview",
				review.id(), item.title() + "：转为主动公开", item.attributeLabel(), DisclosureAttribute.PROACTIVE.label()));
		return requireItem(itemId);
	}

	/** Submits the result to the supervisor: every item decided. */
	public SourceReview submit(long reviewId, String summary) {
		SourceReview review = require(reviewId);
		Actor actor = access.require(review.agencyId(), UNIT_STAFF);
		requireOpen(review);
		long pending = items(reviewId).stream().filter(i -> i.decision() == SourceReviewDecision.PENDING).count();
		if (pending > 0) {
			throw InvalidInputException.of("items", "还有" + pending + "条信息未处理，请逐条确认后再报送");
		}
		String s = Texts.trimToNull(summary);
		if (s != null && s.length() > 2000) {
			throw InvalidInputException.of("summary", "报送说明请在2000字以内");
		}
		Instant now = clock.instant();
		jdbc.sql("UPDATE ov_source_review SET status = 'SUBMITTED', summary = ?, submitted_by = ?, submitted_at = ? WHERE id = ?")
			.params(s, actor.username(), Rows.ts(now), reviewId)
			.update();
		events.publishEvent(ChangeRecorded.of(actor, now, review.agencyId(), "source-review.submitted", "SourceReview", reviewId,
				review.title() + "报送政务公开办", "进行中", "已报送"));
		return require(reviewId);
	}

	// ---- reading ------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public SourceReview view(long id) {
		SourceReview review = require(id);
		access.require(review.agencyId(), Role.values());
		return review;
	}

	@Transactional(readOnly = true)
	public List<SourceReviewItem> items(long reviewId) {
		return jdbc.sql("SELECT * FROM ov_source_review_item WHERE review_id = ? ORDER BY formed_on, id")
			.param(reviewId)
			.query(SourceReviewManagement::item)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<SourceReview> find(long agencyId, SourceReviewKind kind, int year) {
		return jdbc.sql("SELECT * FROM ov_source_review WHERE agency_id = ? AND kind = ? AND report_year = ?")
			.params(agencyId, kind.name(), year)
			.query(SourceReviewManagement::review)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<SourceReview> history(long agencyId) {
		access.require(agencyId, Role.values());
		return jdbc.sql("SELECT * FROM ov_source_review WHERE agency_id = ? ORDER BY report_year DESC, kind DESC")
			.param(agencyId)
			.query(SourceReviewManagement::review)
			.list();
	}

	/** The counts of a review's decisions. */
	public record Counts(long total, long pending, long confirmed, long flagged, long kept, long converted) {
	}

	@Transactional(readOnly = true)
	public Counts counts(long reviewId) {
		List<SourceReviewItem> items = items(reviewId);
		return new Counts(items.size(), count(items, SourceReviewDecision.PENDING), count(items, SourceReviewDecision.CONFIRMED),
				count(items, SourceReviewDecision.FLAGGED), count(items, SourceReviewDecision.KEPT),
				count(items, SourceReviewDecision.CONVERTED));
	}

	/** One unit's line of the supervisor's overview. */
	public record OverviewRow(Agency agency, SourceReview review, Counts counts) {

		public String statusLabel() {
			return review == null ? "未开展" : review.submitted() ? "已报送" : "进行中";
		}
	}

	/** Every unit the actor supervises with its review of the kind and year and the counts of its decisions. */
	@Transactional(readOnly = true)
	public List<OverviewRow> overview(Actor actor, SourceReviewKind kind, int year) {
		List<OverviewRow> rows = new ArrayList<>();
		for (Agency a : access.agenciesFor(actor, Role.SUPERVISOR)) {
			if (!a.active()) {
				continue;
			}
			SourceReview r = find(a.id(), kind, year).orElse(null);
			rows.add(new OverviewRow(a, r, r == null ? null : counts(r.id())));
		}
		return rows;
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private static long count(List<SourceReviewItem> items, SourceReviewDecision d) {
		return items.stream().filter(i -> i.decision() == d).count();
	}

	private void mark(long itemId, SourceReviewDecision decision, String reason, Actor actor) {
		jdbc.sql("UPDATE ov_source_review_item SET decision = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?")
			.params(decision.name(), reason, actor.username(), Rows.ts(clock.instant()), itemId)
			.update();
	}

	private static void requireOpen(SourceReview review) {
		if (review.submitted()) {
			throw new DomainException("已报送政务公开办，不能再修改");
		}
	}

	SourceReview require(long id) {
		return jdbc.sql("SELECT * FROM ov_source_review WHERE id = ?")
			.param(id)
			.query(SourceReviewManagement::review)
			.optional()
			.orElseThrow(() -> DomainException.notFound("信息源头梳理记录不存在"));
	}

	SourceReviewItem requireItem(long id) {
		return jdbc.sql("SELECT * FROM ov_source_review_item WHERE id = ?")
			.param(id)
			.query(SourceReviewManagement::item)
			.optional()
			.orElseThrow(() -> DomainException.notFound("梳理的信息不存在"));
	}

	private static SourceReview review(ResultSet rs, int n) throws SQLException {
		return new SourceReview(rs.getLong("id"), rs.getLong("agency_id"), SourceReviewKind.valueOf(rs.getString("kind")),
				rs.getInt("report_year"), "SUBMITTED".equals(rs.getString("status")), rs.getString("summary"),
				rs.getString("submitted_by"), Rows.instant(rs, "submitted_at"), rs.getString("created_by"));
	}

	private static SourceReviewItem item(ResultSet rs, int n) throws SQLException {
		String attribute = rs.getString("attribute");
		return new SourceReviewItem(rs.getLong("id"), rs.getLong("review_id"), rs.getLong("document_id"), rs.getString("title"),
				rs.getString("reference"), Rows.date(rs, "formed_on"),
				attribute == null ? null : DisclosureAttribute.valueOf(attribute), DocumentStatus.valueOf(rs.getString("doc_status")),
				SourceReviewDecision.valueOf(rs.getString("decision")), rs.getString("reason"), rs.getString("decided_by"));
	}
}
