package org.gongkai.inforequest;

/** The form in which the applicant wants the information (条例 Art. 29 ¶2(三), Art. 40). */
public enum ProvisionForm {

	PAPER("纸质文本"),
	EMAIL("电子邮件"),
	DISC("光盘"),
	STORAGE("移动存储介质"),
	INSPECTION("查阅、抄录");

	private final String label;

	ProvisionForm(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
