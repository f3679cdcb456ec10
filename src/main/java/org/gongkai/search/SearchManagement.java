package org.gongkai.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' part of the search: synonym groups and best bets (system administrators and supervisors), every
 * change audited. Searching reads both from memory ({@link SearchVocabulary}).
 */
@Service
@Transactional
public class SearchManagement {

	static final int MAX_TERM_LENGTH = 50;

	static final int MAX_TERMS = 20;

	/** What a synonym or best-bet term list may be split on, besides line breaks. */
	private static final String SEPARATORS = "[\\n/／、,，;；|]";

	private final SearchStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SearchVocabulary vocabulary;

	SearchManagement(SearchStore store, SearchVocabulary vocabulary, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.vocabulary = vocabulary;
		this.events = events;
		this.clock = clock;
	}

	/** Who may change synonyms and best bets. */
	public static boolean mayManage(Actor actor) {
		return !actor.token() && (actor.isSystemAdmin() || actor.hasRole(Role.SUPERVISOR));
	}

	/** Who sees the query reports: editors and the roles above them. */
	public static boolean maySeeReports(Actor actor) {
		return !actor.token() && actor.grants()
			.stream()
			.anyMatch(g -> g.role() != Role.REQUEST_HANDLER && g.role() != Role.MESSAGE_HANDLER);
	}

