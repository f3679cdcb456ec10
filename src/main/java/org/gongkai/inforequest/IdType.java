package org.gongkai.inforequest;

/** The identity proof an applicant gives (条例 Art. 29 ¶2(一)). */
public enum IdType {

	RESIDENT_ID("居民身份证"),
	PASSPORT("护照"),
	HK_MACAO_PERMIT("港澳居民来往内地通行证"),
	TAIWAN_PERMIT("台湾居民来往大陆通行证"),
	FOREIGN_PERMANENT_RESIDENT("外国人永久居留身份证"),
	CREDIT_CODE("统一社会信用代码"),
	OTHER("其他身份证明");

	private final String label;

	IdType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
