/**
 * Site search (搜索即服务, issue 8): one index of every public record, fed by the modules' {@link
 * org.gongkai.platform.SearchSource} beans through {@link org.gongkai.platform.SearchIndexing}; Chinese full-text
 * search with smartcn words and an exact-phrase path, folding, administrator synonyms, facets, best bets, "did you
 * mean", query reports, and a rebuild that keeps search online. The engine is a port ({@link
 * org.gongkai.search.SearchEngine}) with an embedded Lucene implementation and an OpenSearch one for clusters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site search",
		allowedDependencies = { "platform", "organisation" })
package org.gongkai.search;
