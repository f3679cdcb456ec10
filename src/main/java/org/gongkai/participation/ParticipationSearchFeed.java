package org.gongkai.participation;

import org.gongkai.platform.SearchIndexing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the site search in step with consultations, major decisions, meetings and polls: after each change committed,
 * the record is read again through its {@link org.gongkai.platform.SearchSource} and added, replaced or removed. A
 * poll's new answers change nothing the search holds, so they are not passed on.
 */
@Component
class ParticipationSearchFeed {

	private final SearchIndexing indexing;

	ParticipationSearchFeed(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	@ApplicationModuleListener
	void on(PublicConsultationChanged event) {
		indexing.refresh(ConsultationSearchSource.KIND, event.id());
	}

	@ApplicationModuleListener
	void on(PublicMajorDecisionChanged event) {
		indexing.refresh(MajorDecisionSearchSource.KIND, event.id());
	}

	@ApplicationModuleListener
	void on(PublicMeetingChanged event) {
		indexing.refresh(MeetingSearchSource.KIND, event.meetingId());
	}

	@ApplicationModuleListener
	void on(PublicPollChanged event) {
		if (!event.answersOnly()) {
			indexing.refresh(PollSearchSource.KIND, event.pollId());
		}
	}
}
