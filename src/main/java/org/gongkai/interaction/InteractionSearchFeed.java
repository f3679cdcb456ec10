package org.gongkai.interaction;

import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the site search in step with the public messages and motion replies: after each change committed, the record
 * is read again through its {@link org.gongkai.platform.SearchSource} and added, replaced or removed.
 */
@Component
class InteractionSearchFeed {

	private final SearchIndexing indexing;

	InteractionSearchFeed(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	@ApplicationModuleListener
	void on(PublicMessageChanged event) {
		indexing.refresh(MessageSearchSource.KIND, event.messageId());
	}

	@ApplicationModuleListener
	void on(PublicMotionChanged event) {
		indexing.refresh(MotionSearchSource.KIND, event.motionId());
	}
}
