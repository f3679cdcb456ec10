package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;
import org.gongkai.oversight.AssessmentScheme.GradeBand;
import org.gongkai.oversight.AssessmentScheme.Item;
import org.gongkai.oversight.AssessmentScheme.Kind;
import org.gongkai.oversight.AssessmentScheme.Measure;
import org.gongkai.oversight.AssessmentScheme.Rule;
import org.gongkai.oversight.AssessmentScoring.Sheet;
import org.junit.jupiter.api.Test;

/** The arithmetic of a score sheet and of the ranking, without Spring. */
class AssessmentScoringTest {

	// 依申请公开 (6): 超期办理 −6 each, row cap 6; 被纠错 −3 each (no row cap)
	static final Item REQUESTS = first(1, Kind.CATEGORY, "依申请公开", 6);

	static final Item LATE = row(11, 1, "超期办理", null, "requests.late", Rule.PER_ITEM, 6, 6, null);

	static final Item CORRECTED = row(12, 1, "被纠错", null, "requests.corrected", Rule.PER_ITEM, 3, null, null);

	// 平台管理 (30): 年度信息总量 200 → 8, else −2; 空栏目 −1 each
	static final Item PLATFORM = first(2, Kind.CATEGORY, "平台管理与信息更新", 30);

	static final Item TOTAL = row(21, 2, "年度信息总量", 8, "proactive.published", Rule.THRESHOLD_AWARD, 2, null, 200L);

	static final Item EMPTY = row(22, 2, "栏目完整性", 8, "columns.empty", Rule.PER_ITEM, 1, null, null);

	// 年度报告 (10): 未及时公开 −5 once; 未备案 manual
	static final Item REPORT = first(3, Kind.CATEGORY, "年度报告", 10);

	static final Item REPORT_LATE = row(31, 3, "未及时公开", null, "report.late", Rule.ONCE, 5, null, 1L);

	static final Item FILED = new Item(32, 3L, 32, Kind.ROW, "未及时备案", null, Measure.MANUAL, null, null, bd(5), bd(5), null);

	// 加分 (5): 培训场次 ≥ 4 → +2 once; manual 工作亮点
	static final Item BONUS = first(4, Kind.BONUS, "加分项", 5);

	static final Item TRAINING = row(41, 4, "培训", null, "training.held", Rule.ONCE, 2, null, 4L);

	static final Item HIGHLIGHT = new Item(42, 4L, 42, Kind.ROW, "工作亮点", null, Measure.MANUAL, null, null, null, null, null);

	static final AssessmentScheme SCHEME = new AssessmentScheme(1, 1, "测试方案", 2031, Set.of(AgencyLevel.COUNTY),
			Set.of(AgencyType.DEPARTMENT), List.of(new GradeBand("优秀", bd(50)), new GradeBand("良好", bd(45)),
					new GradeBand("较差", bd(0))), null, null, null, null, null, 0,
			List.of(REQUESTS, LATE, CORRECTED, PLATFORM, TOTAL, EMPTY, REPORT, REPORT_LATE, FILED, BONUS, TRAINING, HIGHLIGHT));

	@Test
	void deductionsUnderAFirstLevelItemAreCappedAtItsWeightAndARowAtItsCap() {
		// requests: 2 late → 12, row cap 6 → 6; 1 corrected → 3; sum 9 > weight 6 → 6 deducted, score 0
		Sheet s = AssessmentScoring.score(SCHEME, Map.of("requests.late", 2L, "requests.corrected", 1L,
				"proactive.published", 250L), Map.of());
		var requests = s.items().get(0);
		assertThat(requests.rows().get(0).amount()).isEqualByComparingTo("6");
		assertThat(requests.rows().get(0).capped()).isTrue();
		assertThat(requests.rows().get(1).amount()).isEqualByComparingTo("3");
		assertThat(requests.amount()).isEqualByComparingTo("6");
		assertThat(requests.capped()).isTrue();
		assertThat(requests.score()).isEqualByComparingTo("0");
		// total = 0 + 30 + 10 + 0 = 40
		assertThat(s.total()).isEqualByComparingTo("40");
		assertThat(SCHEME.gradeOf(s.total())).isEqualTo("较差");
		assertThat(SCHEME.basePoints()).isEqualByComparingTo("46");
		assertThat(SCHEME.bonusPoints()).isEqualByComparingTo("5");
	}

