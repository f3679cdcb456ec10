package org.gongkai.powers;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.SitemapContributor;
import org.springframework.stereotype.Component;

/**
 * The sitemap entries of the power list and the service lists beyond the columns themselves: each agency's change
 * log, every current power-list item and its comparison, and every service item.
 */
@Component
class PowerSite implements SitemapContributor {

	private final PowerQueries powers;

	private final ServiceQueries services;

	private final AgencyDirectory agencies;

	PowerSite(PowerQueries powers, ServiceQueries services, AgencyDirectory agencies) {
		this.powers = powers;
		this.services = services;
		this.agencies = agencies;
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		for (Agency a : agencies.active()) {
			List<PowerItem> items = powers.ofAgency(a.id(), true);
			List<ServiceItem> serviceItems = services.ofAgency(a.id(), null);
			if (!items.isEmpty()) {
				paths.add(PowerPaths.changes(a));
			}
			for (PowerItem i : items) {
				paths.add(PowerPaths.item(a, i.id()));
				paths.add(PowerPaths.comparison(a, i.id()));
			}
			for (ServiceItem i : serviceItems) {
				paths.add(PowerPaths.service(a, i.id()));
			}
		}
		return paths;
	}
}
