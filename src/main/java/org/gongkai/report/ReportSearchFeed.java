package org.gongkai.report;

import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the site search in step with published annual reports: a published version enters the index, and the
 * versions of the same year it corrects leave it (they are read again and are no longer the latest).
 */
@Component
class ReportSearchFeed {

	private final SearchIndexing indexing;

	private final ReportSearchSource source;

	ReportSearchFeed(SearchIndexing indexing, ReportSearchSource source) {
		this.indexing = indexing;
		this.source = source;
	}

	@ApplicationModuleListener
	void on(AnnualReportPublished event) {
		for (long id : source.publishedVersionIds(event.agencyId(), event.year())) {
			indexing.refresh(ReportSearchSource.KIND, id);
		}
	}
}
