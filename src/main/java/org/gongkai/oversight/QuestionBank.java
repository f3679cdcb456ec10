package org.gongkai.oversight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The question bank of the training tests, on the 2019 Regulation (国务院令第711号). Public banks found online are built on
 * the 2007 text and partly contradict the 2019 one (oversight-rules §4.3), so the shipped bank (migration V31) was
 * authored afresh, each question tagged with the articles it tests. Supervisors (政务公开办) and system administrators
 * add, edit and retire questions; a retired question is no longer drawn for new tests, and tests already built keep
 * the copy they took. Answers are shown only to the bank's editors; units building a test see stems and articles.
 */
@Service
@Transactional
public class QuestionBank {

	/** The 2019 Regulation has 56 articles. */
	static final int LAST_ARTICLE = 56;

	public record QuestionInput(QuestionKind kind, String stem, List<String> options, String answer, String articles, String explanation) {
	}

	/** A question as a unit building a test sees it: no answer, no explanation. */
	public record Choice(long id, QuestionKind kind, String stem, String articlesLabel) {
	}

	private final TrainingRecords records;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	QuestionBank(TrainingRecords records, ApplicationEventPublisher events, java.time.Clock clock) {
		this.records = records;
		this.events = events;
		this.clock = clock;
	}

	public static boolean mayEdit(Actor actor) {
		return !actor.token() && (actor.isSystemAdmin() || actor.hasRole(Role.SUPERVISOR));
	}

	/** The whole bank with answers, for its editors. */
	@Transactional(readOnly = true)
	public List<Question> list(boolean withRetired) {
		requireEditor();
		return records.questions(withRetired);
	}

	@Transactional(readOnly = true)
	public Question find(long id) {
		requireEditor();
		return records.question(id).orElseThrow(() -> DomainException.notFound("该试题不存在"));
	}

	/** The questions in use, without answers, for choosing the questions of a test. */
	@Transactional(readOnly = true)
	public List<Choice> choices() {
		return records.questions(false).stream().map(q -> new Choice(q.id(), q.kind(), q.stem(), q.articlesLabel())).toList();
	}

	public Question add(QuestionInput in) {
		Actor actor = requireEditor();
		Valid v = validate(in);
		Instant now = clock.instant();
		long id = records.insertQuestion(in.kind(), v.stem, v.options, v.answer, v.articles, v.explanation, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, null, "training.question-added", "Question", id, "试题库增加试题：" + abbreviate(v.stem),
				null, null));
		return records.question(id).orElseThrow();
	}

	public Question edit(long id, QuestionInput in) {
		Actor actor = requireEditor();
		Question before = records.question(id).orElseThrow(() -> DomainException.notFound("该试题不存在"));
		Valid v = validate(in);
		Instant now = clock.instant();
		records.updateQuestion(id, in.kind(), v.stem, v.options, v.answer, v.articles, v.explanation, now);
		events.publishEvent(ChangeRecorded.of(actor, now, null, "training.question-changed", "Question", id, "修改试题：" + abbreviate(v.stem),
				before.answer(), v.answer));
		return records.question(id).orElseThrow();
	}

	/** Retires a question (no longer drawn for new tests) or brings it back. */
	public Question retire(long id, boolean retired) {
		Actor actor = requireEditor();
		Question q = records.question(id).orElseThrow(() -> DomainException.notFound("该试题不存在"));
		Instant now = clock.instant();
		records.retireQuestion(id, retired, now);
		events.publishEvent(ChangeRecorded.of(actor, now, null, retired ? "training.question-retired" : "training.question-restored",
				"Question", id, (retired ? "停用试题：" : "恢复试题：") + abbreviate(q.stem()), null, null));
		return records.question(id).orElseThrow();
	}

	private static Actor requireEditor() {
		Actor actor = Actors.require();
		if (!mayEdit(actor)) {
			throw DomainException.forbidden("只有政务公开主管部门和系统管理员可以维护试题库");
		}
		return actor;
	}

	private record Valid(String stem, List<String> options, String answer, List<Integer> articles, String explanation) {
	}

	private static Valid validate(QuestionInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		if (in.kind() == null) {
			problems.add(new FieldProblem("kind", "请选择题型"));
		}
		String stem = Texts.trimToNull(in.stem());
		if (stem == null) {
			problems.add(new FieldProblem("stem", "请填写题干"));
		}
		else if (stem.length() > 1000) {
			problems.add(new FieldProblem("stem", "题干不能超过1000字"));
		}
		List<String> options = new ArrayList<>();
		if (in.kind() != null && in.kind() != QuestionKind.TRUE_FALSE) {
			List<String> given = in.options() == null ? List.of() : in.options();
			boolean gap = false;
			for (String o : given) {
				String t = Texts.trimToNull(o);
				if (t == null) {
					gap = true;
					continue;
				}
				if (gap) {
					problems.add(new FieldProblem("options", "选项请依次填写，中间不能留空"));
					break;
				}
				if (t.length() > 300) {
					problems.add(new FieldProblem("options", "每个选项不能超过300字"));
					break;
				}
				options.add(t);
			}
			if (options.size() < (in.kind() == QuestionKind.MULTIPLE ? 3 : 2)) {
				problems.add(new FieldProblem("options", in.kind() == QuestionKind.MULTIPLE ? "多选题至少填写三个选项" : "单选题至少填写两个选项"));
			}
			if (options.size() > 4) {
				problems.add(new FieldProblem("options", "最多四个选项"));
			}
		}
		String answer = null;
		if (in.kind() != null) {
			String problem = TrainingMarking.keyProblem(in.kind(), in.answer() == null ? "" : in.answer(), options.size());
			if (problem != null) {
				problems.add(new FieldProblem("answer", problem));
			}
			else {
				answer = TrainingMarking.normalise(in.kind(), in.answer(), options.size());
			}
		}
		List<Integer> articles = List.of();
		try {
			articles = Question.Articles.parse(in.articles());
			if (articles.isEmpty()) {
				problems.add(new FieldProblem("articles", "请填写所考查的《条例》条款序号"));
			}
			else if (articles.stream().anyMatch(a -> a < 1 || a > LAST_ARTICLE)) {
				problems.add(new FieldProblem("articles", "条款序号应在1至" + LAST_ARTICLE + "之间"));
			}
			else {
				articles = articles.stream().distinct().toList();
			}
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem("articles", "条款序号请填写数字，多个以逗号分隔，如 33,30"));
		}
		String explanation = Texts.trimToNull(in.explanation());
		if (explanation == null) {
			problems.add(new FieldProblem("explanation", "请填写答案解析，引用《条例》原文"));
		}
		else if (explanation.length() > 2000) {
			problems.add(new FieldProblem("explanation", "答案解析不能超过2000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Valid(stem, options, answer, articles, explanation);
	}

	private static String abbreviate(String s) {
		return s.length() <= 40 ? s : s.substring(0, 40) + "…";
	}
}
