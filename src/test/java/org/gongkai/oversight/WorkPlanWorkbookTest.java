package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;
import org.gongkai.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The task-table workbook, the rules and the resolution of 责任单位, without Spring. */
class WorkPlanWorkbookTest {

	static final List<List<String>> ROWS = List.of(
			Arrays.asList("做好助推沂源高质量发展信息公开", "推进新旧动能转换重大工程信息公开", "加大新旧动能转换重大工程规划选址等配套制度措施的公开、解读力度。",
					"各镇（街道）、经济开发区和县发展改革局、县工业和信息化局等有关部门", null, null, "年底前"),
			Arrays.asList("做好助推沂源高质量发展信息公开", "推进乡村振兴信息公开", "加强实施乡村振兴战略的政策、规划、成效、资金、项目安排等信息公开。",
					"各镇（街道）、县发展改革局、县农业农村局", "县发展改革局：每月更新专栏\n第二行措施", "县发展改革局：规划科，赵明，0533-3241234", "持续推进"),
			Arrays.asList("做好助推沂源高质量发展信息公开", "推进乡村振兴信息公开", "动态发布农村集体产权制度改革等工作进展信息。", "各镇（街道）、县农业农村局", null, null,
					"2026-09-30"),
			Arrays.asList("做好优化营商环境信息公开", "优化涉企服务", "定期公布并动态调整政府定价的涉企经营服务性收费目录清单。", "各镇（街道）、经济开发区和县发展改革局", null, null, "年底前"));

	private static List<List<String>> cells(byte[] bytes) {
		return WorkPlanWorkbook.read("t.xlsx", bytes.length, new ByteArrayInputStream(bytes)).stream().map(WorkPlanWorkbook.Line::cells).toList();
	}

