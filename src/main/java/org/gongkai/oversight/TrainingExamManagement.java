package org.gongkai.oversight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tests of training sessions: built from the question bank (drawn at random with a recorded seed, drawn from the
 * questions on given articles, or chosen one by one), taken by the agency's own staff in the console within the
 * allowed attempts and time limit, marked at once ({@link TrainingMarking}). A taker sees the answers and
 * explanations only after submitting; nobody who may still take the test sees another person's answers.
 */
@Service
@Transactional
public class TrainingExamManagement {

	/** Grace after a time limit for the page to arrive. */
	static final Duration GRACE = Duration.ofMinutes(1);

	/** How the questions of a test are chosen. */
	public enum Selection {
		RANDOM("从题库随机抽取"), ARTICLES("按《条例》条款随机抽取"), CHOSEN("逐题指定");

		private final String label;

		Selection(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public String code() {
			return name();
		}
	}

	public record ExamInput(String title, Selection selection, Integer count, String articles, Long seed, List<Long> questionIds,
			Integer passMark, Integer maxAttempts, Integer timeLimitMinutes, LocalDate closesOn) {
	}

	/** A question as the taker sees it before submitting: no answer, no explanation. */
	public record PaperQuestion(long id, int number, QuestionKind kind, String stem, List<Question.Option> options) {
	}

	public record Paper(TrainingExam exam, TrainingAttempt attempt, List<PaperQuestion> questions) {
	}

	/** One question of a marked attempt: the answer, the explanation, what was given and whether it was right. */
	public record ResultLine(int number, TrainingExam.ExamQuestion question, String given, String givenLabel, String answerLabel,
			boolean correct) {
	}

	public record Result(TrainingExam exam, TrainingAttempt attempt, List<ResultLine> lines) {
	}

	private final TrainingRecords records;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int defaultPassMark;

	TrainingExamManagement(TrainingRecords records, AgencyAccess access, ApplicationEventPublisher events, Clock clock,
			@Value("${gongkai.oversight.training.pass-mark:" + TrainingMarking.DEFAULT_PASS_MARK + "}") int defaultPassMark) {
		this.records = records;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.defaultPassMark = defaultPassMark;
	}

	public int defaultPassMark() {
		return defaultPassMark;
	}

	// ---- building ------------------------------------------------------------------------------------------

