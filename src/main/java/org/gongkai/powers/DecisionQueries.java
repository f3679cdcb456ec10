package org.gongkai.powers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of enforcement decisions and publicity entries: the staff's (any role on the agency, supervisors over their
 * subtree) and the public's (published decisions and notices of withdrawal only — nothing else leaves this class for a
 * public page, feed or API).
 */
@Service
@Transactional(readOnly = true)
public class DecisionQueries {

	private final Decisions decisions;

	private final AgencyAccess access;

	private final Clock clock;

	private final AgencyDirectory agencies;

	DecisionQueries(Decisions decisions, AgencyAccess access, Clock clock, AgencyDirectory agencies) {
		this.decisions = decisions;
		this.access = access;
		this.clock = clock;
		this.agencies = agencies;
	}

	/**
	 * A decision for the console and the staff API: 404 when unknown, 403 unless the actor has a role on its agency
	 * (any role, or a supervisor's subtree grant). The party's personal data is unmasked only for the deciding agency's
	 * own editors and administrators ({@link EnforcementRules#asSeenBy}); everyone else reads the masked forms.
	 */
	public Decision staffView(long id) {
		Decision d = decisions.find(id).orElseThrow(() -> DomainException.notFound("该执法决定不存在"));
		Actor actor = Actors.require();
		if (!access.allows(actor, d.agencyId(), Role.values())) {
			throw DomainException.forbidden("您没有查看该执法决定的权限");
		}
		return EnforcementRules.asSeenBy(actor, d);
	}

	/** The staff list, each decision as the actor may see it ({@link EnforcementRules#asSeenBy}). */
	public List<Decision> staffList(Collection<Long> agencyIds, DecisionKind kind, DecisionStatus status, int page, int size) {
		Actor actor = Actors.require();
		return decisions.staffList(agencyIds, kind, status, page, size).stream().map(d -> EnforcementRules.asSeenBy(actor, d)).toList();
	}

	/** Unpublished decisions of the agencies that are past their publication limit. */
	public List<Decision> overdue(Collection<Long> agencyIds) {
		LocalDate today = today();
		return decisions.unpublished(agencyIds).stream().filter(d -> d.overdue(today)).toList();
	}

	public Optional<Decision> publicDecision(long id) {
		return decisions.findPublic(id).filter(d -> agencies.findById(d.agencyId()).map(Agency::active).orElse(false));
	}

	/** A page of public decisions, leaving out those of abolished agencies (the portal has no pages for them). */
	Decisions.Page<Decision> publicPage(Decisions.PublicFilter filter, int page, int size) {
		return decisions.publicPage(filter, inactiveAgencyIds(), page, size);
	}

	private List<Long> inactiveAgencyIds() {
		return agencies.all().stream().filter(a -> !a.active()).map(Agency::id).toList();
	}

	public List<Integer> publicYears(Long agencyId) {
		return decisions.publicYears(agencyId);
	}

	public List<EnforcementEntry> entries(long agencyId) {
		return decisions.entries(agencyId);
	}

	List<long[]> publicIds() {
		return decisions.publicIds();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}
}
