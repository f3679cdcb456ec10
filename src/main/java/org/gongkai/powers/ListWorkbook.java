package org.gongkai.powers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.platform.InvalidInputException;

/**
 * The spreadsheets agencies keep their lists in (.xlsx, Apache POI): one sheet, a fixed header row of Chinese column
 * names, one item per row, every cell text. What {@link #write} produces {@link #read} reads back unchanged.
 */
final class ListWorkbook {

	/** The largest file accepted. */
	static final long MAX_BYTES = 5L * 1024 * 1024;

	/** The most data rows accepted. */
	static final int MAX_ROWS = 5000;

	/** A data row: its number as the spreadsheet shows it (the header is row 1) and its cells by column name. */
	record Line(int number, Map<String, String> cells) {

		String get(String column) {
			return cells.get(column);
		}
	}

	private ListWorkbook() {
	}

	/**
	 * Reads the rows of an .xlsx file with the given header row; blank rows are skipped. A file that is not .xlsx, too
	 * large, has too many rows or another header is refused (400, field {@code file}) with a message saying why.
	 */
	static List<Line> read(String fileName, long size, InputStream in, List<String> headers) {
		if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			throw InvalidInputException.of("file", "请上传 Excel 工作簿（.xlsx 文件）；不支持 .xls、.csv 等其他格式");
		}
		if (size <= 0) {
			throw InvalidInputException.of("file", "请选择要导入的 .xlsx 文件");
		}
		if (size > MAX_BYTES) {
			throw InvalidInputException.of("file", "文件超过5MB，请拆分后分批导入");
		}
		try (Workbook wb = new XSSFWorkbook(in)) {
			if (wb.getNumberOfSheets() == 0) {
				throw InvalidInputException.of("file", "工作簿中没有工作表");
			}
			Sheet sheet = wb.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw InvalidInputException.of("file", "文件超过" + MAX_ROWS + "行，请拆分后分批导入");
			}
			DataFormatter format = new DataFormatter(Locale.SIMPLIFIED_CHINESE);
			Row head = sheet.getRow(sheet.getFirstRowNum());
			List<String> found = new ArrayList<>();
			if (head != null) {
				for (int c = 0; c < Math.max(head.getLastCellNum(), 0); c++) {
					found.add(cell(head, c, format));
				}
			}
			while (!found.isEmpty() && found.get(found.size() - 1).isEmpty()) {
				found.remove(found.size() - 1);
			}
			if (head == null || head.getRowNum() != 0 || !found.equals(headers)) {
				throw InvalidInputException.of("file", "第1行表头应依次为：" + String.join("、", headers) + "（请使用导出的模板）");
			}
			List<Line> lines = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				boolean blank = true;
				for (int c = 0; c < headers.size(); c++) {
					String v = cell(row, c, format);
					blank &= v.isEmpty();
					cells.put(headers.get(c), v.isEmpty() ? null : v);
				}
				if (!blank) {
					lines.add(new Line(r + 1, cells));
				}
			}
			return lines;
		}
		catch (InvalidInputException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw InvalidInputException.of("file", "无法读取该文件：它不是有效的 Excel 工作簿（.xlsx），请另存为 .xlsx 后重新上传");
		}
	}

	private static String cell(Row row, int c, DataFormatter format) {
		Cell cell = row.getCell(c);
		return cell == null ? "" : format.formatCellValue(cell).strip();
	}

	/** Writes one sheet with the header row and the rows, every cell as text. */
	static byte[] write(String sheetName, List<String> headers, List<List<String>> rows) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet(sheetName);
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle text = wb.createCellStyle();
			text.setWrapText(true);
			text.setDataFormat(wb.createDataFormat().getFormat("@"));
			Row head = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(headers.get(c));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(c, 24 * 256);
			}
			sheet.createFreezePane(0, 1);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<String> values = rows.get(r);
				for (int c = 0; c < headers.size(); c++) {
					Cell cell = row.createCell(c);
					cell.setCellStyle(text);
					String v = c < values.size() ? values.get(c) : null;
					if (v != null) {
						cell.setCellValue(v);
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
}
