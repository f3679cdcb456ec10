package org.gongkai.powers;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.SitemapContributor;
import org.springframework.stereotype.Component;

/** The public random-inspection pages for the sitemap: the site-wide list, the algorithm, every public plan and draw, read a page at a time. */
@Component
class InspectionSite implements SitemapContributor {

	private final InspectionQueries queries;

	InspectionSite(InspectionQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(InspectionPaths.SITE);
		paths.add(InspectionPaths.ALGORITHM);
		for (int page = 1;; page++) {
			List<InspectionPlan> plans = queries.publicPlans(null, page, InspectionQueries.MAX_PAGE_SIZE);
			for (InspectionPlan p : plans) {
				Agency a = queries.agency(p.agencyId());
				paths.add(InspectionPaths.plan(a, p.id()));
				for (InspectionDraw d : queries.draws(p.id())) {
					paths.add(InspectionPaths.draw(a, d.id()));
				}
			}
			if (plans.size() < InspectionQueries.MAX_PAGE_SIZE) {
				return paths;
			}
		}
	}
}
