package org.gongkai.participation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.participation.MajorDecision.Catalog;
import org.gongkai.participation.MajorDecision.Change;
import org.gongkai.platform.AtomFeeds;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SiteSettings;
import org.gongkai.platform.SitemapContributor;
import org.springframework.stereotype.Component;

/**
 * The public pages of the major-decision catalogues — the catalogue of one agency and year, or of every agency in a
 * year; an item with its public stages, the records that refer to it, the decision, progress and evaluation; the Atom
 * feed of the catalogues' changes — rendered per request from published catalogues only, and their sitemap entries.
 */
@Component
class MajorDecisionPages implements SitemapContributor {

	private final PageRenderer renderer;

	private final MajorDecisionQueries queries;

	private final AgencyDirectory agencies;

	private final SiteSettings site;

	MajorDecisionPages(PageRenderer renderer, MajorDecisionQueries queries, AgencyDirectory agencies, SiteSettings site) {
		this.renderer = renderer;
		this.queries = queries;
		this.agencies = agencies;
		this.site = site;
	}

	/**
	 * The catalogue list of a year (the clock's year by default): one agency's, or every agency's published catalogue
	 * when {@code agency} is null; empty when the agency's catalogue of that year is not published.
	 */
	Optional<String> list(Agency agency, int year) {
		List<Catalog> catalogs = queries.publicCatalogs(agency == null ? null : agency.id(), year);
		if (agency != null && catalogs.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(render(agency, year, catalogs));
	}

	private String render(Agency agency, int year, List<Catalog> catalogs) {
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		model.put("year", year);
		TreeSet<Integer> years = new TreeSet<>(queries.publicYears());
		years.add(queries.currentYear());
		years.add(year);
		model.put("years", new ArrayList<>(years.descendingSet()));
		model.put("agencyOptions", agencies.active());
		model.put("catalogs", queries.publicCatalogViews(catalogs));
		model.put("sitePath", MajorDecisionQueries.SITE);
		model.put("feed", MajorDecisionQueries.FEED);
		return renderer.render("participation/decision-list", model);
	}

	/**
	 * The page a link without a year leads to: the current year; for an agency without a published catalogue of the
	 * current year its latest published one, or, when it has none, a page that says so.
	 */
	String latest(Agency agency) {
		int year = queries.defaultYear(agency == null ? null : agency.id());
		return render(agency, year, queries.publicCatalogs(agency == null ? null : agency.id(), year));
	}

	Optional<String> item(long id) {
		return queries.publicItem(id).map(d -> {
			Map<String, Object> model = new HashMap<>();
			model.put("d", queries.publicItemView(d));
			model.put("sitePath", MajorDecisionQueries.SITE);
			model.put("feed", MajorDecisionQueries.FEED);
			return renderer.render("participation/decision-item", model);
		});
	}

	String feed() {
		List<MajorDecisionQueries.PublicChange> changes = queries.publicChanges(null, 50);
		return AtomFeeds.write(site.domain(), site.name() + " 重大行政决策事项目录调整", MajorDecisionQueries.FEED,
				MajorDecisionQueries.SITE, site.host(), Instant.EPOCH, changes.stream().map(pc -> {
					Change c = pc.change();
					Catalog catalog = pc.catalog();
					Agency a = pc.agency();
					String path = c.decisionId() != null ? MajorDecisionQueries.path(c.decisionId())
							: MajorDecisionQueries.listPath(a.code(), catalog.year());
					String text = catalog.year() + "年度目录" + (c.reason() != null ? "　" + c.reason() : "")
							+ (c.detail() != null ? "　" + c.detail() : "");
					return new AtomFeeds.Entry(c.kind().label() + "：" + c.title(), path, "urn:gongkai:decision-change:" + c.id(),
							c.at(), a.name(), text);
				}).toList());
	}

	Optional<Agency> activeAgency(String code) {
		return agencies.findByCode(code).filter(Agency::active);
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(MajorDecisionQueries.SITE);
		java.util.Map<Long, Agency> all = queries.agencyMap();
		for (Catalog c : queries.publicCatalogs(null, null)) {
			paths.add(MajorDecisionQueries.listPath(all.get(c.agencyId()).code(), c.year()));
		}
		for (MajorDecision d : queries.publicItems(null, null)) {
			paths.add(MajorDecisionQueries.path(d.id()));
		}
		return paths;
	}
}