	// ---- synonyms ----------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<SynonymGroup> synonyms() {
		requireManager();
		return store.synonyms();
	}

	@Transactional(readOnly = true)
	public SynonymGroup synonym(long id) {
		requireManager();
		return store.synonym(id).orElseThrow(() -> DomainException.notFound("该组同义词不存在"));
	}

	/** Adds a group; {@code termsText} holds the words separated by line breaks, slashes, commas or 、. */
	public long addSynonym(String termsText) {
		Actor actor = requireManager();
		List<String> terms = synonymTerms(termsText, null);
		Instant now = clock.instant();
		long id = store.insertSynonym(terms, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, null, "search.synonym-added", "SearchSynonym", id,
				"添加同义词：" + String.join(" / ", terms), null, String.join(" / ", terms)));
		vocabulary.reloadAfterCommit();
		return id;
	}

	public void changeSynonym(long id, String termsText) {
		Actor actor = requireManager();
		SynonymGroup before = store.synonym(id).orElseThrow(() -> DomainException.notFound("该组同义词不存在"));
		List<String> terms = synonymTerms(termsText, id);
		Instant now = clock.instant();
		store.updateSynonym(id, terms, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, null, "search.synonym-changed", "SearchSynonym", id,
				"修改同义词：" + String.join(" / ", terms), before.display(), String.join(" / ", terms)));
		vocabulary.reloadAfterCommit();
	}

	public void deleteSynonym(long id) {
		Actor actor = requireManager();
		SynonymGroup before = store.synonym(id).orElseThrow(() -> DomainException.notFound("该组同义词不存在"));
		store.deleteSynonym(id);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), null, "search.synonym-deleted", "SearchSynonym", id,
				"删除同义词：" + before.display(), before.display(), null));
		vocabulary.reloadAfterCommit();
	}

	private List<String> synonymTerms(String text, Long exceptId) {
		List<String> terms = terms(text, "terms");
		if (terms.size() < 2) {
			throw InvalidInputException.of("terms", "一组同义词至少包含两个不同的词，词与词之间用换行、“/”或“、”分隔");
		}
		for (SynonymGroup other : store.synonyms()) {
			if (exceptId != null && other.id() == exceptId) {
				continue;
			}
			for (String t : terms) {
				if (other.terms().contains(t)) {
					throw InvalidInputException.of("terms", "“" + t + "”已在另一组同义词（" + other.display() + "）中");
				}
			}
		}
		return terms;
	}

	/** Splits, folds and de-duplicates a list of terms; 400 when one is too long or there are too many. */
	static List<String> terms(String text, String field) {
		Set<String> terms = new LinkedHashSet<>();
		if (text != null) {
			Arrays.stream(text.split(SEPARATORS))
				.map(SearchTexts::fold)
				.map(String::strip)
				.filter(t -> !t.isEmpty())
				.forEach(terms::add);
		}
		for (String t : terms) {
			if (t.length() > MAX_TERM_LENGTH) {
				throw InvalidInputException.of(field, "每个词不能超过" + MAX_TERM_LENGTH + "个字：“" + t.substring(0, 10) + "…”");
			}
		}
		if (terms.size() > MAX_TERMS) {
			throw InvalidInputException.of(field, "最多" + MAX_TERMS + "个词");
		}
		return List.copyOf(terms);
	}

	// ---- best bets ---------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<BestBet> bestBets() {
		requireManager();
		return store.bestBets();
	}

	@Transactional(readOnly = true)
	public BestBet bestBet(long id) {
		requireManager();
		return store.bestBet(id).orElseThrow(() -> DomainException.notFound("该推荐结果不存在"));
	}

	/** The fields of a best bet as typed in the console. */
	public record BestBetInput(String terms, String title, String url, String description, Integer sortOrder,
			boolean active) {
	}

	public long addBestBet(BestBetInput input) {
		Actor actor = requireManager();
		BestBet bet = validate(0, input);
		Instant now = clock.instant();
		long id = store.insertBestBet(bet, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, null, "search.best-bet-added", "SearchBestBet", id,
				"添加推荐结果：" + bet.title(), null, summary(bet)));
		vocabulary.reloadAfterCommit();
		return id;
	}

	public void changeBestBet(long id, BestBetInput input) {
		Actor actor = requireManager();
		BestBet before = store.bestBet(id).orElseThrow(() -> DomainException.notFound("该推荐结果不存在"));
		BestBet bet = validate(id, input);
		Instant now = clock.instant();
		store.updateBestBet(bet, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, null, "search.best-bet-changed", "SearchBestBet", id,
				"修改推荐结果：" + bet.title(), summary(before), summary(bet)));
		vocabulary.reloadAfterCommit();
	}

	/** Takes a best bet off the results pages; it stays listed (inactive) and can be activated again by editing it. */
	public void deactivateBestBet(long id) {
		Actor actor = requireManager();
		BestBet before = store.bestBet(id).orElseThrow(() -> DomainException.notFound("该推荐结果不存在"));
		if (!before.active()) {
			return;
		}
		BestBet after = new BestBet(id, before.terms(), before.title(), before.url(), before.description(),
				before.sortOrder(), false, before.updatedBy(), before.updatedAt());
		Instant now = clock.instant();
		store.updateBestBet(after, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, null, "search.best-bet-deactivated", "SearchBestBet", id,
				"停用推荐结果：" + before.title(), summary(before), summary(after)));
		vocabulary.reloadAfterCommit();
	}

	private static BestBet validate(long id, BestBetInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		List<String> terms = List.of();
		try {
			terms = terms(in.terms(), "terms");
			if (terms.isEmpty()) {
				problems.add(new FieldProblem("terms", "请填写至少一个检索词"));
			}
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		String title = in.title() == null ? "" : in.title().strip();
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title", "请填写标题"));
		}
		else if (title.length() > 200) {
			problems.add(new FieldProblem("title", "标题不能超过200个字"));
		}
		String url = in.url() == null ? "" : in.url().strip();
		if (url.isEmpty()) {
			problems.add(new FieldProblem("url", "请填写链接地址"));
		}
		else if (url.length() > 1000 || !(url.startsWith("/") && !url.startsWith("//") || url.startsWith("https://")
				|| url.startsWith("http://")) || url.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
			problems.add(new FieldProblem("url", "链接地址应为本站路径（以“/”开头）或以 https:// 开头的完整地址"));
		}
		String description = in.description() == null ? "" : in.description().strip();
		if (description.length() > 500) {
			problems.add(new FieldProblem("description", "说明不能超过500个字"));
		}
		int sortOrder = in.sortOrder() == null ? 0 : in.sortOrder();
		if (sortOrder < 0 || sortOrder > 9999) {
			problems.add(new FieldProblem("sortOrder", "排序应为0至9999之间的整数"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new BestBet(id, terms, title, url, description, sortOrder, in.active(), null, null);
	}

	private static String summary(BestBet b) {
		return (b.active() ? "启用" : "停用") + "；检索词：" + b.termsDisplay() + "；标题：" + b.title() + "；链接：" + b.url()
				+ "；排序：" + b.sortOrder();
	}

	private static Actor requireManager() {
		Actor actor = Actors.require();
		if (!mayManage(actor)) {
			throw DomainException.forbidden("只有系统管理员和政务公开办可以维护同义词和推荐结果");
		}
		return actor;
	}
}
