package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.platform.CountedRecord;
import org.junit.jupiter.api.Test;

/**
 * The scoring rules of the automatic inspection without Spring: veto and warning states, caps per indicator, no
 * double deduction within a group, the bonus only above 80 and within its cap, the pass mark, the column windows
 * and the message leads.
 */
class MonitoringRulesTest {

	private static final LocalDate ON = LocalDate.of(2026, 7, 10);

	private static final Map<String, FigureDefinition> DEFS = Map.of(
			"columns.empty", new FigureDefinition("columns.empty", "空白栏目", "个", "", 1),
			"columns.notice.stale", new FigureDefinition("columns.notice.stale", "政策栏目", "个", "", 2),
			"columns.windowStale", new FigureDefinition("columns.windowStale", "栏目不更新", "个", "", 3),
			"requests.late", new FigureDefinition("requests.late", "超期", "件", "", 4),
			"proactive.published", new FigureDefinition("proactive.published", "公开", "条", "", 5));

	private static int ids = 1;

	@Test
	void aVetoWarnsFromItsWarningValueOrWhenSoonItemsWouldReachItAndFiresAtTheThreshold() {
		Indicator empty = veto("columns.empty", 5, 3, false);
		Indicator window = veto("columns.windowStale", 5, null, true);
		assertThat(state(empty, figure("columns.empty", 2, 0))).isEqualTo(IndicatorState.OK);
		assertThat(state(empty, figure("columns.empty", 3, 0))).isEqualTo(IndicatorState.WARN);
		assertThat(state(empty, figure("columns.empty", 5, 0))).isEqualTo(IndicatorState.VETO);
		assertThat(state(window, figure("columns.windowStale", 2, 2))).isEqualTo(IndicatorState.OK);
		assertThat(state(window, figure("columns.windowStale", 2, 3))).isEqualTo(IndicatorState.WARN);
		assertThat(state(window, figure("columns.windowStale", 6, 0))).isEqualTo(IndicatorState.VETO);

		MonitoringScore s = score(List.of(empty), figure("columns.empty", 5, 0));
		assertThat(s.vetoed()).isTrue();
		assertThat(s.passed()).isFalse();
		assertThat(s.verdict()).isEqualTo("不合格（单项否决）");
		assertThat(s.score()).isEqualByComparingTo("100");
	}

	@Test
	void deductionsUnderOneIndicatorNeverExceedItsCap() {
		Indicator late = deduct("requests.late", IndicatorRuleType.PER_ITEM, 1, "6", "6", null);
		assertThat(score(List.of(late), figure("requests.late", 1, 0)).deductionScore()).isEqualByComparingTo("94");
		assertThat(score(List.of(late), figure("requests.late", 4, 0)).deductionScore()).isEqualByComparingTo("94");
		Indicator links = deduct("requests.late", IndicatorRuleType.PER_ITEM, 1, "0.5", "5", null);
		assertThat(score(List.of(links), figure("requests.late", 3, 0)).deductionScore()).isEqualByComparingTo("98.5");
		assertThat(score(List.of(links), figure("requests.late", 30, 0)).deductionScore()).isEqualByComparingTo("95");
		Indicator once = deduct("requests.late", IndicatorRuleType.ONCE, 2, "5", "5", null);
		assertThat(score(List.of(once), figure("requests.late", 1, 0)).deductionScore()).isEqualByComparingTo("100");
		assertThat(score(List.of(once), figure("requests.late", 7, 0)).deductionScore()).isEqualByComparingTo("95");
	}

	@Test
	void aColumnDeductedUnderOneIndicatorOfAGroupIsNotDeductedAgainUnderAnother() {
		CountedRecord policy = column("zcwj");
		CountedRecord news = column("gzdt");
		Indicator policyOnce = deduct("columns.notice.stale", IndicatorRuleType.ONCE, 1, "5", "5", "column");
		Indicator perColumn = deduct("columns.windowStale", IndicatorRuleType.PER_ITEM, 1, "1", "5", "column");
		Map<String, OversightFigure> figures = new LinkedHashMap<>();
		figures.put("columns.notice.stale", new OversightFigure("columns.notice.stale", 1, 0, List.of(policy)));
		figures.put("columns.windowStale", new OversightFigure("columns.windowStale", 2, 1, List.of(policy, news, column("soon"))));
		MonitoringScore s = MonitoringRules.score(1, ON, List.of(policyOnce, perColumn), figures, DEFS, BigDecimal.valueOf(20));
		// 5 for the policy column once, 1 for the news column only (the policy column and the soon one are not deducted)
		assertThat(s.deductionScore()).isEqualByComparingTo("94");
		assertThat(s.results().get(1).counted()).containsExactly(news);
		// without the group, the policy column would cost twice
		Indicator ungrouped = deduct("columns.windowStale", IndicatorRuleType.PER_ITEM, 1, "1", "5", null);
		assertThat(MonitoringRules.score(1, ON, List.of(policyOnce, ungrouped), figures, DEFS, BigDecimal.valueOf(20))
			.deductionScore()).isEqualByComparingTo("93");
	}

