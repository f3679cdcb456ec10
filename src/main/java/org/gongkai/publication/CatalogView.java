package org.gongkai.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongkai.catalog.CatalogNode;

/**
 * One agency's catalogue and its published-item counts, read once and navigated in memory, so that a
 * batch of list pages costs two queries instead of several per page.
 */
final class CatalogView {

	private final Map<Long, CatalogNode> byId = new HashMap<>();

	private final Map<String, CatalogNode> byCode = new HashMap<>();

	private final Map<Long, List<CatalogNode>> children = new HashMap<>();

	private final Map<Long, Long> directCounts;

	private final Map<Long, Long> subtreeCounts = new HashMap<>();

	private final List<CatalogNode> tree;

	CatalogView(List<CatalogNode> tree, Map<Long, Long> directCounts) {
		this.tree = tree;
		this.directCounts = directCounts;
		for (CatalogNode n : tree) {
			byId.put(n.id(), n);
			byCode.put(n.code(), n);
			if (n.parentId() != null) {
				children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
			}
		}
	}

	List<CatalogNode> tree() {
		return tree;
	}

	Optional<CatalogNode> node(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

	Optional<CatalogNode> node(long id) {
		return Optional.ofNullable(byId.get(id));
	}

	List<CatalogNode> children(long id) {
		return children.getOrDefault(id, List.of());
	}

	List<CatalogNode> ancestry(CatalogNode node) {
		List<CatalogNode> path = new ArrayList<>();
		CatalogNode current = node;
		while (current != null) {
			path.add(0, current);
			current = current.parentId() == null ? null : byId.get(current.parentId());
		}
		return path;
	}

	Set<Long> subtree(long id) {
		Set<Long> ids = new LinkedHashSet<>();
		collect(id, ids);
		return ids;
	}

	private void collect(long id, Set<Long> ids) {
		ids.add(id);
		for (CatalogNode c : children(id)) {
			collect(c.id(), ids);
		}
	}

	/** Published items filed under the node or anywhere below it (an item filed twice counts twice). */
	long count(long id) {
		return subtreeCounts.computeIfAbsent(id,
				k -> subtree(k).stream().mapToLong(i -> directCounts.getOrDefault(i, 0L)).sum());
	}
}
