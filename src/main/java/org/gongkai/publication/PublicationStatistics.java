package org.gongkai.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly figures of proactive disclosure, counted from the item records; the annual report (国办公开办函〔2021〕30号,
 * domain-rules.md §2.2) takes them from here and the rules of counting live only here. Every figure comes with the
 * records behind it ({@link CountedRecord}), selected by the same predicate the count uses, so a count is always the
 * size of its record list.
 * <p>
 * Only items public now (status 已公开) count: drafts, items in review, items listed on request or withheld, and
 * withdrawn items never do. Counts and records carry no personal data (titles of public items only).
 * <p>
 * Who may read: staff of the agency with EDITOR, REVIEWER, APPROVER or AGENCY_ADMIN, a SUPERVISOR over it, a
 * SYSTEM_ADMIN.
 */
@Service
@Transactional(readOnly = true)
public class PublicationStatistics {

	/** The columns of table 二 第二十条第（一）项. */
	public static final List<String> NORMATIVE_COLUMNS = List.of("issued", "repealed", "inForce");

	/** The columns of {@link #proactiveRecords}; a catalogue group is asked for as {@code node:<code>}. */
	public static final List<String> PROACTIVE_COLUMNS = List.of("published", "onTime", "late");

	/**
	 * Table 二 第二十条第（一）项 for one agency and year: 规章 ({@code rules*}) and 行政规范性文件 ({@code normative*}), each
	 * 本年制发件数, 本年废止件数 and 现行有效件数.
	 */
	public record NormativeFigures(int rulesIssued, int rulesRepealed, int rulesInForce, int normativeIssued,
			int normativeRepealed, int normativeInForce) {
	}

	/** Items published in one catalogue group: the group node's code and title. */
	public record NodeCount(String code, String title, int count) {
	}

	/**
	 * Items first made public in the year, of which on time and late against their Art. 26 date, and per catalogue
	 * group (an item filed in several groups counts once in each, so the groups may add up to more than
	 * {@code published}).
	 */
	public record ProactiveFigures(int published, int onTime, int late, List<NodeCount> byColumn) {
	}

	private final Documents documents;

	private final Catalog catalog;

	private final AgencyAccess access;

	PublicationStatistics(Documents documents, Catalog catalog, AgencyAccess access) {
		this.documents = documents;
		this.catalog = catalog;
		this.access = access;
	}

	// ---- table 二 第二十条第（一）项 -------------------------------------------------------------------------

	/**
	 * Table 二 第二十条第（一）项 (条例第二十条第（一）项; 国办公开办函〔2021〕30号). An item is a 规章 when marked
	 * {@code governmentRule}, otherwise a 行政规范性文件 when marked {@code normative} (an item marked both counts as
	 * 规章 only). For each, of the items public now:
	 * <ul>
	 * <li>本年制发件数: its issue date ({@link #issuedOn}: 成文日期, or the 生成日期 when no 成文日期 was entered) lies in
	 * the year;</li>
	 * <li>本年废止件数: its validity was changed to 废止 (REPEALED) or 失效 (LAPSED) with the change date in the year —
	 * both end the document's force, so both count;</li>
	 * <li>现行有效件数: at 31 December of the year it was issued (issue date on or before that day) and not yet
	 * repealed or lapsed (no 废止/失效 date on or before that day).</li>
	 * </ul>
	 */
	public NormativeFigures normative(long agencyId, int year) {
		requireAccess(agencyId);
		List<Documents.CountedItem> items = documents.publicNormative(agencyId);
		return new NormativeFigures(count(items, true, "issued", year), count(items, true, "repealed", year),
				count(items, true, "inForce", year), count(items, false, "issued", year),
				count(items, false, "repealed", year), count(items, false, "inForce", year));
	}

	/**
	 * The records behind one cell of {@link #normative}: {@code governmentRules} picks the row (规章 or 行政规范性文件),
	 * {@code column} is {@code issued}, {@code repealed} or {@code inForce}. Reference: the document number, or the
	 * index number when it has none; date: the issue date ({@code issued}, {@code inForce}) or the 废止/失效 date
	 * ({@code repealed}).
	 */
	public List<CountedRecord> normativeRecords(long agencyId, int year, boolean governmentRules, String column) {
		requireAccess(agencyId);
		Predicate<Documents.CountedItem> counted = normativePredicate(governmentRules, column, year);
		List<CountedRecord> out = new ArrayList<>();
		for (Documents.CountedItem d : documents.publicNormative(agencyId)) {
			if (counted.test(d)) {
				out.add(new CountedRecord(reference(d), d.title(),
						"repealed".equals(column) ? d.validityChangedOn() : issuedOn(d), consoleUrl(d.id())));
			}
		}
		return out;
	}

	/** The day an item counts as issued (制发): its 成文日期, or its 生成日期 when no 成文日期 was entered. */
	static LocalDate issuedOn(Documents.CountedItem d) {
		return d.writtenOn() != null ? d.writtenOn() : d.formedOn();
	}

	private static int count(List<Documents.CountedItem> items, boolean governmentRules, String column, int year) {
		return (int) items.stream().filter(normativePredicate(governmentRules, column, year)).count();
	}

