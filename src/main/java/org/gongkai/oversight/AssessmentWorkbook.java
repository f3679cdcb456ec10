package org.gongkai.oversight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel exports of an assessment (.xlsx, Apache POI): the ranking of a run and an agency's score sheet. One sheet
 * each, a title row, a header row of Chinese column names, then one row per line; numbers are written as numbers.
 */
final class AssessmentWorkbook {

	private AssessmentWorkbook() {
	}

	/** Writes a table: a title, a header row and the rows (a cell is a Number or text; null is left empty). */
	static byte[] table(String sheetName, String title, List<String> headers, List<List<Object>> rows, List<String> notes) {
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet(safeName(sheetName));
			Font bold = wb.createFont();
			bold.setBold(true);
			CellStyle header = wb.createCellStyle();
			header.setFont(bold);
			CellStyle wrap = wb.createCellStyle();
			wrap.setWrapText(true);
			int r = 0;
			Row t = sheet.createRow(r++);
			Cell tc = t.createCell(0);
			tc.setCellValue(title);
			tc.setCellStyle(header);
			Row h = sheet.createRow(r++);
			for (int i = 0; i < headers.size(); i++) {
				Cell c = h.createCell(i);
				c.setCellValue(headers.get(i));
				c.setCellStyle(header);
			}
			for (List<Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					Object v = values.get(i);
					if (v == null) {
						continue;
					}
					Cell c = row.createCell(i);
					if (v instanceof Number n) {
						c.setCellValue(n.doubleValue());
					}
					else {
						c.setCellValue(String.valueOf(v));
						c.setCellStyle(wrap);
					}
				}
			}
			r++;
			for (String note : notes) {
				sheet.createRow(r++).createCell(0).setCellValue(note);
			}
			for (int i = 0; i < headers.size(); i++) {
				sheet.setColumnWidth(i, Math.min(60, Math.max(8, headers.get(i).length() * 3 + 4)) * 256);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String safeName(String name) {
		String s = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
		return s.length() > 31 ? s.substring(0, 31) : s;
	}
}
