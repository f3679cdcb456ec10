package org.gongkai.oversight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;

/**
 * An assessment scheme (考核细则 / 评分标准) run once a year by a supervising office over the agencies below it: which
 * agencies it assesses, its first-level items (a weight each; deductions under one are capped at its weight, as in
 * 锦州 2020 「一级指标减分上限为自身权重」, oversight-rules.md §2.6), the second-level rows under them, bonus items
 * (加分, capped at their weight) and optional grade bands.
 *
 * @param ownerAgencyId the supervising agency that owns and runs the scheme; it assesses agencies below it
 * @param levels the levels of the agencies assessed (e.g. county departments and townships)
 * @param types the kinds of the agencies assessed
 * @param grades grade bands, highest first (empty: no grades)
 * @param templateCode the shipped template it was installed from, or null
 * @param sourceTitle the title of the published scheme it follows, with {@code sourceUrl} and {@code sourceDate}
 * @param revision optimistic lock, raised on every change
 */
public record AssessmentScheme(long id, long ownerAgencyId, String name, int year, Set<AgencyLevel> levels,
		Set<AgencyType> types, List<GradeBand> grades, String templateCode, String sourceTitle, String sourceUrl,
		String sourceDate, String note, int revision, List<Item> items) {

	public AssessmentScheme {
		grades = grades == null ? List.of() : List.copyOf(grades);
		items = items == null ? List.of() : List.copyOf(items);
	}

	/** What an item is. */
	public enum Kind {

		/** A first-level item: its points are its weight; deductions under it are capped at the weight. */
		CATEGORY("一级指标"),
		/** A first-level bonus item: awards under it are capped at its points. */
		BONUS("加分项"),
		/** A second-level row under a first-level item. */
		ROW("评分细则");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** How a row is measured. */
	public enum Measure {

		AUTOMATIC("自动计算"), MANUAL("人工评分");

		private final String label;

		Measure(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** How an automatic row turns its figure into a deduction (or, under a bonus item, an award). */
	public enum Rule {

		/** {@code unitPoints} for every unit of the figure, up to the row's cap (e.g. 超期办理每件扣6分). */
		PER_ITEM("按件计分"),
		/** {@code unitPoints} once when the figure reaches {@code threshold} (default 1; e.g. 年度报告未及时公开扣5分). */
		ONCE("达到即计分"),
		/**
		 * The row's points are earned when the figure reaches {@code threshold}, else {@code unitPoints} are deducted
		 * (e.g. 涞源 年度信息总量达到200条得8分，不足扣2分). Only under a first-level item, not a bonus item.
		 */
		THRESHOLD_AWARD("达标得分");

		private final String label;

		Rule(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * An item of the tree: a first-level item (parentId null) or a row.
	 *
	 * @param points a first-level item's weight; a row's points as the scheme states them (may be null)
	 * @param unitPoints points per unit (PER_ITEM), the points of a hit (ONCE), the deduction when short
	 * (THRESHOLD_AWARD), or the standard deduction a MANUAL row suggests
	 * @param cap the most a row can deduct or award; null: its points, else only its first-level item's weight
	 * @param threshold the figure value that triggers ONCE or earns THRESHOLD_AWARD
	 */
	public record Item(long id, Long parentId, int sortOrder, Kind kind, String title, BigDecimal points,
			Measure measure, String figureKey, Rule rule, BigDecimal unitPoints, BigDecimal cap, Long threshold) {

		public boolean firstLevel() {
			return parentId == null;
		}

		public boolean automatic() {
			return measure == Measure.AUTOMATIC;
		}

		/** The most this row may deduct or award on its own: its cap, else its points, else null (no own cap). */
		public BigDecimal rowCap() {
			return cap != null ? cap : points;
		}

		/** The figure value an ONCE or THRESHOLD_AWARD row compares with. */
		public long thresholdOrOne() {
			return threshold == null ? 1 : threshold;
		}

		/** The rule in words, e.g. 「每件扣6分，最多扣6分」. */
		public String ruleText(boolean bonus) {
			String verb = bonus ? "加" : "扣";
			if (measure == Measure.MANUAL) {
				String s = unitPoints == null ? "由考核人员评定" : "每处" + verb + AssessmentScoring.plain(unitPoints) + "分";
				return rowCap() == null ? s : s + "，最多" + verb + AssessmentScoring.plain(rowCap()) + "分";
			}
			if (rule == null) {
				return "";
			}
			return switch (rule) {
				case PER_ITEM -> "每个" + verb + AssessmentScoring.plain(unitPoints) + "分"
						+ (rowCap() == null ? "" : "，最多" + verb + AssessmentScoring.plain(rowCap()) + "分");
				case ONCE -> "达到" + thresholdOrOne() + "即" + verb + AssessmentScoring.plain(unitPoints) + "分";
				case THRESHOLD_AWARD -> "达到" + thresholdOrOne() + "得满分，不足扣" + AssessmentScoring.plain(unitPoints) + "分";
			};
		}
	}

	/** A grade band: a total at or above {@code min} earns {@code label} (优秀、良好、一般、较差). */
	public record GradeBand(String label, BigDecimal min) {
	}

	/** The first-level items (categories and bonus items) in order. */
	public List<Item> firstLevel() {
		return items.stream().filter(Item::firstLevel).sorted(Comparator.comparingInt(Item::sortOrder)).toList();
	}

	/** The rows under a first-level item, in order. */
	public List<Item> rowsOf(long parentId) {
		return items.stream()
			.filter(i -> i.parentId() != null && i.parentId() == parentId)
			.sorted(Comparator.comparingInt(Item::sortOrder))
			.toList();
	}

	public Item item(long itemId) {
		return items.stream().filter(i -> i.id() == itemId).findFirst().orElse(null);
	}

	/** The sum of the first-level items' weights (the base score) without the bonus items. */
	public BigDecimal basePoints() {
		return sum(Kind.CATEGORY);
	}

	/** The most bonus points: the sum of the bonus items' weights. */
	public BigDecimal bonusPoints() {
		return sum(Kind.BONUS);
	}

	private BigDecimal sum(Kind kind) {
		return firstLevel().stream()
			.filter(i -> i.kind() == kind && i.points() != null)
			.map(Item::points)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The rows measured by the assessor. */
	public List<Item> manualRows() {
		List<Item> rows = new ArrayList<>();
		for (Item f : firstLevel()) {
			rowsOf(f.id()).stream().filter(r -> r.measure() == Measure.MANUAL).forEach(rows::add);
		}
		return rows;
	}

	/** Whether the scheme assesses the agency (by level and kind; the owner itself is never assessed). */
	public boolean assesses(Agency agency) {
		return agency.id() != ownerAgencyId && agency.isWithin(ownerAgencyId) && agency.active()
				&& levels.contains(agency.level()) && types.contains(agency.type());
	}

	/** The grade of a total, or null without grade bands. */
	public String gradeOf(BigDecimal total) {
		return grades.stream()
			.sorted(Comparator.comparing(GradeBand::min).reversed())
			.filter(g -> total.compareTo(g.min()) >= 0)
			.map(GradeBand::label)
			.findFirst()
			.orElse(null);
	}

	/** The grade bands as the scheme form shows them: 「优秀:90；良好:80」. */
	public String gradesText() {
		return String.join("；", grades.stream().map(g -> g.label() + ":" + AssessmentScoring.plain(g.min())).toList());
	}
}