	@Test
	void theThresholdAwardEarnsItsPointsFromTheThresholdAndDeductsBelowIt() {
		Sheet at = AssessmentScoring.score(SCHEME, Map.of("proactive.published", 200L), Map.of());
		Sheet below = AssessmentScoring.score(SCHEME, Map.of("proactive.published", 199L), Map.of());
		assertThat(at.items().get(1).rows().get(0).amount()).isEqualByComparingTo("0");
		assertThat(at.items().get(1).score()).isEqualByComparingTo("30");
		assertThat(below.items().get(1).rows().get(0).amount()).isEqualByComparingTo("2");
		assertThat(below.items().get(1).rows().get(0).figureValue()).isEqualTo(199L);
		assertThat(below.items().get(1).score()).isEqualByComparingTo("28");
		// 6 + 30 + 10 = 46 at the threshold; 44 below it
		assertThat(at.total()).isEqualByComparingTo("46");
		assertThat(below.total()).isEqualByComparingTo("44");
		assertThat(SCHEME.gradeOf(at.total())).isEqualTo("良好");
	}

	@Test
	void onceRowsManualRowsAndTheBonusCap() {
		// report.late 1 → −5; manual 未备案 −5 → report 0. bonus: training 4 ≥ 4 → 2; manual highlight 4 → 6 > 5 → 5
		Sheet s = AssessmentScoring.score(SCHEME, Map.of("proactive.published", 300L, "report.late", 1L, "training.held", 4L),
				Map.of(32L, bd(5), 42L, bd(4)));
		assertThat(s.items().get(2).score()).isEqualByComparingTo("0");
		assertThat(s.items().get(3).amount()).isEqualByComparingTo("5");
		assertThat(s.items().get(3).capped()).isTrue();
		assertThat(s.bonus()).isEqualByComparingTo("5");
		// 6 + 30 + 0 + 5 = 41
		assertThat(s.total()).isEqualByComparingTo("41");
		// a manual row above its cap is cut to the cap (the service refuses it before)
		Sheet over = AssessmentScoring.score(SCHEME, Map.of("proactive.published", 300L), Map.of(32L, bd(8)));
		assertThat(over.items().get(2).rows().get(1).amount()).isEqualByComparingTo("5");
	}

	@Test
	void equalTotalsShareARankAndTheNextRankSkips() {
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		totals.put("a", bd(90));
		totals.put("b", new BigDecimal("95.50"));
		totals.put("c", new BigDecimal("90.00"));
		totals.put("d", bd(80));
		totals.put("e", bd(80));
		totals.put("f", bd(70));
		Map<String, Integer> ranks = AssessmentScoring.ranks(totals);
		assertThat(ranks).containsEntry("b", 1).containsEntry("a", 2).containsEntry("c", 2).containsEntry("d", 4)
			.containsEntry("e", 4).containsEntry("f", 6);
	}

	@Test
	void gradesAreParsedFromTheFormAndRejectedWhenMalformed() {
		assertThat(AssessmentManagement.parseGrades("良好:80；优秀：90, 一般:60"))
			.containsExactly(new GradeBand("优秀", bd(90)), new GradeBand("良好", bd(80)), new GradeBand("一般", bd(60)));
		assertThat(AssessmentManagement.parseGrades("  ")).isEmpty();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> AssessmentManagement.parseGrades("优秀九十"))
			.isInstanceOf(org.gongkai.platform.InvalidInputException.class);
		assertThat(AssessmentScoring.plain(new BigDecimal("6.00"))).isEqualTo("6");
		assertThat(AssessmentScoring.plain(new BigDecimal("0.50"))).isEqualTo("0.5");
	}

	static Item first(long id, Kind kind, String title, int points) {
		return new Item(id, null, (int) id, kind, title, bd(points), null, null, null, null, null, null);
	}

	static Item row(long id, long parent, String title, Integer points, String key, Rule rule, int unit, Integer cap,
			Long threshold) {
		return new Item(id, parent, (int) id, Kind.ROW, title, points == null ? null : bd(points), Measure.AUTOMATIC, key, rule,
				bd(unit), cap == null ? null : bd(cap), threshold);
	}

	static BigDecimal bd(int v) {
		return BigDecimal.valueOf(v);
	}
}
