package org.gongkai.interaction;

/** How the lead unit consulted the proposers before replying (面商形式). */
public enum MotionConsultationForm {

	IN_PERSON("当面"),
	PHONE("电话"),
	FORUM("座谈"),
	SITE_VISIT("实地察看");

	private final String label;

	MotionConsultationForm(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
