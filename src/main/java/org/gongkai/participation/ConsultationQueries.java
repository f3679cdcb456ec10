package org.gongkai.participation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of consultations: the public's (public records only, in the portal's order) and the staff's (scoped). */
@Service
@Transactional(readOnly = true)
public class ConsultationQueries {

	static final String NOT_FOUND = "该意见征集不存在或未公开";

	private final ConsultationStore store;

	private final AgencyAccess access;

	private final Clock clock;

	ConsultationQueries(ConsultationStore store, AgencyAccess access, Clock clock) {
		this.store = store;
		this.access = access;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	public ConsultationStatus status(Consultation c) {
		return ConsultationRules.status(c, today());
	}

	// ---- the public ------------------------------------------------------------------------------------------

	/** A consultation the public may see; empty for a draft, a withdrawn one, or no such id. */
	public Optional<Consultation> publicConsultation(long id) {
		return store.find(id).filter(c -> status(c).isPublic());
	}

	/**
	 * Public consultations, of one agency or all, optionally of one state: open ones first (the nearest closing
	 * first), then those not started (the nearest opening first), then ended ones (the latest ending first).
	 */
	public List<Consultation> publicList(Long agencyId, ConsultationStatus only) {
		LocalDate today = today();
		List<Consultation> out = new ArrayList<>();
		for (Consultation c : store.published(agencyId)) {
			ConsultationStatus s = ConsultationRules.status(c, today);
			if (only == null || s == only || (only == ConsultationStatus.CLOSED && s == ConsultationStatus.FEEDBACK_PUBLISHED)) {
				out.add(c);
			}
		}
		out.sort(Comparator.<Consultation>comparingInt(c -> rank(ConsultationRules.status(c, today)))
			.thenComparing(c -> ConsultationRules.status(c, today) == ConsultationStatus.OPEN ? c.closesOn().toEpochDay()
					: ConsultationRules.status(c, today) == ConsultationStatus.NOT_STARTED ? c.opensOn().toEpochDay()
							: -c.effectiveClosesOn().toEpochDay())
			.thenComparing(Comparator.comparingLong(Consultation::id).reversed()));
		return out;
	}

	private static int rank(ConsultationStatus s) {
		return switch (s) {
			case OPEN -> 0;
			case NOT_STARTED -> 1;
			default -> 2;
		};
	}

	/** Comments the public may read: accepted ones, when the consultation shows them. Callers mask the text. */
	public List<Comment> publicComments(Consultation c) {
		if (!c.commentsPublic()) {
			return List.of();
		}
		return store.comments(c.id()).stream().filter(x -> x.status() == CommentStatus.ACCEPTED).toList();
	}

	/** The ids of every public consultation with its agency, for the sitemap. */
	List<Consultation> publicAll() {
		return publicList(null, null);
	}

	// ---- staff -----------------------------------------------------------------------------------------------

	/** A consultation for a staff reader of its agency (editors, administrators, supervisors of the subtree). */
	public Consultation forStaff(Actor actor, long id) {
		Consultation c = store.find(id).orElseThrow(() -> DomainException.notFound("该意见征集不存在"));
		if (!mayRead(actor, c.agencyId())) {
			throw DomainException.forbidden("您没有查看该单位意见征集的权限");
		}
		return c;
	}

	boolean mayRead(Actor actor, long agencyId) {
		if (actor.token()) {
			return actor.hasScope(ConsultationManagement.SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId;
		}
		return access.allows(actor, agencyId, ConsultationManagement.READERS);
	}

	boolean mayManage(Actor actor, long agencyId) {
		if (actor.token()) {
			return actor.hasScope(ConsultationManagement.SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId;
		}
		return access.allows(actor, agencyId, ConsultationManagement.STAFF);
	}

	/** The agencies whose consultations the actor may read in the console. */
	public List<Agency> readableAgencies(Actor actor) {
		return access.agenciesFor(actor, ConsultationManagement.READERS);
	}

	public List<Consultation> ofAgencies(List<Long> agencyIds) {
		return store.ofAgencies(agencyIds);
	}

	public List<Comment> comments(long consultationId) {
		return store.comments(consultationId);
	}

	public List<AdoptionFeedback> feedbacks(long consultationId) {
		return store.feedbacks(consultationId);
	}

	public ConsultationTally tally(long consultationId) {
		return ConsultationTally.of(store.comments(consultationId), store.feedbacks(consultationId));
	}

	/** Comments waiting for moderation, per consultation id. */
	public Map<Long, Long> pendingCounts() {
		return store.pendingCounts();
	}

	public List<ConsultationAttachment> attachments(long consultationId) {
		return store.attachments(consultationId);
	}

	public Optional<ConsultationAttachment> attachment(long id) {
		return store.attachment(id);
	}

	/** The consultation a comment belongs to; 404 when there is no such comment. */
	public long commentConsultation(long commentId) {
		return store.comment(commentId).map(Comment::consultationId).orElseThrow(() -> DomainException.notFound("该意见不存在"));
	}

	List<Consultation> referencingDecision(long decisionId) {
		return store.referencingDecision(decisionId);
	}
}
