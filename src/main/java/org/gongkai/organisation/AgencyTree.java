package org.gongkai.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Orders agencies depth-first, siblings by sort order then name. */
final class AgencyTree {

	private AgencyTree() {
	}

	static List<Agency> order(List<Agency> agencies) {
		Map<Long, List<Agency>> children = new HashMap<>();
		List<Agency> roots = new ArrayList<>();
		java.util.Set<Long> ids = new java.util.HashSet<>();
		agencies.forEach(a -> ids.add(a.id()));
		for (Agency a : agencies) {
			if (a.parentId() == null || !ids.contains(a.parentId())) {
				roots.add(a);
			}
			else {
				children.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a);
			}
		}
		Comparator<Agency> bySort = Comparator.comparingInt(Agency::sortOrder).thenComparing(Agency::name);
		List<Agency> out = new ArrayList<>(agencies.size());
		roots.sort(bySort);
		for (Agency root : roots) {
			walk(root, children, bySort, out);
		}
		return out;
	}

	private static void walk(Agency a, Map<Long, List<Agency>> children, Comparator<Agency> bySort, List<Agency> out) {
		out.add(a);
		List<Agency> kids = new ArrayList<>(children.getOrDefault(a.id(), List.of()));
		kids.sort(bySort);
		for (Agency kid : kids) {
			walk(kid, children, bySort, out);
		}
	}
}
