package org.gongkai.participation;

/** What a respondent gives so that each person answers a poll once (see {@link PollRules}). */
public enum PollIdentityRule {

	MOBILE("手机号码", "11位中国大陆手机号码"),
	RESIDENT_ID("居民身份证号码", "18位居民身份证号码");

	private final String label;

	private final String hint;

	PollIdentityRule(String label, String hint) {
		this.label = label;
		this.hint = hint;
	}

	public String label() {
		return label;
	}

	public String hint() {
		return hint;
	}
}
