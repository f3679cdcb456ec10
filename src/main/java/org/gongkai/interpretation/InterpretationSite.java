package org.gongkai.interpretation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.SitemapContributor;
import org.gongkai.platform.StaticSite;
import org.gongkai.publication.PublicDocumentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the static site in step with interpretations and responses: the item's page (and its files) is written
 * or removed the moment a change commits; the columns and feeds follow through the event publication registry.
 * Only public content is written.
 */
@Component
class InterpretationSite implements SitemapContributor {

	private static final Logger log = LoggerFactory.getLogger(InterpretationSite.class);

	private final InterpretationPages pages;

	private final InterpretationQueries queries;

	private final StaticSite site;

	private final AgencyDirectory agencies;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Object writing = new Object();

	InterpretationSite(InterpretationPages pages, InterpretationQueries queries, StaticSite site, AgencyDirectory agencies,
			FileStore files, ApplicationEventPublisher events) {
		this.pages = pages;
		this.queries = queries;
		this.site = site;
		this.agencies = agencies;
		this.files = files;
		this.events = events;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(20)
	public void generateAll() {
		synchronized (writing) {
			writeLists(null);
			for (Agency agency : agencies.active()) {
				writeLists(agency);
			}
			Map<Long, Agency> active = agencies.active().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
			for (long[] item : queries.publicIds()) {
				Agency agency = active.get(item[0]);
				if (agency != null && site.fileFor(InterpretationPaths.item(agency, item[1])).filter(java.nio.file.Files::exists).isEmpty()) {
					writeItem(agency, item[1]);
				}
			}
		}
	}

	/** A new or renamed agency gets its 政策解读 and 回应关切 columns written (and the site-wide lists their names). */
	@ApplicationModuleListener
	public void on(org.gongkai.organisation.AgencyChanged event) {
		agencies.findById(event.agencyId()).filter(Agency::active).ifPresent(agency -> {
			synchronized (writing) {
				writeLists(agency);
				writeLists(null);
			}
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	public void itemAtOnce(InterpretationChanged event) {
		try {
			agencies.findById(event.agencyId()).ifPresent(agency -> {
				synchronized (writing) {
					writeItem(agency, event.interpretationId());
				}
			});
		}
		catch (RuntimeException e) {
			log.warn("Immediate static update of interpretation {} failed; left to the retried listener", event.interpretationId(), e);
		}
	}

	@ApplicationModuleListener
	public void on(InterpretationChanged event) {
		agencies.findById(event.agencyId()).ifPresent(agency -> {
			synchronized (writing) {
				writeItem(agency, event.interpretationId());
				writeLists(null);
				if (agency.active()) {
					writeLists(agency);
				}
			}
			events.publishEvent(new PublicPagesChanged(agency.id()));
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	public void responseAtOnce(ConcernResponseChanged event) {
		try {
			agencies.findById(event.agencyId()).ifPresent(agency -> {
				synchronized (writing) {
					writeResponse(agency, event.responseId());
				}
			});
		}
		catch (RuntimeException e) {
			log.warn("Immediate static update of response {} failed; left to the retried listener", event.responseId(), e);
		}
	}

	@ApplicationModuleListener
	public void on(ConcernResponseChanged event) {
		agencies.findById(event.agencyId()).ifPresent(agency -> {
			synchronized (writing) {
				writeResponse(agency, event.responseId());
				writeConcernLists(null);
				if (agency.active()) {
					writeConcernLists(agency);
				}
			}
			events.publishEvent(new PublicPagesChanged(agency.id()));
		});
	}

	/**
	 * A policy changed (withdrawn, corrected, repealed): the pages of its interpretations and of the responses
	 * about it are rewritten at once — removed when they may no longer be shown — so no static page keeps a
	 * withdrawn policy's title or link. Lists follow through {@link InterpretationChanged}.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	public void policyAtOnce(PublicDocumentChanged event) {
		try {
			rewriteAround(event.documentId());
		}
		catch (RuntimeException e) {
			log.warn("Immediate static update around policy {} failed; left to the retried listener", event.documentId(), e);
		}
	}

	@ApplicationModuleListener
	public void on(PublicDocumentChanged event) {
		rewriteAround(event.documentId());
	}

	private void rewriteAround(long documentId) {
		synchronized (writing) {
			for (Interpretation i : queries.linkedTo(documentId)) {
				agencies.findById(i.agencyId()).ifPresent(agency -> writeItem(agency, i.id()));
			}
			for (ConcernResponse r : queries.publicResponsesAbout(documentId)) {
				agencies.findById(r.agencyId()).ifPresent(agency -> writeResponse(agency, r.id()));
			}
		}
	}

	private void writeItem(Agency agency, long id) {
		String path = InterpretationPaths.item(agency, id);
		var html = agency.active() ? pages.itemPage(agency, id) : java.util.Optional.<String>empty();
		site.deleteTree(path);
		if (html.isEmpty()) {
			return;
		}
		for (InterpretationMedia m : queries.media(id)) {
			files.get(m.storageKey())
				.ifPresent(bytes -> site.fileFor(InterpretationPaths.media(agency, m)).ifPresent(f -> site.write(f, bytes)));
		}
		site.writePage(path, html.get());
		if (queries.publicInterpretation(id).isEmpty()) {
			site.deleteTree(path); // withdrawn while the page was being written
		}
	}

	private void writeResponse(Agency agency, long id) {
		String path = InterpretationPaths.concern(agency, id);
		var html = agency.active() ? pages.concernPage(agency, id) : java.util.Optional.<String>empty();
		html.ifPresentOrElse(h -> site.writePage(path, h), () -> site.deleteTree(path));
	}

	/** The first page and the feed of the 政策解读 column (filtered and later pages render on request). */
	private void writeLists(Agency agency) {
		String path = agency == null ? InterpretationPaths.siteList() : InterpretationPaths.agencyList(agency);
		pages.listPage(agency, InterpretationPages.Filters.NONE).ifPresent(html -> site.writePage(path, html));
		String feed = agency == null ? InterpretationPaths.siteFeed() : InterpretationPaths.agencyFeed(agency);
		site.fileFor(feed).ifPresent(f -> site.write(f, pages.feed(agency).getBytes(StandardCharsets.UTF_8)));
		writeConcernLists(agency);
	}

	private void writeConcernLists(Agency agency) {
		String path = agency == null ? InterpretationPaths.concernList() : InterpretationPaths.agencyConcernList(agency);
		pages.concernList(agency, 1).ifPresent(html -> site.writePage(path, html));
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(InterpretationPaths.siteList());
		paths.add(InterpretationPaths.concernList());
		Map<Long, Agency> active = agencies.active().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
		for (Agency agency : active.values()) {
			paths.add(InterpretationPaths.agencyList(agency));
			paths.add(InterpretationPaths.agencyConcernList(agency));
		}
		for (long[] item : queries.publicIds()) {
			Agency agency = active.get(item[0]);
			if (agency != null) {
				paths.add(InterpretationPaths.item(agency, item[1]));
			}
		}
		for (long[] item : queries.publicResponseIds()) {
			Agency agency = active.get(item[0]);
			if (agency != null) {
				paths.add(InterpretationPaths.concern(agency, item[1]));
			}
		}
		return paths;
	}
}
