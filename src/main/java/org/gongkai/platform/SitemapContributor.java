package org.gongkai.platform;

import java.util.List;

/** A module with public pages lists their paths (e.g. {@code /agencies/x/documents/1/}) for {@code sitemap.xml}. */
public interface SitemapContributor {

	List<String> publicPaths();
}
