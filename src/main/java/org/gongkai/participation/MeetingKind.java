package org.gongkai.participation;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Open meetings (会议公开) as a kind of participation record: in the 公众参与 column after decisions, consultations and polls. */
@Component
@Order(40)
class MeetingKind implements ParticipationKind {

	private final MeetingQueries queries;

	MeetingKind(MeetingQueries queries) {
		this.queries = queries;
	}

	@Override
	public String kind() {
		return "meeting";
	}

	@Override
	public String title() {
		return "会议公开";
	}

	@Override
	public String listPath(String agencyCode) {
		return MeetingQueries.listPath(agencyCode);
	}

	/** Public meetings, upcoming first (soonest first) with their date, then held ones with their decided items. */
	@Override
	public List<ParticipationLink> highlights(Long agencyId, int limit) {
		return queries.publicMeetings(agencyId, null, null, 0, limit).lines().stream().map(p -> queries.link(p.meeting())).toList();
	}

	@Override
	public Optional<ParticipationLink> find(long id) {
		return queries.find(id).map(queries::link);
	}

	@Override
	public List<ParticipationLink> linkable(long agencyId) {
		return queries.ofAgency(agencyId).stream().map(queries::link).toList();
	}

	/** Meetings whose decided items refer to the record: public only once those decided items are published. */
	@Override
	public List<ParticipationLink> referencing(String kind, long id) {
		return queries.meetingsReferring(kind, id).stream().map(queries::find).flatMap(Optional::stream).map(queries::outcomeLink).toList();
	}
}
