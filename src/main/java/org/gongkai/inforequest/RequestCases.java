package org.gongkai.inforequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Typical cases (典型案例): the approving leader publishes an anonymised account of a handled request on the agency's
 * 依申请公开 page, so that the public sees how requests are answered. The account is written afresh — never the
 * application itself — and is refused while it holds personal data or names the applicant.
 */
@Service
@Transactional
public class RequestCases {

	/** A published case. */
	public record Case(long id, long requestId, long agencyId, String title, String summary, Outcome outcome,
			Instant publishedAt) {
	}

	private final JdbcClient jdbc;

	private final InfoRequests requests;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RequestCases(JdbcClient jdbc, InfoRequests requests, AgencyAccess access, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	public Case publish(long requestId, String title, String summary) {
		InfoRequest r = requests.lock(requestId).orElseThrow(() -> DomainException.notFound("该申请不存在"));
		Actor actor = CaseAccess.require(r.agencyId(), Role.APPROVER, Role.AGENCY_ADMIN);
		if (r.status() != RequestStatus.REPLIED) {
			throw new DomainException("只有已答复的申请可以作为典型案例公开");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String t = Texts.trimToNull(title);
		String s = Texts.trimToNull(summary);
		if (t == null || t.length() > 200) {
			problems.add(new FieldProblem("title", "请填写案例标题（不超过200字）"));
		}
		if (s == null || s.length() > 5000) {
			problems.add(new FieldProblem("summary", "请填写脱敏后的案例说明（不超过5000字）"));
		}
		for (String[] text : new String[][] { { "title", t }, { "summary", s } }) {
			if (text[1] == null) {
				continue;
			}
			List<PersonalDataScanner.Finding> found = PersonalDataScanner.scan(text[1], "案例");
			if (!found.isEmpty()) {
				problems.add(new FieldProblem(text[0], "案例中含有个人信息（" + found.get(0).kind().label() + " " + found.get(0).masked() + "），请脱敏后再公开"));
			}
			if (r.applicantName().length() >= 2 && text[1].contains(r.applicantName())) {
				problems.add(new FieldProblem(text[0], "案例中不能出现申请人的姓名或者名称"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int exists = jdbc.sql("SELECT COUNT(*) FROM req_case WHERE request_id = ? AND withdrawn_at IS NULL").param(requestId)
			.query(Integer.class).single();
		if (exists > 0) {
			throw new DomainException("该申请已作为典型案例公开");
		}
		jdbc.sql("DELETE FROM req_case WHERE request_id = ?").param(requestId).update();
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO req_case (request_id, agency_id, title, summary, outcome, published_at, published_by) "
				+ "VALUES (?,?,?,?,?,?,?)")
			.params(requestId, r.agencyId(), t, s, r.outcome().name(), java.sql.Timestamp.from(now), actor.username())
			.update();
		events.publishEvent(ChangeRecorded.of(actor, now, r.agencyId(), "inforequest.case-published", "InfoRequest", requestId,
				"公开典型案例“" + t + "”", null, null));
		return cases(r.agencyId()).stream().filter(c -> c.requestId() == requestId).findFirst().orElseThrow();
	}

	public void withdraw(long requestId) {
		InfoRequest r = requests.find(requestId).orElseThrow(() -> DomainException.notFound("该申请不存在"));
		Actor actor = CaseAccess.require(r.agencyId(), Role.APPROVER, Role.AGENCY_ADMIN);
		int n = jdbc.sql("UPDATE req_case SET withdrawn_at = ? WHERE request_id = ? AND withdrawn_at IS NULL")
			.params(java.sql.Timestamp.from(clock.instant()), requestId)
			.update();
		if (n == 0) {
			throw DomainException.notFound("该申请没有公开的典型案例");
		}
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), r.agencyId(), "inforequest.case-withdrawn", "InfoRequest",
				requestId, "撤下典型案例", null, null));
	}

	/** The agency's published cases, newest first (public). */
	@Transactional(readOnly = true)
	public List<Case> cases(long agencyId) {
		return jdbc.sql("SELECT * FROM req_case WHERE agency_id = ? AND withdrawn_at IS NULL ORDER BY published_at DESC, id DESC")
			.param(agencyId)
			.query((rs, n) -> new Case(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("agency_id"), rs.getString("title"),
					rs.getString("summary"), Outcome.valueOf(rs.getString("outcome")), rs.getTimestamp("published_at").toInstant()))
			.list();
	}
}
