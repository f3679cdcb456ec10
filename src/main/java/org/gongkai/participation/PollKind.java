package org.gongkai.participation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Polls (民意调查) as the 公众参与 column and the other kinds of participation record see them. */
@Component
@Order(30)
@Transactional(readOnly = true)
class PollKind implements ParticipationKind {

	private final PollQueries queries;

	PollKind(PollQueries queries) {
		this.queries = queries;
	}

	@Override
	public String kind() {
		return "poll";
	}

	@Override
	public String title() {
		return "民意调查";
	}

	@Override
	public String listPath(String agencyCode) {
		return agencyCode == null ? PollQueries.LIST : PollQueries.LIST + "?agency=" + agencyCode;
	}

	@Override
	public List<ParticipationLink> highlights(Long agencyId, int limit) {
		return queries.publicList(agencyId, null)
			.stream()
			.limit(limit)
			.map(s -> new ParticipationLink("poll", s.poll().id(), s.poll().agencyId(), s.poll().title(), s.path(), true,
					s.status().label(), s.note()))
			.toList();
	}

	@Override
	public Optional<ParticipationLink> find(long id) {
		LocalDate today = queries.today();
		return queries.find(id).map(p -> queries.link(p, today));
	}

	@Override
	public List<ParticipationLink> linkable(long agencyId) {
		LocalDate today = queries.today();
		return queries.ofAgency(agencyId).stream().map(p -> queries.link(p, today)).toList();
	}

	@Override
	public List<ParticipationLink> referencing(String kind, long id) {
		LocalDate today = queries.today();
		return queries.referencing(kind, id).stream().map(p -> queries.link(p, today)).toList();
	}
}
