package org.gongkai.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;

/**
 * The report as an Excel workbook (.xlsx, Apache POI XSSF) and the import of an earlier report's numbers from one.
 * Sheets: 表二 (the sub-tables 第二十条第（一）项 … one under the other, each under its heading), 表三, 表四, each
 * drawn as its {@link ReportTableGrid} with merged header cells, and 文字部分 (sections 一, 五, 六). Row 1 of each
 * table sheet is its title; the grid starts on row 2 (表二: each sub-table's heading, its grid, an empty row). So the
 * cell key of every number follows from its position through {@link ReportLayout} alone: {@link #read} lays out the
 * same grids for the format and reads each number where {@link #write} put it.
 *
 * <p>Import rules: an empty count is 0; an empty amount (or 「—」) is an amount not entered. A count must be a whole
 * number not below 0 (the 2019 format's 本年增/减 may be negative), an amount a number not below 0 with at most 4
 * decimals; anything else — text, a negative or fractional count — is refused with a message naming the sheet, the
 * cell and what it is, e.g. 「表三 D7（自然人，（一）予以公开）须为非负整数」. A workbook of the other format is
 * refused by its header texts.
 */
public final class ReportWorkbook {

	/** The largest file accepted. */
	static final long MAX_BYTES = 5L * 1024 * 1024;

	static final long MAX_INFLATED_BYTES = 50L * 1024 * 1024;

	static final int MAX_PROBLEMS = 20;

	static final String TEXT_SHEET = "文字部分";

	/** Where a grid sits: its sheet and the sheet row of its first header row (0-based). */
	record Placement(String sheet, int origin, ReportTableGrid grid) {
	}

	private ReportWorkbook() {
	}

	static String sheetOf(String table) {
		return switch (table) {
			case "t2" -> "表二";
			case "t3" -> "表三";
			default -> "表四";
		};
	}

	private static String sheetTitle(String table) {
		return switch (table) {
			case "t2" -> ReportLayout.Section.TWO.heading();
			case "t3" -> ReportLayout.Section.THREE.heading();
			default -> ReportLayout.Section.FOUR.heading();
		};
	}

	/** Where each grid goes, in the order of the format. */
	static List<Placement> placements(List<ReportTableGrid> grids) {
		List<Placement> placed = new ArrayList<>();
		Map<String, Integer> next = new LinkedHashMap<>();
		for (ReportTableGrid g : grids) {
			String sheet = sheetOf(g.table());
			int row = next.getOrDefault(sheet, 1);
			if (g.table().equals("t2")) {
				row++; // the sub-table's heading
			}
			placed.add(new Placement(sheet, row, g));
			next.put(sheet, row + g.headRows() + g.body().size() + 1);
		}
		return placed;
	}

	public static ReportFile write(ReportView view) {
		byte[] bytes = write(ReportTableGrid.of(view, ""), view.title(), view);
		return new ReportFile(ReportRendering.fileName(view, "xlsx"), ReportFile.XLSX, bytes);
	}

	/** An empty workbook of the format, to fill in with an earlier year's numbers and import. */
	public static ReportFile template(ReportFormat format) {
		byte[] bytes = write(ReportTableGrid.template(format), "政府信息公开工作年度报告数据（" + format.label() + "）", null);
		return new ReportFile("政府信息公开工作年度报告数据模板（" + format.code() + "年版）.xlsx", ReportFile.XLSX, bytes);
	}

