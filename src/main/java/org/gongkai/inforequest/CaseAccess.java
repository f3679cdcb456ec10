package org.gongkai.inforequest;

import java.util.Arrays;

import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;

/**
 * Who may act on a request and see its applicant's data: staff holding one of the given roles granted for exactly the
 * handling agency. Unlike other records, neither a grant on a parent agency nor the system administrator's reach
 * opens a case: an applicant's identity and contact are for the handling agency's request staff alone (issue 5 §8).
 * Statistics, which hold no personal data, follow the ordinary agency rules.
 */
final class CaseAccess {

	private CaseAccess() {
	}

	static boolean allows(Actor actor, long agencyId, Role... roles) {
		return actor.grants()
			.stream()
			.anyMatch(g -> g.agencyId() != null && g.agencyId() == agencyId && Arrays.asList(roles).contains(g.role()));
	}

	/**
	 * An integration token of the agency with the given scope (e.g. {@code requests} for a hotline platform that
	 * registers applications). Tokens never read applicant data: only the steps that allow them call this.
	 */
	static Actor requireToken(long agencyId, String scope) {
		Actor actor = Actors.require();
		if (!actor.token() || !actor.hasScope(scope) || actor.agencyId() == null || actor.agencyId() != agencyId) {
			throw DomainException.forbidden("该令牌不能为这个单位执行此操作（需要本单位“" + scope + "”用途的令牌）");
		}
		return actor;
	}

	static Actor require(long agencyId, Role... roles) {
		Actor actor = Actors.require();
		if (!allows(actor, agencyId, roles)) {
			throw DomainException.forbidden("申请人信息和办理只限承办单位的依申请公开工作人员");
		}
		return actor;
	}
}
