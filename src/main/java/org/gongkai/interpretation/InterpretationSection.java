package org.gongkai.interpretation;

/** The content sections the seeds name for an interpretation, in the order they are shown. */
public enum InterpretationSection {

	BACKGROUND("背景依据"), GOALS("目标任务"), CONTENT("主要内容"), SCOPE("涉及范围"), STANDARDS("执行口径"),
	NOTES("注意事项"), CHANGES("新旧政策差异");

	private final String label;

	InterpretationSection(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
