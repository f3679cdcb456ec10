package org.gongkai.oversight;

/** Where an agency stands on one indicator. */
public enum IndicatorState {

	OK("正常", "ok"), WARN("预警", "warn"), VETO("单项否决", "veto"), DEDUCTED("扣分", "warn"), BONUS("加分", "ok");

	private final String label;

	private final String tone;

	IndicatorState(String label, String tone) {
		this.label = label;
		this.tone = tone;
	}

	public String label() {
		return label;
	}

	public String tone() {
		return tone;
	}
}
