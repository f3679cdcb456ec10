package org.gongkai.oversight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongkai.catalog.CatalogNode;
import org.gongkai.platform.CountedRecord;

/**
 * The rules of the automatic inspection, after 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号; oversight-rules.md §1,
 * domain-rules.md §3.2):
 * <ul>
 * <li>单项否决: 「首页不更新：监测2周，首页无信息更新」; 「栏目不更新：监测时间点前2周内的动态、要闻类栏目，以及监测时间点前6个月内的通知公告、
 * 政策文件类一级栏目，累计超过（含）5个未更新；应更新但长期未更新的栏目数量超过（含）10个；空白栏目数量超过（含）5个」; 「互动回应差：监测时间点前1年内
 * …存在超过3个月未回应有效留言的现象」; 「服务不实用：办事指南重点要素类别缺失」 (threshold not readable). Any veto makes the site
 * 不合格 and nothing else is scored.</li>
 * <li>扣分: deductions total 100; deductions under one indicator never exceed its points (「各个指标的扣除总和不超过该指标的
 * 总分」); a column already deducted for being empty or stale is not deducted again under another indicator
 * (「因空白、应更新未更新等原因已按其他指标扣分的，不在本指标项下重复扣分」).</li>
 * <li>A deduction score below 60 fails; only a score above 80 goes on to the bonus, whose total is a parameter
 * ({@code gongkai.oversight.bonus-cap}, default 20: 宣城's restatement and the 年度考核指标; the 检查指标 copy says 30).</li>
 * <li>「未注明信息发布时间的视为不更新」 (2015 普查): a column without any dated public item is empty, never fresh.</li>
 * <li>「应更新但长期未更新」 is not defined in a readable source: here a column past its window and not updated for more
 * than a year.</li>
 * <li>Warnings come before vetoes: a veto indicator warns when its figure reaches the warning threshold, or, when it
 * uses {@code soon}, when the figure plus what will count within the lead (news columns 10 days without update,
 * other columns a month before their window, messages 75 days unanswered) reaches the threshold.</li>
 * </ul>
 */
public final class MonitoringRules {

