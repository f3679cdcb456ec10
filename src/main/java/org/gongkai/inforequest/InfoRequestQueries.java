package org.gongkai.inforequest;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of requests. An applicant's data is shown to nobody but the handling agency's request handlers, its
 * administrators and approvers, and every such read is recorded in the audit trail; the applicant sees their
 * own request by tracking code and verifier.
 */
@Service
@Transactional(readOnly = true)
public class InfoRequestQueries {

	/** Roles that may see an applicant's data. */
	static final Role[] CASE_ROLES = { Role.REQUEST_HANDLER, Role.AGENCY_ADMIN, Role.APPROVER };

	/** A request in the queue with its derived flags. */
	public record QueueItem(InfoRequest request, boolean overdue, boolean dueSoon) {
	}

	/** What the applicant sees on the tracking page. */
	public record Tracking(String trackingCode, String agency, RequestStatus status, LocalDate receivedOn, LocalDate dueOn,
			boolean dueProvisional, LocalDate correctionDueOn, String correctionItems, LocalDate feePayBy,
			java.math.BigDecimal feeAmount, Outcome outcome, LocalDate repliedOn, String replyReason, String replyContent,
			String responsibleAgency, String reconsiderationNotice, List<Notice> notices) {
	}

	/** A step of the request told to the applicant (never who on the staff took it). */
	public record Notice(java.time.Instant at, String note) {
	}

	private final InfoRequests requests;

	private final AgencyAccess access;

	private final RequestSettings settings;

	private final WorkingDayCalendar calendar;

	private final org.gongkai.organisation.AgencyDirectory agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InfoRequestQueries(InfoRequests requests, AgencyAccess access, RequestSettings settings, WorkingDayCalendar calendar,
			org.gongkai.organisation.AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.access = access;
		this.settings = settings;
		this.calendar = calendar;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/** A request with its applicant's data, for the handling agency's staff only; the read is audited. */
	@Transactional
	public InfoRequest staffView(long id) {
		InfoRequest r = requests.find(id).orElseThrow(() -> DomainException.notFound("该申请不存在"));
		Actor actor = CaseAccess.require(r.agencyId(), CASE_ROLES);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), r.agencyId(), "inforequest.viewed", "InfoRequest", id,
				"查看申请（" + r.trackingCode() + "）的申请人信息", null, null));
		return r;
	}

	public List<Consultation> consultations(long id) {
		requireCaseAccess(id);
		return requests.consultations(id);
	}

	public List<InfoRequests.Event> history(long id) {
		requireCaseAccess(id);
		return requests.events(id);
	}

	public List<Remedy> remedies(long id) {
		requireCaseAccess(id);
		return requests.remedies(id);
	}

	/** The queue of the agencies the actor handles requests for, due first, with overdue and due-soon flags. */
	public List<QueueItem> queue(Collection<Long> agencyIds, RequestStatus status, boolean openOnly, int page, int size) {
		Actor actor = Actors.require();
		List<Long> allowed = agencyIds.stream().filter(a -> CaseAccess.allows(actor, a, CASE_ROLES)).toList();
		int p = Math.min(Math.max(page, 1), 100_000);
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		return requests.queue(allowed, status, openOnly, (p - 1) * size, size)
			.stream()
			.map(r -> new QueueItem(r, isOverdue(r, today), isDueSoon(r, today)))
			.toList();
	}

	/** Past the due date and still open. */
	static boolean isOverdue(InfoRequest r, LocalDate today) {
		return r.status().isOpen() && r.dueOn() != null && today.isAfter(r.dueOn());
	}

	/** Within the agency's "due soon" window (working days) before the due date. */
	boolean isDueSoon(InfoRequest r, LocalDate today) {
		if (!r.status().isOpen() || r.dueOn() == null || today.isAfter(r.dueOn())) {
			return false;
		}
		try {
			return calendar.workingDaysBetween(today, r.dueOn()) <= settings.of(r.agencyId()).dueSoonDays();
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	/**
	 * The applicant's view. The tracking code is random and the verifier (the last four digits of the phone number
	 * given) must match; either wrong gives the same empty answer, so codes cannot be probed.
	 */
	@Transactional
	public Optional<Tracking> track(String trackingCode, String verifier) {
		Optional<InfoRequest> verified = verified(trackingCode, verifier);
		if (verified.isEmpty()) {
			return Optional.empty();
		}
		InfoRequest r = verified.get();
		String agency = agencies.findById(r.agencyId()).map(Agency::name).orElse("");
		List<Notice> notices = requests.events(r.id()).stream().filter(InfoRequests.Event::publicNote)
			.map(e -> new Notice(e.at(), e.note())).toList();
		return Optional.of(new Tracking(r.trackingCode(), agency, r.status(), r.receivedOn(), r.dueOn(), r.dueProvisional(),
				r.correctionDueOn(), r.correctionItems(), r.feePayBy(), r.feeAmount(), r.outcome(), r.repliedOn(), r.replyReason(),
				r.replyContent(), r.responsibleAgency(), r.reconsiderationNotice(), notices));
	}

	/**
	 * The request whose tracking code and verifier both match, compared in constant time; empty otherwise. Ten wrong
	 * verifiers in a row lock the code for an hour, so the four digits cannot be tried through.
	 */
	@Transactional
	Optional<InfoRequest> verified(String trackingCode, String verifier) {
		if (trackingCode == null || verifier == null) {
			return Optional.empty();
		}
		Optional<InfoRequest> found = requests.findByTrackingCode(trackingCode.trim().toUpperCase(java.util.Locale.ROOT));
		if (found.isEmpty() || requests.trackingLocked(found.get().id(), clock.instant())) {
			return Optional.empty();
		}
		InfoRequest r = found.get();
		boolean matches = r.verifier().length() >= 4 && MessageDigest.isEqual(r.verifier().getBytes(StandardCharsets.UTF_8),
				verifier.trim().getBytes(StandardCharsets.UTF_8));
		if (matches) {
			requests.trackingSucceeded(r.id());
			return found;
		}
		requests.trackingFailed(r.id(), clock.instant());
		return Optional.empty();
	}

	private void requireCaseAccess(long id) {
		InfoRequest r = requests.find(id).orElseThrow(() -> DomainException.notFound("该申请不存在"));
		CaseAccess.require(r.agencyId(), CASE_ROLES);
	}
}
