package org.gongkai.powers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The items of the current power and responsibility lists (权责清单) for the site search, read through
 * {@link PowerQueries#publicItem} and shown as the item's public page shows them. An item removed from the list keeps
 * its page for the record but leaves the search: only current items are searchable.
 */
@Component
@Transactional(readOnly = true)
class PowerItemSearchSource implements SearchSource {

	static final String KIND = "power";

	private final PowerQueries powers;

	private final AgencyDirectory agencies;

	PowerItemSearchSource(PowerQueries powers, AgencyDirectory agencies) {
		this.powers = powers;
		this.agencies = agencies;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "权责清单";
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return powers.publicItem(id).filter(PowerItem::current).map(i -> entry(i, powers.typesByCode()));
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		Map<String, PowerType> types = powers.typesByCode();
		for (Agency a : agencies.active()) {
			for (PowerItem i : powers.ofAgency(a.id(), true)) {
				sink.accept(entry(i, types));
			}
		}
	}

	private SearchEntry entry(PowerItem i, Map<String, PowerType> types) {
		Agency agency = agencies.requireById(i.agencyId());
		PowerDetails d = i.details();
		List<String> parts = new ArrayList<>();
		parts.add(PowerPages.typeName(d, types));
		parts.add(d.code());
		parts.add(d.level() == null ? null : d.level().label());
		parts.add(d.basis());
		parts.add(d.implementingBody());
		parts.add(d.handlingUnit());
		for (PowerResponsibility r : i.responsibilityItems()) {
			parts.add(r.stage() == null ? r.text() : r.stage() + "：" + r.text());
		}
		parts.add(d.accountability());
		parts.add(d.supervisionPhone());
		List<PowerVersion> history = powers.history(i.id());
		LocalDate date = history.isEmpty() || history.get(0).effectiveOn() == null
				? LocalDate.ofInstant(i.updatedAt(), Zones.CHINA) : history.get(0).effectiveOn();
		return new SearchEntry(KIND, i.id(), i.agencyId(), PowerPaths.item(agency, i.id()), d.name(), SearchEntry.lines(parts), null, date,
				null, d.code(), false);
	}

}
