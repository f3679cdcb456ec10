package org.gongkai.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;
import org.gongkai.platform.PageRenderer;
import org.springframework.stereotype.Component;

/**
 * Builds every public page of the portal shell from public data only, through the one renderer.
 * Abolished agencies have no pages.
 */
@Component
class PortalPages {

	private final AgencyDirectory directory;

	private final PageRenderer renderer;

	private final Catalog catalog;

	private final List<org.gongkai.platform.SitemapContributor> sitemapContributors;

	private final org.gongkai.platform.AgencyColumns columns;

	PortalPages(AgencyDirectory directory, PageRenderer renderer, Catalog catalog,
			List<org.gongkai.platform.SitemapContributor> sitemapContributors, org.gongkai.platform.AgencyColumns columns) {
		this.columns = columns;
		this.directory = directory;
		this.renderer = renderer;
		this.catalog = catalog;
		this.sitemapContributors = sitemapContributors;
	}

	static String agencyPath(Agency agency) {
		return "/agencies/" + agency.code() + "/";
	}

	static String guidePath(Agency agency) {
		return agencyPath(agency) + Catalog.GUIDE + "/";
	}

	/** The level-one entries shown in the agency's column navigation. */
	List<org.gongkai.platform.AgencyColumn> columns(Agency agency) {
		return columns.of(agency.id());
	}

	String home() {
		List<Agency> active = directory.active();
		Map<String, Object> model = new HashMap<>();
		model.put("governments", active.stream().filter(a -> a.type() == AgencyType.PEOPLES_GOVERNMENT && a.level().ordinal() <= AgencyLevel.COUNTY.ordinal()).toList());
		model.put("departments", active.stream().filter(a -> a.type() != AgencyType.PEOPLES_GOVERNMENT && a.level().ordinal() <= AgencyLevel.COUNTY.ordinal()).toList());
		model.put("townships", active.stream().filter(a -> a.level() == AgencyLevel.TOWNSHIP).toList());
		model.put("agencyCount", active.size());
		return renderer.render("portal/home", model);
	}

	String directoryPage() {
		List<Agency> active = directory.active();
		Map<String, List<Agency>> groups = new LinkedHashMap<>();
		for (Agency a : active) {
			groups.computeIfAbsent(groupName(a), k -> new ArrayList<>()).add(a);
		}
		return renderer.render("portal/directory", Map.of("groups", groups, "total", active.size()));
	}

	Optional<String> agencyHome(String code) {
		return activeAgency(code).map(a -> renderer.render("portal/agency", Map.of("agency", a, "columns",
				columns(a), "office", directory.office(a.id()), "parent",
				directory.parentOf(a).filter(Agency::active).map(p -> (Object) p).orElse(""), "children",
				directory.activeChildren(a.id()))));
	}

	Optional<String> guide(String code) {
		return activeAgency(code).map(a -> {
			Map<String, Object> model = new HashMap<>();
			model.put("agency", a);
			model.put("columns", columns(a));
			model.put("column", catalog.node(a.id(), Catalog.GUIDE).orElse(null));
			model.put("office", directory.office(a.id()));
			model.put("contacts", directory.contacts(a.id()));
			return renderer.render("portal/guide", model);
		});
	}

	/** The sitemaps.org limit is 50,000 addresses a file; above this many the sitemap becomes an index. */
	static final int URLS_PER_SITEMAP = 45_000;

	/**
	 * {@code sitemap.xml} and, for a large site, its parts: file name → content. Every public page of
	 * every module is listed (through {@link org.gongkai.platform.SitemapContributor}).
	 */
	Map<String, String> sitemaps(String baseUrl) {
		List<String> urls = new ArrayList<>();
		urls.add("/");
		urls.add("/agencies/");
		for (Agency a : directory.active()) {
			urls.add(agencyPath(a));
			urls.add(guidePath(a));
		}
		sitemapContributors.forEach(c -> urls.addAll(c.publicPaths()));
		Map<String, String> files = new LinkedHashMap<>();
		if (urls.size() <= URLS_PER_SITEMAP) {
			files.put("sitemap.xml", urlset(baseUrl, urls));
			return files;
		}
		StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (int part = 0; part * URLS_PER_SITEMAP < urls.size(); part++) {
			String name = "sitemap-" + (part + 1) + ".xml";
			files.put(name, urlset(baseUrl, urls.subList(part * URLS_PER_SITEMAP,
					Math.min(urls.size(), (part + 1) * URLS_PER_SITEMAP))));
			index.append("  <sitemap><loc>").append(baseUrl).append('/').append(name).append("</loc></sitemap>\n");
		}
		files.put("sitemap.xml", index.append("</sitemapindex>\n").toString());
		return files;
	}

	private static String urlset(String baseUrl, List<String> urls) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (String url : urls) {
			xml.append("  <url><loc>").append(org.springframework.web.util.HtmlUtils.htmlEscape(baseUrl + url)).append("</loc></url>\n");
		}
		return xml.append("</urlset>\n").toString();
	}

	private Optional<Agency> activeAgency(String code) {
		return directory.findByCode(code).filter(Agency::active);
	}

	private static String groupName(Agency a) {
		if (a.type() == AgencyType.PEOPLES_GOVERNMENT) {
			return a.level() == AgencyLevel.TOWNSHIP ? "乡镇人民政府（街道办事处）" : a.level().label() + "人民政府";
		}
		if (a.level() == AgencyLevel.VILLAGE) {
			return "村（社区）";
		}
		if (a.level() == AgencyLevel.TOWNSHIP) {
			return "乡镇（街道）所属机构";
		}
		return a.level().label() + a.type().label();
	}
}