	@Test
	void theBonusCountsOnlyAboveEightyWithoutVetoAndWithinItsCap() {
		Indicator bonusA = bonus("proactive.published", 100, "15");
		Indicator bonusB = bonus("proactive.published", 100, "15");
		Indicator late = deduct("requests.late", IndicatorRuleType.PER_ITEM, 1, "10", "30", null);
		Map<String, OversightFigure> figures = new LinkedHashMap<>();
		figures.put("proactive.published", figure("proactive.published", 150, 0));
		figures.put("requests.late", figure("requests.late", 1, 0));
		MonitoringScore above = MonitoringRules.score(1, ON, List.of(bonusA, bonusB, late), figures, DEFS, BigDecimal.valueOf(20));
		assertThat(above.deductionScore()).isEqualByComparingTo("90");
		assertThat(above.bonus()).isEqualByComparingTo("20");
		assertThat(above.score()).isEqualByComparingTo("110");

		figures.put("requests.late", figure("requests.late", 2, 0));
		MonitoringScore atEighty = MonitoringRules.score(1, ON, List.of(bonusA, late), figures, DEFS, BigDecimal.valueOf(20));
		assertThat(atEighty.deductionScore()).isEqualByComparingTo("80");
		assertThat(atEighty.bonus()).isEqualByComparingTo("0");
		assertThat(atEighty.results()).anySatisfy(r -> assertThat(r.message()).startsWith("未加分"));

		figures.put("requests.late", figure("requests.late", 3, 0));
		MonitoringScore failed = MonitoringRules.score(1, ON, List.of(late), figures, DEFS, BigDecimal.valueOf(20));
		assertThat(failed.deductionScore()).isEqualByComparingTo("70");
		assertThat(failed.passed()).isTrue();
		figures.put("requests.late", figure("requests.late", 5, 0));
		Indicator bigLate = deduct("requests.late", IndicatorRuleType.PER_ITEM, 1, "10", "50", null);
		MonitoringScore below = MonitoringRules.score(1, ON, List.of(bigLate), figures, DEFS, BigDecimal.valueOf(20));
		assertThat(below.deductionScore()).isEqualByComparingTo("50");
		assertThat(below.passed()).isFalse();
		assertThat(below.verdict()).isEqualTo("不合格（低于60分）");

		Indicator inactive = new Indicator(ids++, "x" + ids, "扣分", "停用", "requests.late", IndicatorRuleType.PER_ITEM, null,
				BigDecimal.ONE, null, false, BigDecimal.TEN, null, null, "test", true, true, false, 1, 0);
		assertThat(MonitoringRules.score(1, ON, List.of(inactive), figures, DEFS, BigDecimal.valueOf(20)).deductionScore())
			.isEqualByComparingTo("100");
	}

	@Test
	void columnWindowsAndLeads() {
		assertThat(ColumnWindowClass.defaultFor("工作动态", "gzdt")).isEqualTo(ColumnWindowClass.NEWS);
		assertThat(ColumnWindowClass.defaultFor("要闻", "x")).isEqualTo(ColumnWindowClass.NEWS);
		assertThat(ColumnWindowClass.defaultFor("通知公告", "x")).isEqualTo(ColumnWindowClass.NOTICE_POLICY);
		assertThat(ColumnWindowClass.defaultFor("行政规范性文件", "x")).isEqualTo(ColumnWindowClass.NOTICE_POLICY);
		assertThat(ColumnWindowClass.defaultFor("政策解读", "x")).isEqualTo(ColumnWindowClass.NOTICE_POLICY);
		assertThat(ColumnWindowClass.defaultFor("人事信息", "x")).isEqualTo(ColumnWindowClass.PERSONNEL_PLAN);
		assertThat(ColumnWindowClass.defaultFor("规划计划", "x")).isEqualTo(ColumnWindowClass.PERSONNEL_PLAN);
		assertThat(ColumnWindowClass.defaultFor("政府信息公开指南", "guide")).isEqualTo(ColumnWindowClass.FIXED);

		LocalDate last = LocalDate.of(2026, 1, 5);
		// news: stale after two weeks, soon from ten days
		assertThat(ColumnWindowClass.NEWS.isStale(last, last.plusDays(14))).isFalse();
		assertThat(ColumnWindowClass.NEWS.isStale(last, last.plusDays(15))).isTrue();
		assertThat(ColumnWindowClass.NEWS.isSoonStale(last, last.plusDays(9))).isFalse();
		assertThat(ColumnWindowClass.NEWS.isSoonStale(last, last.plusDays(10))).isTrue();
		// notices and policies: six months
		assertThat(ColumnWindowClass.NOTICE_POLICY.isStale(last, LocalDate.of(2026, 7, 5))).isFalse();
		assertThat(ColumnWindowClass.NOTICE_POLICY.isStale(last, LocalDate.of(2026, 7, 6))).isTrue();
		assertThat(ColumnWindowClass.NOTICE_POLICY.isSoonStale(last, LocalDate.of(2026, 6, 10))).isTrue();
		assertThat(ColumnWindowClass.FIXED.isStale(last, LocalDate.of(2030, 1, 1))).isFalse();
		assertThat(MonitoringRules.isLongStale(ColumnWindowClass.NEWS, last, LocalDate.of(2026, 12, 1))).isFalse();
		assertThat(MonitoringRules.isLongStale(ColumnWindowClass.NEWS, last, LocalDate.of(2027, 1, 6))).isTrue();
		// messages: three months, warned from 75 days
		assertThat(MonitoringRules.isUnansweredSoon(last, last.plusDays(74))).isFalse();
		assertThat(MonitoringRules.isUnansweredSoon(last, last.plusDays(75))).isTrue();
		assertThat(MonitoringRules.isUnansweredOverThreeMonths(last, LocalDate.of(2026, 4, 5))).isFalse();
		assertThat(MonitoringRules.isUnansweredOverThreeMonths(last, LocalDate.of(2026, 4, 6))).isTrue();
	}

