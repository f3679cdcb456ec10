package org.gongkai.participation;

import static org.gongkai.platform.Rows.date;
import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of polls, their questions and options, and the answers (tables {@code pt_poll*}). */
@Repository
class PollStore {

	private final JdbcClient jdbc;

	PollStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- polls -------------------------------------------------------------------------------------------

	long insert(Poll p) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_poll (agency_id, title, description, opens_on, closes_on, identity_rule, results_visibility, withheld_reason, ref_kind, ref_id, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(p.agencyId(), p.title(), p.description(), Date.valueOf(p.opensOn()), Date.valueOf(p.closesOn()),
					p.identityRule().name(), p.resultsVisibility().name(), p.withheldReason(), p.refKind(), p.refId(),
					p.createdBy(), ts(p.createdAt()), ts(p.updatedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(Poll p) {
		jdbc.sql("UPDATE pt_poll SET title = ?, description = ?, opens_on = ?, closes_on = ?, identity_rule = ?, results_visibility = ?, withheld_reason = ?, ref_kind = ?, ref_id = ?, published_at = ?, closed_early_on = ?, withdrawn_at = ?, withdrawal_reason = ?, updated_at = ? WHERE id = ?")
			.params(p.title(), p.description(), Date.valueOf(p.opensOn()), Date.valueOf(p.closesOn()), p.identityRule().name(),
					p.resultsVisibility().name(), p.withheldReason(), p.refKind(), p.refId(), ts(p.publishedAt()),
					p.closedEarlyOn() == null ? null : Date.valueOf(p.closedEarlyOn()), ts(p.withdrawnAt()),
					p.withdrawalReason(), ts(p.updatedAt()), p.id())
			.update();
	}

	Optional<Poll> find(long id) {
		return jdbc.sql("SELECT * FROM pt_poll WHERE id = ?").param(id).query(PollStore::poll).optional();
	}

	/** Locks the poll row for a structural change (questions, options, state). */
	Optional<Poll> lock(long id) {
		return jdbc.sql("SELECT * FROM pt_poll WHERE id = ? FOR UPDATE").param(id).query(PollStore::poll).optional();
	}

	/** Every poll of the given agencies (all agencies when null), newest first. */
	List<Poll> list(List<Long> agencyIds) {
		if (agencyIds != null && agencyIds.isEmpty()) {
			return List.of();
		}
		if (agencyIds == null) {
			return jdbc.sql("SELECT * FROM pt_poll ORDER BY created_at DESC, id DESC").query(PollStore::poll).list();
		}
		return jdbc.sql("SELECT * FROM pt_poll WHERE agency_id IN (:ids) ORDER BY created_at DESC, id DESC")
			.param("ids", agencyIds)
			.query(PollStore::poll)
			.list();
	}

	/** Published, not withdrawn polls (of one agency when given), newest opening first. */
	List<Poll> published(Long agencyId) {
		String sql = "SELECT * FROM pt_poll WHERE published_at IS NOT NULL AND withdrawn_at IS NULL"
				+ (agencyId == null ? "" : " AND agency_id = :agency") + " ORDER BY opens_on DESC, id DESC";
		var spec = jdbc.sql(sql);
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		return spec.query(PollStore::poll).list();
	}

	List<Poll> referencing(String kind, long id) {
		return jdbc.sql("SELECT * FROM pt_poll WHERE ref_kind = ? AND ref_id = ? ORDER BY id DESC")
			.params(kind, id)
			.query(PollStore::poll)
			.list();
	}

	// ---- questions and options -----------------------------------------------------------------------------

	List<PollQuestion> questions(long pollId) {
		List<PollQuestion> bare = jdbc.sql("SELECT * FROM pt_poll_question WHERE poll_id = ? ORDER BY sort_order, id")
			.param(pollId)
			.query((rs, n) -> new PollQuestion(rs.getLong("id"), rs.getLong("poll_id"), rs.getInt("sort_order"),
					PollQuestionKind.valueOf(rs.getString("question_kind")), rs.getString("prompt"), rs.getBoolean("required"),
					integer(rs, "min_choices"), integer(rs, "max_choices"), integer(rs, "max_length"), List.of()))
			.list();
		if (bare.isEmpty()) {
			return bare;
		}
		Map<Long, List<PollOption>> options = new HashMap<>();
		jdbc.sql("SELECT o.* FROM pt_poll_option o JOIN pt_poll_question q ON q.id = o.question_id WHERE q.poll_id = ? ORDER BY o.sort_order, o.id")
			.param(pollId)
			.query((rs, n) -> new PollOption(rs.getLong("id"), rs.getLong("question_id"), rs.getInt("sort_order"),
					rs.getString("label")))
			.list()
			.forEach(o -> options.computeIfAbsent(o.questionId(), k -> new ArrayList<>()).add(o));
		return bare.stream()
			.map(q -> new PollQuestion(q.id(), q.pollId(), q.sortOrder(), q.kind(), q.prompt(), q.required(), q.minChoices(),
					q.maxChoices(), q.maxLength(), options.getOrDefault(q.id(), List.of())))
			.toList();
	}

	long insertQuestion(long pollId, int sortOrder, PollQuestionKind kind, String prompt, boolean required, Integer min,
			Integer max, Integer maxLength) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_poll_question (poll_id, sort_order, question_kind, prompt, required, min_choices, max_choices, max_length) VALUES (?,?,?,?,?,?,?,?)")
			.params(pollId, sortOrder, kind.name(), prompt, required, min, max, maxLength)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateQuestion(long id, String prompt, boolean required, Integer min, Integer max, Integer maxLength) {
		jdbc.sql("UPDATE pt_poll_question SET prompt = ?, required = ?, min_choices = ?, max_choices = ?, max_length = ? WHERE id = ?")
			.params(prompt, required, min, max, maxLength, id)
			.update();
	}

	void deleteQuestion(long id) {
		jdbc.sql("DELETE FROM pt_poll_option WHERE question_id = ?").param(id).update();
		jdbc.sql("DELETE FROM pt_poll_question WHERE id = ?").param(id).update();
	}

	void setQuestionOrder(long id, int sortOrder) {
		jdbc.sql("UPDATE pt_poll_question SET sort_order = ? WHERE id = ?").params(sortOrder, id).update();
	}

	long insertOption(long questionId, int sortOrder, String label) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_poll_option (question_id, sort_order, label) VALUES (?,?,?)")
			.params(questionId, sortOrder, label)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateOption(long id, String label) {
		jdbc.sql("UPDATE pt_poll_option SET label = ? WHERE id = ?").params(label, id).update();
	}

	void deleteOption(long id) {
		jdbc.sql("DELETE FROM pt_poll_option WHERE id = ?").param(id).update();
	}

	void setOptionOrder(long id, int sortOrder) {
		jdbc.sql("UPDATE pt_poll_option SET sort_order = ? WHERE id = ?").params(sortOrder, id).update();
	}

	// ---- answers -----------------------------------------------------------------------------------------

	boolean answered(long pollId, String voterHash) {
		return jdbc.sql("SELECT COUNT(*) FROM pt_poll_voter WHERE poll_id = ? AND voter_hash = ?")
			.params(pollId, voterHash)
			.query(Long.class)
			.single() > 0;
	}

	/** Records that this fingerprint answered; the UNIQUE (poll_id, voter_hash) constraint refuses a second one. */
	void insertVoter(long pollId, String voterHash) {
		jdbc.sql("INSERT INTO pt_poll_voter (poll_id, voter_hash) VALUES (?,?)").params(pollId, voterHash).update();
	}

	/** Inserts the response row: it carries nothing that identifies the respondent. */
	long insertResponse(long pollId, String channel, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO pt_poll_response (poll_id, channel, submitted_at) VALUES (?,?,?)")
			.params(pollId, channel, ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Polls that still hold fingerprints or free text, for the retention job. */
	List<Poll> withPersonalData() {
		return jdbc.sql("SELECT * FROM pt_poll p WHERE EXISTS (SELECT 1 FROM pt_poll_voter v WHERE v.poll_id = p.id) "
				+ "OR EXISTS (SELECT 1 FROM pt_poll_text t JOIN pt_poll_response r ON r.id = t.response_id WHERE r.poll_id = p.id AND t.body IS NOT NULL)")
			.query(PollStore::poll)
			.list();
	}

	int deleteVoters(long pollId) {
		return jdbc.sql("DELETE FROM pt_poll_voter WHERE poll_id = ?").param(pollId).update();
	}

	int eraseTexts(long pollId) {
		return jdbc.sql("UPDATE pt_poll_text SET body = NULL WHERE body IS NOT NULL AND response_id IN (SELECT id FROM pt_poll_response WHERE poll_id = ?)")
			.param(pollId)
			.update();
	}

	void insertChoice(long responseId, long questionId, long optionId) {
		jdbc.sql("INSERT INTO pt_poll_choice (response_id, question_id, option_id) VALUES (?,?,?)")
			.params(responseId, questionId, optionId)
			.update();
	}

	void insertText(long responseId, long questionId, String body) {
		jdbc.sql("INSERT INTO pt_poll_text (response_id, question_id, body) VALUES (?,?,?)")
			.params(responseId, questionId, body)
			.update();
	}

	long participants(long pollId) {
		return jdbc.sql("SELECT COUNT(*) FROM pt_poll_response WHERE poll_id = ?").param(pollId).query(Long.class).single();
	}

	/** Participants per poll, for lists. */
	Map<Long, Long> participants(List<Long> pollIds) {
		Map<Long, Long> out = new HashMap<>();
		if (pollIds.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT poll_id, COUNT(*) AS n FROM pt_poll_response WHERE poll_id IN (:ids) GROUP BY poll_id")
			.param("ids", pollIds)
			.query((rs, n) -> out.put(rs.getLong("poll_id"), rs.getLong("n")))
			.list();
		return out;
	}

	/** How many respondents ticked each option of the poll. */
	Map<Long, Long> optionCounts(long pollId) {
		Map<Long, Long> out = new HashMap<>();
		jdbc.sql("SELECT c.option_id, COUNT(*) AS n FROM pt_poll_choice c JOIN pt_poll_response r ON r.id = c.response_id WHERE r.poll_id = ? GROUP BY c.option_id")
			.param(pollId)
			.query((rs, n) -> out.put(rs.getLong("option_id"), rs.getLong("n")))
			.list();
		return out;
	}

	/** How many respondents answered each question (ticked an option or wrote text). */
	Map<Long, Long> answeredCounts(long pollId) {
		Map<Long, Long> out = new HashMap<>();
		jdbc.sql("SELECT question_id, COUNT(DISTINCT response_id) AS n FROM (SELECT c.question_id, c.response_id FROM pt_poll_choice c JOIN pt_poll_response r ON r.id = c.response_id WHERE r.poll_id = :poll UNION ALL SELECT t.question_id, t.response_id FROM pt_poll_text t JOIN pt_poll_response r2 ON r2.id = t.response_id WHERE r2.poll_id = :poll) x GROUP BY question_id")
			.param("poll", pollId)
			.query((rs, n) -> out.put(rs.getLong("question_id"), rs.getLong("n")))
			.list();
		return out;
	}

	/** One free-text answer, for staff. */
	record TextAnswer(long responseId, long questionId, Instant submittedAt, String body) {
	}

	List<TextAnswer> texts(long pollId) {
		return jdbc.sql("SELECT t.response_id, t.question_id, r.submitted_at, t.body FROM pt_poll_text t JOIN pt_poll_response r ON r.id = t.response_id WHERE r.poll_id = ? AND t.body IS NOT NULL ORDER BY r.submitted_at, t.response_id")
			.param(pollId)
			.query((rs, n) -> new TextAnswer(rs.getLong("response_id"), rs.getLong("question_id"), instant(rs, "submitted_at"),
					rs.getString("body")))
			.list();
	}

	/** One response for the staff export: when, the options ticked per question, the texts per question. */
	record Response(long id, Instant submittedAt, String channel, Map<Long, List<Long>> choices, Map<Long, String> texts) {
	}

	List<Response> responses(long pollId) {
		Map<Long, Response> out = new LinkedHashMap<>();
		jdbc.sql("SELECT id, submitted_at, channel FROM pt_poll_response WHERE poll_id = ? ORDER BY submitted_at, id")
			.param(pollId)
			.query((rs, n) -> out.put(rs.getLong("id"), new Response(rs.getLong("id"), instant(rs, "submitted_at"),
					rs.getString("channel"), new HashMap<>(), new HashMap<>())))
			.list();
		jdbc.sql("SELECT c.response_id, c.question_id, c.option_id FROM pt_poll_choice c JOIN pt_poll_response r ON r.id = c.response_id WHERE r.poll_id = ?")
			.param(pollId)
			.query((rs, n) -> {
				Response r = out.get(rs.getLong("response_id"));
				if (r != null) {
					r.choices().computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>()).add(rs.getLong("option_id"));
				}
				return 0;
			})
			.list();
		for (TextAnswer t : texts(pollId)) {
			Response r = out.get(t.responseId());
			if (r != null) {
				r.texts().put(t.questionId(), t.body());
			}
		}
		return new ArrayList<>(out.values());
	}

	// ---- helpers -----------------------------------------------------------------------------------------

	private static Poll poll(ResultSet rs, int n) throws SQLException {
		long refId = rs.getLong("ref_id");
		Long ref = rs.wasNull() ? null : refId;
		return new Poll(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"), rs.getString("description"),
				date(rs, "opens_on"), date(rs, "closes_on"), PollIdentityRule.valueOf(rs.getString("identity_rule")),
				PollResultsVisibility.valueOf(rs.getString("results_visibility")), rs.getString("withheld_reason"),
				rs.getString("ref_kind"), ref, instant(rs, "published_at"), date(rs, "closed_early_on"),
				instant(rs, "withdrawn_at"), rs.getString("withdrawal_reason"), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

}
