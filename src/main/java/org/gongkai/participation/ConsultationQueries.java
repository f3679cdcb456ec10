package org.gongkai.participation;

import java.time.Clock;
import java.time.LocalDate;
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

	/** Shown instead of a commenter's name and contact to readers outside the drafting agency (supervisors). */
	static final String STAFF_ONLY = "（仅起草单位可见）";

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
	 * Public consultations as list rows (without the draft and the other long texts), of one agency or all, optionally
	 * of one state ({@code CLOSED} including those with published feedback): open ones first (the nearest closing
	 * first), then those not started (the nearest opening first), then ended ones (the latest ending first).
	 */
	public List<Consultation> publicList(Long agencyId, ConsultationStatus only) {
		return store.publicPage(agencyId, only, false, today(), 0, Integer.MAX_VALUE);
	}

	/**
	 * A page of {@link #publicList}, ordered and cut in the database; {@code exact} makes {@code CLOSED} exclude the
	 * consultations with published feedback (the API's filter).
	 */
	public List<Consultation> publicPage(Long agencyId, ConsultationStatus only, boolean exact, long offset, int limit) {
		return store.publicPage(agencyId, only, exact, today(), offset, limit);
	}

	/** How many consultations {@link #publicPage} pages through. */
	public long publicCount(Long agencyId, ConsultationStatus only, boolean exact) {
		return store.publicCount(agencyId, only, exact, today());
	}

	/** The tallies of several consultations from one query; every id given is present. */
	public Map<Long, ConsultationTally> tallies(List<Long> consultationIds) {
		Map<Long, ConsultationTally> found = store.tallies(consultationIds);
		Map<Long, ConsultationTally> out = new java.util.HashMap<>();
		ConsultationTally none = new ConsultationTally(0, 0, 0, 0, 0, 0, 0, 0);
		consultationIds.forEach(id -> out.put(id, found.getOrDefault(id, none)));
		return out;
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

	/** The consultations of the given agencies as list rows: the draft and the other long texts are left out (null). */
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
		return tallies(List.of(consultationId)).get(consultationId);
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
