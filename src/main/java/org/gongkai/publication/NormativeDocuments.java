package org.gongkai.publication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Normative documents and rules (seed 003 table: 台账, 制发主体清单, 清理结果公开): the per-agency ledger,
 * the list of bodies entitled to issue them, and cleanup rounds whose conclusion marks items 失效 or 废止
 * with the date and the cleanup decision, and publishes the result.
 */
@Service
@Transactional
public class NormativeDocuments {

	public enum Outcome {
		KEEP("继续有效"), AMEND("需修改"), LAPSE("宣布失效"), REPEAL("废止");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record IssuingBody(long id, long agencyId, String name, String basis) {
	}

	public record Round(long id, long agencyId, String title, String decision, LocalDate decidedOn, boolean concluded,
			String createdBy, Instant createdAt) {
	}

	public record RoundItem(long documentId, String title, String documentNumber, String indexNumber, Outcome outcome,
			LocalDate effectiveOn, String note) {
	}

	private final JdbcClient jdbc;

	private final Documents documents;

	private final DocumentManagement management;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NormativeDocuments(JdbcClient jdbc, Documents documents, DocumentManagement management, AgencyAccess access,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.management = management;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** The ledger: every normative document and rule of the agency that reached a final state. */
	@Transactional(readOnly = true)
	public List<DocumentSummary> ledger(long agencyId) {
		return documents.page(new DocumentQuery(List.of(agencyId), null, null, null, null, null, null,
				List.of(DocumentStatus.PUBLISHED, DocumentStatus.LISTED, DocumentStatus.WITHHELD, DocumentStatus.WITHDRAWN), null,
				true), 0, Integer.MAX_VALUE).items();
	}

	@Transactional(readOnly = true)
	public List<IssuingBody> issuingBodies(long agencyId) {
		return jdbc.sql("SELECT * FROM pub_issuing_body WHERE agency_id = ? ORDER BY sort_order, id")
			.param(agencyId)
			.query((rs, n) -> new IssuingBody(rs.getLong("id"), agencyId, rs.getString("name"), rs.getString("basis")))
			.list();
	}

	public IssuingBody addIssuingBody(long agencyId, String name, String basis) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN, Role.SUPERVISOR);
		if (name == null || name.isBlank() || name.length() > 200) {
			throw InvalidInputException.of("name", "请填写制发主体名称（不超过200字）");
		}
		if (basis != null && basis.length() > 500) {
			throw InvalidInputException.of("basis", "依据不能超过500字");
		}
		int sort = issuingBodies(agencyId).size() + 1;
		jdbc.sql("INSERT INTO pub_issuing_body (agency_id, name, basis, sort_order) VALUES (?,?,?,?)")
			.params(agencyId, name.trim(), basis == null || basis.isBlank() ? null : basis.trim(), sort)
			.update();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "normative.issuing-body-added", "IssuingBody",
				name.trim(), "制发主体清单新增“" + name.trim() + "”", null, basis));
		events.publishEvent(new PublicPagesChanged(agencyId));
		return issuingBodies(agencyId).get(sort - 1);
	}

	public void removeIssuingBody(long agencyId, long id) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN, Role.SUPERVISOR);
		IssuingBody body = issuingBodies(agencyId).stream().filter(b -> b.id() == id).findFirst()
			.orElseThrow(() -> DomainException.notFound("该制发主体不存在"));
		jdbc.sql("DELETE FROM pub_issuing_body WHERE id = ? AND agency_id = ?").params(id, agencyId).update();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "normative.issuing-body-removed",
				"IssuingBody", body.name(), "制发主体清单移除“" + body.name() + "”", body.name(), null));
		events.publishEvent(new PublicPagesChanged(agencyId));
	}

	@Transactional(readOnly = true)
	public List<Round> rounds(long agencyId) {
		return jdbc.sql("SELECT * FROM pub_cleanup_round WHERE agency_id = ? ORDER BY created_at DESC")
			.param(agencyId)
			.query((rs, n) -> new Round(rs.getLong("id"), agencyId, rs.getString("title"), rs.getString("decision"),
					rs.getObject("decided_on", LocalDate.class), "CONCLUDED".equals(rs.getString("status")),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Round> round(long agencyId, long roundId) {
		return rounds(agencyId).stream().filter(r -> r.id() == roundId).findFirst();
	}

	/** The items of a round that are public now: what the published cleanup result lists. */
	@Transactional(readOnly = true)
	public List<RoundItem> publicItems(long roundId) {
		return jdbc.sql("SELECT i.*, d.title, d.document_number, d.index_number FROM pub_cleanup_item i "
				+ "JOIN pub_document d ON d.id = i.document_id WHERE i.round_id = ? AND d.status = 'PUBLISHED' "
				+ "ORDER BY d.published_on, d.id")
			.param(roundId)
			.query((rs, n) -> new RoundItem(rs.getLong("document_id"), rs.getString("title"), rs.getString("document_number"),
					rs.getString("index_number"), Outcome.valueOf(rs.getString("outcome")),
					rs.getObject("effective_on", LocalDate.class), rs.getString("note")))
			.list();
	}

	@Transactional(readOnly = true)
	public List<RoundItem> items(long roundId) {
		return jdbc.sql("SELECT i.*, d.title, d.document_number, d.index_number FROM pub_cleanup_item i "
				+ "JOIN pub_document d ON d.id = i.document_id WHERE i.round_id = ? ORDER BY d.published_on, d.id")
			.param(roundId)
			.query((rs, n) -> new RoundItem(rs.getLong("document_id"), rs.getString("title"), rs.getString("document_number"),
					rs.getString("index_number"), Outcome.valueOf(rs.getString("outcome")),
					rs.getObject("effective_on", LocalDate.class), rs.getString("note")))
			.list();
	}

	public Round startRound(long agencyId, String title) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN, Role.SUPERVISOR);
		if (title == null || title.isBlank() || title.length() > 200) {
			throw InvalidInputException.of("title", "请填写清理工作名称（不超过200字）");
		}
		if (rounds(agencyId).stream().anyMatch(r -> !r.concluded())) {
			throw new DomainException("本单位已有一轮未完成的清理，请先完成");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pub_cleanup_round (agency_id, title, status, created_by, created_at) VALUES (?,?,?,?,?)")
			.params(agencyId, title.trim(), "OPEN", actor.username(), Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (DocumentSummary d : ledger(agencyId)) {
			if (d.status() == DocumentStatus.PUBLISHED && d.validity() == Validity.IN_FORCE) {
				jdbc.sql("INSERT INTO pub_cleanup_item (round_id, document_id, outcome) VALUES (?,?,?)")
					.params(id, d.id(), Outcome.KEEP.name())
					.update();
			}
		}
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "normative.cleanup-started", "CleanupRound",
				id, "启动规范性文件清理“" + title.trim() + "”", null, null));
		return round(agencyId, id).orElseThrow();
	}

	/** Records the proposed outcome for one item of an open round. */
	public void setOutcome(long agencyId, long roundId, long documentId, Outcome outcome, LocalDate effectiveOn, String note) {
		access.require(agencyId, Role.AGENCY_ADMIN, Role.SUPERVISOR);
		Round round = round(agencyId, roundId).orElseThrow(() -> DomainException.notFound("该清理工作不存在"));
		if (round.concluded()) {
			throw new DomainException("该轮清理已完成并公布，不能再修改");
		}
		if (outcome == null) {
			throw InvalidInputException.of("outcome", "请选择清理结论");
		}
		if (note != null && note.length() > 1000) {
			throw InvalidInputException.of("note", "说明不能超过1000字");
		}
		int updated = jdbc.sql("UPDATE pub_cleanup_item SET outcome = ?, effective_on = ?, note = ? WHERE round_id = ? AND document_id = ?")
			.params(outcome.name(), effectiveOn, note == null || note.isBlank() ? null : note.trim(), roundId, documentId)
			.update();
		if (updated == 0) {
			throw DomainException.notFound("该文件不在本轮清理范围内");
		}
	}

	/**
	 * Concludes a round with the cleanup decision: every item to lapse or be repealed is marked with its
	 * date and the decision, and the result is published. Refused as a whole when a date is missing.
	 */
	public Round conclude(long agencyId, long roundId, String decision, LocalDate decidedOn) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN, Role.SUPERVISOR);
		Round round = round(agencyId, roundId).orElseThrow(() -> DomainException.notFound("该清理工作不存在"));
		if (round.concluded()) {
			throw new DomainException("该轮清理已完成");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (decision == null || decision.isBlank()) {
			problems.add(new FieldProblem("decision", "请填写清理决定（名称和文号）"));
		}
		if (decision != null && decision.length() > 500) {
			problems.add(new FieldProblem("decision", "清理决定不能超过500字"));
		}
		java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(org.gongkai.platform.Zones.CHINA));
		if (decidedOn == null) {
			problems.add(new FieldProblem("decidedOn", "请填写清理决定日期"));
		}
		else if (decidedOn.isAfter(today)) {
			problems.add(new FieldProblem("decidedOn", "清理决定日期不能晚于今天"));
		}
		List<RoundItem> items = items(roundId);
		for (RoundItem item : items) {
			if (item.effectiveOn() != null && item.effectiveOn().isAfter(today)) {
				problems.add(new FieldProblem("effectiveOn", "“" + item.title() + "”的生效日期晚于今天，请在该日期到来后再完成清理"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (jdbc.sql("UPDATE pub_cleanup_round SET status = 'CONCLUDING' WHERE id = ? AND status = 'OPEN'").param(roundId)
			.update() == 0) {
			throw new DomainException("该轮清理已完成");
		}
		for (RoundItem item : items) {
			if (item.outcome() == Outcome.LAPSE || item.outcome() == Outcome.REPEAL) {
				Document doc = management.lock(item.documentId());
				if (doc.status() != DocumentStatus.PUBLISHED) {
					continue; // withdrawn since the round started
				}
				LocalDate on = item.effectiveOn() != null ? item.effectiveOn() : decidedOn;
				management.applyValidity(doc, actor, item.outcome() == Outcome.REPEAL ? Validity.REPEALED : Validity.LAPSED, on,
						"依据" + decision.trim(), "normative.cleanup-applied");
			}
		}
		jdbc.sql("UPDATE pub_cleanup_round SET status = 'CONCLUDED', decision = ?, decided_on = ?, concluded_at = ? WHERE id = ?")
			.params(decision.trim(), decidedOn, Timestamp.from(clock.instant()), roundId)
			.update();
		Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
		items.forEach(i -> counts.merge(i.outcome(), 1L, Long::sum));
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "normative.cleanup-concluded",
				"CleanupRound", roundId, "完成并公布规范性文件清理“" + round.title() + "”", null, counts.toString()));
		events.publishEvent(new CleanupConcluded(agencyId, roundId));
		return round(agencyId, roundId).orElseThrow();
	}
}
