package org.gongkai.oversight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SitemapContributor;

import org.springframework.stereotype.Component;

/**
 * The public bulletin pages ({@code /bulletins/} and {@code /bulletins/{id}/}), rendered per request without a
 * session from issued bulletins marked public only, and their sitemap entries. A draft or a staff-only bulletin is
 * never shown.
 */
@Component
class BulletinPages implements SitemapContributor {

	static final String SITE = "/bulletins/";

	private final PageRenderer renderer;

	private final BulletinManagement bulletins;

	private final AgencyDirectory agencies;

	BulletinPages(PageRenderer renderer, BulletinManagement bulletins, AgencyDirectory agencies) {
		this.renderer = renderer;
		this.bulletins = bulletins;
		this.agencies = agencies;
	}

	static String path(long id) {
		return SITE + id + "/";
	}

	String list() {
		Map<String, Object> model = new HashMap<>();
		model.put("bulletins", bulletins.publicBulletins().stream().map(this::view).toList());
		return renderer.render("portal/bulletin-list", model);
	}

	Optional<String> bulletin(long id) {
		return bulletins.publicBulletin(id).map(b -> {
			Map<String, Object> model = new HashMap<>();
			model.put("b", view(b));
			model.put("sitePath", SITE);
			return renderer.render("portal/bulletin-item", model);
		});
	}

	/** What a public page shows of a bulletin. */
	public record View(long id, String title, String documentNumber, String agencyName, String issuedOn, String url,
			List<Bulletin.Section> sections) {
	}

	private View view(Bulletin b) {
		return new View(b.id(), b.title(), b.documentNumber(), agencies.requireById(b.agencyId()).name(), b.issuedOn().toString(),
				path(b.id()), b.sections());
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new java.util.ArrayList<>();
		paths.add(SITE);
		bulletins.publicBulletins().forEach(b -> paths.add(path(b.id())));
		return paths;
	}
}
