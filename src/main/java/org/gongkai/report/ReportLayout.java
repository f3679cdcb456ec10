package org.gongkai.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tables of the national annual-report format as data (domain-rules.md §2.2–2.4): for each format, table 二's
 * sub-tables, the 25 × 7 table 三 and the 15 cells of table 四, with their verbatim labels. Every renderer (page,
 * Word, PDF, Excel), the Excel import, the checks and the composition address a cell only through
 * {@link Block#cellKey(Row, Column)}, so the layout lives here once.
 */
public final class ReportLayout {

	/** The six fixed sections of the 2021 format (§2.1); the 2019 format had the same six. */
	public enum Section {

		ONE("一", "总体情况"), TWO("二", "主动公开政府信息情况"), THREE("三", "收到和处理政府信息公开申请情况"),
		FOUR("四", "政府信息公开行政复议、行政诉讼情况"), FIVE("五", "存在的主要问题及改进情况"), SIX("六", "其他需要报告的事项");

		private final String number;

		private final String title;

		Section(String number, String title) {
			this.number = number;
			this.title = title;
		}

		public String number() {
			return number;
		}

		public String title() {
			return title;
		}

		/** The heading as printed: 「一、总体情况」. */
		public String heading() {
			return number + "、" + title;
		}
	}

	/**
	 * A data row. {@code group} and {@code subgroup} are the merged label cells to its left (null when none): table
	 * 三's 「三、本年度办理结果」 and 「（三）不予公开」.
	 */
	public record Row(String key, String label, String group, String subgroup) {
	}

	/**
	 * A numeric column. {@code group} and {@code subgroup} are the spanning header cells above it (null when none).
	 * Cells are whole non-negative numbers unless {@code decimal} (an amount) or {@code signed} (the 2019 format's
	 * 本年增/减).
	 */
	public record Column(String key, String label, String group, String subgroup, boolean decimal, boolean signed) {

		static Column count(String key, String label) {
			return new Column(key, label, null, null, false, false);
		}
	}

	/**
	 * One printed table: a sub-table of table 二 (headed 「第二十条第（一）项」), or the whole of table 三 or 四.
	 * {@code table} is "t2", "t3" or "t4"; {@code key} names the block within its table.
	 */
	public record Block(String table, String key, String heading, String corner, List<Row> rows, List<Column> columns) {

		public String cellKey(Row row, Column column) {
			return table + "." + row.key() + "." + column.key();
		}

		public Optional<Row> row(String rowKey) {
			return rows.stream().filter(r -> r.key().equals(rowKey)).findFirst();
		}

		public Optional<Column> column(String columnKey) {
			return columns.stream().filter(c -> c.key().equals(columnKey)).findFirst();
		}

		/** Every cell key of the block, row by row. */
		public List<String> cellKeys() {
			List<String> keys = new ArrayList<>();
			for (Row r : rows) {
				for (Column c : columns) {
					keys.add(cellKey(r, c));
				}
			}
			return keys;
		}
	}

	/** A format's three tables. */
	public record Tables(ReportFormat format, List<Block> table2, Block table3, Block table4) {

		public List<Block> blocks() {
			List<Block> all = new ArrayList<>(table2);
			all.add(table3);
			all.add(table4);
			return all;
		}

		public List<String> cellKeys() {
			return blocks().stream().flatMap(b -> b.cellKeys().stream()).toList();
		}

		/** The column a cell key belongs to, when the key is one of this format's cells. */
		public Optional<Column> columnOf(String cellKey) {
			for (Block b : blocks()) {
				for (Row r : b.rows()) {
					for (Column c : b.columns()) {
						if (b.cellKey(r, c).equals(cellKey)) {
							return Optional.of(c);
						}
					}
				}
			}
			return Optional.empty();
		}
	}

	/** Table 三's columns (api-contract.md keys), the same in both formats. */
	public static final List<String> APPLICANT_COLUMNS = List.of("naturalPerson", "commercialEnterprise",
			"researchInstitution", "publicInterestOrganisation", "legalServiceInstitution", "other", "total");

	/** Table 四's groups (api-contract.md keys) and the results within each. */
	public static final List<String> REMEDY_GROUPS = List.of("reconsideration", "litigationDirect",
			"litigationAfterReconsideration");

	public static final List<String> REMEDY_RESULTS = List.of("upheld", "corrected", "other", "pending", "total");

	/** The single data row of table 四. */
	public static final String REMEDY_ROW = "remedies";

	static final String T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

	private static final Tables F2021_TABLES = new Tables(ReportFormat.F2021, table2Of2021(), table3(false), table4());

	private static final Tables F2019_TABLES = new Tables(ReportFormat.F2019, table2Of2019(), table3(true), table4());

	private ReportLayout() {
	}

	public static Tables of(ReportFormat format) {
		return format == ReportFormat.F2021 ? F2021_TABLES : F2019_TABLES;
	}

	private static List<Block> table2Of2021() {
		return List.of(
				new Block("t2", "item1", "第二十条第（一）项", "信息内容",
						List.of(new Row("rules", "规章", null, null),
								new Row("normativeDocuments", "行政规范性文件", null, null)),
						List.of(Column.count("issued", "本年制发件数"), Column.count("repealed", "本年废止件数"),
								Column.count("inForce", "现行有效件数"))),
				new Block("t2", "item5", "第二十条第（五）项", "信息内容",
						List.of(new Row("licences", "行政许可", null, null)),
						List.of(Column.count("decisions", "本年处理决定数量"))),
				new Block("t2", "item6", "第二十条第（六）项", "信息内容",
						List.of(new Row("penalties", "行政处罚", null, null),
								new Row("compulsoryMeasures", "行政强制", null, null)),
						List.of(Column.count("decisions", "本年处理决定数量"))),
				new Block("t2", "item8", "第二十条第（八）项", "信息内容",
						List.of(new Row("fees", "行政事业性收费", null, null)),
						List.of(new Column("amount", "本年收费金额（单位：万元）", null, null, true, false))));
	}

	private static List<Block> table2Of2019() {
		Column previous = Column.count("previous", "上一年项目数量");
		Column change = new Column("change", "本年增/减", null, null, false, true);
		Column decisions = Column.count("decisions", "处理决定数量");
		return List.of(
				new Block("t2", "item1", "第二十条第（一）项", "信息内容",
						List.of(new Row("rules", "规章", null, null), new Row("normativeDocuments", "规范性文件", null, null)),
						List.of(Column.count("made", "本年新制作数量"), Column.count("published", "本年新公开数量"),
								Column.count("totalPublic", "对外公开总数量"))),
				new Block("t2", "item5", "第二十条第（五）项", "信息内容",
						List.of(new Row("licences", "行政许可", null, null),
								new Row("otherServices", "其他对外管理服务事项", null, null)),
						List.of(previous, change, decisions)),
				new Block("t2", "item6", "第二十条第（六）项", "信息内容",
						List.of(new Row("penalties", "行政处罚", null, null),
								new Row("compulsoryMeasures", "行政强制", null, null)),
						List.of(previous, change, decisions)),
				new Block("t2", "item8", "第二十条第（八）项", "信息内容",
						List.of(new Row("fees", "行政事业性收费", null, null)), List.of(previous, change)),
				new Block("t2", "item9", "第二十条第（九）项", "信息内容",
						List.of(new Row("procurement", "政府集中采购", null, null)),
						List.of(Column.count("projects", "采购项目数量"),
								new Column("amount", "采购总金额", null, null, true, false))));
	}

	private static Block table3(boolean format2019) {
		String results = "三、本年度办理结果";
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("new", "一、本年新收政府信息公开申请数量", null, null));
		rows.add(new Row("carriedIn", "二、上年结转政府信息公开申请数量", null, null));
		rows.add(new Row("r1", "（一）予以公开", results, null));
		rows.add(new Row("r2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", results, null));
		String withheld = "（三）不予公开";
		rows.add(new Row("r3_1", "1.属于国家秘密", results, withheld));
		rows.add(new Row("r3_2", "2.其他法律行政法规禁止公开", results, withheld));
		rows.add(new Row("r3_3", "3.危及“三安全一稳定”", results, withheld));
		rows.add(new Row("r3_4", "4.保护第三方合法权益", results, withheld));
		rows.add(new Row("r3_5", "5.属于三类内部事务信息", results, withheld));
		rows.add(new Row("r3_6", "6.属于四类过程性信息", results, withheld));
		rows.add(new Row("r3_7", "7.属于行政执法案卷", results, withheld));
		rows.add(new Row("r3_8", "8.属于行政查询事项", results, withheld));
		String unable = "（四）无法提供";
		rows.add(new Row("r4_1", "1.本机关不掌握相关政府信息", results, unable));
		rows.add(new Row("r4_2", "2.没有现成信息需要另行制作", results, unable));
		rows.add(new Row("r4_3", "3.补正后申请内容仍不明确", results, unable));
		String notHandled = "（五）不予处理";
		rows.add(new Row("r5_1", "1.信访举报投诉类申请", results, notHandled));
		rows.add(new Row("r5_2", "2.重复申请", results, notHandled));
		rows.add(new Row("r5_3", "3.要求提供公开出版物", results, notHandled));
		rows.add(new Row("r5_4", "4.无正当理由大量反复申请", results, notHandled));
		rows.add(new Row("r5_5", "5.要求行政机关确认或重新出具已获取信息", results, notHandled));
		if (format2019) {
			rows.add(new Row("r6", "（六）其他处理", results, null));
		}
		else {
			String other = "（六）其他处理";
			rows.add(new Row("r6_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", results, other));
			rows.add(new Row("r6_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", results, other));
			rows.add(new Row("r6_3", "3.其他", results, other));
		}
		rows.add(new Row("rTotal", "（七）总计", results, null));
		rows.add(new Row("carriedOut", "四、结转下年度继续办理", null, null));
		String applicants = "申请人情况";
		String organisations = "法人或其他组织";
		List<Column> columns = List.of(new Column("naturalPerson", "自然人", applicants, null, false, false),
				new Column("commercialEnterprise", "商业企业", applicants, organisations, false, false),
				new Column("researchInstitution", "科研机构", applicants, organisations, false, false),
				new Column("publicInterestOrganisation", "社会公益组织", applicants, organisations, false, false),
				new Column("legalServiceInstitution", "法律服务机构", applicants, organisations, false, false),
				new Column("other", "其他", applicants, organisations, false, false),
				new Column("total", "总计", applicants, null, false, false));
		return new Block("t3", "requests", null, T3_CORNER, List.copyOf(rows), columns);
	}

	private static Block table4() {
		String[] groups = { "行政复议", "行政诉讼", "行政诉讼" };
		String[] subgroups = { null, "未经复议直接起诉", "复议后起诉" };
		String[] labels = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" };
		List<Column> columns = new ArrayList<>();
		for (int g = 0; g < REMEDY_GROUPS.size(); g++) {
			for (int r = 0; r < REMEDY_RESULTS.size(); r++) {
				columns.add(new Column(REMEDY_GROUPS.get(g) + "." + REMEDY_RESULTS.get(r), labels[r], groups[g],
						subgroups[g], false, false));
			}
		}
		return new Block("t4", "remedies", null, null, List.of(new Row(REMEDY_ROW, "", null, null)),
				List.copyOf(columns));
	}
}
