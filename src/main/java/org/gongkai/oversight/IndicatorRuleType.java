package org.gongkai.oversight;

/** How an indicator of the catalogue acts on the score (国办秘函〔2019〕19号: 单项否决, 扣分, 加分). */
public enum IndicatorRuleType {

	/** 单项否决: the site fails (不合格) when the figure reaches the threshold, whatever its score. */
	VETO("单项否决"),
	/** Deducts the points for each unit of the figure (each item, each column), up to the cap. */
	PER_ITEM("按项扣分"),
	/** Deducts the points once when the figure reaches the threshold. */
	ONCE("一次扣分"),
	/** Adds the points once when the figure reaches the threshold (only for a deduction score above 80). */
	BONUS("加分");

	private final String label;

	IndicatorRuleType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
