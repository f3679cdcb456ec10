package org.gongkai.participation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.participation.MajorDecision.Status;
import org.gongkai.platform.PublicPagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Major decisions as a kind of participation record: the 重大决策 section of the 公众参与 column (the current year's
 * items of published catalogues, those in progress first), references to an item from consultations, polls and
 * meetings, and the portal pages that follow a public change. A decision refers to no other kind.
 */
@Component
@Order(20)
class MajorDecisionKind implements ParticipationKind {

	static final String KIND = "decision";

	private final MajorDecisionQueries queries;

	private final ApplicationEventPublisher events;

	MajorDecisionKind(MajorDecisionQueries queries, ApplicationEventPublisher events) {
		this.queries = queries;
		this.events = events;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String title() {
		return "重大决策";
	}

	@Override
	public String listPath(String agencyCode) {
		return MajorDecisionQueries.listPath(agencyCode, null);
	}

	/** In progress first, then not started, decided, suspended; removed items are left out of the column. */
	private static int rank(Status s) {
		return switch (s) {
			case IN_PROGRESS -> 0;
			case NOT_STARTED -> 1;
			case DECIDED -> 2;
			case SUSPENDED -> 3;
			case REMOVED -> 4;
		};
	}

	@Override
	public List<ParticipationLink> highlights(Long agencyId, int limit) {
		Map<Long, Agency> all = queries.agencyMap();
		return queries.publicItems(agencyId, queries.currentYear())
			.stream()
			.filter(d -> d.status() != Status.REMOVED)
			.sorted(Comparator.comparingInt((MajorDecision d) -> rank(d.status()))
				.thenComparing(MajorDecision::plannedBy)
				.thenComparing(MajorDecision::id))
			.limit(Math.max(0, limit))
			.map(d -> link(d, true, MajorDecisionQueries.unitLabel(d, all)))
			.toList();
	}

	@Override
	public Optional<ParticipationLink> find(long id) {
		return queries.find(id).map(d -> link(d, queries.isPublic(d), queries.unitLabel(d)));
	}

	@Override
	public List<ParticipationLink> linkable(long agencyId) {
		Map<Long, Agency> all = queries.agencyMap();
		boolean active = all.containsKey(agencyId) && all.get(agencyId).active();
		Set<Long> published = queries.catalogs(agencyId).stream().filter(MajorDecision.Catalog::published)
			.map(MajorDecision.Catalog::id).collect(Collectors.toSet());
		return queries.itemsOf(List.of(agencyId))
			.stream()
			.filter(d -> d.status() != Status.REMOVED)
			.sorted(Comparator.comparing(MajorDecision::id).reversed())
			.map(d -> link(d, active && published.contains(d.catalogId()), MajorDecisionQueries.unitLabel(d, all)))
			.toList();
	}

	@Override
	public List<ParticipationLink> referencing(String kind, long id) {
		return List.of();
	}

	private static ParticipationLink link(MajorDecision d, boolean isPublic, String unit) {
		return new ParticipationLink(KIND, d.id(), d.agencyId(), d.title(), MajorDecisionQueries.path(d.id()), isPublic,
				d.status().label(), "计划决策时间 " + d.plannedLabel() + "　承办单位 " + unit);
	}

	/** The sitemap and the agency's pages follow every public change. */
	@ApplicationModuleListener
	void on(PublicMajorDecisionChanged event) {
		events.publishEvent(new PublicPagesChanged(event.agencyId()));
	}
}
