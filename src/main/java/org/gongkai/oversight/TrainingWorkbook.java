package org.gongkai.oversight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The supervisor's overview of training in the units of the subtree as an .xlsx workbook (Apache POI). */
final class TrainingWorkbook {

	static final List<String> HEADER = List.of("单位", "年度培训计划", "计划次数", "计划月份已过场次", "已举办", "落后于计划", "应参训人次",
			"实到人次", "参训率", "参加测试人次", "测试合格人次", "合格率");

	private TrainingWorkbook() {
	}

	static byte[] write(int year, List<TrainingQueries.YearCheck> rows) {
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet(year + "年度培训情况");
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue(year + "年度政务公开培训情况（截至" + (rows.isEmpty() ? "" : rows.get(0).on().toString()) + "）");
			title.getCell(0).setCellStyle(bold);
			Row header = sheet.createRow(1);
			for (int i = 0; i < HEADER.size(); i++) {
				header.createCell(i).setCellValue(HEADER.get(i));
				header.getCell(i).setCellStyle(bold);
			}
			int r = 2;
			for (TrainingQueries.YearCheck c : rows) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(c.agency().name());
				row.createCell(1).setCellValue(c.hasPlan() ? "已制定" : "未制定");
				row.createCell(2).setCellValue(c.planned());
				row.createCell(3).setCellValue(c.due());
				row.createCell(4).setCellValue(c.held());
				row.createCell(5).setCellValue(c.shortfall());
				row.createCell(6).setCellValue(c.expected());
				row.createCell(7).setCellValue(c.attended());
				row.createCell(8).setCellValue(c.attendanceRate() == null ? "—" : c.attendanceRate() + "%");
				row.createCell(9).setCellValue(c.takers());
				row.createCell(10).setCellValue(c.passed());
				row.createCell(11).setCellValue(c.passRate() == null ? "—" : c.passRate() + "%");
			}
			sheet.setColumnWidth(0, 36 * 256);
			for (int i = 1; i < HEADER.size(); i++) {
				sheet.setColumnWidth(i, 14 * 256);
			}
			sheet.createFreezePane(1, 2);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
