package org.gongkai.participation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.PersonalDataScanner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading polls: the public list and poll (public polls only, results only when their visibility allows, free
 * text never), and the staff views with the free-text answers masked for reading.
 */
@Service
@Transactional(readOnly = true)
public class PollQueries {

	static final String LIST = "/participation/polls/";

	static final String FEED = "/participation/polls/feed.atom";

	private final PollStore store;

	private final PollRules rules;

	private final AgencyDirectory agencies;

	private final PollAccess access;

	private final ParticipationLinks links;

	PollQueries(PollStore store, PollRules rules, AgencyDirectory agencies, PollAccess access, ParticipationLinks links) {
		this.store = store;
		this.rules = rules;
		this.agencies = agencies;
		this.access = access;
		this.links = links;
	}

	static String path(long id) {
		return LIST + id + "/";
	}

	static String answerPath(long id) {
		return LIST + id + "/answer";
	}

	/**
	 * A poll as a page or the API shows it.
	 *
	 * @param results null when the results are not visible to the reader
	 * @param reference the referred decision or consultation, when public (or, for staff, at all)
	 */
	public record PollView(Poll poll, Agency agency, PollStatus status, List<PollQuestion> questions, long participants,
			PollResults results, ParticipationLink reference, List<ParticipationLink> referencedBy) {

		public String statusLabel() {
			return status.label();
		}

		public String path() {
			return PollQueries.path(poll.id());
		}

		public String answerPath() {
			return PollQueries.answerPath(poll.id());
		}

		public boolean open() {
			return status == PollStatus.OPEN;
		}
	}

	/** One line of a list. */
	public record PollSummary(Poll poll, Agency agency, PollStatus status, long participants, String note) {

		public String path() {
			return PollQueries.path(poll.id());
		}
	}

	// ---- public -----------------------------------------------------------------------------------------------

	/** Public polls (of one agency when given; of one state when given): open first, then not started, then ended. */
	public List<PollSummary> publicList(Long agencyId, PollStatus status) {
		LocalDate today = rules.today();
		List<Poll> polls = store.published(agencyId);
		Map<Long, Long> counts = store.participants(polls.stream().map(Poll::id).toList());
		Map<Long, Agency> byId = agencyMap();
		List<PollSummary> out = new ArrayList<>();
		for (Poll p : polls) {
			PollStatus s = PollRules.status(p, today);
			if (!s.isPublic() || (status != null && s != status)) {
				continue;
			}
			Agency a = byId.get(p.agencyId());
			if (a == null || !a.active()) {
				continue;
			}
			long n = counts.getOrDefault(p.id(), 0L);
			out.add(new PollSummary(masked(p), a, s, n, note(p, s, n, today)));
		}
		out.sort(Comparator.comparingInt((PollSummary x) -> rank(x.status()))
			.thenComparing((PollSummary x) -> x.status() == PollStatus.CLOSED ? LocalDate.MAX.toEpochDay() - x.poll().endsOn().toEpochDay()
					: x.poll().closesOn().toEpochDay())
			.thenComparing(x -> -x.poll().id()));
		return out;
	}

	private Map<Long, Agency> agencyMap() {
		Map<Long, Agency> out = new java.util.HashMap<>();
		agencies.all().forEach(a -> out.put(a.id(), a));
		return out;
	}

	/** The poll's staff-written texts as the public reads them: phone and ID numbers masked. */
	static Poll masked(Poll p) {
		return new Poll(p.id(), p.agencyId(), PersonalDataScanner.mask(p.title()), PersonalDataScanner.mask(p.description()),
				p.opensOn(), p.closesOn(), p.identityRule(), p.resultsVisibility(), PersonalDataScanner.mask(p.withheldReason()),
				p.refKind(), p.refId(), p.publishedAt(), p.closedEarlyOn(), p.withdrawnAt(),
				PersonalDataScanner.mask(p.withdrawalReason()), p.createdBy(), p.createdAt(), p.updatedAt());
	}

	/** Questions and options as the public reads them: masked. */
	static List<PollQuestion> masked(List<PollQuestion> qs) {
		return qs.stream()
			.map(q -> new PollQuestion(q.id(), q.pollId(), q.sortOrder(), q.kind(), PersonalDataScanner.mask(q.prompt()),
					q.required(), q.minChoices(), q.maxChoices(), q.maxLength(),
					q.options().stream().map(o -> new PollOption(o.id(), o.questionId(), o.sortOrder(), PersonalDataScanner.mask(o.label()))).toList()))
			.toList();
	}

	private static int rank(PollStatus s) {
		return switch (s) {
			case OPEN -> 0;
			case NOT_STARTED -> 1;
			default -> 2;
		};
	}

	/** The column's line under a poll: 「已有N人参与，距截止还有N天」. */
	static String note(Poll p, PollStatus s, long participants, LocalDate today) {
		return switch (s) {
			case OPEN -> {
				long days = ChronoUnit.DAYS.between(today, p.closesOn());
				yield "已有" + participants + "人参与，" + (days == 0 ? "今天截止" : "距截止还有" + days + "天");
			}
			case NOT_STARTED -> p.opensOn() + "开始";
			case CLOSED -> "共" + participants + "人参与，已于" + (p.closedEarlyOn() != null ? p.closedEarlyOn() : p.closesOn()) + "结束";
			default -> "";
		};
	}

