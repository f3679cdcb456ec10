package org.gongkai.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a report version (domain-rules.md §2.3–2.4, §11; oversight-rules.md row 年度报告). Blocking:
 * <ul>
 * <li>V1, printed in table 三: per column, 本年新收 + 上年结转 = 办理结果总计 + 结转下年;</li>
 * <li>V2: per column, （七）总计 = the sum of the result rows （一）–（六）;</li>
 * <li>V3: per row, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他;</li>
 * <li>table 四: per group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结;</li>
 * <li>every count a whole number ≥ 0 (amounts ≥ 0, the 2019 format's 本年增/减 may be negative).</li>
 * </ul>
 * Warnings (not blocking): a fee amount not entered, an empty section 一 or 五, an empty part of 六, and a section
 * 一 or 五 largely identical to the agency's previous report or another agency's report of the year (雷同 is
 * punished in the oversight assessment). Messages name cells by their printed Chinese labels.
 */
public class ReportChecks {

	/** Share of shared character 5-grams above which a text counts as copied. */
	static final double COPY_THRESHOLD = 0.6;

	private static final int GRAM = 5;

	private static final int MIN_COPY_LENGTH = 40;

	private ReportChecks() {
	}

	public static List<ReportProblem> check(ReportView view) {
		return check(view, List.of());
	}

	/**
	 * @param comparables other reports the texts must not copy: the agency's previous year, other agencies' reports
	 *        of the same year
	 */
	public static List<ReportProblem> check(ReportView view, List<ReportView> comparables) {
		List<ReportProblem> problems = new ArrayList<>();
		ReportLayout.Tables tables = view.tables();
		ReportCells cells = view.cells();
		wholeNumbers(tables, cells, view.imported(), problems);
		table3(tables.table3(), cells, problems);
		table4(tables.table4(), cells, problems);
		texts(view, problems);
		copies(view, comparables, problems);
		return problems;
	}

	private static void wholeNumbers(ReportLayout.Tables tables, ReportCells cells, boolean imported,
			List<ReportProblem> problems) {
		for (ReportLayout.Block block : tables.blocks()) {
			for (ReportLayout.Row row : block.rows()) {
				for (ReportLayout.Column column : block.columns()) {
					String key = block.cellKey(row, column);
					if (cells.isBlank(key)) {
						if (column.decimal() && !imported && "t2".equals(block.table())) {
							problems.add(new ReportProblem(key, "表二「" + row.label() + "」" + column.label()
									+ "未录入：请在行政执法模块录入本年收费金额，未录入时该格留空", false));
						}
						continue;
					}
					BigDecimal v = cells.get(key);
					boolean whole = v.stripTrailingZeros().scale() <= 0;
					if (column.decimal()) {
						if (v.signum() < 0) {
							problems.add(new ReportProblem(key, where(block, row, column) + "不能为负数", true));
						}
					}
					else if (!whole || (!column.signed() && v.signum() < 0)) {
						problems.add(new ReportProblem(key,
								where(block, row, column) + (column.signed() ? "应为整数" : "应为非负整数") + "（现为"
										+ v.stripTrailingZeros().toPlainString() + "）",
								true));
					}
				}
			}
		}
	}

	private static String where(ReportLayout.Block block, ReportLayout.Row row, ReportLayout.Column column) {
		return switch (block.table()) {
			case "t2" -> "表二「" + row.label() + "」" + column.label();
			case "t3" -> "表三「" + row.label() + "」" + column.label() + "列";
			default -> "表四" + remedyGroup(column) + column.label();
		};
	}

	private static void table3(ReportLayout.Block t3, ReportCells cells, List<ReportProblem> problems) {
		ReportLayout.Row newRow = t3.row("new").orElseThrow();
		ReportLayout.Row carriedIn = t3.row("carriedIn").orElseThrow();
		ReportLayout.Row total = t3.row("rTotal").orElseThrow();
		ReportLayout.Row carriedOut = t3.row("carriedOut").orElseThrow();
		List<ReportLayout.Row> results = t3.rows()
			.stream()
			.filter(r -> r != newRow && r != carriedIn && r != total && r != carriedOut)
			.toList();
		for (ReportLayout.Column c : t3.columns()) {
			BigDecimal in = cells.get(t3.cellKey(newRow, c)).add(cells.get(t3.cellKey(carriedIn, c)));
			BigDecimal out = cells.get(t3.cellKey(total, c)).add(cells.get(t3.cellKey(carriedOut, c)));
			if (in.compareTo(out) != 0) {
				problems.add(new ReportProblem(t3.cellKey(total, c),
						"V1：" + c.label() + "列 本年新收+上年结转 ≠ 办理结果总计+结转下年（" + n(cells, t3, newRow, c) + "+"
								+ n(cells, t3, carriedIn, c) + " ≠ " + n(cells, t3, total, c) + "+"
								+ n(cells, t3, carriedOut, c) + "）",
						true));
			}
			BigDecimal sum = BigDecimal.ZERO;
			for (ReportLayout.Row r : results) {
				sum = sum.add(cells.get(t3.cellKey(r, c)));
			}
			if (sum.compareTo(cells.get(t3.cellKey(total, c))) != 0) {
				problems.add(new ReportProblem(t3.cellKey(total, c), "V2：" + c.label() + "列 （七）总计 "
						+ n(cells, t3, total, c) + " ≠ 各项办理结果（一）至（六）之和 " + plain(sum), true));
			}
		}
		ReportLayout.Column totalColumn = t3.column("total").orElseThrow();
		for (ReportLayout.Row r : t3.rows()) {
			BigDecimal sum = BigDecimal.ZERO;
			for (ReportLayout.Column c : t3.columns()) {
				if (c != totalColumn) {
					sum = sum.add(cells.get(t3.cellKey(r, c)));
				}
			}
			if (sum.compareTo(cells.get(t3.cellKey(r, totalColumn))) != 0) {
				problems.add(new ReportProblem(t3.cellKey(r, totalColumn), "V3：「" + r.label() + "」行 总计 "
						+ n(cells, t3, r, totalColumn) + " ≠ 各类申请人之和 " + plain(sum), true));
			}
		}
	}

	private static void table4(ReportLayout.Block t4, ReportCells cells, List<ReportProblem> problems) {
		ReportLayout.Row row = t4.row(ReportLayout.REMEDY_ROW).orElseThrow();
		for (String group : ReportLayout.REMEDY_GROUPS) {
			BigDecimal sum = BigDecimal.ZERO;
			ReportLayout.Column total = t4.column(group + ".total").orElseThrow();
			for (String result : ReportLayout.REMEDY_RESULTS) {
				if (!"total".equals(result)) {
					sum = sum.add(cells.get(t4.cellKey(row, t4.column(group + "." + result).orElseThrow())));
				}
			}
			if (sum.compareTo(cells.get(t4.cellKey(row, total))) != 0) {
				problems.add(new ReportProblem(t4.cellKey(row, total), "表四：" + remedyGroup(total) + "总计 "
						+ n(cells, t4, row, total) + " ≠ 结果维持+结果纠正+其他结果+尚未审结 " + plain(sum), true));
			}
		}
	}

	private static String remedyGroup(ReportLayout.Column c) {
		return c.subgroup() == null ? c.group() : c.group() + "（" + c.subgroup() + "）";
	}

	private static void texts(ReportView view, List<ReportProblem> problems) {
		if (blank(text(view, ReportLayout.Section.ONE))) {
			problems.add(new ReportProblem("section.one", "“一、总体情况”为空：请按主动公开、依申请公开、政府信息管理、平台建设、监督保障撰写", false));
		}
		if (blank(text(view, ReportLayout.Section.FIVE))) {
			problems.add(new ReportProblem("section.five", "“五、存在的主要问题及改进情况”为空", false));
		}
		if (view.imported()) {
			return;
		}
		ReportView.SectionText six = section(view, ReportLayout.Section.SIX);
		for (ReportSixPart part : ReportSixPart.values()) {
			String text = six == null ? null
					: six.parts().stream().filter(p -> p.title().equals(part.label())).map(ReportView.Part::text)
						.findFirst().orElse(null);
			if (blank(text)) {
				problems.add(new ReportProblem("six." + part.name(), "“六、其他需要报告的事项”中" + part.label() + "为空", false));
			}
		}
	}

	private static void copies(ReportView view, List<ReportView> comparables, List<ReportProblem> problems) {
		for (ReportLayout.Section s : List.of(ReportLayout.Section.ONE, ReportLayout.Section.FIVE)) {
			String mine = text(view, s);
			for (ReportView other : comparables) {
				if (other.reportId() == view.reportId() || (other.agencyId() == view.agencyId() && other.year() == view.year())) {
					continue;
				}
				double similarity = similarity(mine, text(other, s));
				if (similarity > COPY_THRESHOLD) {
					String whose = other.agencyId() == view.agencyId() ? "本单位" + other.year() + "年报告"
							: other.agencyName() + other.year() + "年报告";
					problems.add(new ReportProblem("section." + (s == ReportLayout.Section.ONE ? "one" : "five"),
							"“" + s.heading() + "”与" + whose + "的相同部分达" + Math.round(similarity * 100)
									+ "%：请结合本年度实际撰写，避免与往年或其他单位雷同",
							false));
					break;
				}
			}
		}
	}

	/**
	 * The Jaccard similarity of the two texts' character 5-grams (whitespace and punctuation ignored); 0 when either
	 * is too short to judge.
	 */
	static double similarity(String a, String b) {
		Set<String> ga = grams(a);
		Set<String> gb = grams(b);
		if (ga.isEmpty() || gb.isEmpty()) {
			return 0;
		}
		Set<String> both = new HashSet<>(ga);
		both.retainAll(gb);
		Set<String> either = new HashSet<>(ga);
		either.addAll(gb);
		return both.size() / (double) either.size();
	}

	private static Set<String> grams(String text) {
		Set<String> grams = new HashSet<>();
		if (text == null) {
			return grams;
		}
		String s = text.replaceAll("[\\s\\p{P}]", "");
		if (s.length() < MIN_COPY_LENGTH) {
			return grams;
		}
		for (int i = 0; i + GRAM <= s.length(); i++) {
			grams.add(s.substring(i, i + GRAM));
		}
		return grams;
	}

	private static ReportView.SectionText section(ReportView view, ReportLayout.Section s) {
		return view.sections().stream().filter(t -> t.section() == s).findFirst().orElse(null);
	}

	private static String text(ReportView view, ReportLayout.Section s) {
		ReportView.SectionText t = section(view, s);
		return t == null ? null : t.text();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String n(ReportCells cells, ReportLayout.Block b, ReportLayout.Row r, ReportLayout.Column c) {
		return plain(cells.get(b.cellKey(r, c)));
	}

	private static String plain(BigDecimal v) {
		return v.stripTrailingZeros().toPlainString();
	}
}
