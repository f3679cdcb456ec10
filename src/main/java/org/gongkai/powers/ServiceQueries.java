package org.gongkai.powers;

import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the service lists and guides; the public only ever gets published guides. */
@Service
@Transactional(readOnly = true)
public class ServiceQueries {

	private final ServiceItems items;

	private final AgencyDirectory agencies;

	ServiceQueries(ServiceItems items, AgencyDirectory agencies) {
		this.items = items;
		this.agencies = agencies;
	}

	public List<ServiceItem> ofAgency(Long agencyId, ServiceKind kind) {
		return items.ofAgency(agencyId, kind);
	}

	/** An item of an active agency. */
	public Optional<ServiceItem> publicItem(long id) {
		return items.find(id).filter(i -> agencies.findById(i.agencyId()).map(Agency::active).orElse(false));
	}

	/** The item's guide if it is published; never an unpublished one. */
	public Optional<ServiceGuide> publishedGuide(long itemId) {
		return items.guide(itemId).filter(ServiceGuide::published);
	}

	/** The item's guide, published or not: for staff only. */
	Optional<ServiceGuide> guide(long itemId) {
		return items.guide(itemId);
	}

	Optional<ServiceItem> item(long id) {
		return items.find(id);
	}
}
