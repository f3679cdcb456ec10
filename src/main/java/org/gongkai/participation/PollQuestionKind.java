package org.gongkai.participation;

/** The kinds of question a poll asks. */
public enum PollQuestionKind {

	/** One option (radio buttons). */
	SINGLE("单选题"),
	/** Several options (checkboxes), optionally at least / at most a number of them. */
	MULTIPLE("多选题"),
	/** Free text up to a maximum length; never published, only counted. */
	TEXT("填空题");

	private final String label;

	PollQuestionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean choice() {
		return this != TEXT;
	}
}
