package org.gongkai.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.catalog.NodeKind;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Rows;
import org.gongkai.publication.PublicationQueries;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The columns of an agency's site as the automatic inspection watches them: each catalogue node gets a
 * {@link ColumnWindowClass}, defaulted from its title and code and overridable per node by the supervisor
 * ({@code ov_column_window}). A column is the outermost node with a window; the items of its whole subtree count for
 * it. Guides, the on-request catalogue, the annual reports and hidden nodes have no window unless the supervisor sets
 * one.
 */
@Service
public class ColumnWindows {

	/**
	 * One node with its class, whether the supervisor set it, and, for a column (the outermost node with a window),
	 * the last publication day and the number of public items of its subtree.
	 *
	 * @param column whether this node is watched as a column of its own
	 */
	public record ColumnWindowState(CatalogNode node, int depth, ColumnWindowClass windowClass, boolean overridden,
			ColumnWindowClass defaultClass, boolean column, LocalDate lastPublished, long items) {

		public String consoleUrl() {
			return "/console/monitoring/agencies/" + node.agencyId() + "/columns#node-" + node.id();
		}

		/**
		 * Whether the portal shows the column while it has no item: a top-level node always, a lower one only with an
		 * explanation of why it is empty (an empty node without one is left off the site, so it is no blank column).
		 */
		public boolean visibleWhenEmpty() {
			return !node.hidden() && (node.isTopLevel() || node.emptyExplanation() != null);
		}
	}

	private final Catalog catalog;

	private final PublicationQueries publication;

	private final JdbcClient jdbc;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ColumnWindows(Catalog catalog, PublicationQueries publication, JdbcClient jdbc, AgencyAccess access,
			ApplicationEventPublisher events, Clock clock) {
		this.catalog = catalog;
		this.publication = publication;
		this.jdbc = jdbc;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** Every node of the agency's catalogue in tree order, with its class and, for columns, their items. */
	@Transactional(readOnly = true)
	public List<ColumnWindowState> states(long agencyId) {
		List<CatalogNode> tree = catalog.tree(agencyId);
		Map<Long, ColumnWindowClass> overrides = overrides(agencyId);
		Map<Long, LocalDate> last = publication.lastPublishedByNode(agencyId);
		Map<Long, Long> counts = publication.publishedCountByNode(agencyId);
		Map<Long, CatalogNode> byId = new HashMap<>();
		Map<Long, List<Long>> children = new HashMap<>();
		for (CatalogNode n : tree) {
			byId.put(n.id(), n);
			if (n.parentId() != null) {
				children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n.id());
			}
		}
		Map<Long, ColumnWindowClass> effective = new HashMap<>();
		for (CatalogNode n : tree) {
			effective.put(n.id(), overrides.getOrDefault(n.id(), defaultFor(n)));
		}
		List<ColumnWindowState> out = new ArrayList<>();
		for (CatalogNode n : tree) {
			int depth = 0;
			boolean insideColumn = false;
			for (Long p = n.parentId(); p != null && byId.containsKey(p); p = byId.get(p).parentId()) {
				depth++;
				if (effective.get(p).hasWindow()) {
					insideColumn = true;
				}
			}
			ColumnWindowClass cls = effective.get(n.id());
			boolean column = cls.hasWindow() && !insideColumn;
			LocalDate lastOn = null;
			long items = 0;
			if (column) {
				List<Long> stack = new ArrayList<>(List.of(n.id()));
				while (!stack.isEmpty()) {
					Long id = stack.remove(stack.size() - 1);
					LocalDate d = last.get(id);
					if (d != null && (lastOn == null || d.isAfter(lastOn))) {
						lastOn = d;
					}
					items += counts.getOrDefault(id, 0L);
					stack.addAll(children.getOrDefault(id, List.of()));
				}
			}
			out.add(new ColumnWindowState(n, depth, cls, overrides.containsKey(n.id()), defaultFor(n), column, lastOn,
					items));
		}
		return out;
	}

	/** The watched columns only. */
	@Transactional(readOnly = true)
	public List<ColumnWindowState> columns(long agencyId) {
		return states(agencyId).stream().filter(ColumnWindowState::column).toList();
	}

	/** The default class of a node: none for guides, the on-request catalogue, annual reports and hidden nodes. */
	static ColumnWindowClass defaultFor(CatalogNode n) {
		if (n.hidden() || n.kind() == NodeKind.GUIDE || n.kind() == NodeKind.ON_REQUEST
				|| n.kind() == NodeKind.ANNUAL_REPORT) {
			return ColumnWindowClass.FIXED;
		}
		return ColumnWindowClass.defaultFor(n.title(), n.code());
	}

	/**
	 * The supervisor sets a node's class; {@code windowClass} null returns the node to its default. SUPERVISOR over
	 * the agency or SYSTEM_ADMIN.
	 */
	@Transactional
	public void set(long nodeId, ColumnWindowClass windowClass) {
		CatalogNode node = catalog.nodeById(nodeId).orElseThrow(() -> DomainException.notFound("栏目不存在"));
		Actor actor = access.require(node.agencyId(), Role.SUPERVISOR);
		ColumnWindowClass before = overrides(node.agencyId()).get(nodeId);
		jdbc.sql("DELETE FROM ov_column_window WHERE node_id = ?").param(nodeId).update();
		if (windowClass != null) {
			jdbc.sql("INSERT INTO ov_column_window (node_id, agency_id, window_class, updated_by, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
				.params(nodeId, node.agencyId(), windowClass.name(), actor.username(),
						Rows.ts(clock.instant()))
				.update();
		}
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), node.agencyId(), "monitoring.column-window",
				"CatalogNode", nodeId, "设置栏目更新周期：" + node.title(),
				before == null ? "默认：" + defaultFor(node).label() : before.label(),
				windowClass == null ? "默认：" + defaultFor(node).label() : windowClass.label()));
	}

	private Map<Long, ColumnWindowClass> overrides(long agencyId) {
		Map<Long, ColumnWindowClass> out = new HashMap<>();
		jdbc.sql("SELECT node_id, window_class FROM ov_column_window WHERE agency_id = ?")
			.param(agencyId)
			.query(rs -> {
				out.put(rs.getLong(1), ColumnWindowClass.valueOf(rs.getString(2)));
			});
		return out;
	}
}
