package org.gongkai.oversight;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.oversight.LinkCheckResults.LinkStatus;
import org.gongkai.platform.Rows;
import org.gongkai.publication.PublishedLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The link check (链接可用性): off-peak every day (property {@code gongkai.oversight.link-check-cron}) it checks the links
 * in the bodies of up to {@code gongkai.oversight.link-check-items} public items (default 300) and at most
 * {@code gongkai.oversight.link-check-links} links (default 1500), going on next time where it stopped, so that the
 * whole site is covered over a cycle. Each link is stored with when it was first seen, last checked and since when it
 * is broken; links removed from a body are forgotten.
 */
@Component
public class LinkCheckSweep {

	private static final Logger log = LoggerFactory.getLogger(LinkCheckSweep.class);

	private final PublishedLinks published;

	private final LinkChecker checker;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int itemsPerRun;

	private final int linksPerRun;

	LinkCheckSweep(PublishedLinks published, LinkChecker checker, JdbcClient jdbc, Clock clock,
			@Value("${gongkai.oversight.link-check-items:300}") int itemsPerRun,
			@Value("${gongkai.oversight.link-check-links:1500}") int linksPerRun) {
		this.published = published;
		this.checker = checker;
		this.jdbc = jdbc;
		this.clock = clock;
		this.itemsPerRun = itemsPerRun;
		this.linksPerRun = linksPerRun;
	}

	private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

	@Scheduled(cron = "${gongkai.oversight.link-check-cron:0 10 2 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		if (!running.compareAndSet(false, true)) {
			return;
		}
		try {
			int n = run();
			log.info("Link check: {} links checked", n);
		}
		finally {
			running.set(false);
		}
	}

	/**
	 * Starts one bounded run in the background (a run can take minutes: each link may wait for its timeout); false
	 * when a run is already going.
	 */
	public boolean startInBackground() {
		if (!running.compareAndSet(false, true)) {
			return false;
		}
		Thread worker = new Thread(() -> {
			try {
				int n = run();
				log.info("Link check started from the console: {} links checked", n);
			}
			catch (RuntimeException e) {
				log.warn("Link check failed: {}", e.toString());
			}
			finally {
				running.set(false);
			}
		}, "link-check");
		worker.setDaemon(true);
		worker.start();
		return true;
	}

	/** One bounded run from where the last stopped; returns the number of links checked. */
	public int run() {
		long cursor = jdbc.sql("SELECT last_document_id FROM ov_link_cursor WHERE id = 1").query(Long.class).optional().orElse(0L);
		List<Long> ids = published.publicItemIdsAfter(cursor, itemsPerRun);
		if (ids.isEmpty() && cursor > 0) {
			cursor = 0;
			ids = published.publicItemIdsAfter(0, itemsPerRun);
		}
		Map<URI, LinkChecker.LinkOutcome> seen = new HashMap<>();
		int checked = 0;
		long last = cursor;
		for (Long id : ids) {
			if (checked >= linksPerRun) {
				break;
			}
			checked += checkItem(id, seen);
			last = id;
		}
		saveCursor(last);
		return checked;
	}

	/** Checks the links of one public item now (and forgets links no longer in its body); returns how many. */
	public int checkItem(long documentId) {
		return checkItem(documentId, new HashMap<>());
	}

	private int checkItem(long documentId, Map<URI, LinkChecker.LinkOutcome> seen) {
		List<PublishedLinks.ItemLink> links = published.linksOf(documentId);
		Set<String> current = links.stream().map(PublishedLinks.ItemLink::url).filter(u -> u.length() <= 1000)
			.collect(Collectors.toSet());
		List<String> stored = jdbc.sql("SELECT url FROM ov_link WHERE document_id = ?").param(documentId).query(String.class).list();
		for (String url : stored) {
			if (!current.contains(url)) {
				jdbc.sql("DELETE FROM ov_link WHERE document_id = ? AND url = ?").params(documentId, url).update();
			}
		}
		int n = 0;
		for (PublishedLinks.ItemLink link : links) {
			if (link.url().length() > 1000) {
				continue;
			}
			Optional<URI> uri = checker.resolve(link.url());
			if (uri.isEmpty()) {
				continue;
			}
			LinkChecker.LinkOutcome outcome = seen.computeIfAbsent(uri.get(), checker::check);
			save(link, uri.get(), checker.isInternal(link.url(), uri.get()), outcome);
			n++;
		}
		return n;
	}

	private void save(PublishedLinks.ItemLink link, URI uri, boolean internal, LinkChecker.LinkOutcome o) {
		Instant now = clock.instant();
		String title = link.title().length() > 500 ? link.title().substring(0, 500) : link.title();
		String resolved = uri.toString().length() > 1000 ? uri.toString().substring(0, 1000) : uri.toString();
		Optional<String> before = jdbc.sql("SELECT status FROM ov_link WHERE document_id = ? AND url = ?")
			.params(link.documentId(), link.url())
			.query(String.class)
			.optional();
		if (before.isEmpty()) {
			jdbc.sql("INSERT INTO ov_link (document_id, agency_id, title, url, resolved_url, internal, status, http_status, "
					+ "detail, first_seen_at, last_checked_at, broken_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(link.documentId(), link.agencyId(), title, link.url(), resolved, internal, o.status().name(),
						o.httpStatus(), o.detail(), Rows.ts(now), Rows.ts(now),
						o.status() == LinkStatus.BROKEN ? Rows.ts(now) : null)
				.update();
			return;
		}
		boolean stillBroken = o.status() == LinkStatus.BROKEN && LinkStatus.BROKEN.name().equals(before.get());
		jdbc.sql("UPDATE ov_link SET agency_id = ?, title = ?, resolved_url = ?, internal = ?, status = ?, http_status = ?, "
				+ "detail = ?, last_checked_at = ?" + (stillBroken ? "" : ", broken_since = ?")
				+ " WHERE document_id = ? AND url = ?")
			.params(stillBroken
					? new Object[] { link.agencyId(), title, resolved, internal, o.status().name(), o.httpStatus(), o.detail(),
							Rows.ts(now), link.documentId(), link.url() }
					: new Object[] { link.agencyId(), title, resolved, internal, o.status().name(), o.httpStatus(), o.detail(),
							Rows.ts(now), o.status() == LinkStatus.BROKEN ? Rows.ts(now) : null, link.documentId(),
							link.url() })
			.update();
	}

	private void saveCursor(long last) {
		int n = jdbc.sql("UPDATE ov_link_cursor SET last_document_id = ?, updated_at = ? WHERE id = 1")
			.params(last, Rows.ts(clock.instant()))
			.update();
		if (n == 0) {
			jdbc.sql("INSERT INTO ov_link_cursor (id, last_document_id, updated_at) VALUES (1, ?, ?)")
				.params(last, Rows.ts(clock.instant()))
				.update();
		}
	}
}