	@Test
	void linkAnswersAreClassifiedAndInternalLinksResolvedAgainstTheSite() {
		assertThat(LinkChecker.classify(200).status()).isEqualTo(LinkCheckResults.LinkStatus.OK);
		assertThat(LinkChecker.classify(301).status()).isEqualTo(LinkCheckResults.LinkStatus.OK);
		assertThat(LinkChecker.classify(404).status()).isEqualTo(LinkCheckResults.LinkStatus.BROKEN);
		assertThat(LinkChecker.classify(403).status()).isEqualTo(LinkCheckResults.LinkStatus.BROKEN);
		assertThat(LinkChecker.classify(500).status()).isEqualTo(LinkCheckResults.LinkStatus.SUSPECT);
		assertThat(LinkChecker.classify(410).status()).isEqualTo(LinkCheckResults.LinkStatus.SUSPECT);
		LinkChecker checker = new LinkChecker("https://www.example.gov.cn", 5);
		assertThat(checker.resolve("/agencies/x/").orElseThrow().toString()).isEqualTo("https://www.example.gov.cn/agencies/x/");
		assertThat(checker.resolve("a.html").orElseThrow().toString()).isEqualTo("https://www.example.gov.cn/a.html");
		assertThat(checker.isInternal("/agencies/x/", checker.resolve("/agencies/x/").orElseThrow())).isTrue();
		assertThat(checker.isInternal("https://www.example.gov.cn/a", checker.resolve("https://www.example.gov.cn/a").orElseThrow())).isTrue();
		assertThat(checker.isInternal("https://other.cn/a", checker.resolve("https://other.cn/a").orElseThrow())).isFalse();
		assertThat(checker.resolve("ftp://x.cn/a")).isEmpty();
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private static IndicatorState state(Indicator i, OversightFigure f) {
		return score(List.of(i), f).results().get(0).state();
	}

	private static MonitoringScore score(List<Indicator> indicators, OversightFigure f) {
		return MonitoringRules.score(1, ON, indicators, Map.of(f.key(), f), DEFS, BigDecimal.valueOf(20));
	}

	private static OversightFigure figure(String key, long value, long soon) {
		List<CountedRecord> records = new ArrayList<>();
		for (int i = 0; i < value + soon; i++) {
			records.add(new CountedRecord(key + i, key, ON, "/x/" + i));
		}
		return new OversightFigure(key, value, soon, records);
	}

	private static CountedRecord column(String code) {
		return new CountedRecord("栏目:" + code, code, ON, "/console/monitoring/agencies/1/columns#" + code);
	}

	private static Indicator veto(String key, int threshold, Integer warn, boolean soon) {
		return new Indicator(ids++, "veto" + ids, "单项否决", "否决" + key, key, IndicatorRuleType.VETO, null,
				BigDecimal.valueOf(threshold), warn == null ? null : BigDecimal.valueOf(warn), soon, BigDecimal.ZERO, null, null,
				"test", true, true, true, ids, 0);
	}

	private static Indicator deduct(String key, IndicatorRuleType type, int threshold, String points, String cap, String group) {
		return new Indicator(ids++, "d" + ids, "扣分", "扣分" + key, key, type, null, BigDecimal.valueOf(threshold), null, false,
				new BigDecimal(points), cap == null ? null : new BigDecimal(cap), group, "test", true, true, true, ids, 0);
	}

	private static Indicator bonus(String key, int threshold, String points) {
		return new Indicator(ids++, "b" + ids, "加分", "加分" + key, key, IndicatorRuleType.BONUS, null,
				BigDecimal.valueOf(threshold), null, false, new BigDecimal(points), null, null, "test", false, true, true, ids, 0);
	}
}
