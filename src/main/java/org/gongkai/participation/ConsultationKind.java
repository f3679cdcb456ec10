package org.gongkai.participation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Consultations as the other kinds of participation record and the 公众参与 column see them. The note under a title
 * is the countdown while open, the opening day before, the end afterwards, and the adoption one-liner once the
 * feedback is published (收到意见12条（有效意见10条），采纳5条，部分采纳2条，采纳率70.0%), so that a decision's page can show it.
 */
@Component
@Order(10)
class ConsultationKind implements ParticipationKind {

	static final String KIND = "consultation";

	static final String LIST = "/participation/consultations/";

	private final ConsultationQueries queries;

	private final ConsultationStore store;

	ConsultationKind(ConsultationQueries queries, ConsultationStore store) {
		this.queries = queries;
		this.store = store;
	}

	static String path(long id) {
		return LIST + id + "/";
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String title() {
		return "意见征集";
	}

	@Override
	public String listPath(String agencyCode) {
		return agencyCode == null ? LIST : LIST + "?agency=" + agencyCode;
	}

	@Override
	public List<ParticipationLink> highlights(Long agencyId, int limit) {
		return queries.publicPage(agencyId, null, false, 0, Math.max(0, limit)).stream().map(this::link).toList();
	}

	@Override
	public Optional<ParticipationLink> find(long id) {
		return store.find(id).map(this::link);
	}

	@Override
	public List<ParticipationLink> linkable(long agencyId) {
		return queries.ofAgencies(List.of(agencyId)).stream().filter(c -> !c.withdrawn()).map(this::link).toList();
	}

	@Override
	public List<ParticipationLink> referencing(String kind, long id) {
		if (!"decision".equals(kind)) {
			return List.of();
		}
		return queries.referencingDecision(id).stream().map(this::link).toList();
	}

	ParticipationLink link(Consultation c) {
		LocalDate today = queries.today();
		ConsultationStatus status = ConsultationRules.status(c, today);
		return new ParticipationLink(KIND, c.id(), c.agencyId(), c.title(), path(c.id()), status.isPublic(), status.label(),
				note(c, status, today));
	}

	String note(Consultation c, ConsultationStatus status, LocalDate today) {
		return switch (status) {
			case OPEN -> c.opensOn() + " 至 " + c.closesOn() + "，" + ConsultationRules.countdown(c.closesOn(), today);
			case NOT_STARTED -> c.opensOn() + " 开始征集，" + c.closesOn() + " 截止";
			case CLOSED -> c.opensOn() + " 至 " + c.effectiveClosesOn() + "，征集已结束，采纳情况整理中";
			case FEEDBACK_PUBLISHED -> queries.tally(c.id()).oneLiner();
			default -> "";
		};
	}
}
