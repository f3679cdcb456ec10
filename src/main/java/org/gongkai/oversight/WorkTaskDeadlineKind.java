package org.gongkai.oversight;

/**
 * How a task's time limit (完成时限) is written in real task tables (oversight-rules.md §3.1, 池州): a date, 「年底前」
 * (31 December of the plan's year) or 「持续推进」 (continuous, no date).
 */
public enum WorkTaskDeadlineKind {

	DATE("指定日期"), YEAR_END("年底前"), CONTINUOUS("持续推进");

	private final String label;

	WorkTaskDeadlineKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
