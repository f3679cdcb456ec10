package org.gongkai.powers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which service guides miss any of the ten key elements (办事指南十要素), an item without a guide missing them all: for the console's report, and for oversight,
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

	/**
	 * Every incomplete guide of the agencies, by agency and item; an item of a kind that has guides but no guide yet
	 * misses all ten key elements.
	 */
	public List<Incomplete> incompleteGuides(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		Map<Long, ServiceGuide> guides = new HashMap<>();
		items.guidesOf(agencyIds).forEach(g -> guides.put(g.itemId(), g));
		Set<Long> wanted = new HashSet<>(agencyIds);
		List<Incomplete> out = new ArrayList<>();
		for (ServiceItem i : guideItems()) {
			if (!wanted.contains(i.agencyId())) {
				continue;
			}
			ServiceGuide g = guides.get(i.id());
			List<String> missing = g == null ? ALL_ELEMENTS : g.missing();
			if (!missing.isEmpty()) {
				out.add(new Incomplete(i.id(), i.agencyId(), i.name(), g != null && g.published(), missing));
			}
		}
		return out;
	}

	/**
	 * Agency id → the number of its items (of kinds that have guides) whose guide misses any key element or that have
	 * no guide at all; agencies without such items are absent.
	 */
	public Map<Long, Integer> incompleteCountByAgency() {
		Map<Long, ServiceGuide> guides = new HashMap<>();
		items.allGuides().forEach(g -> guides.put(g.itemId(), g));
		Map<Long, Integer> out = new LinkedHashMap<>();
		for (ServiceItem i : guideItems()) {
			ServiceGuide g = guides.get(i.id());
			if (g == null || !g.details().complete()) {
				out.merge(i.agencyId(), 1, Integer::sum);
			}
		}
		return out;
	}

	private static final List<String> ALL_ELEMENTS = List.copyOf(ServiceGuideDetails.KEY_ELEMENTS.values());

	/** The items of every kind that has guides, by agency and item id. */
	private List<ServiceItem> guideItems() {
		List<ServiceItem> out = new ArrayList<>();
		for (ServiceKind kind : ServiceKind.values()) {
			if (kind.hasGuide()) {
				out.addAll(items.ofAgency(null, kind));
			}
		}
		out.sort(Comparator.comparingLong(ServiceItem::agencyId).thenComparingLong(ServiceItem::id));
		return out;
	}

	/** The number of an agency's guides that miss any key element. */
	public int incompleteCount(long agencyId) {
		return incompleteCountByAgency().getOrDefault(agencyId, 0);
	}
}
