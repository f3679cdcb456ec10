package org.gongkai.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyChanged;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.SiteSettings;
import org.gongkai.platform.StaticSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the static site in step with the data: everything at start, and the affected pages after
 * each committed change (through the event publication registry, so a failed write is retried).
 */
@Component
class SiteGenerator {

	private static final Logger log = LoggerFactory.getLogger(SiteGenerator.class);

	private final PortalPages pages;

	private final StaticSite site;

	private final AgencyDirectory directory;

	private final SiteSettings settings;

	private final java.util.concurrent.atomic.AtomicBoolean sitemapStale = new java.util.concurrent.atomic.AtomicBoolean();

	SiteGenerator(PortalPages pages, StaticSite site, AgencyDirectory directory, SiteSettings settings) {
		this.pages = pages;
		this.site = site;
		this.directory = directory;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void generateAll() {
		long start = System.nanoTime();
		copyAssets();
		for (Agency agency : directory.all()) {
			writeAgency(agency);
		}
		writeShared();
		log.info("Static site written to {} in {} ms", site.root(), (System.nanoTime() - start) / 1_000_000);
	}

	@ApplicationModuleListener
	public void on(AgencyChanged event) {
		directory.findById(event.agencyId()).ifPresent(agency -> {
			writeAgency(agency);
			// the parent lists its children, and the children link back to their parent
			directory.parentOf(agency).ifPresent(this::writeAgency);
			directory.activeChildren(agency.id()).forEach(this::writeAgency);
		});
		writeShared();
	}

	/** The column navigation changed: the agency's own pages show it. */
	@ApplicationModuleListener
	public void on(org.gongkai.catalog.CatalogChanged event) {
		directory.findById(event.agencyId()).ifPresent(this::writeAgency);
	}

	/**
	 * Another module rewrote public pages: the sitemap must list them. A burst of changes (a day of OA
	 * pushes) is coalesced: the listener only marks the sitemap stale, and it is rewritten once, within
	 * two seconds, by {@link #flushSitemap()}.
	 */
	@ApplicationModuleListener
	public void on(org.gongkai.platform.PublicPagesChanged event) {
		sitemapStale.set(true);
	}

	@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 2_000, initialDelay = 2_000)
	void flushSitemap() {
		if (sitemapStale.getAndSet(false)) {
			try {
				writeSitemap();
			}
			catch (RuntimeException e) {
				sitemapStale.set(true);
				log.warn("Sitemap not rewritten; will try again", e);
			}
		}
	}

	private void writeAgency(Agency agency) {
		String path = PortalPages.agencyPath(agency);
		if (!agency.active()) {
			site.deleteTree(path);
			return;
		}
		pages.agencyHome(agency.code()).ifPresent(html -> site.writePage(path, html));
		pages.guide(agency.code()).ifPresent(html -> site.writePage(PortalPages.guidePath(agency), html));
	}

	private void writeShared() {
		site.writePage("/", pages.home());
		site.writePage("/agencies/", pages.directoryPage());
		writeSitemap();
	}

	private void writeSitemap() {
		pages.sitemaps("https://" + settings.domain())
			.forEach((name, xml) -> site.fileFor("/" + name)
				.ifPresent(f -> site.write(f, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
	}

	private void copyAssets() {
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:/static/assets/*")) {
				Optional<java.nio.file.Path> target = site.fileFor("/assets/" + r.getFilename());
				if (target.isPresent() && r.isReadable()) {
					try (InputStream in = r.getInputStream()) {
						site.write(target.get(), in.readAllBytes());
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
