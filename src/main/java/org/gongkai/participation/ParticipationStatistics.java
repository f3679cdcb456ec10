package org.gongkai.participation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly figures of public participation of an agency, counted from the records, for the annual report's draft of
 * facts (sections 一 and 六; domain-rules.md §2.1 and §11) and the oversight of 《重大行政决策程序暂行条例》 Arts. 14–15.
 * The rules of counting live only here; each figure comes with the records behind it ({@link #records}), selected by
 * the same classification, so a count is always the size of its record list.
 * <ul>
 * <li>{@code consultations}: consultations of the agency published and not withdrawn whose period opens in the
 * year;</li>
 * <li>{@code consultationsClosed}: such consultations whose period ended in the year (the early closing day, or the
 * last day), counted once that day is past;</li>
 * <li>{@code comments}: every comment received on the consultations counted in {@code consultations} (whatever its
 * moderation);</li>
 * <li>{@code adopted}, {@code partlyAdopted}, {@code notAdopted}: of those comments, the valid ones (有效意见) whose
 * adoption feedback says 采纳, 部分采纳, 不予采纳 (as {@link ConsultationTally});</li>
 * <li>{@code feedbackPublished}: consultations of the agency (not withdrawn) whose adoption feedback was published in
 * the year;</li>
 * <li>{@code majorDecisions}: items of the agency's published major-decision catalogue of the year, except those
 * moved out of it (已调出目录);</li>
 * <li>{@code meetings}, {@code polls}: meetings and polls published in the year and not withdrawn.</li>
 * </ul>
 * Days are China days. Who may read: staff of the agency with EDITOR, REVIEWER, APPROVER or AGENCY_ADMIN, a SUPERVISOR
 * over it, a SYSTEM_ADMIN. No figure or record carries a commenter's name, contact or comment text.
 */
@Service
@Transactional(readOnly = true)
public class ParticipationStatistics {

	/** The figure names {@link #records} accepts, in the order of {@link Figures}. */
	public static final List<String> FIGURES = List.of("consultations", "consultationsClosed", "comments", "adopted",
			"partlyAdopted", "notAdopted", "feedbackPublished", "majorDecisions", "meetings", "polls");

	public record Figures(int consultations, int consultationsClosed, int comments, int adopted, int partlyAdopted,
			int notAdopted, int feedbackPublished, int majorDecisions, int meetings, int polls) {
	}

	private final ConsultationStore consultations;

	private final MajorDecisions decisions;

	private final Meetings meetings;

	private final PollStore polls;

	private final AgencyAccess access;

	private final Clock clock;

	ParticipationStatistics(ConsultationStore consultations, MajorDecisions decisions, Meetings meetings, PollStore polls,
			AgencyAccess access, Clock clock) {
		this.consultations = consultations;
		this.decisions = decisions;
		this.meetings = meetings;
		this.polls = polls;
		this.access = access;
		this.clock = clock;
	}

	public Figures year(long agencyId, int year) {
		requireAccess(agencyId);
		Map<String, List<CountedRecord>> all = classify(agencyId, year);
		int[] n = FIGURES.stream().mapToInt(f -> all.get(f).size()).toArray();
		return new Figures(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9]);
	}

	/** The records behind one figure of {@link #year}; {@code figure} is one of {@link #FIGURES}. */
	public List<CountedRecord> records(long agencyId, int year, String figure) {
		requireAccess(agencyId);
		if (!FIGURES.contains(figure)) {
			throw InvalidInputException.of("figure", "没有“" + figure + "”这项统计");
		}
		return classify(agencyId, year).get(figure);
	}

	/** The one classification behind every figure (see the class comment). */
	private Map<String, List<CountedRecord>> classify(long agencyId, int year) {
		Map<String, List<CountedRecord>> out = new HashMap<>();
		FIGURES.forEach(f -> out.put(f, new ArrayList<>()));
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		for (Consultation c : consultations.ofAgencies(List.of(agencyId))) {
			if (!c.published()) {
				continue; // drafts and withdrawn consultations
			}
			String url = ConsultationConsoleMenu.HOME + "/" + c.id();
			String reference = "征求意见#" + c.id();
			if (c.opensOn() != null && c.opensOn().getYear() == year) {
				out.get("consultations").add(new CountedRecord(reference, c.title(), c.opensOn(), url));
				comments(c, url, out);
			}
			LocalDate ended = c.effectiveClosesOn();
			if (ended != null && ended.getYear() == year && ended.isBefore(today)) {
				out.get("consultationsClosed").add(new CountedRecord(reference, c.title(), ended, url));
			}
			LocalDate feedback = day(c.feedbackPublishedAt());
			if (feedback != null && feedback.getYear() == year) {
				out.get("feedbackPublished").add(new CountedRecord(reference, c.title(), feedback, url + "/feedback"));
			}
		}
		for (MajorDecision d : decisions.publishedItems(agencyId, year)) {
			if (d.status() != MajorDecision.Status.REMOVED) {
				out.get("majorDecisions").add(new CountedRecord(d.year() + "-" + d.seq(), d.title(), d.plannedBy(),
						MajorDecisionConsoleController.HOME + "/" + d.id()));
			}
		}
		for (Meeting m : meetings.ofAgency(agencyId)) {
			LocalDate published = day(m.publishedAt());
			if (m.status() == MeetingStatus.PUBLISHED && published != null && published.getYear() == year) {
				out.get("meetings").add(new CountedRecord("会议#" + m.id(), m.title(), published,
						MeetingConsoleController.BASE + "/" + m.id()));
			}
		}
		for (Poll p : polls.list(List.of(agencyId))) {
			LocalDate published = day(p.publishedAt());
			if (p.isPublic() && published != null && published.getYear() == year) {
				out.get("polls").add(new CountedRecord("调查#" + p.id(), p.title(), published, PollConsoleMenu.HOME + "/" + p.id()));
			}
		}
		for (List<CountedRecord> list : out.values()) {
			list.sort(java.util.Comparator.comparing(CountedRecord::date, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
				.thenComparing(CountedRecord::reference));
		}
		return out;
	}

	/** Every comment of a counted consultation, and the valid ones by the outcome of their adoption feedback. */
	private void comments(Consultation c, String url, Map<String, List<CountedRecord>> out) {
		Map<Long, AdoptionFeedbackOutcome> outcomes = new HashMap<>();
		consultations.feedbacks(c.id()).forEach(f -> outcomes.put(f.id(), f.outcome()));
		for (Comment comment : consultations.comments(c.id())) {
			LocalDate received = comment.receivedOn() != null ? comment.receivedOn() : day(comment.submittedAt());
			String reference = "意见#" + comment.id();
			out.get("comments").add(new CountedRecord(reference, c.title() + "：" + comment.status().label(), received, url));
			AdoptionFeedbackOutcome o = comment.status() == CommentStatus.ACCEPTED && comment.feedbackId() != null
					? outcomes.get(comment.feedbackId()) : null;
			if (o != null) {
				String figure = switch (o) {
					case ADOPTED -> "adopted";
					case PARTLY_ADOPTED -> "partlyAdopted";
					case NOT_ADOPTED -> "notAdopted";
				};
				out.get(figure).add(new CountedRecord(reference, c.title() + "：" + o.label(), received, url + "/feedback"));
			}
		}
	}

	private static LocalDate day(Instant at) {
		return at == null ? null : at.atZone(Zones.CHINA).toLocalDate();
	}

	private void requireAccess(long agencyId) {
		access.require(agencyId, Role.EDITOR, Role.REVIEWER, Role.APPROVER, Role.AGENCY_ADMIN, Role.SUPERVISOR);
	}
}