	public static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);

	/** 「低于60分为不合格」. */
	public static final BigDecimal PASS_MARK = BigDecimal.valueOf(60);

	/** 「80分以上进入加分项评分」: the bonus counts only above this deduction score. */
	public static final BigDecimal BONUS_ENTRY = BigDecimal.valueOf(80);

	/** How many days before a column becomes long stale it counts as soon. */
	public static final int LONG_STALE_LEAD_DAYS = 30;

	/** A message counts as soon to be three months unanswered from this many days on. */
	public static final int MESSAGE_WARNING_DAYS = 75;

	private MonitoringRules() {
	}

	/** Past its window and not updated for more than a year: 「应更新但长期未更新」. */
	public static boolean isLongStale(ColumnWindowClass cls, LocalDate lastPublished, LocalDate on) {
		return cls.isStale(lastPublished, on) && on.isAfter(lastPublished.plusYears(1));
	}

	/** 「超过3个月未回应」: more than three calendar months since the message was submitted. */
	public static boolean isUnansweredOverThreeMonths(LocalDate submittedOn, LocalDate on) {
		return on.isAfter(submittedOn.plusMonths(3));
	}

	/** Not yet over three months, but unanswered for {@link #MESSAGE_WARNING_DAYS} days or more. */
	public static boolean isUnansweredSoon(LocalDate submittedOn, LocalDate on) {
		return !isUnansweredOverThreeMonths(submittedOn, on) && !on.isBefore(submittedOn.plusDays(MESSAGE_WARNING_DAYS));
	}

	/** The record of a column, the same under every column figure (so that no double deduction can match it). */
	static CountedRecord columnRecord(CatalogNode node, LocalDate lastPublished, String consoleUrl) {
		return new CountedRecord("栏目:" + node.code(), node.title(), lastPublished, consoleUrl);
	}

	/**
	 * Scores an agency's figures against the active indicators, in their order: vetoes and warnings, then deductions
	 * capped per indicator and never twice for one record within a group, then the bonus when the deduction score is
	 * above 80, capped at {@code bonusCap}.
	 */
	public static MonitoringScore score(long agencyId, LocalDate on, List<Indicator> indicators,
			Map<String, OversightFigure> figures, Map<String, FigureDefinition> definitions, BigDecimal bonusCap) {
		List<Indicator> ordered = indicators.stream()
			.filter(Indicator::active)
			.sorted(Comparator.comparingInt(Indicator::sortOrder).thenComparing(Indicator::code))
			.toList();
		Map<String, Set<String>> deductedByGroup = new HashMap<>();
		List<IndicatorResult> results = new ArrayList<>();
		BigDecimal deductions = BigDecimal.ZERO;
		boolean vetoed = false;
		List<Indicator> bonuses = new ArrayList<>();
		for (Indicator indicator : ordered) {
			OversightFigure figure = figures.get(indicator.figureKey());
			if (figure == null) {
				continue;
			}
			if (indicator.ruleType() == IndicatorRuleType.BONUS) {
				bonuses.add(indicator);
				continue;
			}
			String unit = unit(definitions, indicator.figureKey());
			if (indicator.ruleType() == IndicatorRuleType.VETO) {
				IndicatorResult r = veto(indicator, figure, unit);
				vetoed |= r.state() == IndicatorState.VETO;
				results.add(r);
				continue;
			}
			IndicatorResult r = deduction(indicator, figure, unit, deductedByGroup);
			deductions = deductions.add(r.points());
			results.add(r);
		}
		BigDecimal deductionScore = FULL_MARKS.subtract(deductions).max(BigDecimal.ZERO);
		BigDecimal bonus = BigDecimal.ZERO;
		boolean bonusOpen = !vetoed && deductionScore.compareTo(BONUS_ENTRY) > 0;
		for (Indicator indicator : bonuses) {
			OversightFigure figure = figures.get(indicator.figureKey());
			boolean reached = BigDecimal.valueOf(figure.value()).compareTo(indicator.threshold()) >= 0;
			BigDecimal points = BigDecimal.ZERO;
			if (reached && bonusOpen) {
				points = capped(indicator.points(), indicator.cap()).min(bonusCap.subtract(bonus)).max(BigDecimal.ZERO);
				bonus = bonus.add(points);
			}
			String message = !reached ? "" : bonusOpen ? "加分：" + indicator.name() + " +" + plain(points)
					: "未加分：" + indicator.name() + "（扣分项得分须高于80分且未被单项否决）";
			results.add(new IndicatorResult(indicator.code(), indicator.name(), indicator.figureKey(),
					indicator.ruleType(), figure.value(), figure.soon(),
					points.signum() > 0 ? IndicatorState.BONUS : IndicatorState.OK, points, figure.records(), message,
					indicator.confirmed()));
		}
		BigDecimal score = deductionScore.add(bonus);
		boolean passed = !vetoed && deductionScore.compareTo(PASS_MARK) >= 0;
		return new MonitoringScore(agencyId, on, score, deductionScore, bonus, vetoed, passed, results);
	}

	private static IndicatorResult veto(Indicator indicator, OversightFigure figure, String unit) {
		long value = figure.value();
		BigDecimal v = BigDecimal.valueOf(value);
		String threshold = plain(indicator.threshold());
		IndicatorState state;
		String message;
		if (v.compareTo(indicator.threshold()) >= 0) {
			state = IndicatorState.VETO;
			message = "单项否决：" + indicator.name() + " " + value + " " + unit + "（达到 " + threshold + " " + unit + "即单项否决）";
		}
		else if ((indicator.warnThreshold() != null && v.compareTo(indicator.warnThreshold()) >= 0 && value > 0)
				|| (indicator.usesSoon() && figure.soon() > 0
						&& BigDecimal.valueOf(value + figure.soon()).compareTo(indicator.threshold()) >= 0)) {
			state = IndicatorState.WARN;
			message = "预警：" + indicator.name() + " " + value + " " + unit
					+ (indicator.usesSoon() && figure.soon() > 0 ? "，另有 " + figure.soon() + " " + unit + "即将达到" : "")
					+ "，达到 " + threshold + " " + unit + "即单项否决";
		}
		else {
			state = IndicatorState.OK;
			message = "";
		}
		return new IndicatorResult(indicator.code(), indicator.name(), indicator.figureKey(), indicator.ruleType(), value,
				figure.soon(), state, BigDecimal.ZERO, figure.records(), message, indicator.confirmed());
	}

	private static IndicatorResult deduction(Indicator indicator, OversightFigure figure, String unit,
			Map<String, Set<String>> deductedByGroup) {
		List<CountedRecord> behind = figure.records().subList(0, (int) Math.min(figure.value(), figure.records().size()));
		boolean recordsComplete = behind.size() == figure.value();
		long value = figure.value();
		List<CountedRecord> counted = behind;
		if (indicator.dedupGroup() != null && recordsComplete) {
			Set<String> already = deductedByGroup.computeIfAbsent(indicator.dedupGroup(), k -> new HashSet<>());
			counted = behind.stream().filter(r -> !already.contains(key(r))).toList();
			value = counted.size();
		}
		BigDecimal points = BigDecimal.ZERO;
		if (indicator.ruleType() == IndicatorRuleType.PER_ITEM) {
			points = indicator.points().multiply(BigDecimal.valueOf(value));
			points = indicator.cap() == null ? points : points.min(indicator.cap());
		}
		else if (BigDecimal.valueOf(value).compareTo(indicator.threshold()) >= 0) {
			points = capped(indicator.points(), indicator.cap());
		}
		if (points.signum() > 0 && indicator.dedupGroup() != null && recordsComplete) {
			Set<String> already = deductedByGroup.get(indicator.dedupGroup());
			counted.forEach(r -> already.add(key(r)));
		}
		String message = points.signum() > 0
				? "扣分：" + indicator.name() + " " + value + " " + unit + "，扣 " + plain(points) + " 分" : "";
		if (points.signum() == 0 && value < figure.value()) {
			message = indicator.name() + "：已按同组其他指标扣分，不重复扣分";
		}
		return new IndicatorResult(indicator.code(), indicator.name(), indicator.figureKey(), indicator.ruleType(),
				figure.value(), figure.soon(), points.signum() > 0 ? IndicatorState.DEDUCTED : IndicatorState.OK, points,
				points.signum() > 0 ? counted : figure.records(), message, indicator.confirmed());
	}

	private static BigDecimal capped(BigDecimal points, BigDecimal cap) {
		return cap == null ? points : points.min(cap);
	}

	private static String key(CountedRecord r) {
		return r.reference() + "|" + r.consoleUrl();
	}

	private static String unit(Map<String, FigureDefinition> definitions, String key) {
		FigureDefinition d = definitions.get(key);
		return d == null ? "" : d.unit();
	}

	static String plain(BigDecimal b) {
		return b == null ? "" : b.stripTrailingZeros().toPlainString();
	}
}
