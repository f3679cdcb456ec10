package org.gongkai.powers;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.SitemapContributor;
import org.springframework.stereotype.Component;

/**
 * The public addresses of enforcement publicity for the sitemap beyond the agency columns ({@link PowersColumns} lists
 * those): the site-wide list and every public decision's page.
 */
@Component
class EnforcementSitemap implements SitemapContributor {

	private final DecisionQueries queries;

	private final AgencyDirectory agencies;

	EnforcementSitemap(DecisionQueries queries, AgencyDirectory agencies) {
		this.queries = queries;
		this.agencies = agencies;
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(EnforcementPaths.SITE_LIST);
		for (long[] d : queries.publicIds()) {
			agencies.findById(d[1]).filter(Agency::active).ifPresent(a -> paths.add(EnforcementPaths.item(a, d[0])));
		}
		return paths;
	}
}
