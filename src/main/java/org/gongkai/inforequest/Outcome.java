package org.gongkai.inforequest;

/**
 * How a request ended: exactly one row of the annual-report table 三 (国办公开办函〔2021〕30号; domain-rules.md
 * §2.3), with the article it rests on. Every closed request carries one, so the table is counted, never typed.
 */
public enum Outcome {

	R1("r1", "予以公开", "条例第三十六条第一、二项"),
	R2("r2", "部分公开", "条例第三十七条"),
	R3_1("r3_1", "不予公开：属于国家秘密", "条例第十四条"),
	R3_2("r3_2", "不予公开：其他法律行政法规禁止公开", "条例第十四条"),
	R3_3("r3_3", "不予公开：危及“三安全一稳定”", "条例第十四条"),
	R3_4("r3_4", "不予公开：保护第三方合法权益", "条例第十五条、第三十二条"),
	R3_5("r3_5", "不予公开：属于三类内部事务信息", "条例第十六条第一款"),
	R3_6("r3_6", "不予公开：属于四类过程性信息", "条例第十六条第二款"),
	R3_7("r3_7", "不予公开：属于行政执法案卷", "条例第十六条第二款"),
	R3_8("r3_8", "不予公开：属于行政查询事项", "条例第三十六条第七项"),
	R4_1("r4_1", "无法提供：本机关不掌握相关政府信息", "条例第三十六条第四、五项"),
	R4_2("r4_2", "无法提供：没有现成信息需要另行制作", "条例第三十八条"),
	R4_3("r4_3", "无法提供：补正后申请内容仍不明确", "条例第三十条"),
	R5_1("r5_1", "不予处理：信访举报投诉类申请", "条例第三十九条第一款"),
	R5_2("r5_2", "不予处理：重复申请", "条例第三十六条第六项"),
	R5_3("r5_3", "不予处理：要求提供公开出版物", "条例第三十九条第二款"),
	R5_4("r5_4", "不予处理：无正当理由大量反复申请", "条例第三十五条"),
	R5_5("r5_5", "不予处理：要求行政机关确认或重新出具已获取信息", "年度报告格式（2021）"),
	R6_1("r6_1", "其他处理：申请人无正当理由逾期不补正，行政机关不再处理", "条例第三十条"),
	R6_2("r6_2", "其他处理：申请人逾期未按收费通知要求缴纳费用，行政机关不再处理", "国办函〔2020〕109号"),
	R6_3("r6_3", "其他处理：其他", "—");

	private final String key;

	private final String label;

	private final String basis;

	Outcome(String key, String label, String basis) {
		this.key = key;
		this.label = label;
		this.basis = basis;
	}

	/** The row key of api-contract.md and domain-rules.md §2.3, e.g. {@code r3_4}. */
	public String key() {
		return key;
	}

	public String label() {
		return label;
	}

	/** The article the outcome rests on. */
	public String basis() {
		return basis;
	}

	public static Outcome fromKey(String key) {
		for (Outcome o : values()) {
			if (o.key.equalsIgnoreCase(key == null ? "" : key.trim()) || o.name().equalsIgnoreCase(key == null ? "" : key.trim())) {
				return o;
			}
		}
		return null;
	}

	/** Something is withheld: the reasons are mandatory and so is the 复议前置 notice (行政复议法 Art. 23(四)). */
	public boolean withholds() {
		return this == R2 || name().startsWith("R3_");
	}

	/** The reply must give reasons (withholding, partial, not this agency's, cannot provide, not processed). */
	public boolean needsReason() {
		return this != R1 && this != R6_1 && this != R6_2;
	}

	/** The outcome discloses information, which an unresolved third-party objection blocks (Art. 32). */
	public boolean discloses() {
		return this == R1 || this == R2;
	}

	/** Closing the case without answering its substance (Arts. 30 and 109号): set by the sweep or the withdrawal. */
	public boolean isOtherProcessing() {
		return name().startsWith("R6_");
	}
}
