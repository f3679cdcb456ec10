package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The checks V1–V3, table 四's totals, whole numbers, and the warnings on texts (domain-rules.md §2.3–2.4, §11). */
class ReportChecksTest {

	static final String TEXT_ONE = "2025年，本局认真贯彻落实政府信息公开条例，围绕发展改革重点工作，及时主动公开规划计划、项目审批、价格收费等信息，"
			+ "依法办理政府信息公开申请，加强政府信息管理和平台建设，落实监督保障措施，政务公开工作取得新进展。";

	@Test
	void consistentCellsPass() {
		assertThat(ReportChecks.check(view(consistent(), TEXT_ONE, "存在的问题：公开及时性有待提高。", parts())))
			.filteredOn(ReportProblem::blocking)
			.isEmpty();
	}

	@Test
	void v1NamesTheFailingColumnByItsLabel() {
		Map<String, BigDecimal> cells = consistent();
		cells.put("t3.new.naturalPerson", BigDecimal.valueOf(4));
		cells.put("t3.new.total", BigDecimal.valueOf(5));
		List<ReportProblem> problems = ReportChecks.check(view(cells, TEXT_ONE, "五", parts()));
		assertThat(problems).filteredOn(ReportProblem::blocking)
			.extracting(ReportProblem::message)
			.anyMatch(m -> m.startsWith("V1：自然人列 本年新收+上年结转 ≠ 办理结果总计+结转下年（4+1 ≠ 2+1）"))
			.anyMatch(m -> m.startsWith("V1：总计列"))
			.noneMatch(m -> m.startsWith("V1：商业企业列"));
		assertThat(problems).filteredOn(p -> p.message().startsWith("V1：自然人列"))
			.extracting(ReportProblem::target)
			.containsExactly("t3.rTotal.naturalPerson");
	}

	@Test
	void v2AndV3NameTheColumnAndTheRow() {
		Map<String, BigDecimal> cells = consistent();
		// one result more in 予以公开 than the total counts; V1 (on the totals) still holds
		cells.put("t3.r1.naturalPerson", BigDecimal.valueOf(3));
		List<ReportProblem> problems = ReportChecks.check(view(cells, TEXT_ONE, "五", parts()));
		assertThat(problems).filteredOn(ReportProblem::blocking)
			.extracting(ReportProblem::message)
			.contains("V2：自然人列 （七）总计 2 ≠ 各项办理结果（一）至（六）之和 3",
					"V3：「（一）予以公开」行 总计 2 ≠ 各类申请人之和 3")
			.noneMatch(m -> m.startsWith("V1"));
	}

	@Test
	void table4TotalsAreCheckedPerGroup() {
		Map<String, BigDecimal> cells = consistent();
		cells.put("t4.remedies.litigationDirect.total", BigDecimal.valueOf(2));
		List<ReportProblem> problems = ReportChecks.check(view(cells, TEXT_ONE, "五", parts()));
		assertThat(problems).filteredOn(ReportProblem::blocking)
			.extracting(ReportProblem::message)
			.containsExactly("表四：行政诉讼（未经复议直接起诉）总计 2 ≠ 结果维持+结果纠正+其他结果+尚未审结 1");
	}

	@Test
	void countsMustBeWholeAndNonNegativeWhileAmountsMayBeDecimal() {
		Map<String, BigDecimal> cells = consistent();
		cells.put("t2.rules.issued", BigDecimal.valueOf(-1));
		cells.put("t2.licences.decisions", new BigDecimal("2.5"));
		cells.put("t2.fees.amount", new BigDecimal("1.2345"));
		List<ReportProblem> blocking = ReportChecks.check(view(cells, TEXT_ONE, "五", parts()))
			.stream()
			.filter(ReportProblem::blocking)
			.toList();
		assertThat(blocking).extracting(ReportProblem::target).containsExactlyInAnyOrder("t2.rules.issued", "t2.licences.decisions");
		assertThat(blocking).extracting(ReportProblem::message)
			.contains("表二「规章」本年制发件数应为非负整数（现为-1）", "表二「行政许可」本年处理决定数量应为非负整数（现为2.5）");
	}

	@Test
	void theSignedColumnOf2019MayBeNegative() {
		Map<String, BigDecimal> cells = consistent();
		cells.remove("t3.r6_1.naturalPerson");
		cells.put("t2.licences.change", BigDecimal.valueOf(-2));
		ReportView v = new ReportView(1, 1, "a", "甲单位", 2019, ReportFormat.F2019, 1, ReportStatus.PUBLISHED, null,
				null, true, sections(TEXT_ONE, "五", List.of()), new ReportCells(cells));
		assertThat(ReportChecks.check(v)).filteredOn(ReportProblem::blocking).isEmpty();
	}

