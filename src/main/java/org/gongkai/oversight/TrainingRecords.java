package org.gongkai.oversight;

import static org.gongkai.platform.Rows.date;
import static org.gongkai.platform.Rows.instant;
import static org.gongkai.platform.Rows.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of training plans, sessions, the question bank, tests and attempts (tables {@code ov_training*}, {@code ov_question}). */
@Repository
class TrainingRecords {

	private final JdbcClient jdbc;

	TrainingRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- plans ---------------------------------------------------------------------------------------------

	Optional<TrainingPlan> plan(long agencyId, int year) {
		return jdbc.sql("SELECT * FROM ov_training_plan WHERE agency_id = ? AND plan_year = ?")
			.params(agencyId, year)
			.query(TrainingRecords::plan)
			.optional()
			.map(p -> p.withItems(items(p.id())));
	}

	Optional<TrainingPlan> planById(long id) {
		return jdbc.sql("SELECT * FROM ov_training_plan WHERE id = ?").param(id).query(TrainingRecords::plan).optional()
			.map(p -> p.withItems(items(p.id())));
	}

	/** The plans of a year, by agency id. */
	List<TrainingPlan> plans(int year) {
		List<TrainingPlan> bare = jdbc.sql("SELECT * FROM ov_training_plan WHERE plan_year = ?").param(year).query(TrainingRecords::plan).list();
		return bare.stream().map(p -> p.withItems(items(p.id()))).toList();
	}