	private static byte[] write(List<ReportTableGrid> grids, String title, ReportView view) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(wb);
			for (Placement p : placements(grids)) {
				Sheet sheet = wb.getSheet(p.sheet());
				if (sheet == null) {
					sheet = wb.createSheet(p.sheet());
					Cell t = cell(sheet, 0, 0);
					t.setCellValue(title + "　" + sheetTitle(p.grid().table()));
					t.setCellStyle(styles.title);
					sheet.setColumnWidth(0, 16 * 256);
					for (int c = 1; c < 16; c++) {
						sheet.setColumnWidth(c, 11 * 256);
					}
				}
				if (p.grid().table().equals("t2")) {
					Cell h = cell(sheet, p.origin() - 1, 0);
					h.setCellValue(p.grid().caption());
					h.setCellStyle(styles.title);
				}
				if (p.grid().table().equals("t3")) {
					sheet.setColumnWidth(0, 10 * 256);
					sheet.setColumnWidth(1, 10 * 256);
					sheet.setColumnWidth(2, 40 * 256);
				}
				for (List<ReportTableGrid.Cell> line : p.grid().head()) {
					for (ReportTableGrid.Cell c : line) {
						place(sheet, p.origin(), c, styles.header);
						cell(sheet, p.origin() + c.row(), c.column()).setCellValue(c.text());
					}
				}
				for (List<ReportTableGrid.Cell> line : p.grid().body()) {
					for (ReportTableGrid.Cell c : line) {
						if (c.header()) {
							place(sheet, p.origin(), c, "row".equals(c.scope()) ? styles.rowHeader : styles.header);
							cell(sheet, p.origin() + c.row(), c.column()).setCellValue(c.text());
							continue;
						}
						Cell cell = cell(sheet, p.origin() + c.row(), c.column());
						cell.setCellStyle(styles.number);
						if (view == null) {
							continue;
						}
						if (c.decimal() && view.cells().isBlank(c.cellKey())) {
							cell.setCellValue(ReportTableGrid.BLANK);
						}
						else {
							cell.setCellValue(view.cells().get(c.cellKey()).doubleValue());
						}
					}
				}
			}
			if (view != null) {
				Sheet text = wb.createSheet(TEXT_SHEET);
				text.setColumnWidth(0, 24 * 256);
				text.setColumnWidth(1, 100 * 256);
				int r = 0;
				Cell t = cell(text, r++, 0);
				t.setCellValue(title);
				t.setCellStyle(styles.title);
				if (ReportRendering.versionLine(view) != null) {
					cell(text, r++, 0).setCellValue(ReportRendering.versionLine(view) + "　"
							+ (ReportRendering.correctionLine(view) == null ? "" : ReportRendering.correctionLine(view)));
				}
				for (ReportRendering.Piece piece : ReportRendering.pieces(view, "")) {
					if (piece.hasTables()) {
						continue;
					}
					r = textRow(text, r, piece.heading(), String.join("\n", piece.paragraphs()), styles);
					for (ReportRendering.Part part : piece.parts()) {
						r = textRow(text, r, part.title(), String.join("\n", part.paragraphs()), styles);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the report workbook", e);
		}
	}

	private static int textRow(Sheet sheet, int r, String heading, String text, Styles styles) {
		Cell h = cell(sheet, r, 0);
		h.setCellValue(heading);
		h.setCellStyle(styles.rowHeader);
		Cell t = cell(sheet, r, 1);
		t.setCellValue(text);
		t.setCellStyle(styles.text);
		return r + 1;
	}

	private static void place(Sheet sheet, int origin, ReportTableGrid.Cell c, CellStyle style) {
		for (int i = 0; i < c.rowspan(); i++) {
			for (int j = 0; j < c.colspan(); j++) {
				cell(sheet, origin + c.row() + i, c.column() + j).setCellStyle(style);
			}
		}
		if (c.rowspan() > 1 || c.colspan() > 1) {
			sheet.addMergedRegion(new CellRangeAddress(origin + c.row(), origin + c.row() + c.rowspan() - 1, c.column(),
					c.column() + c.colspan() - 1));
		}
	}

	private static Cell cell(Sheet sheet, int r, int c) {
		Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
		return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle header;

		final CellStyle rowHeader;

		final CellStyle number;

		final CellStyle text;

		Styles(Workbook wb) {
			Font bold = wb.createFont();
			bold.setBold(true);
			bold.setFontName("宋体");
			title = wb.createCellStyle();
			title.setFont(bold);
			header = bordered(wb);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setFont(bold);
			rowHeader = bordered(wb);
			rowHeader.setAlignment(HorizontalAlignment.LEFT);
			number = bordered(wb);
			number.setAlignment(HorizontalAlignment.CENTER);
			text = wb.createCellStyle();
			text.setWrapText(true);
			text.setVerticalAlignment(VerticalAlignment.TOP);
		}

		private static CellStyle bordered(Workbook wb) {
			CellStyle s = wb.createCellStyle();
			s.setBorderTop(BorderStyle.THIN);
			s.setBorderBottom(BorderStyle.THIN);
			s.setBorderLeft(BorderStyle.THIN);
			s.setBorderRight(BorderStyle.THIN);
			s.setVerticalAlignment(VerticalAlignment.CENTER);
			s.setWrapText(true);
			return s;
		}
	}

	// ---- import -----------------------------------------------------------------------------------------

	/**
	 * The numbers of a workbook in the layout of {@code format} (a filled-in {@link #template} or an earlier
	 * {@link #write}). Refused with 400 (field {@code file}) when the file is not such a workbook or a cell is not a
	 * valid number; all bad cells are named at once (up to 20).
	 */
	public static ReportCells read(InputStream in, ReportFormat format) {
		byte[] bytes;
		try {
			bytes = in.readNBytes((int) MAX_BYTES + 1);
		}
		catch (IOException e) {
			throw InvalidInputException.of("file", "文件上传不完整，请重新上传");
		}
		if (bytes.length == 0) {
			throw InvalidInputException.of("file", "请选择要导入的 .xlsx 文件");
		}
		if (bytes.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "文件超过5MB，不是年度报告数据模板");
		}
		checkInflatedSize(bytes);
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			return read(wb, format);
		}
		catch (InvalidInputException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw InvalidInputException.of("file", "无法读取该文件：它不是有效的 Excel 工作簿（.xlsx），请另存为 .xlsx 后重新上传");
		}
	}

	private static ReportCells read(Workbook wb, ReportFormat format) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (Placement p : placements(ReportTableGrid.template(format))) {
			Sheet sheet = wb.getSheet(p.sheet());
			if (sheet == null) {
				throw InvalidInputException.of("file", "工作簿中没有工作表「" + p.sheet() + "」，请使用下载的" + format.label() + "模板");
			}
			checkHeaders(sheet, p, format);
			for (ReportTableGrid.Cell c : p.grid().dataCells()) {
				int r = p.origin() + c.row();
				String where = p.sheet() + " " + new CellReference(r, c.column()).formatAsString(false) + "（" + c.label() + "）";
				ReportLayout.Column column = ReportLayout.of(format).columnOf(c.cellKey()).orElseThrow();
				try {
					BigDecimal v = value(sheet, r, c.column(), column, where);
					if (v != null) {
						values.put(c.cellKey(), v);
					}
				}
				catch (IllegalArgumentException e) {
					if (problems.size() < MAX_PROBLEMS) {
						problems.add(new FieldProblem("file", e.getMessage()));
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ReportCells(values);
	}

	/** A cell's number; null for an amount not entered; IllegalArgumentException with the Chinese message if bad. */
	private static BigDecimal value(Sheet sheet, int r, int c, ReportLayout.Column column, String where) {
		Row row = sheet.getRow(r);
		Cell cell = row == null ? null : row.getCell(c);
		String text = null;
		BigDecimal number = null;
		if (cell != null) {
			CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
			switch (type) {
				case NUMERIC -> number = new BigDecimal(NumberToTextConverter.toText(cell.getNumericCellValue()));
				case STRING -> text = cell.getStringCellValue().strip().replace(",", "").replace("，", "");
				case BLANK -> {
				}
				default -> text = "?";
			}
		}
		if (number == null && text != null && !text.isEmpty()) {
			if (column.decimal() && (text.equals(ReportTableGrid.BLANK) || text.equals("-") || text.equals("－"))) {
				return null;
			}
			try {
				number = new BigDecimal(text);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException(where + rule(column));
			}
		}
		if (number == null) {
			return column.decimal() ? null : BigDecimal.ZERO;
		}
		if (column.decimal()) {
			number = number.stripTrailingZeros();
			if (number.signum() < 0 || number.scale() > 4 || number.compareTo(new BigDecimal("1000000000")) >= 0) {
				throw new IllegalArgumentException(where + rule(column));
			}
			return number.scale() < 0 ? number.setScale(0) : number;
		}
		BigDecimal whole = number.stripTrailingZeros();
		if (whole.scale() > 0 || (!column.signed() && whole.signum() < 0) || whole.abs().compareTo(new BigDecimal("1000000000")) >= 0) {
			throw new IllegalArgumentException(where + rule(column));
		}
		return BigDecimal.valueOf(whole.longValueExact());
	}

	private static String rule(ReportLayout.Column column) {
		return column.decimal() ? "须为不小于0的金额，最多4位小数" : column.signed() ? "须为整数" : "须为非负整数";
	}

	/** The header texts must be the format's: a workbook of the other format (or another file) is refused. */
	private static void checkHeaders(Sheet sheet, Placement p, ReportFormat format) {
		List<ReportTableGrid.Cell> headers = new ArrayList<>();
		p.grid().head().forEach(headers::addAll);
		p.grid().body().forEach(l -> l.stream().filter(ReportTableGrid.Cell::header).forEach(headers::add));
		for (ReportTableGrid.Cell c : headers) {
			if (c.id().endsWith("corner")) {
				continue;
			}
			int r = p.origin() + c.row();
			Row row = sheet.getRow(r);
			Cell cell = row == null ? null : row.getCell(c.column());
			String found = cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
			if (!squash(found).equals(squash(c.text()))) {
				throw InvalidInputException.of("file", p.sheet() + " " + new CellReference(r, c.column()).formatAsString(false)
						+ " 应为“" + c.text() + "”：该文件不是" + format.label() + "的年度报告数据表，请使用下载的模板");
			}
		}
	}

	private static String squash(String s) {
		return s.replaceAll("\\s+", "");
	}

	/** Refuses a zip bomb before POI inflates anything. */
	private static void checkInflatedSize(byte[] bytes) {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
					total += n;
					if (total > MAX_INFLATED_BYTES) {
						throw InvalidInputException.of("file", "文件过大或格式异常：工作簿解压后的内容超出限制");
					}
				}
			}
		}
		catch (IOException e) {
			// not a zip at all: POI says so with the usual message
		}
	}
}