	@Test
	void aMissingFeeAmountEmptySectionsAndEmptyPartsAreWarningsOnly() {
		Map<String, BigDecimal> cells = consistent();
		cells.remove("t2.fees.amount");
		Map<ReportSixPart, String> parts = parts();
		parts.put(ReportSixPart.WORK_PLAN, " ");
		List<ReportProblem> problems = ReportChecks.check(view(cells, TEXT_ONE, "", parts));
		assertThat(problems).noneMatch(ReportProblem::blocking);
		assertThat(problems).extracting(ReportProblem::target)
			.containsExactlyInAnyOrder("t2.fees.amount", "section.five", "six.WORK_PLAN");
	}

	@Test
	void aSectionCopiedFromAnotherAgencyOrTheYearBeforeIsWarned() {
		ReportView mine = view(consistent(), TEXT_ONE, "五", parts());
		ReportView other = new ReportView(2, 2, "b", "乙单位", 2025, ReportFormat.F2021, 1, ReportStatus.PUBLISHED, null,
				null, false, sections(TEXT_ONE.replace("发展改革", "农业农村"), "五", List.of()), ReportCells.empty());
		ReportView lastYear = new ReportView(3, 1, "a", "甲单位", 2024, ReportFormat.F2021, 1, ReportStatus.PUBLISHED,
				null, null, false, sections(TEXT_ONE.replace("2025", "2024"), "五", List.of()), ReportCells.empty());
		ReportView different = new ReportView(4, 3, "c", "丙单位", 2025, ReportFormat.F2021, 1, ReportStatus.PUBLISHED,
				null, null, false,
				sections("本镇以基层政务公开标准化规范化为抓手，编制公开事项目录，完善村务公开栏，推动惠农补贴、低保救助、宅基地审批等信息及时公开，群众满意度进一步提升。", "五", List.of()),
				ReportCells.empty());
		assertThat(ReportChecks.check(mine, List.of(other)))
			.filteredOn(p -> p.target().equals("section.one"))
			.singleElement()
			.satisfies(p -> {
				assertThat(p.blocking()).isFalse();
				assertThat(p.message()).contains("乙单位2025年报告").contains("雷同");
			});
		assertThat(ReportChecks.check(mine, List.of(lastYear))).filteredOn(p -> p.target().equals("section.one"))
			.singleElement()
			.satisfies(p -> assertThat(p.message()).contains("本单位2024年报告"));
		assertThat(ReportChecks.check(mine, List.of(different))).noneMatch(p -> p.target().equals("section.one"));
		assertThat(ReportChecks.similarity(TEXT_ONE, TEXT_ONE)).isEqualTo(1.0);
		assertThat(ReportChecks.similarity("短文本", "短文本")).isZero();
	}

	/** A consistent F2021 set: 3 new + 1 carried in (自然人 2+1, 商业企业 1), all tables adding up. */
	static Map<String, BigDecimal> consistent() {
		Map<String, BigDecimal> c = new LinkedHashMap<>();
		for (String key : ReportLayout.of(ReportFormat.F2021).cellKeys()) {
			c.put(key, BigDecimal.ZERO);
		}
		put(c, "new", 2, 1);
		put(c, "carriedIn", 1, 0);
		put(c, "r1", 2, 0);
		put(c, "r3_4", 0, 1);
		put(c, "rTotal", 2, 1);
		put(c, "carriedOut", 1, 0);
		c.put("t2.rules.issued", BigDecimal.ONE);
		c.put("t2.fees.amount", new BigDecimal("0.38"));
		c.put("t4.remedies.reconsideration.upheld", BigDecimal.ONE);
		c.put("t4.remedies.reconsideration.total", BigDecimal.ONE);
		c.put("t4.remedies.litigationDirect.pending", BigDecimal.ONE);
		c.put("t4.remedies.litigationDirect.total", BigDecimal.ONE);
		return c;
	}

	private static void put(Map<String, BigDecimal> c, String row, int natural, int commercial) {
		c.put("t3." + row + ".naturalPerson", BigDecimal.valueOf(natural));
		c.put("t3." + row + ".commercialEnterprise", BigDecimal.valueOf(commercial));
		c.put("t3." + row + ".total", BigDecimal.valueOf(natural + commercial));
	}

	static Map<ReportSixPart, String> parts() {
		Map<ReportSixPart, String> p = new LinkedHashMap<>();
		for (ReportSixPart part : ReportSixPart.values()) {
			p.put(part, part.label() + "的内容");
		}
		return p;
	}

	static ReportView view(Map<String, BigDecimal> cells, String one, String five, Map<ReportSixPart, String> parts) {
		List<ReportView.Part> list = parts.entrySet()
			.stream()
			.map(e -> new ReportView.Part(e.getKey().label(), e.getValue()))
			.toList();
		return new ReportView(1, 1, "a", "甲单位", 2025, ReportFormat.F2021, 1, ReportStatus.DRAFT, null, null, false,
				sections(one, five, list), new ReportCells(cells));
	}

	static List<ReportView.SectionText> sections(String one, String five, List<ReportView.Part> parts) {
		return List.of(new ReportView.SectionText(ReportLayout.Section.ONE, one, List.of()),
				new ReportView.SectionText(ReportLayout.Section.FIVE, five, List.of()),
				new ReportView.SectionText(ReportLayout.Section.SIX, "", parts));
	}
}