	long insertPlan(long agencyId, int year, String title, int planned, String content, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_training_plan (agency_id, plan_year, title, planned_sessions, content, created_by, created_at, updated_at) "
				+ "VALUES (?,?,?,?,?,?,?,?)")
			.params(agencyId, year, title, planned, content, by, ts(at), ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updatePlan(long id, String title, int planned, String content, Instant at) {
		jdbc.sql("UPDATE ov_training_plan SET title = ?, planned_sessions = ?, content = ?, updated_at = ? WHERE id = ?")
			.params(title, planned, content, ts(at), id)
			.update();
	}

	List<TrainingPlan.Item> items(long planId) {
		return jdbc.sql("SELECT * FROM ov_training_plan_item WHERE plan_id = ? ORDER BY planned_month, sort_order, id")
			.param(planId)
			.query(TrainingRecords::item)
			.list();
	}

	Optional<TrainingPlan.Item> item(long id) {
		return jdbc.sql("SELECT * FROM ov_training_plan_item WHERE id = ?").param(id).query(TrainingRecords::item).optional();
	}

	long insertItem(long planId, int month, String topic, List<TrainingAudience> audiences, TrainingMethod method, String required) {
		int order = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM ov_training_plan_item WHERE plan_id = ?")
			.param(planId).query(Integer.class).single();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_training_plan_item (plan_id, planned_month, topic, audiences, method, required_attendees, sort_order) "
				+ "VALUES (?,?,?,?,?,?,?)")
			.params(planId, month, topic, TrainingAudience.join(audiences), method.name(), required, order)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateItem(long id, int month, String topic, List<TrainingAudience> audiences, TrainingMethod method, String required) {
		jdbc.sql("UPDATE ov_training_plan_item SET planned_month = ?, topic = ?, audiences = ?, method = ?, required_attendees = ? WHERE id = ?")
			.params(month, topic, TrainingAudience.join(audiences), method.name(), required, id)
			.update();
	}

	void deleteItem(long id) {
		jdbc.sql("DELETE FROM ov_training_plan_item WHERE id = ?").param(id).update();
	}

	// ---- sessions ------------------------------------------------------------------------------------------

	Optional<TrainingSession> session(long id) {
		return jdbc.sql("SELECT * FROM ov_training_session WHERE id = ?").param(id).query(TrainingRecords::session).optional();
	}

	/** Sessions of an agency held from {@code from} to {@code to} (both included), by date. */
	List<TrainingSession> sessions(long agencyId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT * FROM ov_training_session WHERE agency_id = ? AND held_on >= ? AND held_on <= ? ORDER BY held_on, id")
			.params(agencyId, Date.valueOf(from), Date.valueOf(to))
			.query(TrainingRecords::session)
			.list();
	}

	long countSessions(long agencyId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT COUNT(*) FROM ov_training_session WHERE agency_id = ? AND held_on >= ? AND held_on <= ?")
			.params(agencyId, Date.valueOf(from), Date.valueOf(to))
			.query(Long.class)
			.single();
	}

	boolean itemUsed(long itemId) {
		return jdbc.sql("SELECT COUNT(*) FROM ov_training_session WHERE plan_item_id = ?").param(itemId).query(Long.class).single() > 0;
	}

	long insertSession(long agencyId, Long itemId, LocalDate heldOn, String topic, String speakers, String place, TrainingMethod method,
			String summary, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_training_session (agency_id, plan_item_id, held_on, topic, speakers, place, method, summary, created_by, "
				+ "created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
			.params(agencyId, itemId, Date.valueOf(heldOn), topic, speakers, place, method.name(), summary, by, ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertAttendance(long sessionId, Long accountId, String externalName, String displayName, boolean attended, String reason) {
		jdbc.sql("INSERT INTO ov_training_attendance (session_id, account_id, external_name, display_name, attended, absence_reason) "
				+ "VALUES (?,?,?,?,?,?)")
			.params(sessionId, accountId, externalName, displayName, attended, reason)
			.update();
	}

	List<TrainingSession.Attendance> attendance(long sessionId) {
		return jdbc.sql("SELECT * FROM ov_training_attendance WHERE session_id = ? ORDER BY CASE WHEN account_id IS NULL THEN 1 ELSE 0 END, id")
			.param(sessionId)
			.query((rs, n) -> new TrainingSession.Attendance(rs.getLong("id"), rs.getLong("session_id"),
					(Long) rs.getObject("account_id", Long.class), rs.getString("external_name"), rs.getString("display_name"),
					rs.getBoolean("attended"), rs.getString("absence_reason")))
			.list();
	}

	long insertMaterial(long sessionId, String fileName, String contentType, long size, String key, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_training_material (session_id, file_name, content_type, size_bytes, storage_key, uploaded_by, uploaded_at) "
				+ "VALUES (?,?,?,?,?,?,?)")
			.params(sessionId, fileName, contentType, size, key, by, ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<TrainingSession.Material> materials(long sessionId) {
		return jdbc.sql("SELECT * FROM ov_training_material WHERE session_id = ? ORDER BY id")
			.param(sessionId)
			.query((rs, n) -> new TrainingSession.Material(rs.getLong("id"), rs.getLong("session_id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("storage_key"), rs.getString("uploaded_by"),
					instant(rs, "uploaded_at")))
			.list();
	}

	// ---- the question bank ---------------------------------------------------------------------------------

	List<Question> questions(boolean withRetired) {
		return jdbc.sql("SELECT * FROM ov_question" + (withRetired ? "" : " WHERE retired = FALSE") + " ORDER BY id")
			.query(TrainingRecords::question)
			.list();
	}

	Optional<Question> question(long id) {
		return jdbc.sql("SELECT * FROM ov_question WHERE id = ?").param(id).query(TrainingRecords::question).optional();
	}

	long insertQuestion(QuestionKind kind, String stem, List<String> options, String answer, List<Integer> articles, String explanation,
			String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_question (kind, stem, option_a, option_b, option_c, option_d, answer, articles, explanation, retired, "
				+ "created_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,FALSE,?,?)")
			.params(kind.name(), stem, opt(options, 0), opt(options, 1), opt(options, 2), opt(options, 3), answer,
					Question.Articles.join(articles), explanation, by, ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateQuestion(long id, QuestionKind kind, String stem, List<String> options, String answer, List<Integer> articles,
			String explanation, Instant at) {
		jdbc.sql("UPDATE ov_question SET kind = ?, stem = ?, option_a = ?, option_b = ?, option_c = ?, option_d = ?, answer = ?, "
				+ "articles = ?, explanation = ?, updated_at = ? WHERE id = ?")
			.params(kind.name(), stem, opt(options, 0), opt(options, 1), opt(options, 2), opt(options, 3), answer,
					Question.Articles.join(articles), explanation, ts(at), id)
			.update();
	}

	void retireQuestion(long id, boolean retired, Instant at) {
		jdbc.sql("UPDATE ov_question SET retired = ?, updated_at = ? WHERE id = ?").params(retired, ts(at), id).update();
	}

	// ---- tests ---------------------------------------------------------------------------------------------

	long insertExam(long sessionId, long agencyId, String title, int passMark, int attempts, Integer limit, LocalDate closesOn,
			String selection, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_training_exam (session_id, agency_id, title, pass_mark, max_attempts, time_limit_minutes, closes_on, "
				+ "selection, closed, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,FALSE,?,?)")
			.params(sessionId, agencyId, title, passMark, attempts, limit, closesOn == null ? null : Date.valueOf(closesOn), selection, by,
					ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertExamQuestion(long examId, Question q, int order) {
		jdbc.sql("INSERT INTO ov_training_exam_question (exam_id, question_id, sort_order, kind, stem, option_a, option_b, option_c, "
				+ "option_d, answer, articles, explanation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
			.params(examId, q.id(), order, q.kind().name(), q.stem(), opt(q.options(), 0), opt(q.options(), 1), opt(q.options(), 2),
					opt(q.options(), 3), q.answer(), Question.Articles.join(q.articles()), q.explanation())
			.update();
	}

	void closeExam(long id) {
		jdbc.sql("UPDATE ov_training_exam SET closed = TRUE WHERE id = ?").param(id).update();
	}

	Optional<TrainingExam> exam(long id) {
		return jdbc.sql("SELECT * FROM ov_training_exam WHERE id = ?").param(id).query(TrainingRecords::exam).optional();
	}

	List<TrainingExam> examsOfSession(long sessionId) {
		return jdbc.sql("SELECT * FROM ov_training_exam WHERE session_id = ? ORDER BY id").param(sessionId).query(TrainingRecords::exam).list();
	}

	List<TrainingExam> examsOfAgency(long agencyId) {
		return jdbc.sql("SELECT * FROM ov_training_exam WHERE agency_id = ? ORDER BY id DESC").param(agencyId).query(TrainingRecords::exam).list();
	}

	List<TrainingExam.ExamQuestion> examQuestions(long examId) {
		return jdbc.sql("SELECT * FROM ov_training_exam_question WHERE exam_id = ? ORDER BY sort_order, id")
			.param(examId)
			.query((rs, n) -> new TrainingExam.ExamQuestion(rs.getLong("id"), rs.getLong("exam_id"), rs.getLong("question_id"),
					rs.getInt("sort_order"), QuestionKind.valueOf(rs.getString("kind")), rs.getString("stem"), options(rs),
					rs.getString("answer"), Question.Articles.parse(rs.getString("articles")), rs.getString("explanation")))
			.list();
	}

	long insertAttempt(long examId, long accountId, String username, String displayName, Instant startedAt, Instant dueAt, int count) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_training_attempt (exam_id, account_id, username, display_name, started_at, due_at, late, question_count) "
				+ "VALUES (?,?,?,?,?,?,FALSE,?)")
			.params(examId, accountId, username, displayName, ts(startedAt), ts(dueAt), count)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Marks an attempt submitted; false when it already was (a second submission of the same page). */
	boolean submitAttempt(long id, Instant at, boolean late, int correct, int score, boolean passed) {
		return jdbc.sql("UPDATE ov_training_attempt SET submitted_at = ?, late = ?, correct_count = ?, score = ?, passed = ? "
				+ "WHERE id = ? AND submitted_at IS NULL")
			.params(ts(at), late, correct, score, passed, id)
			.update() == 1;
	}

	void insertAnswer(long attemptId, long examQuestionId, String given, boolean correct) {
		jdbc.sql("INSERT INTO ov_training_answer (attempt_id, exam_question_id, given, correct) VALUES (?,?,?,?)")
			.params(attemptId, examQuestionId, given, correct)
			.update();
	}

	Optional<TrainingAttempt> attempt(long id) {
		return jdbc.sql("SELECT * FROM ov_training_attempt WHERE id = ?").param(id).query(TrainingRecords::attempt).optional();
	}

	List<TrainingAttempt> attempts(long examId) {
		return jdbc.sql("SELECT * FROM ov_training_attempt WHERE exam_id = ? ORDER BY display_name, username, id")
			.param(examId).query(TrainingRecords::attempt).list();
	}

	List<TrainingAttempt> attemptsOf(long examId, String username) {
		return jdbc.sql("SELECT * FROM ov_training_attempt WHERE exam_id = ? AND username = ? ORDER BY id")
			.params(examId, username).query(TrainingRecords::attempt).list();
	}

	List<TrainingAttempt.Answer> answers(long attemptId) {
		return jdbc.sql("SELECT * FROM ov_training_answer WHERE attempt_id = ? ORDER BY id")
			.param(attemptId)
			.query((rs, n) -> new TrainingAttempt.Answer(rs.getLong("id"), rs.getLong("attempt_id"), rs.getLong("exam_question_id"),
					rs.getString("given"), rs.getBoolean("correct")))
			.list();
	}

	// ---- mapping -------------------------------------------------------------------------------------------

	private static String opt(List<String> options, int i) {
		return i < options.size() ? options.get(i) : null;
	}

	private static List<String> options(ResultSet rs) throws SQLException {
		List<String> all = new ArrayList<>();
		for (String c : List.of("option_a", "option_b", "option_c", "option_d")) {
			String o = rs.getString(c);
			if (o != null) {
				all.add(o);
			}
		}
		return all;
	}

	private static TrainingPlan plan(ResultSet rs, int n) throws SQLException {
		return new TrainingPlan(rs.getLong("id"), rs.getLong("agency_id"), rs.getInt("plan_year"), rs.getString("title"),
				rs.getInt("planned_sessions"), rs.getString("content"), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "updated_at"), List.of());
	}

	private static TrainingPlan.Item item(ResultSet rs, int n) throws SQLException {
		return new TrainingPlan.Item(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("planned_month"), rs.getString("topic"),
				TrainingAudience.parse(rs.getString("audiences")), TrainingMethod.valueOf(rs.getString("method")),
				rs.getString("required_attendees"), rs.getInt("sort_order"));
	}

	private static TrainingSession session(ResultSet rs, int n) throws SQLException {
		return new TrainingSession(rs.getLong("id"), rs.getLong("agency_id"), (Long) rs.getObject("plan_item_id", Long.class),
				date(rs, "held_on"), rs.getString("topic"), rs.getString("speakers"), rs.getString("place"),
				TrainingMethod.valueOf(rs.getString("method")), rs.getString("summary"), rs.getString("created_by"),
				instant(rs, "created_at"));
	}

	private static Question question(ResultSet rs, int n) throws SQLException {
		return new Question(rs.getLong("id"), QuestionKind.valueOf(rs.getString("kind")), rs.getString("stem"), options(rs),
				rs.getString("answer"), Question.Articles.parse(rs.getString("articles")), rs.getString("explanation"),
				rs.getBoolean("retired"), rs.getString("created_by"), instant(rs, "updated_at"));
	}

	private static TrainingExam exam(ResultSet rs, int n) throws SQLException {
		return new TrainingExam(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("agency_id"), rs.getString("title"),
				rs.getInt("pass_mark"), rs.getInt("max_attempts"), (Integer) rs.getObject("time_limit_minutes", Integer.class),
				date(rs, "closes_on"), rs.getString("selection"), rs.getBoolean("closed"), rs.getString("created_by"),
				instant(rs, "created_at"));
	}

	private static TrainingAttempt attempt(ResultSet rs, int n) throws SQLException {
		return new TrainingAttempt(rs.getLong("id"), rs.getLong("exam_id"), rs.getLong("account_id"), rs.getString("username"),
				rs.getString("display_name"), instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "submitted_at"),
				rs.getBoolean("late"), (Integer) rs.getObject("correct_count", Integer.class), rs.getInt("question_count"),
				(Integer) rs.getObject("score", Integer.class), (Boolean) rs.getObject("passed", Boolean.class));
	}
}
