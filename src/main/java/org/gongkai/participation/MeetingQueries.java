package org.gongkai.participation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of open meetings: the public views (public meetings only, public agenda items only, decided items once
 * published, references to public records only, never an applicant), the staff views, and the applicant's view by
 * tracking code and the phone's last four digits.
 */
@Component
@Transactional(readOnly = true)
class MeetingQueries {

	static final String LIST = "/participation/meetings/";

	static final String FEED = "/participation/meetings/feed.atom";

	static final String TRACK = "/participation/meetings/track";

	static final String NOT_FOUND = "未找到与查询码和手机号码后四位相符的列席申请";

	static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Meetings meetings;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ParticipationLinks links;

	private final Clock clock;

	MeetingQueries(Meetings meetings, AgencyDirectory agencies, AgencyAccess access, ParticipationLinks links, Clock clock) {
		this.meetings = meetings;
		this.agencies = agencies;
		this.access = access;
		this.links = links;
		this.clock = clock;
	}

	static String path(long id) {
		return LIST + id + "/";
	}

	static String applyPath(long id) {
		return LIST + id + "/apply";
	}

	static String feedPath(String agencyCode) {
		return FEED + "?agency=" + agencyCode;
	}

	static String listPath(String agencyCode) {
		return agencyCode == null ? LIST : LIST + "?agency=" + agencyCode;
	}

	static String when(Instant at) {
		return at == null ? "" : MINUTES.format(at.atZone(Zones.CHINA));
	}

	// ---- public ---------------------------------------------------------------------------------------

	/** A decided item as the public sees it: its public agenda item's title (or none) and links to public records only. */
	record PublicDecided(String itemTitle, String content, List<ParticipationLink> links) {
	}

	/** A public meeting's page. */
	record PublicMeeting(Meeting meeting, Agency agency, List<MeetingItem> items, int hiddenItems, boolean upcoming,
			boolean live, boolean applicationsOpen, String applicationNote, boolean outcomePublished,
			List<PublicDecided> decided, Map<AttendanceCategory, Integer> attendance, List<MeetingMaterial> materials) {

		public String path() {
			return MeetingQueries.path(meeting.id());
		}

		public String startsAt() {
			return when(meeting.startsAt());
		}
	}

	/** A public meeting, or empty when it is not on the portal (unknown, draft, withdrawn, not yet begun unannounced). */
	Optional<PublicMeeting> publicMeeting(long id) {
		Instant now = clock.instant();
		return meetings.find(id)
			.filter(m -> MeetingRules.isPublic(m, now))
			.flatMap(m -> agencies.findById(m.agencyId()).filter(Agency::active).map(a -> toPublic(m, a, now)));
	}

	/** A public meeting as a line of a list, the feed or the API list: no agenda, decided items or materials read. */
	record PublicLine(Meeting meeting, Agency agency, boolean upcoming, boolean live, boolean applicationsOpen,
			boolean outcomePublished, int decidedCount) {

		public String path() {
			return MeetingQueries.path(meeting.id());
		}

		public String startsAt() {
			return when(meeting.startsAt());
		}

		public String title() {
			return PersonalDataScanner.mask(meeting.title());
		}
	}

	/** One page of public lines and the number of all of them. */
	record PublicPage(int total, List<PublicLine> lines) {
	}

	/**
	 * Public meetings of active agencies (of one agency when given), upcoming first (soonest first), then held ones
	 * (newest first): counted and paged in SQL, with two grouped queries for the whole page.
	 */
	PublicPage publicMeetings(Long agencyId, MeetingType type, Integer year, int offset, int limit) {
		Instant now = clock.instant();
		Map<Long, Agency> active = new java.util.HashMap<>();
		for (Agency a : agencies.active()) {
			if (agencyId == null || a.id() == agencyId) {
				active.put(a.id(), a);
			}
		}
		List<Long> ids = List.copyOf(active.keySet());
		int total = meetings.countPublished(ids, type, year, now);
		List<Meeting> page = meetings.published(ids, type, year, now, offset, limit);
		List<Long> meetingIds = page.stream().map(Meeting::id).toList();
		Map<Long, Integer> decided = meetings.decidedCounts(meetingIds);
		java.util.Set<Long> open = meetings.withOpenItems(meetingIds);
		List<PublicLine> lines = page.stream()
			.filter(m -> MeetingRules.isPublic(m, now))
			.map(m -> {
				boolean outcome = MeetingRules.decidedPublic(m, now);
				return new PublicLine(m, active.get(m.agencyId()), MeetingRules.upcoming(m, now), MeetingRules.liveLinkShown(m, now),
						MeetingRules.applicationsOpen(m, open.contains(m.id()), now), outcome, outcome ? decided.getOrDefault(m.id(), 0) : 0);
			})
			.toList();
		return new PublicPage(total, lines);
	}

