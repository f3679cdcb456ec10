package org.gongkai.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One printed table of a report laid out as a grid, the way the national format draws it: the spanning header cells
 * (申请人情况 over 7 columns, 法人或其他组织 over 5, 行政复议 / 行政诉讼 → 未经复议直接起诉 / 复议后起诉), the
 * corner note, and the merged row-group cells to the left of table 三 (三、本年度办理结果, （三）不予公开 …). Built
 * from {@link ReportLayout} only; the page, Word, PDF and Excel renderers draw the same grid, and the Excel import
 * finds each number by its position in it.
 *
 * <p>Numbers: a count prints as a whole number; an amount (a decimal column) prints with at most 4 decimals and no
 * trailing zeros (12.5, not 12.5000). An amount that was never entered prints as {@value #BLANK}: 0 万元 is a fact,
 * an amount nobody entered is not.
 *
 * @param table "t2", "t3" or "t4"
 * @param key the block's key (table 二's sub-tables: item1, item5 …)
 * @param caption the sub-table heading (第二十条第（一）项) or the section's title for tables 三 and 四
 * @param columns the grid's width in cells
 * @param head the header rows; a cell appears once, at its top-left position
 * @param body the data rows, the same way
 */
public record ReportTableGrid(String table, String key, String caption, int columns, List<List<Cell>> head,
		List<List<Cell>> body) {

	/** What an amount nobody entered prints as. */
	public static final String BLANK = "—";

	/**
	 * A cell at grid position ({@code row}, {@code column}) counted from the table's first header row. A header cell
	 * has an {@code id}; a data cell names the ids of all its headers (row and column, innermost first) in
	 * {@code headers} and its {@link ReportLayout.Block#cellKey} in {@code cellKey}.
	 *
	 * @param scope the HTML scope of a header cell: col, colgroup, row or rowgroup
	 */
	public record Cell(int row, int column, int rowspan, int colspan, String text, boolean header, String scope,
			String id, String headers, String cellKey, boolean decimal, String label) {

		public boolean data() {
			return !header;
		}
	}

	/** All tables of a view: table 二's sub-tables, then table 三 and table 四. Header ids begin with {@code idPrefix}. */
	public static List<ReportTableGrid> of(ReportView view, String idPrefix) {
		return view.tables().blocks().stream().map(b -> of(b, view.cells(), idPrefix)).toList();
	}

	/** The grids of one table ("t2", "t3" or "t4") of a view. */
	public static List<ReportTableGrid> of(ReportView view, String table, String idPrefix) {
		return view.tables().blocks().stream().filter(b -> b.table().equals(table)).map(b -> of(b, view.cells(), idPrefix))
			.toList();
	}

	/** The empty grids of a format: the layout of the Excel template. */
	public static List<ReportTableGrid> template(ReportFormat format) {
		return ReportLayout.of(format).blocks().stream().map(b -> of(b, null, "")).toList();
	}

	/** How a cell's number prints; {@code cells} null prints nothing (the empty template). */
	public static String format(ReportCells cells, String cellKey, boolean decimal) {
		if (cells == null) {
			return "";
		}
		if (cells.isBlank(cellKey) && decimal) {
			return BLANK;
		}
		return plain(cells.get(cellKey));
	}

	/** 12.5000 → 12.5; 3 → 3; at most 4 decimals. */
	public static String plain(BigDecimal value) {
		BigDecimal v = value.scale() > 4 ? value.setScale(4, java.math.RoundingMode.HALF_UP) : value;
		v = v.stripTrailingZeros();
		return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
	}

	/** The data cells, row by row. */
	public List<Cell> dataCells() {
		return body.stream().flatMap(List::stream).filter(Cell::data).toList();
	}

	/** How many header rows. */
	public int headRows() {
		return head.size();
	}

	static ReportTableGrid of(ReportLayout.Block block, ReportCells cells, String idPrefix) {
		String p = idPrefix + block.table() + "-" + block.key() + "-";
		List<ReportLayout.Column> cols = block.columns();
		List<ReportLayout.Row> rows = block.rows();
		boolean groups = cols.stream().anyMatch(c -> c.group() != null);
		boolean subgroups = cols.stream().anyMatch(c -> c.subgroup() != null);
		int levels = 1 + (groups ? 1 : 0) + (subgroups ? 1 : 0);
		boolean rowSubgroups = rows.stream().anyMatch(r -> r.subgroup() != null);
		boolean rowGroups = rows.stream().anyMatch(r -> r.group() != null);
		boolean rowLabels = rows.stream().anyMatch(r -> !r.label().isEmpty());
		int labelColumns = !rowLabels ? 0 : rowSubgroups ? 3 : rowGroups ? 2 : 1;
		int width = labelColumns + cols.size();

		List<List<Cell>> head = new ArrayList<>();
		for (int l = 0; l < levels; l++) {
			head.add(new ArrayList<>());
		}
		if (labelColumns > 0) {
			String corner = block.corner() == null ? "" : block.corner();
			head.get(0).add(new Cell(0, 0, levels, labelColumns, corner, true, "col", p + "corner", null, null, false, corner));
		}
		// column header ids, innermost first, per column
		List<List<String>> colHeaders = new ArrayList<>();
		for (int i = 0; i < cols.size(); i++) {
			colHeaders.add(new ArrayList<>());
		}
		int level = 0;
		if (groups) {
			for (int i = 0; i < cols.size();) {
				ReportLayout.Column c = cols.get(i);
				int j = i;
				while (j < cols.size() && Objects.equals(cols.get(j).group(), c.group())) {
					j++;
				}
				final int from = i;
				final int to = j;
				boolean groupHasSubgroups = cols.subList(from, to).stream().anyMatch(x -> x.subgroup() != null);
				if (c.group() != null) {
					String id = p + "g" + from;
					int rowspan = subgroups && !groupHasSubgroups ? 2 : 1;
					head.get(level).add(new Cell(level, labelColumns + from, rowspan, to - from, c.group(), true,
							to - from > 1 ? "colgroup" : "col", id, null, null, false, c.group()));
					for (int k = from; k < to; k++) {
						colHeaders.get(k).add(id);
					}
				}
				i = j;
			}
			level++;
		}
		if (subgroups) {
			for (int i = 0; i < cols.size();) {
				ReportLayout.Column c = cols.get(i);
				int j = i;
				while (j < cols.size() && Objects.equals(cols.get(j).subgroup(), c.subgroup())
						&& Objects.equals(cols.get(j).group(), c.group())) {
					j++;
				}
				final int from = i;
				final int to = j;
				if (c.subgroup() != null) {
					String id = p + "s" + from;
					head.get(level).add(new Cell(level, labelColumns + from, 1, to - from, c.subgroup(), true,
							to - from > 1 ? "colgroup" : "col", id, null, null, false, c.subgroup()));
					for (int k = from; k < to; k++) {
						colHeaders.get(k).add(id);
					}
				}
				i = j;
			}
			level++;
		}
		int bottom = levels - 1;
		for (int i = 0; i < cols.size(); i++) {
			ReportLayout.Column c = cols.get(i);
			String id = p + "c" + i;
			// the label rises into the subgroup row when its group has subgroups but it has none (自然人, 总计)
			final String group = c.group();
			boolean groupHasSubgroups = cols.stream().anyMatch(x -> Objects.equals(x.group(), group) && x.subgroup() != null);
			int top = subgroups && c.subgroup() == null && groupHasSubgroups ? bottom - 1 : bottom;
			head.get(top).add(new Cell(top, labelColumns + i, bottom - top + 1, 1, c.label(), true, "col", id, null, null,
					false, c.label()));
			colHeaders.get(i).add(0, id);
			java.util.Collections.reverse(colHeaders.get(i).subList(1, colHeaders.get(i).size()));
		}
		for (List<Cell> r : head) {
			r.sort(java.util.Comparator.comparingInt(Cell::column));
		}

		List<List<Cell>> body = new ArrayList<>();
		String groupId = null;
		String subgroupId = null;
		for (int ri = 0; ri < rows.size(); ri++) {
			ReportLayout.Row r = rows.get(ri);
			ReportLayout.Row previous = ri == 0 ? null : rows.get(ri - 1);
			int gridRow = levels + ri;
			List<Cell> line = new ArrayList<>();
			List<String> rowHeaders = new ArrayList<>();
			if (labelColumns > 0) {
				int labelAt = 0;
				if (r.group() != null) {
					if (previous == null || !Objects.equals(previous.group(), r.group())) {
						groupId = p + "rg" + ri;
						int span = span(rows, ri, x -> Objects.equals(x.group(), r.group()));
						line.add(new Cell(gridRow, 0, span, 1, r.group(), true, "rowgroup", groupId, null, null, false, r.group()));
					}
					rowHeaders.add(groupId);
					labelAt = 1;
				}
				if (r.subgroup() != null) {
					if (previous == null || !Objects.equals(previous.subgroup(), r.subgroup())) {
						subgroupId = p + "rs" + ri;
						int span = span(rows, ri, x -> Objects.equals(x.subgroup(), r.subgroup()));
						line.add(new Cell(gridRow, 1, span, 1, r.subgroup(), true, "rowgroup", subgroupId, null, null, false,
								r.subgroup()));
					}
					rowHeaders.add(subgroupId);
					labelAt = 2;
				}
				String id = p + "r" + ri;
				line.add(new Cell(gridRow, labelAt, 1, labelColumns - labelAt, r.label(), true, "row", id, null, null, false,
						r.label()));
				rowHeaders.add(0, id);
				java.util.Collections.reverse(rowHeaders.subList(1, rowHeaders.size()));
			}
			for (int i = 0; i < cols.size(); i++) {
				ReportLayout.Column c = cols.get(i);
				String key = block.cellKey(r, c);
				List<String> headers = new ArrayList<>(rowHeaders);
				headers.addAll(colHeaders.get(i));
				String label = columnLabel(c) + (r.label().isEmpty() ? "" : "，" + r.label());
				line.add(new Cell(gridRow, labelColumns + i, 1, 1, format(cells, key, c.decimal()), false, null, null,
						String.join(" ", headers), key, c.decimal(), label));
			}
			body.add(line);
		}
		String caption = block.heading() != null ? block.heading()
				: block.table().equals("t3") ? ReportLayout.Section.THREE.title() : ReportLayout.Section.FOUR.title();
		return new ReportTableGrid(block.table(), block.key(), caption, width, List.copyOf(head), List.copyOf(body));
	}

	/** A column's name as a person reads it: 自然人; 行政复议·结果维持; 未经复议直接起诉·结果纠正. */
	static String columnLabel(ReportLayout.Column c) {
		if (c.subgroup() != null && !"法人或其他组织".equals(c.subgroup())) {
			return c.subgroup() + "·" + c.label();
		}
		if (c.group() != null && !"申请人情况".equals(c.group()) && c.subgroup() == null) {
			return c.group() + "·" + c.label();
		}
		return c.label();
	}

	private static int span(List<ReportLayout.Row> rows, int from, java.util.function.Predicate<ReportLayout.Row> same) {
		int n = 0;
		for (int i = from; i < rows.size() && same.test(rows.get(i)); i++) {
			n++;
		}
		return n;
	}
}
