package org.gongkai.participation;

/** Whether the comment form asks for the commenter's name (or contact) as required or optional. */
public enum ConsultationFieldRule {

	REQUIRED("必填"), OPTIONAL("选填");

	private final String label;

	ConsultationFieldRule(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
