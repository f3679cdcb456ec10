package org.gongkai.inforequest;

import java.util.Map;

/** The Chinese names of the steps recorded in a request's history (and in the audit trail). */
final class RequestSteps {

	static final Map<String, String> LABELS = Map.ofEntries(Map.entry("applied", "网上申请"), Map.entry("received", "登记收到"),
			Map.entry("confirmed", "确认收到"), Map.entry("assigned", "指定承办人"), Map.entry("note", "办理记录"),
			Map.entry("correction-requested", "告知补正"), Map.entry("corrected", "收到补正"), Map.entry("consulted", "征求意见"),
			Map.entry("consulted-party", "征求意见对象"), Map.entry("consultation-answered", "登记答复意见"),
			Map.entry("objection-overridden", "公共利益决定"), Map.entry("extended", "延期答复"),
			Map.entry("deadline-set", "另行确定答复期限"), Map.entry("fee-notice", "收费通知"), Map.entry("fee-paid", "缴费"),
			Map.entry("replied", "答复"), Map.entry("delivered", "送达"), Map.entry("withdrawn", "申请人撤回"),
			Map.entry("correction-lapsed", "逾期未补正"), Map.entry("fee-lapsed", "逾期未缴费"), Map.entry("overdue", "超过答复期限"),
			Map.entry("recounted", "重新计算期限"), Map.entry("file", "添加材料"), Map.entry("remedy", "复议诉讼"),
			Map.entry("remedy-decided", "复议诉讼结果"));

	private RequestSteps() {
	}

	static String label(String action) {
		return LABELS.getOrDefault(action, action);
	}
}
