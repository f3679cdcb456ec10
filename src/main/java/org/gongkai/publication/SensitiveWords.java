package org.gongkai.publication;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator-managed sensitive-word list: a word either warns the reviewer or blocks publishing. */
@Service
@Transactional
public class SensitiveWords {

	public enum Level {
		WARN("提醒"), BLOCK("禁止发布");

		private final String label;

		Level(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Word(long id, String word, Level level, String note) {
	}

	public record Hit(String word, Level level, String where) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SensitiveWords(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Word> all() {
		return jdbc.sql("SELECT id, word, level, note FROM pub_sensitive_word ORDER BY word")
			.query((rs, n) -> new Word(rs.getLong("id"), rs.getString("word"), Level.valueOf(rs.getString("level")),
					rs.getString("note")))
			.list();
	}

	public Word add(String word, Level level, String note) {
		Actor actor = requireAdmin();
		if (word == null || word.isBlank() || word.trim().length() > 100) {
			throw InvalidInputException.of("word", "请填写敏感词（不超过100字）");
		}
		if (level == null) {
			throw InvalidInputException.of("level", "请选择处理方式");
		}
		String w = word.trim();
		if (jdbc.sql("SELECT COUNT(*) FROM pub_sensitive_word WHERE word = ?").param(w).query(Long.class).single() > 0) {
			throw InvalidInputException.of("word", "“" + w + "”已在敏感词表中");
		}
		jdbc.sql("INSERT INTO pub_sensitive_word (word, level, note, created_by, created_at) VALUES (?,?,?,?,?)")
			.params(w, level.name(), note, actor.username(), Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), null, "sensitive-word.added", "SensitiveWord", w,
				"新增敏感词（" + level.label() + "）", null, w));
		return all().stream().filter(x -> x.word().equals(w)).findFirst().orElseThrow();
	}

	public void remove(long id) {
		Actor actor = requireAdmin();
		Word word = all().stream().filter(w -> w.id() == id).findFirst()
			.orElseThrow(() -> DomainException.notFound("该敏感词不存在"));
		jdbc.sql("DELETE FROM pub_sensitive_word WHERE id = ?").param(id).update();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), null, "sensitive-word.removed", "SensitiveWord",
				word.word(), "删除敏感词", word.word(), null));
	}

	/** Every listed word that occurs in the text. */
	@Transactional(readOnly = true)
	public List<Hit> check(String text, String where) {
		List<Hit> hits = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return hits;
		}
		for (Word w : all()) {
			if (text.contains(w.word())) {
				hits.add(new Hit(w.word(), w.level(), where));
			}
		}
		return hits;
	}

	private static Actor requireAdmin() {
		Actor actor = Actors.require();
		if (!actor.isSystemAdmin()) {
			throw DomainException.forbidden("只有系统管理员可以维护敏感词表");
		}
		return actor;
	}
}
