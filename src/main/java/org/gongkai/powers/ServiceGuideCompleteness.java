package org.gongkai.powers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which service guides miss any of the ten key elements (办事指南十要素): for the console's report, and for oversight,
 * which counts the incomplete guides per agency.
 */
@Service
@Transactional(readOnly = true)
public class ServiceGuideCompleteness {

	/** A guide missing elements: the item, and the Chinese names of the missing elements. */
	public record Incomplete(long itemId, long agencyId, String itemName, boolean published, List<String> missing) {
	}

	private final ServiceItems items;

	ServiceGuideCompleteness(ServiceItems items) {
		this.items = items;
	}

	/** Every incomplete guide of the agencies, by agency and item. */
	public List<Incomplete> incompleteGuides(Collection<Long> agencyIds) {
		List<Incomplete> out = new ArrayList<>();
		for (ServiceGuide g : items.guidesOf(agencyIds)) {
			List<String> missing = g.missing();
			if (!missing.isEmpty()) {
				String name = items.find(g.itemId()).map(ServiceItem::name).orElse("—");
				out.add(new Incomplete(g.itemId(), g.agencyId(), name, g.published(), missing));
			}
		}
		return out;
	}

	/** Agency id → the number of its guides that miss any key element; agencies without such guides are absent. */
	public Map<Long, Integer> incompleteCountByAgency() {
		Map<Long, Integer> out = new LinkedHashMap<>();
		for (ServiceGuide g : items.allGuides()) {
			if (!g.details().complete()) {
				out.merge(g.agencyId(), 1, Integer::sum);
			}
		}
		return out;
	}

	/** The number of an agency's guides that miss any key element. */
	public int incompleteCount(long agencyId) {
		return incompleteCountByAgency().getOrDefault(agencyId, 0);
	}
}
