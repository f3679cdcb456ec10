package org.gongkai.oversight;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.organisation.Agency;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;

/**
 * The task table as an Excel workbook in the layout of seed 003 (《2019年沂源县政务公开主要任务分解表》): a title row,
 * then the header 工作任务 (two columns, merged: the group and the task) | 工作要求 | 责任单位 | 具体工作措施 |
 * 责任科室、责任人及联系方式, plus an optional 完成时限 column; the group and task cells merged down over their rows.
 * The claims of the units go into the measures and contact cells, one unit a line as 「县发展改革局：…」. What
 * {@link #write} produces {@link #read} reads back to the same cells.
 */
final class WorkPlanWorkbook {

	static final String SHEET = "任务分解表";

	static final List<String> HEADERS = List.of("工作任务", "", "工作要求", "责任单位", "具体工作措施", "责任科室、责任人及联系方式", "完成时限");

	static final long MAX_BYTES = 5L * 1024 * 1024;

	static final int MAX_ROWS = 2000;

	/** One row of the table as read, with {@code where} naming the sheet and row for messages. */
	record Line(String where, String group, String task, String requirement, String units, String measures,
			String contacts, String deadline) {

		List<String> cells() {
			return java.util.Arrays.asList(group, task, requirement, units, measures, contacts, deadline);
		}
	}

	private WorkPlanWorkbook() {
	}

	// ---- reading -------------------------------------------------------------------------------------------------