	@Test
	void whatIsWrittenReadsBackToTheSameCellsWithMergedHeadings() throws Exception {
		byte[] first = WorkPlanWorkbook.write("2026年政务公开主要任务分解表", ROWS);
		assertThat(cells(first)).isEqualTo(ROWS);
		byte[] second = WorkPlanWorkbook.write("2026年政务公开主要任务分解表", cells(first));
		assertThat(cells(second)).isEqualTo(ROWS);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(second))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("工作任务");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("工作要求");
			// the first group spans three rows, its second task two
			assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(2, 4, 0, 0), new CellRangeAddress(3, 4, 1, 1));
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEmpty();
		}
	}

	@Test
	void theSeedLayoutWithoutDeadlineColumnAndWithBlankContinuationRowsIsRead() throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.createSheet("附件");
			s.createRow(0).createCell(0).setCellValue("2019年沂源县政务公开主要任务分解表");
			Row h = s.createRow(1);
			String[] head = { "工作任务", "", "工作要求", "责任单位", "具体工作措施", "责任科室、责任人及联系方式" };
			for (int i = 0; i < head.length; i++) {
				h.createCell(i).setCellValue(head[i]);
			}
			Row a = s.createRow(2);
			a.createCell(0).setCellValue("做好助推沂源高质量发展信息公开");
			a.createCell(1).setCellValue("推进乡村振兴信息公开");
			a.createCell(2).setCellValue("要求一");
			a.createCell(3).setCellValue("各镇（街道）");
			Row b = s.createRow(3);
			b.createCell(2).setCellValue("要求二");
			b.createCell(3).setCellValue("县农业农村局");
			wb.write(out);
			byte[] bytes = out.toByteArray();
			List<WorkPlanWorkbook.Line> lines = WorkPlanWorkbook.read("seed.xlsx", bytes.length, new ByteArrayInputStream(bytes));
			assertThat(lines).hasSize(2);
			assertThat(lines.get(1).group()).isEqualTo("做好助推沂源高质量发展信息公开");
			assertThat(lines.get(1).task()).isEqualTo("推进乡村振兴信息公开");
			assertThat(lines.get(1).deadline()).isNull();
			assertThat(lines.get(1).where()).isEqualTo("工作表“附件”第4行：");
		}
	}

	@Test
	void aWrongHeaderOrFileIsRefusedInChinese() throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Row h = wb.createSheet("表").createRow(0);
			h.createCell(0).setCellValue("工作任务");
			h.createCell(2).setCellValue("要求");
			wb.write(out);
			byte[] bytes = out.toByteArray();
			assertThatThrownBy(() -> WorkPlanWorkbook.read("x.xlsx", bytes.length, new ByteArrayInputStream(bytes)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("表头");
		}
		assertThatThrownBy(() -> WorkPlanWorkbook.read("x.xls", 10, new ByteArrayInputStream(new byte[10])))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> WorkPlanWorkbook.read("x.xlsx", 10, new ByteArrayInputStream("not a zip!".getBytes())))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void deadlinesPhonesAndFlagsFollowTheRules() {
		assertThat(WorkTaskRules.deadline("年底前", 2026, "d").dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(WorkTaskRules.deadline("", 2026, "d").kind()).isEqualTo(WorkTaskDeadlineKind.YEAR_END);
		assertThat(WorkTaskRules.deadline("持续推进", 2026, "d").dueOn()).isNull();
		assertThat(WorkTaskRules.deadline("2026年8月5日前", 2026, "d").dueOn()).isEqualTo(LocalDate.of(2026, 8, 5));
		assertThatThrownBy(() -> WorkTaskRules.deadline("尽快", 2026, "d")).isInstanceOf(InvalidInputException.class);
		assertThat(WorkTaskRules.phone(" 0533-3241234 ", "p")).isEqualTo("0533-3241234");
		assertThat(WorkTaskRules.phone("13912345678", "p")).isEqualTo("13912345678");
		assertThatThrownBy(() -> WorkTaskRules.phone("3241234", "p")).isInstanceOf(InvalidInputException.class);
		assertThat(WorkTaskRules.progressDue(java.time.YearMonth.of(2026, 2), 31)).isEqualTo(LocalDate.of(2026, 2, 28));
		LocalDate claimed = LocalDate.of(2026, 3, 1);
		assertThat(WorkTaskRules.progressLate(2026, 25, WorkTaskUnitStatus.CLAIMED, claimed, false, LocalDate.of(2026, 3, 25))).isFalse();
		assertThat(WorkTaskRules.progressLate(2026, 25, WorkTaskUnitStatus.CLAIMED, claimed, false, LocalDate.of(2026, 3, 26))).isTrue();
		assertThat(WorkTaskRules.progressLate(2026, 25, WorkTaskUnitStatus.CLAIMED, claimed, true, LocalDate.of(2026, 3, 26))).isFalse();
		assertThat(WorkTaskRules.progressLate(2026, 25, WorkTaskUnitStatus.CLOSED, claimed, false, LocalDate.of(2026, 3, 26))).isFalse();
		assertThat(WorkTaskRules.overdue(LocalDate.of(2026, 12, 31), WorkTaskUnitStatus.CLAIMED, LocalDate.of(2027, 1, 1))).isTrue();
		assertThat(WorkTaskRules.overdue(null, WorkTaskUnitStatus.CLAIMED, LocalDate.of(2027, 1, 1))).isFalse();
		assertThat(WorkTaskRules.claimLate(LocalDate.of(2026, 8, 5), WorkTaskUnitStatus.ASSIGNED, LocalDate.of(2026, 8, 5))).isFalse();
		assertThat(WorkTaskRules.claimLate(LocalDate.of(2026, 8, 5), WorkTaskUnitStatus.ASSIGNED, LocalDate.of(2026, 8, 6))).isTrue();
	}

	@Test
	void unitNamesResolveLongestFirstAndNamesWithAndStayWhole() {
		Agency county = agency(1, "yiyuan", "沂源县人民政府", "县政府", AgencyLevel.COUNTY, AgencyType.PEOPLES_GOVERNMENT);
		Agency office = agency(2, "yiyuan-bgs", "沂源县人民政府办公室", "县政府办公室", AgencyLevel.COUNTY, AgencyType.DEPARTMENT);
		Agency edu = agency(3, "yiyuan-jtj", "沂源县教育和体育局", "县教育体育局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT);
		Agency town = agency(4, "yiyuan-lucun", "沂源县鲁村镇人民政府", "鲁村镇", AgencyLevel.TOWNSHIP, AgencyType.PEOPLES_GOVERNMENT);
		WorkTaskUnitResolver.Resolution r = WorkTaskUnitResolver.resolve("县政府办公室、县教育和体育局、县工业和信息化局以及各相关行业部门",
				List.of(county, office, edu, town));
		assertThat(r.agencies()).containsExactly(office, edu);
		assertThat(r.unresolved()).isEqualTo("县工业和信息化局、各相关行业部门");
		assertThat(WorkTaskUnitResolver.resolve("各镇（街道）", List.of(county, office, edu, town)).agencies()).containsExactly(town);
	}

	private static Agency agency(long id, String code, String name, String shortName, AgencyLevel level, AgencyType type) {
		return new Agency(id, code, name, shortName, level, type, id == 1 ? null : 1L, id == 1 ? "/1/" : "/1/" + id + "/", null, null, 0,
				true, 1, null, null);
	}
}
