package org.gongkai.publication;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogChanged;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.catalog.NodeKind;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyChanged;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.SitemapContributor;
import org.gongkai.platform.StaticSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the static site in step with items: after a change is committed (through the event publication
 * registry, retried on failure) the item's page and files are written or removed, and the lists and
 * feeds of every node it was or is filed under are rewritten. Only public content is ever written.
 */
@Component
class PublicationSite implements SitemapContributor {

	private static final Logger log = LoggerFactory.getLogger(PublicationSite.class);

	private final PublicationPages pages;

	private final PublicationQueries queries;

	private final StaticSite site;

	private final AgencyDirectory agencies;

	private final Catalog catalog;

	private final FileStore files;

	private final OnRequestCatalog onRequest;

	private final ApplicationEventPublisher events;

	private final boolean backfill;

	PublicationSite(PublicationPages pages, PublicationQueries queries, StaticSite site, AgencyDirectory agencies,
			Catalog catalog, FileStore files, OnRequestCatalog onRequest, ApplicationEventPublisher events,
			@org.springframework.beans.factory.annotation.Value("${gongkai.site.backfill-on-start:true}") boolean backfill) {
		this.backfill = backfill;
		this.pages = pages;
		this.queries = queries;
		this.site = site;
		this.agencies = agencies;
		this.catalog = catalog;
		this.files = files;
		this.onRequest = onRequest;
		this.events = events;
	}

	/**
	 * At start: the list pages and feeds of every agency now, and — in the background, so start-up is not
	 * held up by a large archive — the page of every public item that has no static file yet (a new node,
	 * a restored backup). Until then the application renders those pages on request.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	public void generateAll() {
		long start = System.nanoTime();
		onRequest.compileDue();
		for (Agency agency : agencies.active()) {
			CatalogView view = pages.freshView(agency);
			writeNodes(agency, view, view.tree().stream().filter(n -> n.isTopLevel() || view.count(n.id()) > 0
					|| n.emptyExplanation() != null).toList());
			writeShared(agency);
		}
		log.info("Publication list pages written in {} ms", (System.nanoTime() - start) / 1_000_000);
		if (backfill) {
			Thread worker = new Thread(this::backfillItemPages, "static-site-backfill");
			worker.setDaemon(true);
			worker.setPriority(Thread.MIN_PRIORITY);
			worker.start();
		}
	}

	void backfillItemPages() {
		long start = System.nanoTime();
		int written = 0;
		try {
			for (Agency agency : agencies.active()) {
				int page = 1;
				while (true) {
					PublicationQueries.Page p = queries.publicPage(DocumentQuery.published(List.of(agency.id())), page, 500);
					for (DocumentSummary s : p.items()) {
						if (site.fileFor(PublicationPaths.document(agency, s.id())).filter(java.nio.file.Files::exists).isEmpty()) {
							writeDocument(agency, s.id());
							written++;
						}
					}
					if (page >= p.pages()) {
						break;
					}
					page++;
				}
			}
			log.info("Static item pages back-filled: {} written in {} ms", written, (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException e) {
			log.warn("Back-fill of static item pages stopped after {} pages; they are rendered on request", written, e);
		}
	}

	/**
	 * The moment a change commits, the item's own page is rewritten — or, when the item is no longer
	 * public, removed with its files — before the request that made the change is answered. Lists,
	 * feeds and the sitemap follow right after, below.
	 */
	@org.springframework.transaction.event.TransactionalEventListener(
			phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT)
	public void itemPageAtOnce(PublicDocumentChanged event) {
		try {
			agencies.findById(event.agencyId()).ifPresent(agency -> {
				if (agency.active() && queries.publicDocument(event.documentId()).isPresent()) {
					writeDocument(agency, event.documentId());
				}
				else {
					site.deleteTree(PublicationPaths.document(agency, event.documentId()));
				}
			});
		}
		catch (RuntimeException e) {
			// the change is committed; the retried listener below writes the page again
			log.warn("Immediate static update of item {} failed; left to the retried listener", event.documentId(), e);
		}
	}

	@ApplicationModuleListener
	public void on(PublicDocumentChanged event) {
		agencies.findById(event.agencyId()).filter(Agency::active).ifPresent(agency -> {
			writeDocument(agency, event.documentId());
			CatalogView view = pages.freshView(agency);
			Set<CatalogNode> affected = new LinkedHashSet<>();
			for (Long nodeId : event.nodeIds()) {
				view.node(nodeId).ifPresent(n -> affected.addAll(view.ancestry(n)));
			}
			writeNodes(agency, view, new ArrayList<>(affected));
			writeShared(agency);
			events.publishEvent(new PublicPagesChanged(agency.id()));
		});
	}

	/** Another module's records related to the item changed (an interpretation published): its page is rewritten. */
	@ApplicationModuleListener
	public void on(DocumentRelationsChanged event) {
		queries.publicDocument(event.documentId())
			.flatMap(d -> agencies.findById(d.agencyId()))
			.filter(Agency::active)
			.ifPresent(agency -> writeDocument(agency, event.documentId()));
	}

	@ApplicationModuleListener
	public void on(CatalogChanged event) {
		agencies.findById(event.agencyId()).filter(Agency::active).ifPresent(agency -> {
			CatalogView view = pages.freshView(agency);
			for (CatalogNode node : view.tree()) {
				if (node.hidden()) {
					site.deleteTree(PublicationPaths.node(agency, node));
				}
			}
			writeNodes(agency, view, view.tree().stream().filter(n -> !n.hidden() && (n.isTopLevel()
					|| view.count(n.id()) > 0 || n.emptyExplanation() != null)).toList());
			events.publishEvent(new PublicPagesChanged(agency.id()));
		});
	}

