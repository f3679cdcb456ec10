package org.gongkai.inforequest;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AgencyColumn;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.SitemapContributor;
import org.springframework.stereotype.Component;

/**
 * Every agency's 依申请公开 column in its column navigation, and the public addresses of the request pages for
 * the sitemap. The pages themselves are dynamic (a form with its CSRF token, or an applicant's own answers), so
 * they are served by {@link RequestPortalController} and never written to the static site.
 */
@Component
@org.springframework.core.annotation.Order(20)
class RequestColumns implements AgencyColumns.Contributor, SitemapContributor {

	/** The column code: {@code /agencies/{code}/apply/}. */
	static final String COLUMN = "apply";

	static final String TRACK_PATH = "/requests/track";

	private final AgencyDirectory agencies;

	RequestColumns(AgencyDirectory agencies) {
		this.agencies = agencies;
	}

	static String applyPath(Agency agency) {
		return "/agencies/" + agency.code() + "/" + COLUMN + "/";
	}

	@Override
	public List<AgencyColumn> columns(long agencyId) {
		return List.of(new AgencyColumn(COLUMN, "依申请公开", "依申请公开指南、网上申请和办理进度查询"));
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		for (Agency a : agencies.active()) {
			paths.add(applyPath(a));
		}
		paths.add(TRACK_PATH);
		return paths;
	}
}
