package org.gongkai.participation;

import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with an agency's polls: editors and agency administrators of the agency (subtree grants included)
 * manage them; supervisors see them read-only; an integration token with scope {@code participation} acts for its
 * own agency; the system administrator everywhere.
 */
@Component
class PollAccess {

	/** The token scope of a system that manages participation records. */
	static final String SCOPE = "participation";

	static final Role[] MANAGERS = { Role.EDITOR, Role.AGENCY_ADMIN };

	static final Role[] VIEWERS = { Role.EDITOR, Role.AGENCY_ADMIN, Role.SUPERVISOR };

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	PollAccess(AgencyAccess access, AgencyDirectory agencies) {
		this.access = access;
		this.agencies = agencies;
	}

	boolean mayManage(Actor actor, long agencyId) {
		return allows(actor, agencyId, MANAGERS);
	}

	boolean maySee(Actor actor, long agencyId) {
		return allows(actor, agencyId, VIEWERS);
	}

	private boolean allows(Actor actor, long agencyId, Role... roles) {
		if (actor.token()) {
			return actor.hasScope(SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId;
		}
		return access.allows(actor, agencyId, roles);
	}

	/** The acting actor when it may manage the agency's polls; 403 otherwise. */
	Actor requireManager(long agencyId) {
		Actor actor = Actors.require();
		if (!mayManage(actor, agencyId)) {
			throw DomainException.forbidden("您没有管理该单位民意调查的权限");
		}
		return actor;
	}

	/** The acting actor when it may see the agency's polls; 403 otherwise. */
	Actor requireViewer(long agencyId) {
		Actor actor = Actors.require();
		if (!maySee(actor, agencyId)) {
			throw DomainException.forbidden("您没有查看该单位民意调查的权限");
		}
		return actor;
	}

	List<Agency> visible(Actor actor) {
		if (actor.token()) {
			return actor.hasScope(SCOPE) && actor.agencyId() != null
					? agencies.findById(actor.agencyId()).stream().toList() : List.of();
		}
		return access.agenciesFor(actor, VIEWERS);
	}

	List<Agency> managed(Actor actor) {
		if (actor.token()) {
			return visible(actor);
		}
		return access.agenciesFor(actor, MANAGERS).stream().filter(Agency::active).toList();
	}
}
