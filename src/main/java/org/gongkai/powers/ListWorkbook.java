package org.gongkai.powers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

	/** The most bytes one part of the package (a sheet, the shared strings) may inflate to. */
	static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;

	/** The most bytes the whole package may inflate to. */
	static final long MAX_INFLATED_BYTES = 60L * 1024 * 1024;

	/** The most parts in the package. */
	static final int MAX_ENTRIES = 1000;

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
		byte[] bytes;
		try {
			bytes = in.readNBytes((int) MAX_BYTES + 1);
		}
		catch (IOException e) {
			throw InvalidInputException.of("file", "文件上传不完整，请重新上传");
		}
		if (bytes.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "文件超过5MB，请拆分后分批导入");
		}
		checkInflatedSizes(bytes);
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
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
			if (zipBomb(e)) {
				throw tooLarge();
			}
			throw InvalidInputException.of("file", "无法读取该文件：它不是有效的 Excel 工作簿（.xlsx），请另存为 .xlsx 后重新上传");
		}
	}

	/**
	 * Guards against a zip bomb before POI parses anything: inflates each entry of the package into nothing, counting
	 * its bytes, and refuses the file as soon as one entry exceeds {@link #MAX_ENTRY_BYTES}, all together exceed
	 * {@link #MAX_INFLATED_BYTES} or there are more than {@link #MAX_ENTRIES} entries. Memory use is a buffer. (POI's
	 * own {@code ZipSecureFile} limits are global to the JVM; they are left as they are for the other modules.)
	 */
	static void checkInflatedSizes(byte[] bytes) {
		long total = 0;
		int entries = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				if (++entries > MAX_ENTRIES) {
					throw tooLarge();
				}
				long entry = 0;
				for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
					entry += n;
					total += n;
					if (entry > MAX_ENTRY_BYTES || total > MAX_INFLATED_BYTES) {
						throw tooLarge();
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException i) {
				throw i;
			}
			// not a zip at all: POI says so below with the usual message
		}
	}

	/** Whether POI refused the package by its own zip-bomb guard (an inflate ratio or size limit). */
	private static boolean zipBomb(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			String m = t.getMessage();
			if (m != null && (m.contains("Zip bomb") || m.contains("ZipSecureFile"))) {
				return true;
			}
		}
		return false;
	}

	private static InvalidInputException tooLarge() {
		return InvalidInputException.of("file", "文件过大或格式异常：工作簿解压后的内容超出限制（单个部件不超过"
				+ MAX_ENTRY_BYTES / 1024 / 1024 + "MB），请拆分后分批导入");
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
