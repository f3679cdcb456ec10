package org.gongkai.powers;

/** The service lists an agency publishes. */
public enum ServiceKind {

	PUBLIC_SERVICE("公共服务事项"), INTERMEDIARY("中介服务事项"), FEE("收费目录"), CERTIFICATION("证明事项");

	private final String label;

	ServiceKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether items of this kind carry a service guide (办事指南). */
	public boolean hasGuide() {
		return this == PUBLIC_SERVICE || this == INTERMEDIARY;
	}
}
