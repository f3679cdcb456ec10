package org.gongkai.interaction;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.SitemapContributor;
import org.springframework.stereotype.Component;

/** Lists the public pages of suggestions and proposals for the sitemap: the column, the overview and every published reply. */
@Component
class MotionSite implements SitemapContributor {

	private final MotionQueries queries;

	MotionSite(MotionQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(MotionPaths.list());
		paths.add(MotionPaths.statistics());
		queries.publicIds().forEach(id -> paths.add(MotionPaths.item(id)));
		return paths;
	}
}
