package org.gongkai.inforequest;

/** How the applicant obtains the reply and the information (条例 Art. 29 ¶2(三)). */
public enum ObtainMethod {

	ONLINE("网上获取"),
	IN_PERSON("当面领取"),
	POST("邮寄"),
	FAX("传真");

	private final String label;

	ObtainMethod(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
