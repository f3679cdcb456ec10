package org.gongkai.participation;

import java.util.List;
import java.util.Optional;

/**
 * One kind of participation record (decisions, consultations, polls, meetings) as the rest of the module sees it. Each
 * kind implements this once, as a Spring bean ordered with {@code @Order}: the 公众参与 column shows the kinds in that
 * order. A record of one kind refers to a record of another by the pair (kind, id) and resolves it through
 * {@link ParticipationLinks}; no kind reads another kind's tables.
 */
interface ParticipationKind {

	/** The stable key stored in references: {@code decision}, {@code consultation}, {@code poll}, {@code meeting}. */
	String kind();

	/** The kind's section title in the column, e.g. 意见征集. */
	String title();

	/**
	 * The kind's public list: site-wide when {@code agencyCode} is null, else the agency's records only (the list page
	 * takes {@code ?agency=}).
	 */
	String listPath(String agencyCode);

	/**
	 * What the column shows of this kind: public records only, the most pressing first (a consultation still open before
	 * one closed), at most {@code limit}; every agency's when {@code agencyId} is null.
	 */
	List<ParticipationLink> highlights(Long agencyId, int limit);

	/** One record, public or not, for resolving a stored reference; empty when there is no such record. */
	Optional<ParticipationLink> find(long id);

	/** The agency's records a staff member may refer to from another kind (newest first), public or not. */
	List<ParticipationLink> linkable(long agencyId);

	/**
	 * The records of this kind that refer to the given record ({@code referencing("decision", 7)}: the consultations on
	 * decision 7), public or not; callers showing them in public keep only {@link ParticipationLink#isPublic()} ones.
	 */
	List<ParticipationLink> referencing(String kind, long id);
}
