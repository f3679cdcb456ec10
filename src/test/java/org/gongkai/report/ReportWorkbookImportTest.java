package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Importing an earlier year's numbers: the empty templates of both formats filled in by hand (by cell address, as a
 * person would) read back into the right cell keys; bad cells are refused with their sheet, address and meaning.
 */
class ReportWorkbookImportTest {

	interface Filler {

		void fill(Workbook wb) throws Exception;
	}

	static byte[] filled(ReportFormat format, Filler filler) throws Exception {
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(ReportWorkbook.template(format).content()));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			filler.fill(wb);
			wb.write(out);
			return out.toByteArray();
		}
	}

	static Cell at(Workbook wb, String sheet, String address) {
		CellReference ref = new CellReference(address);
		Sheet s = wb.getSheet(sheet);
		Row row = s.getRow(ref.getRow()) == null ? s.createRow(ref.getRow()) : s.getRow(ref.getRow());
		return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
	}

	static InvalidInputException refused(byte[] bytes, ReportFormat format) {
		try {
			ReportWorkbook.read(new ByteArrayInputStream(bytes), format);
		}
		catch (InvalidInputException e) {
			return e;
		}
		throw new AssertionError("the workbook was accepted");
	}

	@Test
	void the2021TemplateFilledInReadsIntoTheRightCellsAndEmptyCountsAreZero() throws Exception {
		ReportFile template = ReportWorkbook.template(ReportFormat.F2021);
		assertThat(template.fileName()).isEqualTo("政府信息公开工作年度报告数据模板（2021年版）.xlsx");
		byte[] bytes = filled(ReportFormat.F2021, wb -> {
			assertThat(at(wb, "表二", "A2").getStringCellValue()).isEqualTo("第二十条第（一）项");
			at(wb, "表二", "B4").setCellValue(3); // 规章 本年制发件数
			at(wb, "表二", "D5").setCellValue("12"); // 行政规范性文件 现行有效件数, typed as text
			at(wb, "表二", "B18").setCellValue(1.25); // 行政事业性收费 本年收费金额（万元）
			at(wb, "表三", "D7").setCellValue(5); // 自然人, （一）予以公开
			at(wb, "表三", "J29").setCellValue(2); // 总计, 四、结转下年度继续办理
			at(wb, "表四", "A5").setCellValue(1); // 行政复议 结果维持
			at(wb, "表四", "O5").setCellValue(4); // 复议后起诉 总计
		});
		ReportCells cells = ReportWorkbook.read(new ByteArrayInputStream(bytes), ReportFormat.F2021);
		assertThat(cells.get("t2.rules.issued")).isEqualByComparingTo("3");
		assertThat(cells.get("t2.normativeDocuments.inForce")).isEqualByComparingTo("12");
		assertThat(cells.get("t2.fees.amount")).isEqualByComparingTo("1.25");
		assertThat(cells.get("t3.r1.naturalPerson")).isEqualByComparingTo("5");
		assertThat(cells.get("t3.carriedOut.total")).isEqualByComparingTo("2");
		assertThat(cells.get("t4.remedies.reconsideration.upheld")).isEqualByComparingTo("1");
		assertThat(cells.get("t4.remedies.litigationAfterReconsideration.total")).isEqualByComparingTo("4");
		assertThat(cells.isBlank("t3.r2.naturalPerson")).as("an empty count is a 0 entered").isFalse();
		assertThat(cells.get("t3.r2.naturalPerson")).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(cells.values()).hasSize(ReportLayout.of(ReportFormat.F2021).cellKeys().size());
		long nonZero = cells.values().values().stream().filter(v -> v.signum() != 0).count();
		assertThat(nonZero).isEqualTo(7);
	}

	@Test
	void the2019TemplateHasItsOwnTableTwoAndOneRowOfOtherHandling() throws Exception {
		byte[] bytes = filled(ReportFormat.F2019, wb -> {
			assertThat(at(wb, "表二", "B3").getStringCellValue()).isEqualTo("本年新制作数量");
			at(wb, "表二", "C9").setCellValue(-3); // 行政许可 本年增/减 may fall
			at(wb, "表二", "B23").setCellValue(6); // 政府集中采购 采购项目数量
			at(wb, "表二", "C23").setCellValue(88.5); // 采购总金额
			assertThat(at(wb, "表三", "B25").getStringCellValue()).isEqualTo("（六）其他处理");
			at(wb, "表三", "J25").setCellValue(7); // 总计, （六）其他处理
		});
		ReportCells cells = ReportWorkbook.read(new ByteArrayInputStream(bytes), ReportFormat.F2019);
		assertThat(cells.get("t2.licences.change")).isEqualByComparingTo("-3");
		assertThat(cells.get("t2.procurement.projects")).isEqualByComparingTo("6");
		assertThat(cells.get("t2.procurement.amount")).isEqualByComparingTo("88.5");
		assertThat(cells.get("t3.r6.total")).isEqualByComparingTo("7");
		assertThat(cells.values()).containsOnlyKeys(ReportLayout.of(ReportFormat.F2019).cellKeys());
		assertThat(refused(bytes, ReportFormat.F2021).getMessage())
			.as("a 2019 workbook is not taken for a 2021 one")
			.isEqualTo("表二 B3 应为“本年制发件数”：该文件不是" + ReportFormat.F2021.label() + "的年度报告数据表，请使用下载的模板");
	}

	@Test
	void textNegativeAndFractionalCountsAreRefusedNamingSheetCellAndMeaning() throws Exception {
		byte[] bytes = filled(ReportFormat.F2021, wb -> {
			at(wb, "表三", "D7").setCellValue("五件");
			at(wb, "表四", "A5").setCellValue(-1);
			at(wb, "表二", "B4").setCellValue(2.5);
			at(wb, "表二", "B18").setCellValue(1.23456);
			at(wb, "表三", "E7").setCellValue(4); // a good cell among bad ones
		});
		InvalidInputException e = refused(bytes, ReportFormat.F2021);
		assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::message)
			.containsExactly("表二 B4（本年制发件数，规章）须为非负整数",
					"表二 B18（本年收费金额（单位：万元），行政事业性收费）须为不小于0的金额，最多4位小数",
					"表三 D7（自然人，（一）予以公开）须为非负整数", "表四 A5（行政复议·结果维持）须为非负整数");
		assertThat(e.problems()).allMatch(p -> p.field().equals("file"));
	}

	@Test
	void aFileThatIsNoWorkbookOrLacksASheetIsRefusedPlainly() throws Exception {
		assertThat(refused("not a workbook".getBytes(), ReportFormat.F2021).getMessage())
			.isEqualTo("无法读取该文件：它不是有效的 Excel 工作簿（.xlsx），请另存为 .xlsx 后重新上传");
		byte[] noTable4 = filled(ReportFormat.F2021, wb -> wb.removeSheetAt(wb.getSheetIndex("表四")));
		assertThatThrownBy(() -> ReportWorkbook.read(new ByteArrayInputStream(noTable4), ReportFormat.F2021))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("工作簿中没有工作表「表四」，请使用下载的" + ReportFormat.F2021.label() + "模板");
		assertThat(refused(new byte[0], ReportFormat.F2021).getMessage()).isEqualTo("请选择要导入的 .xlsx 文件");
	}
}
