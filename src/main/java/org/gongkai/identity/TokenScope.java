package org.gongkai.identity;

import java.util.Arrays;
import java.util.Optional;

/** What an integration token may be used for. */
public enum TokenScope {

	INTAKE("intake", "推送公文（OA 系统）"), REQUESTS("requests", "录入依申请公开申请"), INTERACTION("interaction", "政民互动数据交换"),
	REPORTS("reports", "读取统计报表"), PARTICIPATION("participation", "公众参与（重大决策、征求意见、民意调查、会议公开）");

	private final String code;

	private final String label;

	TokenScope(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static Optional<TokenScope> of(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}
}