	/** Builds a test for a session from the bank. */
	public TrainingExam build(long sessionId, ExamInput in) {
		TrainingSession s = records.session(sessionId).orElseThrow(() -> DomainException.notFound("该培训记录不存在"));
		Actor actor = access.require(s.agencyId(), TrainingManagement.EDITORS);
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.trimToNull(in.title());
		if (title == null) {
			title = s.topic() + "测试";
		}
		if (title.length() > 200) {
			problems.add(new FieldProblem("title", "测试名称不能超过200字"));
		}
		int passMark = in.passMark() == null ? defaultPassMark : in.passMark();
		if (passMark < 1 || passMark > 100) {
			problems.add(new FieldProblem("passMark", "及格分数应在1至100之间"));
		}
		int attempts = in.maxAttempts() == null ? 1 : in.maxAttempts();
		if (attempts < 1 || attempts > 10) {
			problems.add(new FieldProblem("maxAttempts", "答题次数应在1至10次之间"));
		}
		if (in.timeLimitMinutes() != null && (in.timeLimitMinutes() < 1 || in.timeLimitMinutes() > 600)) {
			problems.add(new FieldProblem("timeLimitMinutes", "答题时限应在1至600分钟之间"));
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		if (in.closesOn() != null && in.closesOn().isBefore(today)) {
			problems.add(new FieldProblem("closesOn", "截止日期不能早于今天"));
		}
		List<Question> pool = records.questions(false);
		List<Question> chosen = List.of();
		String selection = null;
		if (in.selection() == null) {
			problems.add(new FieldProblem("selection", "请选择组卷方式"));
		}
		else if (in.selection() == Selection.CHOSEN) {
			Set<Long> ids = new LinkedHashSet<>(in.questionIds() == null ? List.of() : in.questionIds());
			List<Question> picked = new ArrayList<>();
			for (Long id : ids) {
				pool.stream().filter(q -> q.id() == id).findFirst().ifPresent(picked::add);
			}
			if (ids.isEmpty()) {
				problems.add(new FieldProblem("questionIds", "请选择试题"));
			}
			else if (picked.size() != ids.size()) {
				problems.add(new FieldProblem("questionIds", "所选试题不存在或已停用"));
			}
			else if (picked.size() > 100) {
				problems.add(new FieldProblem("questionIds", "一次测试最多100题"));
			}
			chosen = picked;
			selection = Selection.CHOSEN.label() + picked.size() + "题";
		}
		else {
			List<Integer> articles = List.of();
			if (in.selection() == Selection.ARTICLES) {
				try {
					articles = Question.Articles.parse(in.articles());
				}
				catch (NumberFormatException e) {
					problems.add(new FieldProblem("articles", "条款序号请填写数字，多个以逗号分隔，如 33,30"));
				}
				if (articles.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("articles"))) {
					problems.add(new FieldProblem("articles", "请填写要考查的《条例》条款序号"));
				}
				List<Integer> wanted = articles;
				pool = pool.stream().filter(q -> q.articles().stream().anyMatch(wanted::contains)).toList();
			}
			if (in.count() == null || in.count() < 1) {
				problems.add(new FieldProblem("count", "请填写抽取题数"));
			}
			else if (in.count() > 100) {
				problems.add(new FieldProblem("count", "一次测试最多100题"));
			}
			else if (in.count() > pool.size() && problems.stream().noneMatch(p -> p.field().equals("articles"))) {
				problems.add(new FieldProblem("count", "题库中符合条件的试题只有" + pool.size() + "题"));
			}
			long seed = in.seed() != null ? in.seed() : clock.instant().toEpochMilli() % 1_000_000;
			if (problems.isEmpty()) {
				chosen = pick(pool, in.count(), seed);
			}
			selection = in.selection().label() + in.count() + "题（随机种子 " + seed + "）"
					+ (articles.isEmpty() ? "" : "，考查" + Question.Articles.label(articles));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		long id = records.insertExam(sessionId, s.agencyId(), title, passMark, attempts, in.timeLimitMinutes(), in.closesOn(), selection,
				actor.username(), now);
		int order = 1;
		for (Question q : chosen) {
			records.insertExamQuestion(id, q, order++);
		}
		events.publishEvent(ChangeRecorded.of(actor, now, s.agencyId(), "training.exam-built", "TrainingExam", id,
				"组织测试：" + title + "（" + chosen.size() + "题，及格" + passMark + "分）", null, null));
		return records.exam(id).orElseThrow();
	}

	/**
	 * {@code count} questions of {@code pool} drawn with {@code seed}: the pool in id order shuffled by a
	 * {@link Random} of that seed, the first {@code count} taken, kept in drawn order. The same pool and seed always
	 * give the same test.
	 */
	static List<Question> pick(List<Question> pool, int count, long seed) {
		List<Question> sorted = new ArrayList<>(pool);
		sorted.sort(Comparator.comparingLong(Question::id));
		java.util.Collections.shuffle(sorted, new Random(seed));
		return List.copyOf(sorted.subList(0, Math.min(count, sorted.size())));
	}

	/** Closes a test: no new attempts. */
	public void close(long examId) {
		TrainingExam e = records.exam(examId).orElseThrow(() -> DomainException.notFound("该测试不存在"));
		Actor actor = access.require(e.agencyId(), TrainingManagement.EDITORS);
		records.closeExam(examId);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), e.agencyId(), "training.exam-closed", "TrainingExam", examId,
				"结束测试：" + e.title(), null, null));
	}

	// ---- who sees what -------------------------------------------------------------------------------------

	/** A test the actor may open: staff of the agency, or readers of its training records. */
	@Transactional(readOnly = true)
	public TrainingExam readable(long examId) {
		TrainingExam e = records.exam(examId).orElseThrow(() -> DomainException.notFound("该测试不存在"));
		Actor actor = Actors.require();
		if (!isStaff(actor, e) && !access.allows(actor, e.agencyId(), TrainingManagement.READERS)) {
			throw DomainException.forbidden("您没有查看该单位培训测试的权限");
		}
		return e;
	}

	static boolean isStaff(Actor actor, TrainingExam e) {
		return !actor.token() && actor.agencyId() != null && actor.agencyId() == e.agencyId();
	}

	/** Whether the actor may start an attempt now. */
	@Transactional(readOnly = true)
	public boolean mayTake(Actor actor, TrainingExam e) {
		return isStaff(actor, e) && e.open(today()) && records.attemptsOf(e.id(), actor.username()).size() < e.maxAttempts();
	}

	/** Whether the actor may see other people's answers: not while the actor may still take the test. */
	@Transactional(readOnly = true)
	public boolean maySeeAnswersOfOthers(Actor actor, TrainingExam e) {
		return access.allows(actor, e.agencyId(), TrainingManagement.READERS) && !mayTake(actor, e)
				&& records.attemptsOf(e.id(), actor.username()).stream().allMatch(TrainingAttempt::submitted);
	}

	@Transactional(readOnly = true)
	public List<TrainingAttempt> attempts(long examId) {
		TrainingExam e = readable(examId);
		Actor actor = Actors.require();
		if (access.allows(actor, e.agencyId(), TrainingManagement.READERS)) {
			return records.attempts(examId);
		}
		return records.attemptsOf(examId, actor.username());
	}

	@Transactional(readOnly = true)
	public int questionCount(long examId) {
		readable(examId);
		return records.examQuestions(examId).size();
	}

	/** The open tests of the actor's own agency that the actor has not yet submitted and may still take. */
	@Transactional(readOnly = true)
	public List<TrainingExam> toTake(Actor actor) {
		if (actor.token() || actor.agencyId() == null) {
			return List.of();
		}
		LocalDate today = today();
		List<TrainingExam> open = new ArrayList<>();
		for (TrainingExam e : records.examsOfAgency(actor.agencyId())) {
			if (!e.open(today)) {
				continue;
			}
			List<TrainingAttempt> mine = records.attemptsOf(e.id(), actor.username());
			if (mine.stream().noneMatch(TrainingAttempt::submitted) && mine.size() <= e.maxAttempts()) {
				open.add(e);
			}
		}
		return open;
	}

	// ---- taking --------------------------------------------------------------------------------------------

	/** Starts an attempt, or returns the attempt the actor has open. */
	public TrainingAttempt start(long examId) {
		TrainingExam e = records.exam(examId).orElseThrow(() -> DomainException.notFound("该测试不存在"));
		Actor actor = Actors.require();
		if (!isStaff(actor, e)) {
			throw DomainException.forbidden("只有本单位工作人员可以参加该测试");
		}
		List<TrainingAttempt> mine = records.attemptsOf(examId, actor.username());
		for (TrainingAttempt a : mine) {
			if (!a.submitted()) {
				return a;
			}
		}
		if (!e.open(today())) {
			throw new DomainException("该测试已结束");
		}
		if (mine.size() >= e.maxAttempts()) {
			throw new DomainException("您已用完该测试的" + e.maxAttempts() + "次答题机会");
		}
		Instant now = clock.instant();
		Instant due = e.timeLimitMinutes() == null ? null : now.plus(Duration.ofMinutes(e.timeLimitMinutes()));
		long id = records.insertAttempt(examId, actor.accountId(), actor.username(), actor.displayName(), now, due,
				records.examQuestions(examId).size());
		return records.attempt(id).orElseThrow();
	}

	/** The questions of an open attempt, for its taker: without answers or explanations. */
	@Transactional(readOnly = true)
	public Paper paper(long attemptId) {
		TrainingAttempt a = own(attemptId);
		if (a.submitted()) {
			throw new DomainException("已交卷，请查看成绩");
		}
		TrainingExam e = records.exam(a.examId()).orElseThrow();
		List<PaperQuestion> questions = new ArrayList<>();
		int n = 1;
		for (TrainingExam.ExamQuestion q : records.examQuestions(e.id())) {
			questions.add(new PaperQuestion(q.id(), n++, q.kind(), q.stem(), q.lettered()));
		}
		return new Paper(e, a, questions);
	}

	/**
	 * Submits and marks an attempt. Answers are keyed by the test question's id. Submitted after the time limit (with a
	 * minute's grace), the attempt is recorded as late and its answers are not counted.
	 */
	public Result submit(long attemptId, Map<Long, String> given) {
		TrainingAttempt a = own(attemptId);
		if (a.submitted()) {
			throw new DomainException("该次答题已交卷，不能重复提交");
		}
		TrainingExam e = records.exam(a.examId()).orElseThrow();
		Instant now = clock.instant();
		boolean late = a.dueAt() != null && now.isAfter(a.dueAt().plus(GRACE));
		List<TrainingExam.ExamQuestion> questions = records.examQuestions(e.id());
		Set<Long> known = new HashSet<>();
		questions.forEach(q -> known.add(q.id()));
		if (given != null && given.keySet().stream().anyMatch(k -> !known.contains(k))) {
			throw InvalidInputException.of("answers", "提交的答案与试卷不符，请重新打开试卷作答");
		}
		int correct = 0;
		List<String[]> marked = new ArrayList<>();
		for (TrainingExam.ExamQuestion q : questions) {
			String g = late || given == null ? null : TrainingMarking.normalise(q.kind(), given.get(q.id()), q.options().size());
			boolean right = TrainingMarking.correct(q.answer(), g);
			if (right) {
				correct++;
			}
			marked.add(new String[] { String.valueOf(q.id()), g, String.valueOf(right) });
		}
		int score = TrainingMarking.score(correct, questions.size());
		boolean passed = TrainingMarking.passed(score, e.passMark());
		if (!records.submitAttempt(attemptId, now, late, correct, score, passed)) {
			throw new DomainException("该次答题已交卷，不能重复提交");
		}
		for (String[] m : marked) {
			records.insertAnswer(attemptId, Long.parseLong(m[0]), m[1], Boolean.parseBoolean(m[2]));
		}
		Actor actor = Actors.require();
		events.publishEvent(ChangeRecorded.of(actor, now, e.agencyId(), "training.exam-submitted", "TrainingExam", e.id(),
				actor.displayName() + "交卷：" + score + "分" + (passed ? "，合格" : "，不合格") + (late ? "（超时）" : ""), null, null));
		return result(attemptId);
	}

	/**
	 * A marked attempt with the answers and explanations: for its taker, and for readers of the agency's training
	 * records who may not (or no longer) take the test themselves.
	 */
	@Transactional(readOnly = true)
	public Result result(long attemptId) {
		TrainingAttempt a = records.attempt(attemptId).orElseThrow(() -> DomainException.notFound("该答题记录不存在"));
		TrainingExam e = records.exam(a.examId()).orElseThrow();
		Actor actor = Actors.require();
		boolean own = a.username().equals(actor.username()) && isStaff(actor, e);
		if (!own && !maySeeAnswersOfOthers(actor, e)) {
			throw DomainException.forbidden(access.allows(actor, e.agencyId(), TrainingManagement.READERS)
					? "您尚未参加该测试，交卷后才能查看他人的答题详情" : "您没有查看该答题记录的权限");
		}
		if (!a.submitted()) {
			throw new DomainException("尚未交卷");
		}
		Map<Long, TrainingAttempt.Answer> answers = new java.util.HashMap<>();
		records.answers(attemptId).forEach(x -> answers.put(x.examQuestionId(), x));
		List<ResultLine> lines = new ArrayList<>();
		int n = 1;
		for (TrainingExam.ExamQuestion q : records.examQuestions(e.id())) {
			TrainingAttempt.Answer x = answers.get(q.id());
			String g = x == null ? null : x.given();
			lines.add(new ResultLine(n++, q, g, TrainingMarking.answerLabel(q.kind(), g), TrainingMarking.answerLabel(q.kind(), q.answer()),
					x != null && x.correct()));
		}
		return new Result(e, a, lines);
	}

	@Transactional(readOnly = true)
	public TrainingAttempt attempt(long attemptId) {
		return records.attempt(attemptId).orElseThrow(() -> DomainException.notFound("该答题记录不存在"));
	}

	private TrainingAttempt own(long attemptId) {
		TrainingAttempt a = records.attempt(attemptId).orElseThrow(() -> DomainException.notFound("该答题记录不存在"));
		Actor actor = Actors.require();
		if (!a.username().equals(actor.username()) || actor.token()) {
			throw DomainException.forbidden("只能作答本人的试卷");
		}
		return a;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}
}
