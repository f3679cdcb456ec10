package org.gongkai.organisation;

import java.util.Arrays;
import java.util.List;

import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.springframework.stereotype.Component;

/**
 * The one rule of agency-scoped access, applied by every application service: an actor may act on
 * an agency's records when it holds one of the required roles for that agency, or for an ancestor
 * with a subtree grant; a system administrator may act everywhere.
 */
@Component
public class AgencyAccess {

	private final Agencies agencies;

	AgencyAccess(Agencies agencies) {
		this.agencies = agencies;
	}

	public boolean allows(Actor actor, long agencyId, Role... roles) {
		if (actor.isSystemAdmin()) {
			return true;
		}
		List<Role> wanted = Arrays.asList(roles);
		Agency agency = null;
		for (RoleGrant grant : actor.grants()) {
			if (!wanted.contains(grant.role()) || grant.agencyId() == null) {
				continue;
			}
			if (grant.agencyId() == agencyId) {
				return true;
			}
			if (grant.subtree()) {
				if (agency == null) {
					agency = agencies.findById(agencyId).orElse(null);
					if (agency == null) {
						return false;
					}
				}
				if (agency.isWithin(grant.agencyId())) {
					return true;
				}
			}
		}
		return false;
	}

	/** Throws 403 unless the current actor holds one of the roles for the agency. */
	public Actor require(long agencyId, Role... roles) {
		Actor actor = Actors.require();
		if (!allows(actor, agencyId, roles)) {
			throw DomainException.forbidden("您没有处理该单位此项事务的权限");
		}
		return actor;
	}

	/** Every agency on which the actor holds one of the roles. */
	public List<Agency> agenciesFor(Actor actor, Role... roles) {
		return agencies.findAll().stream().filter(a -> allows(actor, a.id(), roles)).toList();
	}

	/**
	 * The agency a console page opens on when none is chosen: the actor's own agency if it is among the
	 * options, else the first option; null when there is none.
	 */
	public static Agency defaultChoice(Actor actor, List<Agency> options) {
		return options.stream()
			.filter(a -> actor.agencyId() != null && a.id() == actor.agencyId())
			.findFirst()
			.orElse(options.isEmpty() ? null : options.get(0));
	}

	/** Any role at all: the agencies whose records the actor may see in the console. */
	public List<Agency> visibleAgencies(Actor actor) {
		return agenciesFor(actor, Role.values());
	}
}
