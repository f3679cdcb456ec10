package org.gongkai.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the whole index from the records, in the background and one at a time, while search stays online: every
 * kind's public records are streamed into {@link SearchEngine#beginRebuild()} in batches, and the new index replaces
 * the serving one only when all are in. Changes published meanwhile reach both indexes (the engine's contract), so
 * nothing is lost by the swap. Started from the console, the API or {@code bin/search-rebuild}, and automatically at
 * start-up when the engine reports that its index is missing or was built by another version.
 */
@Component
public class SearchRebuild {

	private static final Logger log = LoggerFactory.getLogger(SearchRebuild.class);

	static final int BATCH = 500;

	/**
	 * What the last (or the running) rebuild did.
	 *
	 * @param processed entries written to the new index so far
	 * @param indexSize entries in the serving index now
	 * @param lastError why the last rebuild failed, or null
	 */
	public record Status(boolean running, long processed, Instant startedAt, Instant finishedAt, String startedBy,
			String lastError, long indexSize) {
	}

	private final SearchEngine engine;

	private final List<SearchSource> sources;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "search-rebuild");
		t.setDaemon(true);
		return t;
	});

	private final Object lock = new Object();

	private final AtomicLong processed = new AtomicLong();

	private boolean running;

	private Instant startedAt;

	private Instant finishedAt;

	private String startedBy;

	private String lastError;

	SearchRebuild(SearchEngine engine, List<SearchSource> sources, ApplicationEventPublisher events,
			TransactionTemplate tx, Clock clock) {
		this.engine = engine;
		this.sources = sources.stream().sorted(Comparator.comparingInt(SearchSource::order)).toList();
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	public Status status() {
		synchronized (lock) {
			return new Status(running, processed.get(), startedAt, finishedAt, startedBy, lastError, safeSize());
		}
	}

	private long safeSize() {
		try {
			return engine.size();
		}
		catch (RuntimeException e) {
			return -1;
		}
	}

	/**
	 * Starts a rebuild unless one is running (then nothing happens); system administrators only. Returns the status
	 * right after.
	 */
	public Status start(Actor actor) {
		if (actor.token() || !actor.isSystemAdmin()) {
			throw DomainException.forbidden("只有系统管理员可以重建搜索索引");
		}
		synchronized (lock) {
			if (running) {
				return status();
			}
			running = true;
			processed.set(0);
			startedAt = clock.instant();
			finishedAt = null;
			startedBy = actor.username();
			lastError = null;
		}
		tx.executeWithoutResult(s -> events.publishEvent(ChangeRecorded.of(actor, clock.instant(), null,
				"search.rebuild-started", "SearchIndex", "all", "重建搜索索引", null, null)));
		executor.submit(this::run);
		return status();
	}

	/** At start-up: rebuild when the engine has no usable index (first start, a new index format). */
	@EventListener(ApplicationReadyEvent.class)
	void rebuildWhenNeeded() {
		if (engine.needsRebuild()) {
			log.info("The search index is missing or out of date: rebuilding it in the background");
			start(Actor.system());
		}
	}

	private void run() {
		String error = null;
		try (SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			List<SearchEntry> batch = new ArrayList<>(BATCH);
			for (SearchSource source : sources) {
				source.forEachPublic(entry -> {
					batch.add(entry);
					if (batch.size() >= BATCH) {
						rebuild.putAll(List.copyOf(batch));
						processed.addAndGet(batch.size());
						batch.clear();
					}
				});
			}
			if (!batch.isEmpty()) {
				rebuild.putAll(List.copyOf(batch));
				processed.addAndGet(batch.size());
			}
			rebuild.complete();
			log.info("Search index rebuilt: {} entries", processed.get());
		}
		catch (RuntimeException | Error e) {
			log.error("Search index rebuild failed; the previous index keeps serving", e);
			error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : "：" + e.getMessage());
		}
		finally {
			synchronized (lock) {
				running = false;
				finishedAt = clock.instant();
				lastError = error;
			}
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}
}
