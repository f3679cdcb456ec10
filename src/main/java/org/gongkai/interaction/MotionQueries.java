package org.gongkai.interaction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of motions: the staff's (for the units that lead or co-handle a motion, and the dispatcher) and the public's
 * (published replies only — nothing else leaves this class for a public page, feed or API).
 */
@Service
@Transactional(readOnly = true)
public class MotionQueries {

	/** Calendar days before the deadline in which a motion is marked due soon (临期). */
	static final int DUE_SOON_DAYS = 15;

	/** A queue entry with its markers. */
	public record QueueItem(Motion motion, boolean overdue, boolean dueSoon) {
	}

	private final Motions motions;

	private final AgencyAccess access;

	private final Clock clock;

	MotionQueries(Motions motions, AgencyAccess access, Clock clock) {
		this.motions = motions;
		this.access = access;
		this.clock = clock;
	}

	// ---- staff --------------------------------------------------------------------------------------------

	/** A motion for the console: 404 when unknown, 403 unless the actor has a role on its lead unit or a co-unit. */
	public Motion staffView(long id) {
		Motion m = motions.find(id).orElseThrow(() -> DomainException.notFound("该建议提案不存在"));
		Actor actor = Actors.require();
		if (!canSee(actor, m)) {
			throw DomainException.forbidden("您没有查看该件建议提案的权限");
		}
		return m;
	}

	boolean canSee(Actor actor, Motion m) {
		if (access.allows(actor, m.leadUnit(), Role.values())) {
			return true;
		}
		return motions.coUnits(m.id()).stream().anyMatch(u -> access.allows(actor, u.agencyId(), Role.values()));
	}

	public List<QueueItem> queue(Collection<Long> agencyIds, Integer year, MotionKind kind, MotionStatus status,
			boolean openOnly, int page, int size) {
		LocalDate today = today();
		return motions.queue(agencyIds, year, kind, status, openOnly, page, size)
			.stream()
			.map(m -> new QueueItem(m, m.overdue(today), m.dueSoon(today, DUE_SOON_DAYS)))
			.toList();
	}

	public List<MotionCoUnit> coUnits(long id) {
		return motions.coUnits(id);
	}

	public List<MotionConsultation> consultations(long id) {
		return motions.consultations(id);
	}

	public List<MotionReply> replies(long id) {
		return motions.replies(id);
	}

	public List<MotionHistoryEntry> history(long id) {
		return motions.history(id);
	}

	public List<Integer> years() {
		return motions.years();
	}

	public List<Integer> arrangedYears() {
		return motions.arrangedYears();
	}

	// ---- public -------------------------------------------------------------------------------------------

	/** Published replies, newest first. */
	public Motions.Page<Motion> publicPage(Integer year, MotionKind kind, Long agencyId, int page, int size) {
		return motions.publicPage(year, kind, agencyId, page, size);
	}

	/** A published reply; empty for anything not public (never replied, not published, withdrawn). */
	public Optional<Motion> publicMotion(long id) {
		return motions.publicMotion(id);
	}

	/** Years with published replies, newest first. */
	public List<Integer> publicYears() {
		return motions.publicYears();
	}

	public List<Long> publicIds() {
		return motions.publicIds();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}
}