	@ApplicationModuleListener
	public void on(AgencyChanged event) {
		agencies.findById(event.agencyId()).filter(Agency::active).ifPresent(agency -> {
			CatalogView view = pages.freshView(agency);
			writeNodes(agency, view, view.tree().stream().filter(n -> n.isTopLevel() || view.count(n.id()) > 0
					|| n.emptyExplanation() != null).toList());
			writeShared(agency);
		});
	}

	@ApplicationModuleListener
	public void on(CleanupConcluded event) {
		agencies.findById(event.agencyId()).filter(Agency::active).ifPresent(agency -> {
			pages.cleanupPage(agency, event.roundId())
				.ifPresent(html -> site.writePage(PublicationPaths.cleanup(agency, event.roundId()), html));
			writeShared(agency);
			events.publishEvent(new PublicPagesChanged(agency.id()));
		});
	}

	@ApplicationModuleListener
	public void on(PublicPagesChanged event) {
		if (event.agencyId() != null) {
			agencies.findById(event.agencyId()).filter(Agency::active).ifPresent(this::writeShared);
		}
	}

	/** Another module's entries of a column changed (a report published): the column's first page is rewritten. */
	@ApplicationModuleListener
	public void on(org.gongkai.platform.NodeEntriesChanged event) {
		agencies.findById(event.agencyId()).filter(Agency::active).ifPresent(agency -> {
			CatalogView view = pages.freshView(agency);
			view.node(event.nodeCode()).filter(n -> !n.hidden()).ifPresent(n -> writeNodes(agency, view, List.of(n)));
			events.publishEvent(new PublicPagesChanged(agency.id()));
		});
	}

	/** The agency's feed and its normative-document page. */
	private void writeShared(Agency agency) {
		synchronized (writing) {
			writeSharedNow(agency);
		}
	}

	private void writeSharedNow(Agency agency) {
		site.fileFor(PublicationPaths.agencyFeed(agency))
			.ifPresent(f -> site.write(f, pages.agencyFeed(agency).getBytes(StandardCharsets.UTF_8)));
		site.writePage(PublicationPaths.normative(agency), pages.normativePage(agency));
	}

	@ApplicationModuleListener
	public void on(OnRequestCatalogCompiled event) {
		agencies.findById(event.agencyId()).filter(Agency::active).ifPresent(agency -> {
			CatalogView view = pages.freshView(agency);
			view.node(Catalog.ON_REQUEST).ifPresent(n -> writeNodes(agency, view, List.of(n)));
			pages.onRequestIssuePage(agency, event.issueId())
				.ifPresent(html -> site.writePage(PublicationPaths.onRequestIssue(agency, event.issueId()), html));
			events.publishEvent(new PublicPagesChanged(agency.id()));
		});
	}

	/** All static writes of items and lists go one at a time (they take milliseconds; two at once could interleave). */
	private final Object writing = new Object();

	/** Writes the item's page and files when it is public, removes them otherwise. */
	void writeDocument(Agency agency, long documentId) {
		synchronized (writing) {
			writeDocumentNow(agency, documentId);
		}
	}

	private void writeDocumentNow(Agency agency, long documentId) {
		String path = PublicationPaths.document(agency, documentId);
		var html = pages.documentPage(agency, documentId);
		if (html.isEmpty()) {
			site.deleteTree(path);
			return;
		}
		site.deleteTree(path);
		for (Attachment a : queries.attachments(documentId)) {
			files.get(a.storageKey())
				.ifPresent(bytes -> site.fileFor(PublicationPaths.attachment(agency, a)).ifPresent(f -> site.write(f, bytes)));
		}
		site.writePage(path, html.get());
		if (queries.publicDocument(documentId).isEmpty()) {
			site.deleteTree(path); // withdrawn while this page was being written
		}
	}

	/** Writes the first page and the feed of each node (other pages and filtered lists render on request). */
	private void writeNodes(Agency agency, CatalogView view, List<CatalogNode> nodes) {
		synchronized (writing) {
			writeNodesNow(agency, view, nodes);
		}
	}

	private void writeNodesNow(Agency agency, CatalogView view, List<CatalogNode> nodes) {
		for (CatalogNode node : nodes) {
			if (node.kind() == NodeKind.GUIDE) {
				continue;
			}
			String path = PublicationPaths.node(agency, node);
			pages.nodePage(agency, view, node.code(), PublicationPages.Filters.NONE).ifPresentOrElse(html -> {
				site.writePage(path, html);
				pages.nodeFeed(agency, view, node.code())
					.ifPresent(feed -> site.fileFor(PublicationPaths.nodeFeed(agency, node))
						.ifPresent(f -> site.write(f, feed.getBytes(StandardCharsets.UTF_8))));
			}, () -> site.deleteTree(path));
		}
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		java.util.Map<Long, Agency> active = new java.util.HashMap<>();
		for (Agency agency : agencies.active()) {
			active.put(agency.id(), agency);
			for (CatalogNode node : catalog.topLevel(agency.id())) {
				if (!node.hidden() && node.kind() != NodeKind.GUIDE) {
					paths.add(PublicationPaths.node(agency, node));
				}
			}
			paths.add(PublicationPaths.normative(agency));
		}
		for (long[] item : queries.publicIds()) {
			Agency agency = active.get(item[0]);
			if (agency != null) {
				paths.add(PublicationPaths.document(agency, item[1]));
			}
		}
		return paths;
	}
}
