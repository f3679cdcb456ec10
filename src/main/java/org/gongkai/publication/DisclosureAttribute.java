package org.gongkai.publication;

/** 公开属性 (条例 Art. 13): every item gets one before it can move. */
public enum DisclosureAttribute {

	PROACTIVE("主动公开"), ON_REQUEST("依申请公开"), NOT_DISCLOSED("不予公开");

	private final String label;

	DisclosureAttribute(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
