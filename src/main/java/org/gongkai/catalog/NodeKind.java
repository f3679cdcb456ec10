package org.gongkai.catalog;

/** What a catalogue node is. The first four are the level-one entries every column must have (61号). */
public enum NodeKind {
	GUIDE, RULES, STATUTORY, ANNUAL_REPORT,
	/** An extra level-one entry: the on-request catalogue (依申请公开目录). */
	ON_REQUEST,
	/** An item of 条例 Art. 20 or 21 and its sub-items. */
	STATUTORY_ITEM,
	/** A group or item of the 五公开 tree (决策、执行、管理、服务、结果公开). */
	FIVE_PUBLIC,
	/** A key-area (重点领域) node. */
	KEY_AREA,
	/** One of the 26 基层 areas. */
	STANDARD_AREA,
	/** A 标准目录 entry with the ten fields of domain-rules.md §5.3. */
	STANDARD_ENTRY,
	/** A node an agency added itself. */
	CUSTOM;

	public boolean isRequiredTopLevel() {
		return this == GUIDE || this == RULES || this == STATUTORY || this == ANNUAL_REPORT;
	}
}
