package org.gongkai.oversight;

/** The kinds of question in the training bank and how their answers are written (letters A–D, or T/F). */
public enum QuestionKind {

	SINGLE("单选题"), MULTIPLE("多选题"), TRUE_FALSE("判断题");

	private final String label;

	QuestionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String code() {
		return name();
	}
}