	static List<Line> read(String fileName, long size, InputStream in) {
		if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			throw InvalidInputException.of("file", "请上传 Excel 工作簿（.xlsx 文件）；不支持 .xls、.csv 等其他格式");
		}
		if (size <= 0) {
			throw InvalidInputException.of("file", "请选择要导入的 .xlsx 文件");
		}
		byte[] bytes;
		try {
			bytes = in.readNBytes((int) MAX_BYTES + 1);
		}
		catch (IOException e) {
			throw InvalidInputException.of("file", "文件上传不完整，请重新上传");
		}
		if (size > MAX_BYTES || bytes.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "文件超过5MB，请拆分后分批导入");
		}
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			if (wb.getNumberOfSheets() == 0) {
				throw InvalidInputException.of("file", "工作簿中没有工作表");
			}
			return read(wb.getSheetAt(0));
		}
		catch (InvalidInputException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw InvalidInputException.of("file", "无法读取该文件：它不是有效的 Excel 工作簿（.xlsx），请另存为 .xlsx 后重新上传");
		}
	}

	static List<Line> read(Sheet sheet) {
		String name = sheet.getSheetName();
		if (sheet.getLastRowNum() > MAX_ROWS) {
			throw InvalidInputException.of("file", "工作表“" + name + "”超过" + MAX_ROWS + "行，请拆分后分批导入");
		}
		DataFormatter format = new DataFormatter(Locale.SIMPLIFIED_CHINESE);
		Map<String, CellRangeAddress> merged = new java.util.HashMap<>();
		for (CellRangeAddress r : sheet.getMergedRegions()) {
			for (int row = r.getFirstRow(); row <= r.getLastRow(); row++) {
				for (int col = r.getFirstColumn(); col <= r.getLastColumn(); col++) {
					merged.put(row + ":" + col, r);
				}
			}
		}
		int header = -1;
		for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 5) && header < 0; r++) {
			if ("工作任务".equals(value(sheet, r, 0, merged, format))) {
				header = r;
			}
		}
		if (header < 0) {
			throw InvalidInputException.of("file", "工作表“" + name + "”前6行中没有找到表头（第一列应为“工作任务”）；请使用导出的模板或任务分解表的格式");
		}
		List<String> expected = HEADERS.subList(2, 6);
		List<String> found = new ArrayList<>();
		for (int c = 2; c < 6; c++) {
			found.add(value(sheet, header, c, merged, format));
		}
		String b = value(sheet, header, 1, merged, format);
		String g = value(sheet, header, 6, merged, format);
		boolean withDeadline = "完成时限".equals(g);
		if (!found.equals(expected) || !(b.isEmpty() || b.equals("工作任务")) || !(g.isEmpty() || withDeadline)) {
			throw InvalidInputException.of("file", "工作表“" + name + "”第" + (header + 1)
					+ "行表头应依次为：工作任务（两列：任务类别、具体任务）、工作要求、责任单位、具体工作措施、责任科室、责任人及联系方式，可加“完成时限”");
		}
		List<Line> lines = new ArrayList<>();
		String group = null;
		String task = null;
		for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
			String a = value(sheet, r, 0, merged, format);
			String t = value(sheet, r, 1, merged, format);
			String req = value(sheet, r, 2, merged, format);
			String units = value(sheet, r, 3, merged, format);
			String measures = value(sheet, r, 4, merged, format);
			String contacts = value(sheet, r, 5, merged, format);
			String deadline = withDeadline ? value(sheet, r, 6, merged, format) : "";
			if (req.isEmpty() && units.isEmpty() && measures.isEmpty() && contacts.isEmpty() && deadline.isEmpty()) {
				continue; // a blank row, or a heading row of its own
			}
			if (!a.isEmpty()) {
				if (!a.equals(group)) {
					task = null;
				}
				group = a;
			}
			if (!t.isEmpty()) {
				task = t;
			}
			lines.add(new Line("工作表“" + name + "”第" + (r + 1) + "行：", group, task, nullIfEmpty(req), nullIfEmpty(units),
					nullIfEmpty(measures), nullIfEmpty(contacts), nullIfEmpty(deadline)));
		}
		return lines;
	}

	private static String nullIfEmpty(String s) {
		return s.isEmpty() ? null : s;
	}

	/** A cell's text; inside a merged region, the text of its top-left cell. */
	private static String value(Sheet sheet, int r, int c, Map<String, CellRangeAddress> merged, DataFormatter format) {
		CellRangeAddress region = merged.get(r + ":" + c);
		int row = region == null ? r : region.getFirstRow();
		int col = region == null ? c : region.getFirstColumn();
		Row x = sheet.getRow(row);
		if (x == null) {
			return "";
		}
		Cell cell = x.getCell(col);
		return cell == null ? "" : format.formatCellValue(cell).strip().replace("\r\n", "\n");
	}

	/**
	 * The claims a filled-in row carries: the measures and contact cells, one unit a line as 「县发展改革局：…」 (a line
	 * without a unit's name continues the previous unit's measures; with a single responsible unit the name may be
	 * left out). The contact line is 「责任科室，责任人，联系电话」.
	 */
	static Map<Long, WorkPlanManagement.ClaimInput> claims(Line line, List<Agency> units, String where) {
		Map<Long, WorkPlanManagement.ClaimInput> out = new LinkedHashMap<>();
		if (line.measures() == null && line.contacts() == null) {
			return out;
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<Long, String> measures = blocks(line.measures(), units, where, "measures", "具体工作措施", problems);
		Map<Long, String> contacts = blocks(line.contacts(), units, where, "phone", "责任科室、责任人及联系方式", problems);
		java.util.Set<Long> ids = new java.util.LinkedHashSet<>(measures.keySet());
		ids.addAll(contacts.keySet());
		for (Long id : ids) {
			String unitName = units.stream().filter(a -> a.id() == id).findFirst().map(Agency::displayName).orElse("");
			String contact = contacts.get(id);
			String[] parts = contact == null ? new String[0] : contact.strip().split("[，,\\s]+");
			if (contact != null && parts.length != 3) {
				problems.add(new FieldProblem("phone", where + unitName + "的责任科室、责任人及联系方式应写为“责任科室，责任人，联系电话”"));
				continue;
			}
			try {
				out.put(id, WorkPlanManagement.checkedClaim(new WorkPlanManagement.ClaimInput(measures.get(id),
						parts.length > 0 ? parts[0] : null, parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null),
						where + unitName));
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return out;
	}

	private static Map<Long, String> blocks(String cell, List<Agency> units, String where, String field, String column,
			List<FieldProblem> problems) {
		Map<Long, StringBuilder> out = new LinkedHashMap<>();
		if (cell == null) {
			return Map.of();
		}
		Long current = null;
		for (String raw : cell.split("\n")) {
			String text = raw;
			int colon = raw.indexOf('：');
			Agency named = null;
			if (colon > 0) {
				String label = raw.substring(0, colon).strip();
				named = units.stream().filter(a -> label.equals(a.displayName()) || label.equals(a.name())).findFirst().orElse(null);
				if (named == null && current == null) {
					problems.add(new FieldProblem(field, where + column + "中的“" + label + "”不是该任务的责任单位"));
					return Map.of();
				}
			}
			if (named != null) {
				current = named.id();
				text = raw.substring(colon + 1);
				if (out.containsKey(current)) {
					problems.add(new FieldProblem(field, where + column + "中“" + label(named) + "”出现了两次"));
					return Map.of();
				}
				out.put(current, new StringBuilder(text.strip()));
			}
			else if (current != null) {
				out.get(current).append('\n').append(text);
			}
			else if (units.size() == 1) {
				current = units.get(0).id();
				out.put(current, new StringBuilder(text));
			}
			else {
				problems.add(new FieldProblem(field, where + column + "应按单位分行填写，如“" + (units.isEmpty() ? "县发展改革局" : label(units.get(0)))
						+ "：…”"));
				return Map.of();
			}
		}
		Map<Long, String> result = new LinkedHashMap<>();
		out.forEach((k, v) -> result.put(k, v.toString().strip()));
		return result;
	}

	static String label(Agency a) {
		return a.displayName();
	}

	// ---- writing -------------------------------------------------------------------------------------------------

	/** Writes the title row, the header and the rows (cells in the order of {@link Line#cells()}). */
	static byte[] write(String title, List<List<String>> rows) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet(SHEET);
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			bold.setAlignment(HorizontalAlignment.CENTER);
			bold.setVerticalAlignment(VerticalAlignment.CENTER);
			bold.setWrapText(true);
			CellStyle text = wb.createCellStyle();
			text.setWrapText(true);
			text.setVerticalAlignment(VerticalAlignment.CENTER);
			text.setDataFormat(wb.createDataFormat().getFormat("@"));
			int width = HEADERS.size();
			Row titleRow = sheet.createRow(0);
			Cell t = titleRow.createCell(0);
			t.setCellValue(title);
			t.setCellStyle(bold);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
			Row head = sheet.createRow(1);
			for (int c = 0; c < width; c++) {
				Cell cell = head.createCell(c);
				if (!HEADERS.get(c).isEmpty()) {
					cell.setCellValue(HEADERS.get(c));
				}
				cell.setCellStyle(bold);
			}
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 1));
			int[] widths = { 16, 16, 50, 30, 50, 30, 12 };
			for (int c = 0; c < width; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			sheet.createFreezePane(0, 2);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 2);
				List<String> values = rows.get(r);
				for (int c = 0; c < width; c++) {
					Cell cell = row.createCell(c);
					cell.setCellStyle(text);
					String v = c < values.size() ? values.get(c) : null;
					boolean continued = c < 2 && r > 0 && sameHeading(rows, r, c);
					if (v != null && !continued) {
						cell.setCellValue(v);
					}
				}
			}
			// the group and task cells merged down over their rows
			for (int c = 0; c < 2; c++) {
				int start = 0;
				for (int r = 1; r <= rows.size(); r++) {
					if (r == rows.size() || !sameHeading(rows, r, c)) {
						if (r - 1 > start && rows.get(start).get(c) != null) {
							sheet.addMergedRegion(new CellRangeAddress(start + 2, r + 1, c, c));
						}
						start = r;
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the workbook", e);
		}
	}

	/** Whether row {@code r}'s heading in column {@code c} (0 group, 1 task) continues the row above's. */
	private static boolean sameHeading(List<List<String>> rows, int r, int c) {
		List<String> a = rows.get(r - 1);
		List<String> b = rows.get(r);
		if (b.get(c) == null || !Objects.equals(a.get(0), b.get(0))) {
			return false;
		}
		return c == 0 || Objects.equals(a.get(1), b.get(1));
	}
}
