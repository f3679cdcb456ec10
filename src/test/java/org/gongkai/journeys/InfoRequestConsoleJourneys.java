package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongkai.platform.Zones;
import org.junit.jupiter.api.Test;

/**
 * The request console over real HTTP as staff use it: a handler enters an application received in person and
 * finds it in the queue, asks the one correction and registers it; the approver extends the time limit, which the
 * handler may not; the handler replies that the information is process information and the case page shows the
 * reconsideration notice; others' staff cannot open the case; table 三 counts the reply in its row.
 */
abstract class InfoRequestConsoleJourneys extends JourneySupport {

	private static void ok(Http.Response r, int status, String... contains) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		for (String c : contains) {
			assertThat(r.body()).as(r.body()).contains(c);
		}
	}

	private static String path(Http.Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		return redirect.header("Location").replaceAll("^https?://[^/]+", "");
	}

	/** The natural-person cell of a row of table 三, found by the row's label. */
	private static int naturalPersons(String page, String rowLabel) {
		Matcher m = Pattern.compile(Pattern.quote(rowLabel) + "</th>\\s*<td>(\\d+)</td>").matcher(page);
		assertThat(m.find()).as(page).isTrue();
		return Integer.parseInt(m.group(1));
	}

	@Test
	void staffCarryAnApplicationFromEntryThroughCorrectionAndExtensionToAWithholdingReplyInTheConsole() {
		String today = LocalDate.now(Zones.CHINA).toString();
		int year = LocalDate.now(Zones.CHINA).getYear();
		Http handler = session("fgj-handler", DEMO_PASSWORD);
		Http leader = session("fgj-leader", DEMO_PASSWORD);
		Http editor = session("fgj-editor", DEMO_PASSWORD);

		// the menu entry only for those with a request role
		ok(handler.get("/console"), 200, "href=\"/console/requests\"");
		assertThat(editor.get("/console").body()).doesNotContain("href=\"/console/requests\"");
		assertThat(editor.get("/console/requests/new?agency=yiyuan-fgj").status()).isEqualTo(403);

		ok(handler.get("/console/requests"), 200, "登记申请", "查询码", "答复期限");
		String statistics = "/console/requests/statistics?agency=yiyuan-fgj&year=" + year;
		int processBefore = naturalPersons(handler.get(statistics).body(), "6.属于四类过程性信息");

		// staff entry: the Art. 31 hint, the channels without the online one, every problem at its field
		String newPage = "/console/requests/new?agency=yiyuan-fgj";
		Http.Response form = handler.get(newPage);
		ok(form, 200, "当面提交为提交之日，邮寄签收为签收之日，平常信函、传真为双方确认之日", "口头申请（代为填写）", "代为填写", "居民身份证");
		Matcher channels = Pattern.compile("<select id=\"channel\"[\\s\\S]*?</select>").matcher(form.body());
		assertThat(channels.find()).as(form.body()).isTrue();
		assertThat(channels.group()).contains("value=\"POST_SIGNED\"", "value=\"ORAL\"").doesNotContain("value=\"ONLINE\"");
		Map<String, String> f = new HashMap<>();
		f.put("channel", "IN_PERSON");
		f.put("receivedOn", today);
		f.put("applicantType", "NATURAL_PERSON");
		f.put("name", "王小明");
		f.put("idType", "RESIDENT_ID");
		f.put("idNumber", "110105194912310021");
		f.put("phone", "13912345678");
		f.put("description", "沂源县2025年城区道路改造项目的立项批复文件");
		f.put("provisionForm", "EMAIL");
		f.put("obtainMethod", "ONLINE");
		f.put("receivedOn", "2026-13-45");
		ok(handler.postForm(newPage, newPage, f, true), 200, "id=\"receivedOn-error\">收到申请之日格式不正确");
		f.put("receivedOn", today);
		ok(handler.postForm(newPage, newPage, f, true), 200, "id=\"idNumber-error\">居民身份证号码不正确", "沂源县2025年城区道路改造项目的立项批复文件");
		f.put("idNumber", InfoRequestJourneys.RESIDENT_ID);
		String view = path(handler.postForm(newPage, newPage, f, true));
		long id = Long.parseLong(view.substring(view.lastIndexOf('/') + 1));
		String code = jdbc.sql("SELECT tracking_code FROM req_request WHERE id = ?").param(id).query(String.class).single();
		ok(handler.get(view), 200, "申请已登记，查询码 " + code, "王小明", InfoRequestJourneys.RESIDENT_ID, "当面提交", "办理中",
				"一次性告知补正", "征求意见");
		ok(handler.get("/console/requests"), 200, code);
		ok(handler.get("/console/requests?status=REPLIED"), 200, "没有符合条件的申请");

		// the one correction, then the corrected application restarts the clock
		ok(handler.postForm(view + "/correction", view, Map.of("items", "", "periodDays", "15", "requestedOn", today), true), 200,
				"id=\"items-error\">请逐项写明需要补正的事项");
		path(handler.postForm(view + "/correction", view,
				Map.of("items", "请写明所需文件的名称或文号\n请说明所需文件的形成时间", "periodDays", "15", "requestedOn", today), true));
		Http.Response awaiting = handler.get(view);
		ok(awaiting, 200, "待补正", "<li>请写明所需文件的名称或文号</li>", "<li>请说明所需文件的形成时间</li>", "登记补正");
		assertThat(awaiting.body()).doesNotContain("一次性告知补正</h3>");
		ok(handler.get("/console/requests?status=AWAITING_CORRECTION"), 200, code);
		path(handler.postForm(view + "/correction-received", view, Map.of("receivedOn", today), true));
		ok(handler.get(view), 200, "已登记补正，答复期限重新计算为", "办理中");

		// the extension is the approver's: the handler neither sees the form nor may post it
		assertThat(handler.get(view).body()).doesNotContain("批准延期");
		ok(handler.postForm(view + "/extension", view,
				Map.of("days", "10", "reason", "需要调取档案", "approvedOn", today, "noticeOn", today), true), 403, "只限承办单位的依申请公开工作人员");
		ok(leader.get(view), 200, "批准延期", "另行确定答复期限", "王小明");
		ok(leader.postForm(view + "/extension", view, Map.of("days", "10", "reason", "", "approvedOn", today, "noticeOn", today), true),
				200, "id=\"reason-error\">请写明延期理由");
		ok(leader.postForm(view + "/extension", view, Map.of("days", "25", "reason", "需要调取档案", "approvedOn", today, "noticeOn", today),
				true), 200, "请填写延长的工作日数（1至20）");
		path(leader.postForm(view + "/extension", view,
				Map.of("days", "10", "reason", "需要调取档案", "approvedOn", today, "noticeOn", today), true));
		ok(leader.get(view), 200, "已延期答复", "延长 10 个工作日", "fgj-leader", "需要调取档案");
		assertThat(leader.get(view).body()).doesNotContain("<h3>答复</h3>");

		// a withholding reply needs reasons and carries the reconsideration notice
		ok(handler.get(view), 200, "<optgroup label=\"不予公开\">", "不予公开：属于四类过程性信息");
		assertThat(handler.get(view).body()).doesNotContain("value=\"r6_1\"", "value=\"r6_2\"");
		Map<String, String> reply = new HashMap<>(Map.of("outcome", "r3_6", "repliedOn", today, "reason", ""));
		ok(handler.postForm(view + "/reply", view, reply, true), 200, "id=\"reason-error\">“不予公开：属于四类过程性信息”须说明理由");
		reply.put("reason", "所申请的信息属于讨论记录、过程稿，依法不予公开");
		path(handler.postForm(view + "/reply", view, reply, true));
		Http.Response replied = handler.get(view);
		ok(replied, 200, "已答复", "不予公开：属于四类过程性信息", "条例第十六条第二款", "所申请的信息属于讨论记录、过程稿",
				"救济途径告知", "应当先申请行政复议", "登记复议诉讼");
		assertThat(replied.body()).doesNotContain("<h3>答复</h3>", "批准延期");
		assertThat(handler.get("/console/requests").body()).doesNotContain(code);
		ok(handler.get("/console/requests?status=ALL"), 200, code);

		// applicant data only for the agency's request staff
		ok(editor.get(view), 403);
		assertThat(editor.get(view).body()).doesNotContain("王小明", InfoRequestJourneys.RESIDENT_ID);

		// table 三 in the national format counts the reply in its row; table 四 with its groups
		Http.Response table = handler.get(statistics);
		ok(table, 200, "申请人情况", "<th colspan=\"5\" scope=\"colgroup\">法人或其他组织</th>", "自然人", "商业企业", "科研机构", "社会公益组织",
				"法律服务机构", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "一、本年新收政府信息公开申请数量",
				"<th scope=\"rowgroup\" rowspan=\"22\">三、本年度办理结果</th>", "<th scope=\"rowgroup\" rowspan=\"8\">（三）不予公开</th>",
				"（七）总计", "四、结转下年度继续办理", "校验通过", "<caption>", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
				"结果维持", "结果纠正", "其他结果", "尚未审结", "按期答复", "按期率", "平均用时");
		assertThat(naturalPersons(table.body(), "6.属于四类过程性信息")).isEqualTo(processBefore + 1);

		// the settings are the agency administrator's
		Http admin = session("fgj-admin", DEMO_PASSWORD);
		String settings = "/console/requests/settings";
		ok(admin.get(settings), 200, "缴费期限", "临期提醒");
		ok(admin.postForm(settings, settings, Map.of("agency", "yiyuan-fgj", "feePaymentDays", "0", "dueSoonDays", "5"), true), 200,
				"id=\"feePaymentDays-error\">缴费期限应为1至60个工作日");
		path(admin.postForm(settings, settings, Map.of("agency", "yiyuan-fgj", "feePaymentDays", "12", "dueSoonDays", "5"), true));
		ok(admin.get(settings + "?agency=yiyuan-fgj"), 200, "依申请公开办理设置已保存", "name=\"feePaymentDays\" type=\"number\" min=\"1\" max=\"60\" step=\"1\" required value=\"12\"");
		assertThat(handler.get(settings + "?agency=yiyuan-fgj").status()).isEqualTo(403);
	}
	@Test
	void staffUploadMaterialsDownloadNoticesAndTheAgencyAdministratorRewordsThem() {
		Map<String, Object> app = new HashMap<>(Map.of("agency", "yiyuan-fgj", "applicantType", "NATURAL_PERSON", "name", "赵丽",
				"idType", "RESIDENT_ID", "idNumber", "11010519491231002X", "phone", "13600001111", "description",
				"沂源县2025年政府投资项目清单", "provisionForm", "PAPER", "obtainMethod", "IN_PERSON"));
		app.put("channel", "IN_PERSON");
		app.put("receivedOn", "2025-06-02");
		long id = demo("fgj-handler").postJson("/api/v1/requests", app).json().get("id").asLong();
		Http handler = session("fgj-handler", DEMO_PASSWORD);
		String page = "/console/requests/" + id;
		Http.Response wrong = handler.postFile(page + "/files", page, Map.of("kind", "APPLICATION"), "申请书.docx",
				"PK".getBytes());
		assertThat(wrong.body()).contains("只能上传 PDF、JPG 或 PNG 文件");
		assertThat(handler.postFile(page + "/files", page, Map.of("kind", "APPLICATION"), "申请书.pdf",
				"%PDF-1.4\n".getBytes()).status()).isEqualTo(302);
		assertThat(handler.get(page).body()).contains("申请书原件", "申请书.pdf");

		assertThat(demo("fgj-handler").postJson("/api/v1/requests/" + id + "/correction", Map.of("requestedOn", "2025-06-03",
				"items", java.util.List.of("请提供项目清单的年度"))).status()).isEqualTo(200);
		String withNotice = handler.get(page).body();
		assertThat(withNotice).contains("补正申请告知书", "/console/requests/" + id + "/notices/CORRECTION.docx");
		assertThat(handler.getBytes(page + "/notices/CORRECTION.docx").statusCode()).isEqualTo(200);

		String templates = "/console/requests/notice-templates?agency=yiyuan-fgj";
		assertThat(handler.get(templates).status()).isEqualTo(403);
		Http admin = session("fgj-admin", DEMO_PASSWORD);
		assertThat(admin.get(templates).body()).contains("补正申请告知书", "政府信息公开申请答复书", "{申请人}");
		Http.Response saved = admin.postForm("/console/requests/notice-templates", templates, Map.of("agency", "yiyuan-fgj",
				"kind", "CORRECTION", "body", "沂源县发展和改革局补正告知书\n{申请人}：请于{补正期限}前补正：\n{补正事项}"), true);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(admin.get(templates).body()).contains("沂源县发展和改革局补正告知书");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'inforequest.notice-template-changed'")
			.query(Long.class).single()).isPositive();
	}

}
