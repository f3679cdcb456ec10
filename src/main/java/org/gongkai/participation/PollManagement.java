package org.gongkai.participation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Polls, one intention-named step at a time: staff create and edit a questionnaire while it is a draft, publish
 * it, close it early or withdraw it; the public answers it once per person ({@link PollRules}). Every step checks
 * the actor and the poll's state, validates before it writes and is audited in the same transaction; the
 * respondent's identifier is never written anywhere, audit included.
 */
@Service
@Transactional
public class PollManagement {

	/** The kinds a poll may refer to. */
	static final List<String> REFERABLE = List.of("decision", "consultation");

	private final PollStore store;

	private final PollRules rules;

	private final AgencyDirectory agencies;

	private final PollAccess access;

	private final ParticipationLinks links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PollManagement(PollStore store, PollRules rules, AgencyDirectory agencies, PollAccess access, ParticipationLinks links,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.agencies = agencies;
		this.access = access;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	// ---- the poll ----------------------------------------------------------------------------------------

	public Poll create(PollDraft d) {
		List<FieldProblem> problems = new ArrayList<>();
		Agency agency = null;
		String code = Texts.trimToNull(d.agency());
		if (code == null) {
			problems.add(new FieldProblem("agency", "请选择发起调查的单位"));
		}
		else {
			agency = agencies.findByCode(code).filter(Agency::active).orElse(null);
			if (agency == null) {
				problems.add(new FieldProblem("agency", "没有找到这个单位，或该单位已撤销"));
			}
		}
		Actor actor = agency == null ? org.gongkai.platform.Actors.require() : access.requireManager(agency.id());
		Poll checked = check(d, problems, 0, agency == null ? 0 : agency.id(), actor, null);
		long id = store.insert(checked);
		Poll saved = store.find(id).orElseThrow();
		audit(actor, saved, "poll.created", "新建民意调查草稿：" + saved.title(), null, describe(saved));
		return saved;
	}

	/** A draft with its questions in one go (the API): all saved, or nothing when any question is invalid. */
	public Poll create(PollDraft d, List<PollQuestionInput> questions) {
		Poll p = create(d);
		for (int i = 0; i < questions.size(); i++) {
			try {
				addQuestion(p.id(), questions.get(i));
			}
			catch (InvalidInputException e) {
				String prefix = "questions[" + i + "].";
				int n = i + 1;
				throw new InvalidInputException(
						e.problems().stream().map(x -> new FieldProblem(prefix + x.field(), "第" + n + "题：" + x.message())).toList());
			}
		}
		return p;
	}

	public Poll update(long id, PollDraft d) {
		Poll p = lockForEdit(id);
		Actor actor = access.requireManager(p.agencyId());
		List<FieldProblem> problems = new ArrayList<>();
		Poll checked = check(d, problems, id, p.agencyId(), actor, p);
		store.update(checked);
		audit(actor, checked, "poll.updated", "修改民意调查：" + checked.title(), describe(p), describe(checked));
		return store.find(id).orElseThrow();
	}

	private Poll check(PollDraft d, List<FieldProblem> problems, long id, long agencyId, Actor actor, Poll before) {
		String title = Texts.trimToNull(d.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "请填写调查标题"));
		}
		else if (title.length() > PollRules.MAX_TITLE) {
			problems.add(new FieldProblem("title", "调查标题不能超过" + PollRules.MAX_TITLE + "个字"));
		}
		String description = Texts.trimToNull(d.description());
		if (description == null) {
			problems.add(new FieldProblem("description", "请填写调查目的和说明"));
		}
		else if (description.length() > PollRules.MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "调查说明不能超过" + PollRules.MAX_DESCRIPTION + "个字"));
		}
		LocalDate opensOn = date(d.opensOn(), "opensOn", "开始日期", problems);
		LocalDate closesOn = date(d.closesOn(), "closesOn", "截止日期", problems);
		if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
			problems.add(new FieldProblem("closesOn", "截止日期不能早于开始日期"));
		}
		PollIdentityRule rule = null;
		try {
			rule = PollIdentityRule.valueOf(Texts.trimToNull(d.identityRule()) == null ? "" : d.identityRule().trim());
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem("identityRule", "请选择防止重复提交的方式：手机号码（MOBILE）或居民身份证号码（RESIDENT_ID）"));
		}
		PollResultsVisibility visibility = PollResultsVisibility.AFTER_CLOSE;
		if (Texts.trimToNull(d.resultsVisibility()) != null) {
			try {
				visibility = PollResultsVisibility.valueOf(d.resultsVisibility().trim());
			}
			catch (IllegalArgumentException e) {
				problems.add(new FieldProblem("resultsVisibility", "结果公开方式应为 AFTER_CLOSE、LIVE 或 WITHHELD"));
			}
		}
		String withheld = Texts.trimToNull(d.withheldReason());
		if (visibility == PollResultsVisibility.WITHHELD) {
			if (withheld == null) {
				problems.add(new FieldProblem("withheldReason", "结果不公开的，请填写不公开的理由（将在调查页面上公布）"));
			}
			else if (withheld.length() > PollRules.MAX_REASON) {
				problems.add(new FieldProblem("withheldReason", "理由不能超过" + PollRules.MAX_REASON + "个字"));
			}
		}
		else {
			withheld = null;
		}
		String refKind = Texts.trimToNull(d.refKind());
		Long refId = null;
		if (refKind != null) {
			if (!REFERABLE.contains(refKind)) {
				problems.add(new FieldProblem("ref", "关联事项只能是重大决策或意见征集"));
			}
			else {
				try {
					refId = Long.valueOf(Texts.trimToNull(d.refId()) == null ? "" : d.refId().trim());
					links.require("ref", refKind, refId);
				}
				catch (NumberFormatException e) {
					problems.add(new FieldProblem("ref", "请选择关联的事项"));
				}
				catch (InvalidInputException e) {
					problems.addAll(e.problems());
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		if (refId == null) {
			refKind = null;
		}
		return new Poll(id, agencyId, title, description, opensOn, closesOn, rule, visibility, withheld, refKind, refId,
				before == null ? null : before.publishedAt(), null, null, null,
				before == null ? actor.username() : before.createdBy(), before == null ? now : before.createdAt(), now);
	}

	private static LocalDate date(String value, String field, String name, List<FieldProblem> problems) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			problems.add(new FieldProblem(field, "请填写" + name));
			return null;
		}
		try {
			return LocalDate.parse(v);
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, name + "格式应为 YYYY-MM-DD"));
			return null;
		}
	}

	/** The poll goes public: it must have questions, every choice question at least two options, and a future end. */
	public Poll publish(long id) {
		Poll p = lockForEdit(id);
		Actor actor = access.requireManager(p.agencyId());
		List<PollQuestion> questions = store.questions(id);
		List<FieldProblem> problems = new ArrayList<>();
		if (questions.isEmpty()) {
			problems.add(new FieldProblem("questions", "调查还没有题目，请至少添加一道题"));
		}
		for (PollQuestion q : questions) {
			if (q.kind().choice() && q.options().size() < 2) {
				problems.add(new FieldProblem(q.field(), "第" + (questions.indexOf(q) + 1) + "题“" + q.prompt() + "”至少需要两个选项"));
			}
			if (q.kind() == PollQuestionKind.MULTIPLE && q.minChoices() != null && q.minChoices() > q.options().size()) {
				problems.add(new FieldProblem(q.field(), "第" + (questions.indexOf(q) + 1) + "题的最少选择项数超过了选项数"));
			}
		}
		if (p.closesOn().isBefore(rules.today())) {
			problems.add(new FieldProblem("closesOn", "截止日期已过，请先修改调查时间"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		Poll published = with(p, now, null, null, null, now);
		store.update(published);
		audit(actor, published, "poll.published", "发布民意调查：" + p.title(), "草稿",
				PollRules.status(published, rules.today()).label());
		events.publishEvent(new PublicPollChanged(id, p.agencyId(), true, false));
		return published;
	}

	/** Ends an open (or not yet started) poll today: no further answers. */
	public Poll closeEarly(long id) {
		Poll p = store.lock(id).orElseThrow(PollManagement::notFound);
		Actor actor = access.requireManager(p.agencyId());
		PollStatus s = rules.status(p);
		if (s != PollStatus.OPEN && s != PollStatus.NOT_STARTED) {
			throw new DomainException("只有进行中或未开始的调查可以提前结束，该调查目前" + s.label());
		}
		LocalDate today = rules.today();
		Poll closed = with(p, p.publishedAt(), today, null, null, clock.instant());
		store.update(closed);
		audit(actor, closed, "poll.closed", "提前结束民意调查：" + p.title(), s.label(), PollStatus.CLOSED.label());
		events.publishEvent(new PublicPollChanged(id, p.agencyId(), true, false));
		return closed;
	}

	/** Takes a published poll off the portal for a stated reason; the record and the answers stay for staff. */
	public Poll withdraw(long id, String reason) {
		Poll p = store.lock(id).orElseThrow(PollManagement::notFound);
		Actor actor = access.requireManager(p.agencyId());
		if (!p.isPublic()) {
			throw new DomainException(p.withdrawn() ? "该调查已经撤回" : "草稿尚未发布，无需撤回");
		}
		String r = Texts.trimToNull(reason);
		if (r == null) {
			throw InvalidInputException.of("reason", "请填写撤回的理由");
		}
		if (r.length() > PollRules.MAX_REASON) {
			throw InvalidInputException.of("reason", "撤回理由不能超过" + PollRules.MAX_REASON + "个字");
		}
		Instant now = clock.instant();
		Poll withdrawn = with(p, p.publishedAt(), p.closedEarlyOn(), now, r, now);
		store.update(withdrawn);
		audit(actor, withdrawn, "poll.withdrawn", "撤回民意调查：" + p.title() + "（理由：" + r + "）",
				rules.status(p).label(), PollStatus.WITHDRAWN.label());
		events.publishEvent(new PublicPollChanged(id, p.agencyId(), false, false));
		return withdrawn;
	}

	private static Poll with(Poll p, Instant publishedAt, LocalDate closedEarlyOn, Instant withdrawnAt, String reason,
			Instant updatedAt) {
		return new Poll(p.id(), p.agencyId(), p.title(), p.description(), p.opensOn(), p.closesOn(), p.identityRule(),
				p.resultsVisibility(), p.withheldReason(), p.refKind(), p.refId(), publishedAt, closedEarlyOn, withdrawnAt,
				reason, p.createdBy(), p.createdAt(), updatedAt);
	}

	// ---- questions and options (drafts only) ----------------------------------------------------------------

	public long addQuestion(long pollId, PollQuestionInput in) {
		Poll p = lockForEdit(pollId);
		Actor actor = access.requireManager(p.agencyId());
		List<FieldProblem> problems = new ArrayList<>();
		PollQuestionKind kind = null;
		try {
			kind = PollQuestionKind.valueOf(Texts.trimToNull(in.kind()) == null ? "" : in.kind().trim());
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem("kind", "请选择题型：单选题（SINGLE）、多选题（MULTIPLE）或填空题（TEXT）"));
		}
		List<String> options = new ArrayList<>();
		for (String o : in.options()) {
			String label = Texts.trimToNull(o);
			if (label != null) {
				options.add(label);
			}
		}
		Settings s = settings(kind, in, options.size(), problems);
		if (kind != null && kind.choice()) {
			checkOptions(options, problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<PollQuestion> existing = store.questions(pollId);
		int order = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).sortOrder() + 1;
		long id = store.insertQuestion(pollId, order, kind, s.prompt(), in.required(), s.min(), s.max(), s.maxLength());
		if (kind.choice()) {
			for (int i = 0; i < options.size(); i++) {
				store.insertOption(id, i + 1, options.get(i));
			}
		}
		touch(p);
		audit(actor, p, "poll.question.added", "民意调查“" + p.title() + "”添加" + kind.label() + "：" + s.prompt(), null, null);
		return id;
	}

	public void updateQuestion(long pollId, long questionId, PollQuestionInput in) {
		Poll p = lockForEdit(pollId);
		Actor actor = access.requireManager(p.agencyId());
		PollQuestion q = question(pollId, questionId);
		List<FieldProblem> problems = new ArrayList<>();
		Settings s = settings(q.kind(), in, q.options().size(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		store.updateQuestion(questionId, s.prompt(), in.required(), s.min(), s.max(), s.maxLength());
		touch(p);
		audit(actor, p, "poll.question.updated", "民意调查“" + p.title() + "”修改题目：" + s.prompt(), q.prompt(), s.prompt());
	}

	public void removeQuestion(long pollId, long questionId) {
		Poll p = lockForEdit(pollId);
		Actor actor = access.requireManager(p.agencyId());
		PollQuestion q = question(pollId, questionId);
		store.deleteQuestion(questionId);
		touch(p);
		audit(actor, p, "poll.question.removed", "民意调查“" + p.title() + "”删除题目：" + q.prompt(), q.prompt(), null);
	}

	/** Moves a question one place up ({@code up}) or down; at the edge nothing changes. */
	public void moveQuestion(long pollId, long questionId, boolean up) {
		Poll p = lockForEdit(pollId);
		Actor actor = access.requireManager(p.agencyId());
		List<PollQuestion> qs = new ArrayList<>(store.questions(pollId));
		int i = indexOf(qs.stream().map(PollQuestion::id).toList(), questionId);
		int j = up ? i - 1 : i + 1;
		if (j < 0 || j >= qs.size()) {
			return;
		}
		java.util.Collections.swap(qs, i, j);
		for (int k = 0; k < qs.size(); k++) {
			store.setQuestionOrder(qs.get(k).id(), k + 1);
		}
		touch(p);
		audit(actor, p, "poll.question.moved", "民意调查“" + p.title() + "”调整题目顺序", null, null);
	}

	public long addOption(long pollId, long questionId, String label) {
		Poll p = lockForEdit(pollId);
		Actor actor = access.requireManager(p.agencyId());
		PollQuestion q = question(pollId, questionId);
		if (!q.kind().choice()) {
			throw InvalidInputException.of("label", "填空题没有选项");
		}
		String l = Texts.trimToNull(label);
		List<FieldProblem> problems = new ArrayList<>();
		List<String> all = new ArrayList<>(q.options().stream().map(PollOption::label).toList());
		if (l == null) {
			problems.add(new FieldProblem("label", "请填写选项内容"));
		}
		else {
			all.add(l);
			checkOptions(all, problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.stream().map(x -> new FieldProblem("label", x.message())).toList());
		}
		int order = q.options().isEmpty() ? 1 : q.options().get(q.options().size() - 1).sortOrder() + 1;
		long id = store.insertOption(questionId, order, l);
		touch(p);
		audit(actor, p, "poll.option.added", "民意调查“" + p.title() + "”添加选项：" + l, null, l);
		return id;
	}

	public void removeOption(long pollId, long questionId, long optionId) {
		Poll p = lockForEdit(pollId);
		Actor actor = access.requireManager(p.agencyId());
		PollQuestion q = question(pollId, questionId);
		PollOption o = q.options().stream().filter(x -> x.id() == optionId).findFirst().orElseThrow(PollManagement::notFound);
		store.deleteOption(optionId);
		if (q.maxChoices() != null && q.maxChoices() > q.options().size() - 1) {
			store.updateQuestion(q.id(), q.prompt(), q.required(), q.minChoices(), null, q.maxLength());
		}
		touch(p);
		audit(actor, p, "poll.option.removed", "民意调查“" + p.title() + "”删除选项：" + o.label(), o.label(), null);
	}

	public void moveOption(long pollId, long questionId, long optionId, boolean up) {
		Poll p = lockForEdit(pollId);
		Actor actor = access.requireManager(p.agencyId());
		PollQuestion q = question(pollId, questionId);
		List<PollOption> os = new ArrayList<>(q.options());
		int i = indexOf(os.stream().map(PollOption::id).toList(), optionId);
		int j = up ? i - 1 : i + 1;
		if (j < 0 || j >= os.size()) {
			return;
		}
		java.util.Collections.swap(os, i, j);
		for (int k = 0; k < os.size(); k++) {
			store.setOptionOrder(os.get(k).id(), k + 1);
		}
		touch(p);
		audit(actor, p, "poll.option.moved", "民意调查“" + p.title() + "”调整选项顺序", null, null);
	}

	private record Settings(String prompt, Integer min, Integer max, Integer maxLength) {
	}

	private static Settings settings(PollQuestionKind kind, PollQuestionInput in, int optionCount, List<FieldProblem> problems) {
		String prompt = Texts.trimToNull(in.prompt());
		if (prompt == null) {
			problems.add(new FieldProblem("prompt", "请填写题目"));
		}
		else if (prompt.length() > PollRules.MAX_PROMPT) {
			problems.add(new FieldProblem("prompt", "题目不能超过" + PollRules.MAX_PROMPT + "个字"));
		}
		Integer min = null;
		Integer max = null;
		Integer maxLength = null;
		if (kind == PollQuestionKind.MULTIPLE) {
			min = count(in.minChoices(), "minChoices", "最少选择项数", problems);
			max = count(in.maxChoices(), "maxChoices", "最多选择项数", problems);
			if (min != null && max != null && min > max) {
				problems.add(new FieldProblem("maxChoices", "最多选择项数不能小于最少选择项数"));
			}
			if (max != null && optionCount > 0 && max > optionCount) {
				problems.add(new FieldProblem("maxChoices", "最多选择项数不能超过选项数（" + optionCount + "项）"));
			}
		}
		if (kind == PollQuestionKind.TEXT) {
			maxLength = count(in.maxLength(), "maxLength", "字数上限", problems);
			if (maxLength == null) {
				maxLength = PollRules.DEFAULT_TEXT_LENGTH;
			}
			else if (maxLength > PollRules.MAX_TEXT_LENGTH) {
				problems.add(new FieldProblem("maxLength", "字数上限不能超过" + PollRules.MAX_TEXT_LENGTH));
			}
		}
		return new Settings(prompt, min, max, maxLength);
	}

	private static Integer count(String value, String field, String name, List<FieldProblem> problems) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return null;
		}
		try {
			int n = Integer.parseInt(v);
			if (n < 1) {
				problems.add(new FieldProblem(field, name + "应为正整数"));
				return null;
			}
			return n;
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, name + "应为正整数"));
			return null;
		}
	}

	private static void checkOptions(List<String> options, List<FieldProblem> problems) {
		Set<String> seen = new HashSet<>();
		for (String o : options) {
			if (o.length() > PollRules.MAX_OPTION) {
				problems.add(new FieldProblem("options", "选项不能超过" + PollRules.MAX_OPTION + "个字"));
			}
			if (!seen.add(o)) {
				problems.add(new FieldProblem("options", "选项“" + o + "”重复"));
			}
		}
		if (options.size() > 50) {
			problems.add(new FieldProblem("options", "每题最多50个选项"));
		}
	}

	private static int indexOf(List<Long> ids, long id) {
		int i = ids.indexOf(id);
		if (i < 0) {
			throw notFound();
		}
		return i;
	}

	private PollQuestion question(long pollId, long questionId) {
		return store.questions(pollId).stream().filter(q -> q.id() == questionId).findFirst().orElseThrow(PollManagement::notFound);
	}

	private Poll lockForEdit(long id) {
		Poll p = store.lock(id).orElseThrow(PollManagement::notFound);
		access.requireManager(p.agencyId());
		if (!PollRules.editable(p)) {
			throw new DomainException("调查已经发布，题目、选项和调查设置不能再修改；如需调整，请撤回后另行发起调查");
		}
		return p;
	}

	private void touch(Poll p) {
		store.update(with(p, p.publishedAt(), p.closedEarlyOn(), p.withdrawnAt(), p.withdrawalReason(), clock.instant()));
	}

	// ---- the public ---------------------------------------------------------------------------------------

	/** Checks an answer without saving it (the form lists every problem, even before the acknowledgement). */
	@Transactional(readOnly = true)
	public void answerCheckOnly(long pollId, PollAnswer a) {
		Poll p = store.find(pollId).filter(Poll::isPublic).orElseThrow(PollManagement::notFound);
		validate(p, a);
	}

	private record Validated(String identity, Map<Long, List<Long>> choices, Map<Long, String> texts) {
	}

	private Validated validate(Poll p, PollAnswer a) {
		long pollId = p.id();
		List<PollQuestion> questions = store.questions(pollId);
		List<FieldProblem> problems = new ArrayList<>();
		String normalised = null;
		try {
			normalised = PollRules.normalise(p.identityRule(), a.identity());
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		Map<Long, List<Long>> choices = new java.util.HashMap<>();
		Map<Long, String> texts = new java.util.HashMap<>();
		Set<Long> known = new HashSet<>();
		for (PollQuestion q : questions) {
			known.add(q.id());
			int n = questions.indexOf(q) + 1;
			String label = "第" + n + "题";
			if (q.kind().choice()) {
				List<Long> ticked = new ArrayList<>(new LinkedHashSet<>(a.choices().getOrDefault(q.id(), List.of())));
				Set<Long> allowed = new HashSet<>(q.options().stream().map(PollOption::id).toList());
				if (!allowed.containsAll(ticked)) {
					problems.add(new FieldProblem(q.field(), label + "的选项无效，请重新选择"));
					continue;
				}
				if (a.texts().containsKey(q.id()) && Texts.trimToNull(a.texts().get(q.id())) != null) {
					problems.add(new FieldProblem(q.field(), label + "是选择题，请选择选项"));
					continue;
				}
				if (ticked.isEmpty()) {
					if (q.required()) {
						problems.add(new FieldProblem(q.field(), label + "为必答题，请选择"));
					}
					continue;
				}
				if (q.kind() == PollQuestionKind.SINGLE && ticked.size() > 1) {
					problems.add(new FieldProblem(q.field(), label + "为单选题，只能选择一项"));
					continue;
				}
				if (q.kind() == PollQuestionKind.MULTIPLE) {
					if (q.minChoices() != null && ticked.size() < q.minChoices()) {
						problems.add(new FieldProblem(q.field(), label + "至少选择" + q.minChoices() + "项"));
						continue;
					}
					if (q.maxChoices() != null && ticked.size() > q.maxChoices()) {
						problems.add(new FieldProblem(q.field(), label + "最多选择" + q.maxChoices() + "项"));
						continue;
					}
				}
				choices.put(q.id(), ticked);
			}
			else {
				if (a.choices().containsKey(q.id()) && !a.choices().get(q.id()).isEmpty()) {
					problems.add(new FieldProblem(q.field(), label + "是填空题，请填写文字"));
					continue;
				}
				String text = Texts.trimToNull(a.texts().get(q.id()));
				if (text == null) {
					if (q.required()) {
						problems.add(new FieldProblem(q.field(), label + "为必答题，请填写"));
					}
					continue;
				}
				if (text.length() > q.maxLength()) {
					problems.add(new FieldProblem(q.field(), label + "不能超过" + q.maxLength() + "字（现为" + text.length() + "字）"));
					continue;
				}
				texts.put(q.id(), text);
			}
		}
		for (Long qid : a.choices().keySet()) {
			if (!known.contains(qid)) {
				problems.add(new FieldProblem("q" + qid, "题目" + qid + "不属于本次调查"));
			}
		}
		for (Long qid : a.texts().keySet()) {
			if (!known.contains(qid)) {
				problems.add(new FieldProblem("q" + qid, "题目" + qid + "不属于本次调查"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (choices.isEmpty() && texts.isEmpty()) {
			throw InvalidInputException.of(questions.isEmpty() ? "identity" : questions.get(0).field(), "请至少回答一道题");
		}
		return new Validated(normalised, choices, texts);
	}

	/**
	 * One person's answer, from the portal form ({@code WEB}) or the public API ({@code API}). Refused with 404 when
	 * the poll is not public, 409 outside its days or when the same identifier answered before (checked first, and
	 * by the unique constraint of {@code pt_poll_voter} against a concurrent twin; the fingerprint goes there, never
	 * on the response), 400 when an answer breaks a question's rule.
	 *
	 * @return the response's id
	 */
	public long answer(long pollId, PollAnswer a, String channel) {
		Poll p = store.find(pollId).filter(Poll::isPublic).orElseThrow(PollManagement::notFound);
		PollStatus s = rules.status(p);
		if (s == PollStatus.NOT_STARTED) {
			throw new DomainException("本次调查尚未开始，开始日期为" + p.opensOn() + "，请届时参与");
		}
		if (s != PollStatus.OPEN) {
			throw new DomainException("本次调查已经结束，不再接受提交");
		}
		Validated checked = validate(p, a);
		String normalised = checked.identity();
		Map<Long, List<Long>> choices = checked.choices();
		Map<Long, String> texts = checked.texts();
		String hash = rules.fingerprint(pollId, normalised);
		if (store.answered(pollId, hash)) {
			throw new DomainException(PollRules.duplicateMessage(p.identityRule()));
		}
		try {
			store.insertVoter(pollId, hash);
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(PollRules.duplicateMessage(p.identityRule()));
		}
		// the response row is written after, in the same transaction, and carries no fingerprint
		long responseId = store.insertResponse(pollId, channel, clock.instant());
		choices.forEach((q, os) -> os.forEach(o -> store.insertChoice(responseId, q, o)));
		texts.forEach((q, t) -> store.insertText(responseId, q, t));
		events.publishEvent(ChangeRecorded.of(Actor.system(), clock.instant(), p.agencyId(), "poll.answered", "Poll", pollId,
				"民意调查“" + p.title() + "”收到一份答卷（" + ("API".equals(channel) ? "接口" : "网站") + "）", null, null));
		events.publishEvent(new PublicPollChanged(pollId, p.agencyId(), true, true));
		return responseId;
	}

	// ---- helpers ---------------------------------------------------------------------------------------------

	private void audit(Actor actor, Poll p, String action, String summary, String before, String after) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), p.agencyId(), action, "Poll", p.id(), summary, before, after));
	}

	private static String describe(Poll p) {
		return p.title() + "；" + p.opensOn() + "至" + p.closesOn() + "；" + p.identityRule().label() + "；"
				+ p.resultsVisibility().label() + (p.refKind() == null ? "" : "；关联" + p.refKind() + "#" + p.refId());
	}

	static DomainException notFound() {
		return DomainException.notFound("该民意调查不存在或未公开");
	}
}
