package org.gongkai.organisation;

import java.util.List;
import java.util.Optional;

import org.gongkai.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to agencies for every module: the tree, an agency, its guide data. */
@Service
@Transactional(readOnly = true)
public class AgencyDirectory {

	private final Agencies agencies;

	AgencyDirectory(Agencies agencies) {
		this.agencies = agencies;
	}

	public Optional<Agency> findById(long id) {
		return agencies.findById(id);
	}

	public Optional<Agency> findByCode(String code) {
		return agencies.findByCode(code);
	}

	/** The agency for a code, or 404. */
	public Agency requireByCode(String code) {
		return agencies.findByCode(code).orElseThrow(() -> DomainException.notFound("没有代码为“" + code + "”的单位"));
	}

	public Agency requireById(long id) {
		return agencies.findById(id).orElseThrow(() -> DomainException.notFound("该单位不存在"));
	}

	/** All agencies, in tree order, active or not. */
	public List<Agency> all() {
		return agencies.findAll();
	}

	/** Active agencies in tree order: what the public directory lists. */
	public List<Agency> active() {
		return agencies.findAll().stream().filter(Agency::active).toList();
	}

	public List<Agency> activeChildren(long parentId) {
		return agencies.findChildren(parentId).stream().filter(Agency::active).toList();
	}

	public DisclosureOffice office(long agencyId) {
		return agencies.findOffice(agencyId).orElse(DisclosureOffice.empty(agencyId));
	}

	public List<DisclosureContact> contacts(long agencyId) {
		return agencies.findContacts(agencyId);
	}

	public Optional<Agency> parentOf(Agency agency) {
		return agency.parentId() == null ? Optional.empty() : agencies.findById(agency.parentId());
	}
}
