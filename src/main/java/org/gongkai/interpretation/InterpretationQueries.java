package org.gongkai.interpretation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.publication.PublicationQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of interpretations and responses: what the public may see, and what staff of the agency may see. */
@Service
@Transactional(readOnly = true)
public class InterpretationQueries {

	public record Page<T>(List<T> items, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	private final Interpretations interpretations;

	private final Concerns concerns;

	private final PublicationQueries documents;

	private final AgencyAccess access;

	private final org.gongkai.calendar.WorkingDayCalendar calendar;

	private final org.gongkai.organisation.AgencyDirectory agencies;

	InterpretationQueries(Interpretations interpretations, Concerns concerns, PublicationQueries documents,
			AgencyAccess access, org.gongkai.calendar.WorkingDayCalendar calendar,
			org.gongkai.organisation.AgencyDirectory agencies) {
		this.agencies = agencies;
		this.calendar = calendar;
		this.interpretations = interpretations;
		this.concerns = concerns;
		this.documents = documents;
		this.access = access;
	}

	/**
	 * A public interpretation: published, and every policy it explains public right now (checked live, so a
	 * policy withdrawn a moment ago takes its interpretation with it even before the pages are rewritten).
	 */
	public Optional<Interpretation> publicInterpretation(long id) {
		return interpretations.findById(id)
			.filter(i -> i.status() == InterpretationStatus.PUBLISHED)
			.filter(i -> !i.documentIds().isEmpty()
					&& i.documentIds().stream().allMatch(d -> documents.publicDocument(d).isPresent()));
	}

	/** Public interpretations, newest first; {@code agencyIds} null for the whole site; {@code page} from 1. */
	public Page<Interpretation> publicPage(Collection<Long> agencyIds, InterpretationForm form, String theme,
			Long documentId, int page, int size) {
		int p = clamp(page);
		Interpretations.Page result = interpretations.page(
				new Interpretations.Filter(true, activeOnly(agencyIds), null, form, theme, documentId, null), (p - 1) * size, size);
		return new Page<>(result.items(), result.total(), p, size);
	}

	/**
	 * For a reposted superior interpretation, the working days between the superior's publication and ours
	 * (seed 001 item 7 asks for one); empty when not a repost, not yet published, or the year is not loaded.
	 */
	public Optional<Integer> repostLag(Interpretation i) {
		if (i.repostOriginalOn() == null || i.publishedOn() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Math.max(0, calendar.workingDaysBetween(i.repostOriginalOn(), i.publishedOn())));
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	/** Public interpretations of one policy, oldest first (the order they were published). */
	public List<Interpretation> publicOf(long documentId) {
		return interpretations.ofDocument(documentId).stream().filter(Interpretation::isPublic).toList();
	}

	/** Every interpretation linked to a policy, in any status (for rewriting or removing their public pages). */
	List<Interpretation> linkedTo(long documentId) {
		return interpretations.ofDocument(documentId);
	}

	public List<InterpretationMedia> media(long interpretationId) {
		return interpretations.media(interpretationId);
	}

	List<long[]> publicIds() {
		return interpretations.publicIds();
	}

	/** Any interpretation of an agency the current staff member works for (403 otherwise). */
	public Interpretation staffView(long id) {
		Interpretation i = interpretations.findById(id).orElseThrow(() -> DomainException.notFound("该解读不存在"));
		if (!access.allows(Actors.require(), i.agencyId(), Role.values())) {
			throw DomainException.forbidden("您没有查看其他单位解读的权限");
		}
		return i;
	}

	public List<Interpretations.HistoryEntry> history(long id) {
		staffView(id);
		return interpretations.history(id);
	}

	/** Interpretations of the given agencies in any status, for the console; optional status, form and title text. */
	public Page<Interpretation> staffPage(Collection<Long> agencyIds, InterpretationStatus status, InterpretationForm form,
			String text, int page, int size) {
		int p = clamp(page);
		Interpretations.Page result = interpretations.page(new Interpretations.Filter(false, visible(agencyIds),
				status == null ? null : List.of(status), form, null, null, text), (p - 1) * size, size);
		return new Page<>(result.items(), result.total(), p, size);
	}

	/** Interpretations linked to a policy, in any status, for staff of the policy's agency. */
	public List<Interpretation> staffOf(long documentId) {
		documents.staffView(documentId);
		java.util.Set<Long> visible = new java.util.HashSet<>(visible(null));
		// other agencies' interpretations of this policy are listed once public, never their drafts
		return interpretations.ofDocument(documentId).stream().filter(i -> visible.contains(i.agencyId()) || i.isPublic()).toList();
	}

	// ---- public concern -------------------------------------------------------------------------------

	public Optional<ConcernResponse> publicResponse(long id) {
		return concerns.response(id, false).filter(ConcernResponse::isPublic);
	}

	public Optional<ConcernTopic> topicOfPublicResponse(ConcernResponse r) {
		return r.isPublic() ? concerns.topic(r.topicId(), false) : Optional.empty();
	}

	public Page<ConcernResponse> publicResponses(Collection<Long> agencyIds, int page, int size) {
		int p = clamp(page);
		Collection<Long> scope = activeOnly(agencyIds);
		return new Page<>(concerns.publicResponses(scope, (p - 1) * size, size), concerns.publicResponseCount(scope), p, size);
	}

	public List<ConcernResponse> publicResponsesAbout(long documentId) {
		return concerns.publicResponsesAbout(documentId);
	}

	List<long[]> publicResponseIds() {
		return concerns.publicIds();
	}

	public ConcernTopic staffTopic(long id) {
		ConcernTopic t = concerns.topic(id, false).orElseThrow(() -> DomainException.notFound("该关切不存在"));
		if (!access.allows(Actors.require(), t.agencyId(), Role.values())) {
			throw DomainException.forbidden("您没有查看其他单位关切的权限");
		}
		return t;
	}

	public List<ConcernTopic> staffTopics(Collection<Long> agencyIds, ConcernTopic.Status status) {
		return concerns.topics(visible(agencyIds), status, 200);
	}

	/** Pages past this are empty anyway; the cap keeps the offset within range. */
	private static int clamp(int page) {
		return Math.min(Math.max(page, 1), 100_000);
	}

	/** The given agencies that the current staff member may see (all visible ones when null). */
	private List<Long> visible(Collection<Long> agencyIds) {
		List<Long> mine = access.visibleAgencies(Actors.require()).stream().map(org.gongkai.organisation.Agency::id).toList();
		return agencyIds == null ? mine : agencyIds.stream().filter(mine::contains).toList();
	}

	/** The public side lists only active agencies' records (a dissolved agency's pages are gone). */
	private Collection<Long> activeOnly(Collection<Long> agencyIds) {
		List<Long> active = agencies.active().stream().map(org.gongkai.organisation.Agency::id).toList();
		return agencyIds == null ? active : agencyIds.stream().filter(active::contains).toList();
	}

	public List<ConcernResponse> staffResponses(long topicId) {
		staffTopic(topicId);
		return concerns.responsesOf(topicId);
	}
}
