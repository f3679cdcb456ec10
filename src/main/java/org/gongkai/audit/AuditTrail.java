package org.gongkai.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every change in the transaction that made it (a synchronous listener: the change and its
 * entry commit or roll back together), and answers searches scoped to what the reader supervises.
 */
@Service
public class AuditTrail {

	private final AuditEntries entries;

	private final AgencyAccess access;

	AuditTrail(AuditEntries entries, AgencyAccess access) {
		this.entries = entries;
		this.access = access;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(ChangeRecorded change) {
		entries.append(change);
	}

	/** One page of entries, newest first. System administrators see all; others their agencies only. */
	@Transactional(readOnly = true)
	public AuditEntries.Page search(Long agencyId, String actor, String action, Instant from, Instant to, String text,
			int page, int size) {
		Actor reader = Actors.require();
		Set<Long> readable = readableAgencies(reader);
		if (readable != null && readable.isEmpty()) {
			throw DomainException.forbidden("只有系统管理员、政务公开办和单位管理员可以查看审计记录");
		}
		Set<Long> scope = readable;
		if (agencyId != null) {
			if (readable != null && !readable.contains(agencyId)) {
				throw DomainException.forbidden("您没有查看该单位审计记录的权限");
			}
			scope = Set.of(agencyId);
		}
		return entries.search(new AuditEntries.Filter(scope, Texts.trimToNull(actor), Texts.trimToNull(action), from, to,
				Texts.trimToNull(text)), Math.max(page, 0), Math.min(Math.max(size, 1), 200));
	}

	/** null means everything (system administrator). */
	Set<Long> readableAgencies(Actor reader) {
		if (reader.isSystemAdmin()) {
			return null;
		}
		List<Agency> agencies = access.agenciesFor(reader, Role.SUPERVISOR, Role.AGENCY_ADMIN);
		return agencies.stream().map(Agency::id).collect(Collectors.toSet());
	}

}