	/** One meeting as a participation record. */
	ParticipationLink link(Meeting m) {
		return link(m, MeetingRules.isPublic(m, clock.instant()));
	}

	/**
	 * A meeting as referring to another record through its decided items: public only once the decided items are
	 * published, so a record's page never lists a meeting whose outcome the public cannot read yet.
	 */
	ParticipationLink outcomeLink(Meeting m) {
		return link(m, MeetingRules.decidedPublic(m, clock.instant()));
	}

	private ParticipationLink link(Meeting m, boolean shown) {
		Instant now = clock.instant();
		boolean isPublic = shown && agencies.findById(m.agencyId()).map(Agency::active).orElse(false);
		String status;
		String note;
		if (MeetingRules.upcoming(m, now)) {
			status = "待召开";
			note = when(m.startsAt()) + " 召开";
		}
		else if (MeetingRules.decidedPublic(m, now)) {
			status = "已召开";
			note = "已公开议定事项" + meetings.decided(m.id()).size() + "项";
		}
		else {
			status = m.status() == MeetingStatus.PUBLISHED ? "已召开" : m.status().label();
			note = when(m.startsAt()) + " 召开";
		}
		return new ParticipationLink("meeting", m.id(), m.agencyId(), PersonalDataScanner.mask(m.title()), path(m.id()), isPublic, status, note);
	}

	Optional<Meeting> find(long id) {
		return meetings.find(id);
	}

	List<Meeting> ofAgency(long agencyId) {
		return meetings.ofAgency(agencyId);
	}

	List<Long> meetingsReferring(String kind, long id) {
		return meetings.meetingsReferring(kind, id);
	}

	private PublicMeeting toPublic(Meeting m, Agency agency, Instant now) {
		List<MeetingItem> all = meetings.items(m.id());
		// staff-written texts are read by the public masked, like citizens' texts (phone and ID numbers)
		List<MeetingItem> shown = all.stream()
			.filter(MeetingRules::itemPublic)
			.map(i -> new MeetingItem(i.id(), i.meetingId(), i.sortOrder(), PersonalDataScanner.mask(i.title()),
					PersonalDataScanner.mask(i.proposer()), i.isPublic(), i.openToApplications()))
			.toList();
		boolean open = MeetingRules.applicationsOpen(m, all, now);
		String note = null;
		if (MeetingRules.upcoming(m, now) && m.seats() > 0) {
			note = open ? "公开报名名额" + m.seats() + "个（尚余" + MeetingRules.seatsLeft(m) + "个），报名截止时间" + when(m.applyDeadline())
					: MeetingRules.seatsLeft(m) <= 0 && m.applyDeadline() != null && now.isBefore(m.applyDeadline()) ? "列席名额已满" : "列席申请已截止";
		}
		boolean outcome = MeetingRules.decidedPublic(m, now);
		List<PublicDecided> decided = List.of();
		if (outcome) {
			decided = meetings.decided(m.id()).stream()
				// a decided item of an agenda item that is not public would reveal it: never shown
				.filter(d -> d.itemId() == null || shown.stream().anyMatch(i -> i.id() == d.itemId()))
				.map(d -> {
				String itemTitle = d.itemId() == null ? null
						: shown.stream().filter(i -> i.id() == d.itemId()).map(MeetingItem::title).findFirst().orElse(null);
				List<ParticipationLink> refs = d.links().stream()
					.map(l -> links.findPublic(l.kind(), l.targetId()))
					.flatMap(Optional::stream)
					.toList();
				return new PublicDecided(itemTitle, PersonalDataScanner.mask(d.content()), refs);
			}).toList();
		}
		return new PublicMeeting(m, agency, shown, all.size() - shown.size(), MeetingRules.upcoming(m, now),
				MeetingRules.liveLinkShown(m, now), open, note, outcome, decided,
				MeetingRules.held(m, now) ? meetings.attendance(m.id()) : Map.of(),
				meetings.materials(m.id()).stream()
					.map(x -> new MeetingMaterial(x.id(), x.meetingId(), PersonalDataScanner.mask(x.title()), x.fileKey(),
							PersonalDataScanner.mask(x.fileName()), x.contentType(), x.sizeBytes(), x.url(), x.createdAt()))
					.toList());
	}

	/** A material's bytes for the public download: only of a public meeting. */
	Optional<MeetingMaterial> publicMaterial(long meetingId, long materialId) {
		return publicMeeting(meetingId).flatMap(p -> p.materials().stream().filter(x -> x.id() == materialId && x.isFile()).findFirst());
	}

	// ---- staff ----------------------------------------------------------------------------------------

	/** The agencies whose meetings the actor sees in the console: managers, supervisors (subtree) and administrators. */
	List<Agency> staffAgencies(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		return access.agenciesFor(actor, Role.EDITOR, Role.AGENCY_ADMIN, Role.SUPERVISOR);
	}

