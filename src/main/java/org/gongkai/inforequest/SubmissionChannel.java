package org.gongkai.inforequest;

/** How an application arrived; the receipt date follows from it (条例 Art. 31). */
public enum SubmissionChannel {

	ONLINE("网上申请"), IN_PERSON("当面提交"), POST_SIGNED("邮寄（需签收）"), POST_UNSIGNED("平常信函"), FAX("传真"),
	ORAL("口头申请（代为填写）");

	private final String label;

	SubmissionChannel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * Art. 31: for online applications, faxes and ordinary letters the receipt date is the day both sides
	 * confirm it (for an ordinary letter, confirmed on the day it arrives); for the others it is the day of
	 * submission or of signing for the letter.
	 */
	public boolean needsConfirmation() {
		return this == ONLINE || this == FAX || this == POST_UNSIGNED;
	}
}
