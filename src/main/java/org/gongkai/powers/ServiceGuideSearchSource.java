package org.gongkai.powers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published service guides (办事指南) for the site search: a service item whose guide is published, read through
 * {@link ServiceQueries#publicItem} and {@link ServiceQueries#publishedGuide} and shown as the item's public page
 * shows it (the item's fields, then the guide's elements with their names). An unpublished guide is not searchable.
 */
@Component
@Transactional(readOnly = true)
class ServiceGuideSearchSource implements SearchSource {

	static final String KIND = "service";

	private final ServiceQueries services;

	private final AgencyDirectory agencies;

	ServiceGuideSearchSource(ServiceQueries services, AgencyDirectory agencies) {
		this.services = services;
		this.agencies = agencies;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "办事指南";
	}

	@Override
	public int order() {
		return 65;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return services.publicItem(id).flatMap(i -> services.publishedGuide(id).map(g -> entry(i, g)));
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (Agency a : agencies.active()) {
			for (ServiceItem i : services.ofAgency(a.id(), null)) {
				services.publishedGuide(i.id()).ifPresent(g -> sink.accept(entry(i, g)));
			}
		}
	}

	private SearchEntry entry(ServiceItem i, ServiceGuide g) {
		Agency agency = agencies.requireById(i.agencyId());
		List<String> parts = new ArrayList<>();
		parts.add(i.kind().label());
		parts.add(i.basis());
		parts.add(i.body());
		parts.add(i.feeStandard());
		parts.add(i.chargingUnit());
		parts.add(i.note());
		ServiceGuideDetails.KEY_ELEMENTS.forEach((f, label) -> {
			String v = g.details().element(f);
			if (v != null && !v.isBlank()) {
				parts.add(label + "：" + v);
			}
		});
		ServiceGuideDetails.OPTIONAL_ELEMENTS.forEach((f, label) -> {
			String v = g.details().element(f);
			if (v != null && !v.isBlank()) {
				parts.add(label + "：" + v);
			}
		});
		Instant at = g.publishedAt() != null ? g.publishedAt() : g.updatedAt();
		return new SearchEntry(KIND, i.id(), i.agencyId(), PowerPaths.service(agency, i.id()), i.name(),
				SearchEntry.lines(parts), null, LocalDate.ofInstant(at, Zones.CHINA), null, null, false);
	}
}
