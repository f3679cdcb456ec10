package org.gongkai.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongkai.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to agencies' catalogue trees for every module. */
@Service
@Transactional(readOnly = true)
public class Catalog {

	/** Codes of the level-one entries, which are also their addresses under the agency. */
	public static final String GUIDE = "guide";

	public static final String RULES = "rules";

	public static final String STATUTORY = "statutory";

	public static final String ANNUAL_REPORTS = "annual-reports";

	public static final String ON_REQUEST = "on-request";

	private final CatalogNodes nodes;

	Catalog(CatalogNodes nodes) {
		this.nodes = nodes;
	}

	/** An agency's nodes in tree order (depth first, siblings by sort order). */
	public List<CatalogNode> tree(long agencyId) {
		List<CatalogNode> all = nodes.findByAgency(agencyId);
		Map<Long, List<CatalogNode>> children = new HashMap<>();
		List<CatalogNode> roots = new ArrayList<>();
		for (CatalogNode n : all) {
			if (n.parentId() == null) {
				roots.add(n);
			}
			else {
				children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
			}
		}
		List<CatalogNode> out = new ArrayList<>();
		for (CatalogNode root : roots) {
			walk(root, children, out);
		}
		return out;
	}

	private static void walk(CatalogNode n, Map<Long, List<CatalogNode>> children, List<CatalogNode> out) {
		out.add(n);
		for (CatalogNode c : children.getOrDefault(n.id(), List.of())) {
			walk(c, children, out);
		}
	}

	public List<CatalogNode> topLevel(long agencyId) {
		return nodes.findByAgency(agencyId).stream().filter(CatalogNode::isTopLevel).toList();
	}

	public List<CatalogNode> children(long agencyId, long nodeId) {
		return nodes.findByAgency(agencyId).stream().filter(n -> Long.valueOf(nodeId).equals(n.parentId())).toList();
	}

	public Optional<CatalogNode> node(long agencyId, String code) {
		return nodes.find(agencyId, code);
	}

	public Optional<CatalogNode> nodeById(long id) {
		return nodes.findById(id);
	}

	public CatalogNode requireNode(long agencyId, String code) {
		return nodes.find(agencyId, code).orElseThrow(() -> DomainException.notFound("没有代码为“" + code + "”的公开目录栏目"));
	}

	/** The node and every node below it. */
	public Set<Long> subtreeIds(long agencyId, long nodeId) {
		List<CatalogNode> all = nodes.findByAgency(agencyId);
		Set<Long> ids = new LinkedHashSet<>();
		ids.add(nodeId);
		boolean grew = true;
		while (grew) {
			grew = false;
			for (CatalogNode n : all) {
				if (n.parentId() != null && ids.contains(n.parentId()) && ids.add(n.id())) {
					grew = true;
				}
			}
		}
		return ids;
	}

	/** The path from the top-level entry down to the node. */
	public List<CatalogNode> ancestry(CatalogNode node) {
		List<CatalogNode> path = new ArrayList<>();
		CatalogNode current = node;
		while (current != null) {
			path.add(0, current);
			current = current.parentId() == null ? null : nodes.findById(current.parentId()).orElse(null);
		}
		return path;
	}
}