	List<Agency> managedAgencies(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		return access.agenciesFor(actor, MeetingManagement.MANAGER_ROLES);
	}

	/** A meeting the actor may see in the console (403 otherwise). */
	Meeting staffMeeting(Actor actor, long id) {
		Meeting m = meetings.find(id).orElseThrow(() -> DomainException.notFound("没有找到这个会议"));
		boolean allowed = actor.token() ? actor.hasScope(MeetingManagement.SCOPE) && actor.agencyId() != null && actor.agencyId() == m.agencyId()
				: access.allows(actor, m.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN, Role.SUPERVISOR);
		if (!allowed) {
			throw DomainException.forbidden("您没有查看该会议的权限");
		}
		return m;
	}

	List<Meeting> staffMeetings(List<Long> agencyIds, MeetingStatus status, int offset, int limit) {
		return meetings.ofAgencies(agencyIds, status, offset, limit);
	}

	List<MeetingItem> items(long meetingId) {
		return meetings.items(meetingId);
	}

	List<MeetingDecided> decided(long meetingId) {
		return meetings.decided(meetingId);
	}

	Map<AttendanceCategory, Integer> attendance(long meetingId) {
		return meetings.attendance(meetingId);
	}

	List<MeetingMaterial> materials(long meetingId) {
		return meetings.materials(meetingId);
	}

	/** Applications with the applicants' data: only for the agency's managers (the caller has checked). */
	List<AttendanceApplication> applications(long meetingId, AttendanceStatus status) {
		return meetings.applications(meetingId, status);
	}

	List<Meeting> withPendingApplications(List<Long> agencyIds) {
		return meetings.withPendingApplications(agencyIds);
	}

	Map<Long, Integer> pendingCounts(List<Long> meetingIds) {
		return meetings.pendingCounts(meetingIds);
	}

	int pendingApplications(List<Long> agencyIds) {
		return meetings.pendingApplications(agencyIds, clock.instant());
	}

	List<Meeting> awaitingOutcome(List<Long> agencyIds) {
		return meetings.awaitingOutcome(agencyIds, clock.instant());
	}

	Optional<String> outcomeClosedReason(long meetingId) {
		return meetings.outcomeClosedReason(meetingId);
	}

	Instant now() {
		return clock.instant();
	}

	// ---- the applicant --------------------------------------------------------------------------------

	/** What the applicant sees: the meeting, the state of the application, the reason of a refusal. */
	record ApplicantView(AttendanceApplication application, Meeting meeting, String agencyName, List<String> itemTitles,
			String meetingPath, boolean withdrawn, String withdrawnReason) {
	}

	/**
	 * The applicant's view by tracking code and the phone's last four digits; an unknown code, a wrong verifier and a
	 * locked code give the same empty answer. Ten wrong verifiers in a row lock the code for an hour; from the third
	 * lockout in a row, for a day. Tries on one code are serialised by a row lock.
	 */
	@Transactional
	Optional<ApplicantView> track(String trackingCode, String phoneLast4) {
		String code = MeetingManagement.normaliseCode(trackingCode);
		if (code == null || code.length() > 40) {
			return Optional.empty();
		}
		Optional<AttendanceApplication> found = meetings.applicationByCode(code);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		// the row lock serialises concurrent tries on one code, so the count of wrong tries cannot be outrun
		AttendanceApplication a = meetings.lockApplication(found.get().id()).orElseThrow();
		Instant now = clock.instant();
		if (meetings.trackingLocked(a.id(), now)) {
			return Optional.empty();
		}
		if (!matches(a.phone(), phoneLast4)) {
			meetings.trackingFailed(a.id(), now);
			return Optional.empty();
		}
		meetings.trackingSucceeded(a.id());
		Meeting m = meetings.find(a.meetingId()).orElseThrow();
		List<MeetingItem> items = meetings.items(m.id());
		List<String> titles = items.stream()
			.filter(MeetingRules::itemPublic)
			.filter(i -> a.itemIds().contains(i.id()))
			.map(MeetingItem::title)
			.map(PersonalDataScanner::mask)
			.toList();
		return Optional.of(new ApplicantView(a, m, agencies.findById(m.agencyId()).map(Agency::name).orElse(""), titles,
				MeetingRules.isPublic(m, now) ? path(m.id()) : null, m.status() == MeetingStatus.WITHDRAWN,
				PersonalDataScanner.mask(m.withdrawnReason())));
	}

	private static boolean matches(String phone, String last4) {
		String v = Texts.trimToNull(last4);
		if (v == null || v.length() != 4 || phone == null || phone.length() < 4) {
			return false;
		}
		return MessageDigest.isEqual(phone.substring(phone.length() - 4).getBytes(StandardCharsets.UTF_8),
				v.getBytes(StandardCharsets.UTF_8));
	}
}