	/** A public poll; empty when it does not exist or is not public. */
	public Optional<PollView> publicPoll(long id) {
		return store.find(id).filter(Poll::isPublic).flatMap(p -> {
			Agency a = agencies.findById(p.agencyId()).filter(Agency::active).orElse(null);
			if (a == null) {
				return Optional.empty();
			}
			LocalDate today = rules.today();
			List<PollQuestion> qs = masked(store.questions(id));
			PollResults results = PollRules.resultsPublic(p, today) ? results(p, qs) : null;
			ParticipationLink ref = p.refKind() == null ? null : links.findPublic(p.refKind(), p.refId()).orElse(null);
			return Optional.of(new PollView(masked(p), a, PollRules.status(p, today), qs, store.participants(id), results, ref,
					links.referencingPublic("poll", id)));
		});
	}

	// ---- staff -------------------------------------------------------------------------------------------------

	/** The polls of every agency the actor may see, newest first. */
	public List<PollSummary> staffList(Actor actor) {
		List<Agency> visible = access.visible(actor);
		List<Poll> polls = store.list(visible.stream().map(Agency::id).toList());
		Map<Long, Long> counts = store.participants(polls.stream().map(Poll::id).toList());
		LocalDate today = rules.today();
		Map<Long, Agency> byId = agencyMap();
		return polls.stream().map(p -> {
			PollStatus s = PollRules.status(p, today);
			long n = counts.getOrDefault(p.id(), 0L);
			return new PollSummary(p, byId.get(p.agencyId()), s, n, note(p, s, n, today));
		}).toList();
	}

	/** Any poll the current actor may see in the console, with its results whatever their public visibility. */
	public PollView staffPoll(long id) {
		Poll p = store.find(id).orElseThrow(PollManagement::notFound);
		access.requireViewer(p.agencyId());
		List<PollQuestion> qs = store.questions(id);
		ParticipationLink ref = p.refKind() == null ? null : links.findVisible(p.refKind(), p.refId()).orElse(null);
		return new PollView(p, agencies.findById(p.agencyId()).orElse(null), rules.status(p), qs, store.participants(id),
				results(p, qs), ref, links.referencing("poll", id));
	}

	/** Whether the current actor may change the poll (the console shows the buttons only then). */
	public boolean canManage(Poll p) {
		return Actors.current().map(a -> access.mayManage(a, p.agencyId())).orElse(false);
	}

	/** One free-text answer for staff: masked for reading on screen (the export carries the text as written). */
	public record StaffText(long responseId, long questionId, String when, String masked) {
	}

	public List<StaffText> texts(long id) {
		Poll p = store.find(id).orElseThrow(PollManagement::notFound);
		access.requireViewer(p.agencyId());
		java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		return store.texts(id)
			.stream()
			.map(t -> new StaffText(t.responseId(), t.questionId(), f.format(t.submittedAt().atZone(org.gongkai.platform.Zones.CHINA)),
					PersonalDataScanner.mask(t.body())))
			.toList();
	}

	/** Every response, for the staff export. */
	List<PollStore.Response> responses(long id) {
		Poll p = store.find(id).orElseThrow(PollManagement::notFound);
		access.requireViewer(p.agencyId());
		return store.responses(id);
	}

	// ---- results ------------------------------------------------------------------------------------------------

	PollResults results(Poll p, List<PollQuestion> qs) {
		long participants = store.participants(p.id());
		Map<Long, Long> counts = store.optionCounts(p.id());
		Map<Long, Long> answered = store.answeredCounts(p.id());
		List<PollResults.QuestionResult> out = new ArrayList<>();
		for (PollQuestion q : qs) {
			List<PollResults.OptionResult> options = q.options()
				.stream()
				.map(o -> {
					long n = counts.getOrDefault(o.id(), 0L);
					return new PollResults.OptionResult(o.id(), o.label(), n, PollResults.percent(n, participants));
				})
				.toList();
			out.add(new PollResults.QuestionResult(q, answered.getOrDefault(q.id(), 0L), options));
		}
		return new PollResults(participants, out);
	}

	// ---- for other kinds and the column ---------------------------------------------------------------------

	ParticipationLink link(Poll p, LocalDate today) {
		PollStatus s = PollRules.status(p, today);
		boolean visible = s.isPublic() && agencies.findById(p.agencyId()).map(Agency::active).orElse(false);
		return new ParticipationLink("poll", p.id(), p.agencyId(), PersonalDataScanner.mask(p.title()), path(p.id()), visible, s.label(),
				note(p, s, store.participants(p.id()), today));
	}

	Optional<Poll> find(long id) {
		return store.find(id);
	}

	List<Poll> ofAgency(long agencyId) {
		return store.list(List.of(agencyId));
	}

	List<Poll> referencing(String kind, long id) {
		return store.referencing(kind, id);
	}

	LocalDate today() {
		return rules.today();
	}

	/** The public polls' ids and agencies, for the sitemap. */
	List<Poll> publicPolls() {
		LocalDate today = rules.today();
		return store.published(null).stream().filter(p -> PollRules.status(p, today).isPublic()).toList();
	}
}