	/** The one rule of each cell of 第二十条第（一）项 (see {@link #normative}). */
	private static Predicate<Documents.CountedItem> normativePredicate(boolean governmentRules, String column, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		Predicate<Documents.CountedItem> row = governmentRules ? Documents.CountedItem::governmentRule
				: d -> d.normative() && !d.governmentRule();
		Predicate<Documents.CountedItem> cell = switch (column == null ? "" : column) {
			case "issued" -> d -> within(issuedOn(d), from, to);
			case "repealed" -> d -> ended(d) && within(d.validityChangedOn(), from, to);
			case "inForce" -> d -> issuedOn(d) != null && !issuedOn(d).isAfter(to)
					&& !(ended(d) && d.validityChangedOn() != null && !d.validityChangedOn().isAfter(to));
			default -> throw InvalidInputException.of("column", "栏目应为 issued、repealed 或 inForce");
		};
		return row.and(cell);
	}

	private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
		return day != null && !day.isBefore(from) && !day.isAfter(to);
	}

	private static boolean ended(Documents.CountedItem d) {
		return d.validity() == Validity.REPEALED || d.validity() == Validity.LAPSED;
	}

	// ---- items published in the year ---------------------------------------------------------------------------

	/**
	 * Items first made public in the year (their publication date, set when the item became public, lies in the year;
	 * an on-request or withheld item later disclosed counts in the year of its disclosure), on time or late against
	 * the Art. 26 date stored with the item ({@code publishBy}: 20 working days from the 生成日期 or a node's shorter
	 * limit; late when published after it; an item without such a date counts as on time), and per catalogue group:
	 * the top-level node an item is filed under, or the second-level node when it is filed under 法定主动公开内容.
	 */
	public ProactiveFigures proactive(long agencyId, int year) {
		requireAccess(agencyId);
		List<Documents.CountedItem> items = publishedIn(agencyId, year);
		int late = (int) items.stream().filter(PublicationStatistics::late).count();
		Groups groups = groups(agencyId);
		Map<Long, Integer> perGroup = new HashMap<>();
		for (Documents.CountedItem d : items) {
			for (Long group : groups.of(d)) {
				perGroup.merge(group, 1, Integer::sum);
			}
		}
		List<NodeCount> byColumn = new ArrayList<>();
		for (CatalogNode node : groups.inOrder()) {
			Integer n = perGroup.get(node.id());
			if (n != null) {
				byColumn.add(new NodeCount(node.code(), node.title(), n));
			}
		}
		return new ProactiveFigures(items.size(), items.size() - late, late, byColumn);
	}

	/**
	 * The records behind a figure of {@link #proactive}: {@code column} is {@code published}, {@code onTime},
	 * {@code late}, or {@code node:<code>} for a catalogue group. Reference: the index number; date: the publication
	 * date.
	 */
	public List<CountedRecord> proactiveRecords(long agencyId, int year, String column) {
		requireAccess(agencyId);
		Predicate<Documents.CountedItem> counted;
		if ("published".equals(column)) {
			counted = d -> true;
		}
		else if ("onTime".equals(column)) {
			counted = d -> !late(d);
		}
		else if ("late".equals(column)) {
			counted = PublicationStatistics::late;
		}
		else if (column != null && column.startsWith("node:")) {
			String code = column.substring("node:".length());
			Groups groups = groups(agencyId);
			counted = d -> groups.of(d).stream().anyMatch(id -> code.equals(groups.nodes.get(id).code()));
		}
		else {
			throw InvalidInputException.of("column", "栏目应为 published、onTime、late 或 node:栏目代码");
		}
		return publishedIn(agencyId, year).stream()
			.filter(counted)
			.map(d -> new CountedRecord(d.indexNumber(), d.title(), d.publishedOn(), consoleUrl(d.id())))
			.toList();
	}

	private List<Documents.CountedItem> publishedIn(long agencyId, int year) {
		return documents.publicPublishedBetween(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/** Published after its Art. 26 date. */
	static boolean late(Documents.CountedItem d) {
		return d.publishBy() != null && d.publishedOn() != null && d.publishedOn().isAfter(d.publishBy());
	}

	/** The agency's catalogue groups: top-level nodes, and the children of 法定主动公开内容 instead of it. */
	private Groups groups(long agencyId) {
		List<CatalogNode> tree = catalog.tree(agencyId);
		Map<Long, CatalogNode> nodes = new LinkedHashMap<>();
		tree.forEach(n -> nodes.put(n.id(), n));
		return new Groups(nodes);
	}

	private record Groups(Map<Long, CatalogNode> nodes) {

		/** The group of a node: its top-level ancestor, or the second level under 法定主动公开内容. */
		Long groupOf(long nodeId) {
			CatalogNode node = nodes.get(nodeId);
			if (node == null) {
				return null;
			}
			List<CatalogNode> path = new ArrayList<>();
			for (CatalogNode n = node; n != null; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
				path.add(0, n);
			}
			if (Catalog.STATUTORY.equals(path.get(0).code()) && path.size() > 1) {
				return path.get(1).id();
			}
			return path.get(0).id();
		}

		Set<Long> of(Documents.CountedItem d) {
			Set<Long> out = new LinkedHashSet<>();
			for (Long id : d.nodeIds()) {
				Long group = groupOf(id);
				if (group != null) {
					out.add(group);
				}
			}
			return out;
		}

		List<CatalogNode> inOrder() {
			return List.copyOf(nodes.values());
		}
	}

	private static String reference(Documents.CountedItem d) {
		return d.documentNumber() != null && !d.documentNumber().isBlank() ? d.documentNumber() : d.indexNumber();
	}

	private static String consoleUrl(long id) {
		return "/console/documents/" + id;
	}

	private void requireAccess(long agencyId) {
		access.require(agencyId, Role.EDITOR, Role.REVIEWER, Role.APPROVER, Role.AGENCY_ADMIN, Role.SUPERVISOR);
	}
}
