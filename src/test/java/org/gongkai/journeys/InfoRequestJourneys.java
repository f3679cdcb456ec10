package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.time.LocalDate;

import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.inforequest.InfoRequestManagement;
import org.gongkai.platform.Zones;
import org.gongkai.platform.Actors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The statutory procedure of a request over real HTTP, rule by rule (domain-rules.md §9.1–9.3): the receipt date
 * of Art. 31, the day-counting vectors of §7.4, the one correction and its restart, consultations that pause the
 * clock and a third party's objection, extension by the approver within 20 working days, the 109号 fees, typed
 * replies, the daily sweep, the applicant's tracking page and the annual-report table 三.
 */
abstract class InfoRequestJourneys extends JourneySupport {

	/** A valid resident identity number (GB 11643 check character). */
	static final String RESIDENT_ID = "11010519491231002X";

	@Autowired
	InfoRequestManagement management;

	@Autowired
	WorkingDayCalendar calendar;

	static Map<String, Object> application(String receivedOn, String channel) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("applicantType", "NATURAL_PERSON");
		body.put("name", "王小明");
		body.put("idType", "RESIDENT_ID");
		body.put("idNumber", RESIDENT_ID);
		body.put("phone", "13912345678");
		body.put("description", "沂源县2025年城区道路改造项目的立项批复文件");
		body.put("provisionForm", "EMAIL");
		body.put("obtainMethod", "ONLINE");
		if (channel != null) {
			body.put("channel", channel);
			body.put("receivedOn", receivedOn);
		}
		return body;
	}

	Http handler() {
		return demo("fgj-handler");
	}

	/** A request handler (and agency administrator) of exactly this agency, created once per test context. */
	Http handlerOf(String agencyCode) {
		String username = "req-" + agencyCode;
		String password = "Handler-Test-2026";
		if (jdbc.sql("SELECT COUNT(*) FROM id_account WHERE username = ?").param(username).query(Long.class).single() == 0) {
			long agencyId = agencies.requireByCode(agencyCode).id();
			Http.Response created = admin().postJson("/api/v1/accounts", Map.of("username", username, "displayName", "依申请公开承办人",
					"agencyId", agencyId, "password", password, "grants", List.of(
							Map.of("role", "REQUEST_HANDLER", "agencyId", agencyId, "subtree", false),
							Map.of("role", "AGENCY_ADMIN", "agencyId", agencyId, "subtree", false))));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
		return api(username, password);
	}

	long entered(String receivedOn) {
		Http.Response r = handler().postJson("/api/v1/requests", application(receivedOn, "IN_PERSON"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	JsonNode get(long id) {
		return handler().get("/api/v1/requests/" + id).json();
	}

	// ---- receipt and the clock ------------------------------------------------------------------------

	@Test
	void theReplyIsDueTwentyWorkingDaysAfterReceiptCountedFromTheNextDay() {
		Map<String, String> vectors = Map.of("2025-01-20", "2025-02-21", "2024-12-31", "2025-02-05", "2024-09-20", "2024-10-23",
				"2025-09-25", "2025-10-29", "2026-01-05", "2026-02-02", "2026-02-10", "2026-03-16");
		vectors.forEach((received, due) -> {
			Http.Response r = handler().postJson("/api/v1/requests", application(received, "POST_SIGNED"));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			assertThat(r.json().get("receivedOn").asString()).isEqualTo(received);
			assertThat(r.json().get("dueOn").asString()).as("received " + received).isEqualTo(due);
		});
	}

	@Test
	void anOnlineApplicationIsReceivedOnTheDayItIsConfirmedAndTheApplicantCanFollowIt() {
		Http.Response applied = anonymous().postJson("/api/v1/public/requests", application(null, null));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		String code = applied.json().get("trackingCode").asString();
		assertThat(applied.json().get("status").asString()).isEqualTo("AWAITING_CONFIRMATION");

		// the tracking page needs the code and the last four digits of the phone; anything else looks the same
		assertThat(anonymous().get("/api/v1/public/requests/" + code + "?verifier=0000").status()).isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/requests/ABCDEFGHJKLM?verifier=5678").status()).isEqualTo(404);
		JsonNode tracked = anonymous().get("/api/v1/public/requests/" + code + "?verifier=5678").json();
		assertThat(tracked.get("status").asString()).isEqualTo("AWAITING_CONFIRMATION");
		assertThat(tracked.toString()).doesNotContain(RESIDENT_ID, "13912345678");

		long id = jdbc.sql("SELECT id FROM req_request WHERE tracking_code = ?").param(code).query(Long.class).single();
		assertThat(get(id).get("dueOn").isNull()).isTrue();
		Http.Response beforeSubmission = handler().postJson("/api/v1/requests/" + id + "/confirm",
				Map.of("receivedOn", "2025-09-25"));
		assertThat(beforeSubmission.status()).isEqualTo(400);
		assertThat(beforeSubmission.body()).contains("确认收到之日不能早于申请提交之日");
		LocalDate today = LocalDate.now(Zones.CHINA);
		String due = calendar.addWorkingDaysProvisionally(today, 20).date().toString();
		JsonNode confirmed = handler().postJson("/api/v1/requests/" + id + "/confirm", Map.of("receivedOn", today.toString())).json();
		assertThat(confirmed.get("receivedOn").asString()).isEqualTo(today.toString());
		assertThat(confirmed.get("dueOn").asString()).isEqualTo(due);
		assertThat(anonymous().get("/api/v1/public/requests/" + code + "?verifier=5678").json().get("dueOn").asString())
			.isEqualTo(due);
	}

	@Test
	void anApplicationWithoutTheArticle29ContentIsRefusedWithEveryProblemAndNothingIsSaved() {
		long before = jdbc.sql("SELECT COUNT(*) FROM req_request").query(Long.class).single();
		Map<String, Object> bad = application(null, null);
		bad.put("idNumber", "110105194912310021");
		bad.put("description", " ");
		bad.remove("provisionForm");
		Http.Response refused = anonymous().postJson("/api/v1/public/requests", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("居民身份证号码不正确", "特征性描述", "provisionForm");
		Map<String, Object> company = application(null, null);
		company.put("applicantType", "COMMERCIAL_ENTERPRISE");
		company.put("idType", "CREDIT_CODE");
		company.put("idNumber", "91370323MA3C00000X");
		assertThat(anonymous().postJson("/api/v1/public/requests", company).body()).contains("统一社会信用代码不正确");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM req_request").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void applicantDataIsShownOnlyToTheHandlingAgencysRequestStaffAndEveryReadIsAudited() {
		long id = entered("2025-03-03");
		assertThat(demo("fgj-editor").get("/api/v1/requests/" + id).status()).isEqualTo(403);
		assertThat(demo("nyj-editor").get("/api/v1/requests/" + id).status()).isEqualTo(403);
		assertThat(anonymous().get("/api/v1/requests/" + id).status()).isEqualTo(401);
		assertThat(get(id).get("applicantName").asString()).isEqualTo("王小明");
		assertThat(demo("fgj-leader").get("/api/v1/requests/" + id).status()).isEqualTo(200);
		assertThat(admin().get("/api/v1/requests/" + id).status()).as("not even the system administrator").isEqualTo(403);
		assertThat(demo("gkb").get("/api/v1/requests/" + id).status()).as("nor the county's supervisor").isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'inforequest.viewed' AND subject_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void anotherSystemRegistersApplicationsAndReadsTheTablesWithScopedTokensButNeverTheApplicant() {
		Http requests = new Http(port).bearer(demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "12345热线", "scopes", List.of("requests"))).json().get("token").asString());
		Http reports = new Http(port).bearer(demo("fgj-admin").postJson("/api/v1/agencies/yiyuan-fgj/tokens",
				Map.of("name", "统计平台", "scopes", List.of("reports"))).json().get("token").asString());
		Http.Response registered = requests.postJson("/api/v1/requests", application("2025-08-04", "POST_SIGNED"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.body()).doesNotContain(RESIDENT_ID, "王小明");
		long id = registered.json().get("id").asLong();
		assertThat(requests.get("/api/v1/requests/" + id).status()).as("no applicant data for a token").isEqualTo(403);
		Map<String, Object> elsewhere = application("2025-08-04", "POST_SIGNED");
		elsewhere.put("agency", "yiyuan-nyj");
		assertThat(requests.postJson("/api/v1/requests", elsewhere).status()).isEqualTo(403);
		assertThat(reports.postJson("/api/v1/requests", application("2025-08-04", "POST_SIGNED")).status()).isEqualTo(403);
		assertThat(reports.get("/api/v1/reports/inforequests?agency=yiyuan-fgj&year=2025").json().get("rows").get("new")
			.get("total").asInt()).isPositive();
		assertThat(reports.get("/api/v1/reports/inforequests?agency=yiyuan-nyj&year=2025").status()).isEqualTo(403);
		assertThat(requests.get("/api/v1/reports/inforequests?agency=yiyuan-fgj&year=2025").status()).isEqualTo(403);
	}

	// ---- correction (Art. 30) ---------------------------------------------------------------------------

	@Test
	void oneCorrectionOnlyWithinSevenWorkingDaysAndTheClockRestartsOnTheCorrectedApplication() {
		long late = entered("2025-01-20");
		Http.Response tooLate = handler().postJson("/api/v1/requests/" + late + "/correction",
				Map.of("requestedOn", "2025-02-06", "items", List.of("请说明所需文件的文号")));
		assertThat(tooLate.status()).isEqualTo(409);
		assertThat(tooLate.json().get("detail").asString()).contains("7个工作日内一次性告知", "2025-02-05");

		long id = entered("2025-01-20");
		JsonNode asked = handler().postJson("/api/v1/requests/" + id + "/correction", Map.of("requestedOn", "2025-02-05",
				"items", List.of("请说明所需文件的文号或成文时间", "请提供身份证明复印件"), "periodDays", 10)).json();
		assertThat(asked.get("status").asString()).isEqualTo("AWAITING_CORRECTION");
		assertThat(asked.get("dueOn").isNull()).as("the clock stops").isTrue();
		Http.Response second = handler().postJson("/api/v1/requests/" + id + "/correction",
				Map.of("requestedOn", "2025-02-05", "items", List.of("再补一项")));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("detail").asString()).contains("补正只能一次性告知");
		JsonNode corrected = handler().postJson("/api/v1/requests/" + id + "/correction-received",
				Map.of("receivedOn", "2025-02-10")).json();
		assertThat(corrected.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(corrected.get("dueOn").asString()).as("20 working days from 2025-02-10").isEqualTo("2025-03-10");
		assertThat(corrected.get("dueRule").asString()).contains("自收到补正申请之日起20个工作日");
	}

	@Test
	void anUnansweredCorrectionClosesTheRequestAsOtherProcessingOneWhenItsPeriodEnds() {
		long id = entered("2025-05-06");
		handler().postJson("/api/v1/requests/" + id + "/correction", Map.of("requestedOn", "2025-05-07", "items",
				List.of("请明确所需信息的名称"), "periodDays", 10));
		Actors.callAsSystem(management::sweep);
		JsonNode closed = get(id);
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("outcome").asString()).isEqualTo("r6_1");
	}

	// ---- consultation (Arts. 32–34) ---------------------------------------------------------------------

	@Test
	void aThirdPartysObjectionBlocksDisclosureUnlessAPublicInterestDecisionIsNotifiedAndTheConsultationPausesTheClock() {
		long id = entered("2025-09-25");
		assertThat(get(id).get("dueOn").asString()).isEqualTo("2025-10-29");
		Http.Response consulted = handler().postJson("/api/v1/requests/" + id + "/consultations",
				Map.of("kind", "THIRD_PARTY", "party", "沂源县某建材有限公司", "sentOn", "2025-10-09"));
		assertThat(consulted.status()).as(consulted.body()).isEqualTo(201);
		long consultation = consulted.json().get("id").asLong();
		assertThat(consulted.json().get("answerDueOn").asString()).as("15 working days; 11 Oct is a make-up working day")
			.isEqualTo("2025-10-29");
		handler().postJson("/api/v1/requests/" + id + "/consultations/" + consultation + "/answer",
				Map.of("answer", "OBJECTION", "answeredOn", "2025-10-16", "note", "涉及商业秘密"));
		// paused from 10-10 to 10-16: six working days (Saturday 10-11 is a make-up working day)
		assertThat(get(id).get("dueOn").asString()).isEqualTo("2025-11-06");
		assertThat(get(id).get("dueRule").asString()).contains("征求意见6个工作日不计入");
		Http.Response blocked = handler().postJson("/api/v1/requests/" + id + "/reply",
				Map.of("outcome", "r1", "repliedOn", "2025-10-20", "reason", "予以公开"));
		assertThat(blocked.status()).isEqualTo(409);
		assertThat(blocked.json().get("detail").asString()).contains("不得公开（条例第三十二条）");
		assertThat(handler().postJson("/api/v1/requests/" + id + "/consultations/" + consultation + "/override",
				Map.of("reason", "x", "noticeOn", "2025-10-20")).status()).as("only the approver decides").isEqualTo(403);
		assertThat(demo("fgj-leader").postJson("/api/v1/requests/" + id + "/consultations/" + consultation + "/override",
				Map.of("reason", "涉及公共安全，不公开会对公共利益造成重大影响", "noticeOn", "2025-10-20")).status()).isEqualTo(200);
		JsonNode replied = handler().postJson("/api/v1/requests/" + id + "/reply", Map.of("outcome", "r1", "repliedOn",
				"2025-10-21", "reason", "经审查予以公开", "content", "现将立项批复文件提供如下。")).json();
		assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
	}

	// ---- extension and the Art. 35 deadline ------------------------------------------------------------

	@Test
	void onlyTheApproverExtendsAndNeverBeyondTwentyWorkingDaysInTotalNorWithoutTellingTheApplicant() {
		long id = entered("2025-09-25");
		Map<String, Object> ten = new HashMap<>(Map.of("days", 10, "reason", "需要调取档案", "approvedOn", "2025-10-20",
				"noticeOn", "2025-10-20"));
		assertThat(handler().postJson("/api/v1/requests/" + id + "/extension", ten).status()).isEqualTo(403);
		Map<String, Object> noNotice = new HashMap<>(ten);
		noNotice.remove("noticeOn");
		Http.Response withoutNotice = demo("fgj-leader").postJson("/api/v1/requests/" + id + "/extension", noNotice);
		assertThat(withoutNotice.status()).isEqualTo(400);
		assertThat(withoutNotice.body()).contains("延期须告知申请人");
		assertThat(demo("fgj-leader").postJson("/api/v1/requests/" + id + "/extension", ten).json().get("dueOn").asString())
			.isEqualTo("2025-11-12");
		Map<String, Object> eleven = new HashMap<>(ten);
		eleven.put("days", 11);
		Http.Response tooMuch = demo("fgj-leader").postJson("/api/v1/requests/" + id + "/extension", eleven);
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.json().get("detail").asString()).contains("最长不得超过20个工作日", "最多还能延长 10 个工作日");
		ten.put("approvedOn", "2025-11-03");
		ten.put("noticeOn", "2025-11-03");
		assertThat(demo("fgj-leader").postJson("/api/v1/requests/" + id + "/extension", ten).json().get("dueOn").asString())
			.as("20 + 20 working days from 2025-09-25").isEqualTo("2025-11-26");
	}

	@Test
	void anAgencyMayCountTheDaysUntilAFeeIsPaidOutOfTheReplyPeriod() {
		Http lucun = handlerOf("yiyuan-lucun");
		Http admin = session("req-yiyuan-lucun", "Handler-Test-2026");
		assertThat(admin.postForm("/console/requests/settings", "/console/requests/settings?agency=yiyuan-lucun", Map.of("agency",
				"yiyuan-lucun", "feePaymentDays", "20", "feePausesClock", "true", "dueSoonDays", "5"), true).status()).isEqualTo(302);
		Map<String, Object> app = application("2025-09-25", "IN_PERSON");
		app.put("agency", "yiyuan-lucun");
		assertThat(admin().postJson("/api/v1/requests", app).status()).as("the system administrator does not handle cases")
			.isEqualTo(403);
		long id = lucun.postJson("/api/v1/requests", app).json().get("id").asLong();
		JsonNode noticed = lucun.postJson("/api/v1/requests/" + id + "/fee-notice",
				Map.of("method", "PER_VOLUME", "pages", 50, "noticeOn", "2025-10-09")).json();
		assertThat(noticed.get("feeAmount").decimalValue()).isEqualByComparingTo("200");
		JsonNode paid = lucun.postJson("/api/v1/requests/" + id + "/fee-paid", Map.of("paidOn", "2025-10-16")).json();
		// 10-10 to 10-16 are six working days (Saturday 10-11 a make-up day): 2025-10-29 becomes 2025-11-06
		assertThat(paid.get("dueOn").asString()).isEqualTo("2025-11-06");
		assertThat(paid.get("dueRule").asString()).contains("缴费6个工作日不计入", "民法典第201条");
	}

	@Test
	void aDueDateCountedIntoAYearNotYetLoadedIsRecountedWhenItsHolidayNoticeArrives() {
		LocalDate today = LocalDate.now(Zones.CHINA);
		int next = today.getYear() + 1;
		org.junit.jupiter.api.Assumptions.assumeFalse(calendar.loadedYears().contains(next), next + " is already loaded");
		JsonNode entered = handler().postJson("/api/v1/requests", application(today.toString(), "IN_PERSON")).json();
		long id = entered.get("id").asLong();
		JsonNode extended = demo("fgj-leader").postJson("/api/v1/requests/" + id + "/extension", Map.of("days", 20, "reason",
				"资料需要跨年度整理", "approvedOn", today.toString(), "noticeOn", today.toString())).json();
		org.junit.jupiter.api.Assumptions.assumeTrue(LocalDate.parse(extended.get("dueOn").asString()).getYear() == next,
				"forty working days from today stay within this year");
		assertThat(extended.get("dueProvisional").asBoolean()).isTrue();
		assertThat(extended.get("dueRule").asString()).contains("暂定");
		Map<String, Object> year = Map.of("source", "国务院办公厅关于" + next + "年部分节假日安排的通知（测试）", "noticeDate",
				today.toString(), "holidays", List.of(Map.of("date", next + "-01-01", "name", "元旦")), "makeupWorkdays", List.of());
		assertThat(admin().putJson("/api/v1/calendar/" + next, year).status()).isEqualTo(200);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode recounted = get(id);
			assertThat(recounted.get("dueProvisional").asBoolean()).isFalse();
			assertThat(recounted.get("dueOn").asString()).isEqualTo(calendar.addWorkingDays(today, 40).toString());
		});
	}

	@Test
	void anArticle35DeadlineIsSetOnlyByTheApproverLaterThanTheStatutoryOneAndToldToTheApplicant() {
		LocalDate today = LocalDate.now(Zones.CHINA);
		long id = entered(today.toString());
		LocalDate statutory = LocalDate.parse(get(id).get("dueOn").asString());
		String later = statutory.plusMonths(2).toString();
		Map<String, Object> body = new HashMap<>(Map.of("dueOn", later, "reason", "申请人本月已提出50件申请，理由合理但数量大",
				"noticeOn", today.toString()));
		assertThat(handler().postJson("/api/v1/requests/" + id + "/deadline", body).status()).isEqualTo(403);
		Map<String, Object> earlier = new HashMap<>(body);
		earlier.put("dueOn", statutory.toString());
		Http.Response tooEarly = demo("fgj-leader").postJson("/api/v1/requests/" + id + "/deadline", earlier);
		assertThat(tooEarly.status()).isEqualTo(400);
		assertThat(tooEarly.body()).contains("应晚于原答复期限");
		Map<String, Object> untold = new HashMap<>(body);
		untold.remove("noticeOn");
		assertThat(demo("fgj-leader").postJson("/api/v1/requests/" + id + "/deadline", untold).body())
			.contains("须告知申请人");
		body.put("reason", "申请".repeat(499));
		JsonNode set = demo("fgj-leader").postJson("/api/v1/requests/" + id + "/deadline", body).json();
		assertThat(set.get("dueOn").asString()).isEqualTo(later);
		assertThat(set.get("dueRule").asString()).contains("条例第三十五条");
		Http.Response extension = demo("fgj-leader").postJson("/api/v1/requests/" + id + "/extension", Map.of("days", 5,
				"reason", "x", "approvedOn", today.toString(), "noticeOn", today.toString()));
		assertThat(extension.status()).isEqualTo(409);
		assertThat(extension.json().get("detail").asString()).contains("另行确定答复期限");
	}

	@Test
	void theMomentARequestBecameOverdueStaysRecordedAndALateConsultationCannotPauseTheClock() {
		long id = entered("2025-03-03");
		assertThat(get(id).get("dueOn").asString()).isEqualTo("2025-03-31");
		Actors.callAsSystem(management::sweep);
		assertThat(get(id).get("overdueSince").asString()).isEqualTo("2025-04-01");
		Http.Response late = handler().postJson("/api/v1/requests/" + id + "/consultations",
				Map.of("kind", "AGENCY", "party", "县财政局", "sentOn", "2025-04-10"));
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.body()).contains("届满后征求意见不能再暂停答复期限");
		assertThat(demo("fgj-leader").postJson("/api/v1/requests/" + id + "/deadline", Map.of("dueOn", "2025-12-31", "reason",
				"数量大", "noticeOn", "2025-04-10")).status()).isEqualTo(409);
		// a consultation received later than sent: its 15 working days run from receipt
		long other = entered("2025-09-25");
		JsonNode consulted = handler().postJson("/api/v1/requests/" + other + "/consultations", Map.of("kind", "THIRD_PARTY",
				"party", "某公司", "sentOn", "2025-10-09", "receivedOn", "2025-10-13")).json();
		assertThat(consulted.get("answerDueOn").asString()).isEqualTo("2025-11-03");
	}

	@Test
	void tenWrongVerifiersLockATrackingCodeForAnHour() {
		String code = anonymous().postJson("/api/v1/public/requests", application(null, null)).json().get("trackingCode").asString();
		for (int n = 0; n < 10; n++) {
			assertThat(anonymous().get("/api/v1/public/requests/" + code + "?verifier=" + String.format("%04d", n)).status())
				.isEqualTo(404);
		}
		assertThat(anonymous().get("/api/v1/public/requests/" + code + "?verifier=5678").status()).as("locked").isEqualTo(404);
		jdbc.sql("UPDATE req_request SET tracking_locked_until = NULL WHERE tracking_code = ?").param(code).update();
		assertThat(anonymous().get("/api/v1/public/requests/" + code + "?verifier=5678").status()).isEqualTo(200);
	}

	// ---- fees (109号) ----------------------------------------------------------------------------------

	@Test
	void feesAreChargedOnlyBeyondTheFreeThresholdsByOneMethodAndAnUnpaidNoticeClosesTheRequest() {
		Map<String, Object> app = application("2025-07-01", "IN_PERSON");
		app.put("idNumber", "110105199001011232");
		long first = 0;
		long eleventh = 0;
		for (int n = 1; n <= 11; n++) {
			long id = handler().postJson("/api/v1/requests", app).json().get("id").asLong();
			first = n == 1 ? id : first;
			eleventh = id;
		}
		Http.Response free = handler().postJson("/api/v1/requests/" + first + "/fee-notice",
				Map.of("method", "PER_APPLICATION", "noticeOn", "2025-07-02"));
		assertThat(free.status()).isEqualTo(409);
		assertThat(free.json().get("detail").asString()).contains("本月第 1 件", "不得收费");
		JsonNode charged = handler().postJson("/api/v1/requests/" + eleventh + "/fee-notice",
				Map.of("method", "PER_APPLICATION", "noticeOn", "2025-07-02")).json();
		assertThat(charged.get("feeAmount").decimalValue()).isEqualByComparingTo("100");
		assertThat(charged.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
		assertThat(handler().postJson("/api/v1/requests/" + eleventh + "/fee-notice",
				Map.of("method", "PER_VOLUME", "pages", 150, "noticeOn", "2025-07-02")).status())
			.as("never both methods").isEqualTo(409);

		long volume = entered("2025-07-01");
		JsonNode pages = handler().postJson("/api/v1/requests/" + volume + "/fee-notice",
				Map.of("method", "PER_VOLUME", "pages", 150, "noticeOn", "2025-07-02")).json();
		assertThat(pages.get("feeAmount").decimalValue()).as("70 × 10 + 50 × 20").isEqualByComparingTo("1700");
		assertThat(handler().postJson("/api/v1/requests/" + volume + "/fee-paid", Map.of("paidOn", "2025-07-03")).json()
			.get("status").asString()).isEqualTo("IN_PROGRESS");

		Actors.callAsSystem(management::sweep);
		JsonNode unpaid = get(eleventh);
		assertThat(unpaid.get("status").asString()).isEqualTo("CLOSED");
		assertThat(unpaid.get("outcome").asString()).isEqualTo("r6_2");
	}

	// ---- reply ------------------------------------------------------------------------------------------

	@Test
	void aWithholdingReplyNeedsItsReasonsAndCarriesTheReconsiderationFirstNotice() {
		long id = entered("2025-04-01");
		Http.Response noReason = handler().postJson("/api/v1/requests/" + id + "/reply",
				Map.of("outcome", "r3_6", "repliedOn", "2025-04-10"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		assertThat(handler().postJson("/api/v1/requests/" + id + "/reply", Map.of("outcome", "r9", "repliedOn", "2025-04-10"))
			.status()).isEqualTo(400);
		assertThat(handler().postJson("/api/v1/requests/" + id + "/reply", Map.of("outcome", "r4_3", "repliedOn", "2025-04-10",
				"reason", "仍不明确")).body()).as("no correction was asked").contains("只适用于已告知补正并收到补正的申请");
		JsonNode replied = handler().postJson("/api/v1/requests/" + id + "/reply", Map.of("outcome", "r3_6", "repliedOn",
				"2025-04-10", "reason", "所申请信息为讨论记录，属于过程性信息")).json();
		assertThat(replied.get("outcomeLabel").asString()).isEqualTo("不予公开：属于四类过程性信息");
		assertThat(replied.get("reconsiderationNotice").asString()).contains("行政复议法", "第二十三条", "先申请行政复议");
		assertThat(handler().postJson("/api/v1/requests/" + id + "/reply", Map.of("outcome", "r1", "repliedOn", "2025-04-11",
				"reason", "x")).status()).as("replied once").isEqualTo(409);

		// delivery, and the case published anonymised on the agency's page
		assertThat(handler().postJson("/api/v1/requests/" + id + "/delivery", Map.of("channel", "POST", "deliveredOn",
				"2025-04-09")).status()).as("before the reply").isEqualTo(400);
		assertThat(handler().postJson("/api/v1/requests/" + id + "/delivery", Map.of("channel", "POST", "deliveredOn",
				"2025-04-12")).status()).isEqualTo(200);
		Http leader = demo("fgj-leader");
		Http.Response named = leader.postJson("/api/v1/requests/" + id + "/case", Map.of("title", "申请会议讨论记录",
				"summary", "王小明申请公开会议讨论记录，属于过程性信息。"));
		assertThat(named.status()).isEqualTo(400);
		assertThat(named.body()).contains("不能出现申请人的姓名");
		assertThat(leader.postJson("/api/v1/requests/" + id + "/case", Map.of("title", "申请会议讨论记录", "summary",
				"联系电话13912345678")).body()).contains("含有个人信息");
		assertThat(handler().postJson("/api/v1/requests/" + id + "/case", Map.of("title", "x", "summary", "y")).status())
			.isEqualTo(403);
		assertThat(leader.postJson("/api/v1/requests/" + id + "/case", Map.of("title", "申请公开项目讨论记录的答复",
				"summary", "申请人要求公开项目论证会的讨论记录。该记录属于行政机关在决策过程中形成的讨论记录，依法不予公开，并告知了复议前置。"))
			.status()).isEqualTo(201);
		JsonNode cases = anonymous().get("/api/v1/public/request-cases?agency=yiyuan-fgj").json();
		assertThat(cases.get(0).get("title").asString()).isEqualTo("申请公开项目讨论记录的答复");
		assertThat(cases.get(0).get("outcome").asString()).isEqualTo("不予公开：属于四类过程性信息");
		assertThat(handler().delete("/api/v1/requests/" + id + "/case").status()).isEqualTo(403);
		assertThat(leader.delete("/api/v1/requests/" + id + "/case").status()).isEqualTo(204);
		assertThat(anonymous().get("/api/v1/public/request-cases?agency=yiyuan-fgj").json().size()).isZero();

		// the reply notice, from the agency's wording, as Word and PDF
		assertThat(handler().get("/api/v1/requests/" + id + "/notices/correction.docx").status())
			.as("no correction was asked").isEqualTo(409);
		java.net.http.HttpResponse<byte[]> word = handler().getBytes("/api/v1/requests/" + id + "/notices/reply.docx");
		assertThat(word.statusCode()).isEqualTo(200);
		try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
				new java.io.ByteArrayInputStream(word.body()))) {
			String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
			assertThat(text).contains("政府信息公开申请答复书", "王小明", "2025年4月1日", "不予公开：属于四类过程性信息",
					"属于过程性信息", "先申请行政复议", "沂源县发展和改革局", "2025年4月10日").doesNotContain("{");
		}
		catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
		java.net.http.HttpResponse<byte[]> pdf = handler().getBytes("/api/v1/requests/" + id + "/notices/reply.pdf");
		if (pdf.statusCode() == 200) {
			try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
				assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("政府信息公开申请答复书", "王小明");
			}
			catch (java.io.IOException e) {
				throw new AssertionError(e);
			}
		}
		else {
			assertThat(pdf.statusCode()).as("without a Chinese font on the server").isEqualTo(422);
		}
		Http admin = demo("fgj-admin");
		assertThat(handler().putJson("/api/v1/agencies/yiyuan-fgj/notice-templates/reply", Map.of("body", "x")).status())
			.isEqualTo(403);
		assertThat(admin.putJson("/api/v1/agencies/yiyuan-fgj/notice-templates/reply",
				Map.of("body", "沂源县发展和改革局答复书\n{申请人}：经审查，{答复类型}。")).status()).isEqualTo(200);
		try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
				new java.io.ByteArrayInputStream(handler().getBytes("/api/v1/requests/" + id + "/notices/reply.docx").body()))) {
			assertThat(new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText())
				.contains("沂源县发展和改革局答复书", "王小明：经审查，不予公开：属于四类过程性信息。");
		}
		catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void aPdfNoticeDrawsWhatTheFontLacksAsABoxInsteadOfFailing() {
		Map<String, Object> app = application("2025-05-06", "IN_PERSON");
		app.put("name", "王\uD83D\uDE00明");
		app.put("description", "沂源县\t2025年\u9FFF项目清单");
		long id = handler().postJson("/api/v1/requests", app).json().get("id").asLong();
		assertThat(handler().postJson("/api/v1/requests/" + id + "/reply", Map.of("outcome", "r1", "repliedOn", "2025-05-08",
				"content", "予以提供")).status()).isEqualTo(200);
		java.net.http.HttpResponse<byte[]> pdf = handler().getBytes("/api/v1/requests/" + id + "/notices/reply.pdf");
		assertThat(pdf.statusCode()).as("a PDF, or 422 on a server without a Chinese font").isIn(200, 422);
		java.net.http.HttpResponse<byte[]> word = handler().getBytes("/api/v1/requests/" + id + "/notices/reply.docx");
		assertThat(word.statusCode()).isEqualTo(200);
	}

	// ---- table 三 and 四 ---------------------------------------------------------------------------------

	@Test
	void aYearOfRequestsYieldsTablesThreeAndFourThatAddUp() {
		String agency = "yiyuan-nyj";
		String[] outcomes = { "r1", "r2", "r3_4", "r4_1", "r5_2", "r6_3" };
		String[] types = { "NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION", "PUBLIC_INTEREST_ORGANISATION",
				"LEGAL_SERVICE_INSTITUTION", "OTHER" };
		Http admin = demo("fgj-admin");
		Http nyj = handlerOf(agency);
		int opened = 0;
		for (int n = 0; n < 36; n++) {
			Map<String, Object> app = application(String.format("2024-%02d-%02d", 3 + n % 9, 3 + n % 20), "IN_PERSON");
			app.put("agency", agency);
			if (n % 2 == 1) {
				app.put("receivedOn", String.format("2025-%02d-%02d", 1 + n % 11, 5 + n % 20));
			}
			String type = types[n % types.length];
			app.put("applicantType", type);
			if (!type.equals("NATURAL_PERSON")) {
				app.put("idType", "CREDIT_CODE");
				app.put("idNumber", creditCode("91370323MA3C" + String.format("%05d", n)));
				app.put("name", "申请单位" + n);
			}
			Http.Response created = nyj.postJson("/api/v1/requests", app);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long id = created.json().get("id").asLong();
			if (n % 5 == 4) {
				opened++;
				continue; // still open at the end of the year: carried over
			}
			String receivedOn = (String) app.get("receivedOn");
			String repliedOn = receivedOn.startsWith("2024") && n % 3 == 0 ? "2025-01-06" : receivedOn;
			String outcome = outcomes[n % outcomes.length];
			Http.Response closed = outcome.equals("r6_3")
					? nyj.postJson("/api/v1/requests/" + id + "/withdrawal", Map.of("withdrawnOn", repliedOn, "note", "申请人书面撤回"))
					: nyj.postJson("/api/v1/requests/" + id + "/reply", Map.of("outcome", outcome, "repliedOn", repliedOn,
							"reason", "依法答复", "responsibleAgency", "县自然资源局，电话0533-3241111"));
			assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		}
		assertThat(admin.get("/api/v1/reports/inforequests?agency=" + agency + "&year=2025").status())
			.as("another agency's administrator").isEqualTo(403);
		JsonNode table = nyj.get("/api/v1/reports/inforequests?agency=" + agency + "&year=2025").json();
		assertThat(table.get("failedChecks").size()).isZero();
		JsonNode rows = table.get("rows");
		int received2025 = 18;
		assertThat(rows.get("new").get("total").asInt()).isEqualTo(received2025);
		for (String column : List.of("naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganisation",
				"legalServiceInstitution", "other", "total")) {
			assertThat(rows.get("new").get(column).asInt() + rows.get("carriedIn").get(column).asInt())
				.as("V1 " + column).isEqualTo(rows.get("rTotal").get(column).asInt() + rows.get("carriedOut").get(column).asInt());
		}
		int sum = 0;
		for (String key : List.of("naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganisation",
				"legalServiceInstitution", "other")) {
			sum += rows.get("r1").get(key).asInt();
		}
		assertThat(rows.get("r1").get("total").asInt()).as("V3").isEqualTo(sum);
		assertThat(rows.get("carriedOut").get("total").asInt()).isEqualTo(opened);
		assertThat(rows.size()).as("25 rows").isEqualTo(25);
		JsonNode performance = table.get("performance");
		// ten 2025 requests answered the day they arrived, five 2024 requests answered late on 2025-01-06
		assertThat(performance.get("replied").asInt()).isEqualTo(15);
		assertThat(performance.get("onTime").asInt()).isEqualTo(10);
		assertThat(performance.get("onTimeRate").asDouble()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));

		// table 四: a reconsideration upheld and a lawsuit still pending at the end of the year
		long any = jdbc.sql("SELECT id FROM req_request r WHERE agency_id = (SELECT id FROM org_agency WHERE code = ?) "
				+ "AND status = 'REPLIED' ORDER BY id LIMIT 1").param(agency).query(Long.class).single();
		long recon = nyj.postJson("/api/v1/requests/" + any + "/remedies", Map.of("kind", "RECONSIDERATION", "filedOn",
				"2025-06-10", "body", "沂源县人民政府")).json().get("id").asLong();
		assertThat(nyj.postJson("/api/v1/remedies/" + recon + "/decision", Map.of("result", "UPHELD", "decidedOn", "2025-08-01"))
			.status()).isEqualTo(200);
		nyj.postJson("/api/v1/requests/" + any + "/remedies", Map.of("kind", "LITIGATION_DIRECT", "filedOn", "2025-07-01"));
		JsonNode t4 = nyj.get("/api/v1/reports/inforequests/remedies?agency=" + agency + "&year=2025").json().get("table4");
		assertThat(t4.get("reconsideration").get("upheld").asInt()).isEqualTo(1);
		assertThat(t4.get("reconsideration").get("total").asInt()).isEqualTo(1);
		assertThat(t4.get("litigationDirect").get("pending").asInt()).isEqualTo(1);
		assertThat(t4.get("litigationAfterReconsideration").get("total").asInt()).isZero();
	}
}
