package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The applicant's side of disclosure on request over real HTTP: the 依申请公开 column with its guide and form,
 * field errors that keep what was typed (but never the ID number), the honeypot, the confirmation with the
 * tracking code, and the tracking page that answers a wrong code and a wrong verifier alike.
 */
abstract class InfoRequestPortalJourneys extends JourneySupport {

	static final String APPLY = "/agencies/yiyuan-fgj/apply/";

	static final String TRACK = "/requests/track";

	static final String VALID_ID = "11010519491231002X";

	static final String NEUTRAL = "未找到与查询码和联系电话后四位相符的申请";

	static Map<String, String> validForm() {
		Map<String, String> f = new HashMap<>();
		f.put("applicantType", "NATURAL_PERSON");
		f.put("name", "王晓梅");
		f.put("idType", "RESIDENT_ID");
		f.put("idNumber", VALID_ID);
		f.put("phone", "13912345678");
		f.put("email", "wxm@example.cn");
		f.put("address", "山东省淄博市沂源县历山路1号");
		f.put("postcode", "256100");
		f.put("description", "2025年度沂源县重点建设项目计划安排情况");
		f.put("provisionForm", "EMAIL");
		f.put("obtainMethod", "ONLINE");
		f.put("consent", "yes");
		f.put("homepage", "");
		return f;
	}

	long requests() {
		return jdbc.sql("SELECT COUNT(*) FROM req_request").query(Long.class).single();
	}

	@Test
	void theColumnGuidesTheApplicantWhoAppliesOnlineAndFollowsTheRequest() throws Exception {
		// every agency's navigation has the column; the guide lists the work body's phone and the 109号 thresholds
		String home = anonymous().get("/agencies/yiyuan-fgj/").body();
		assertThat(home).contains("href=\"" + APPLY + "\"", "依申请公开");
		Http applicant = anonymous();
		Http.Response guide = applicant.get(APPLY);
		assertThat(guide.status()).isEqualTo(200);
		assertThat(guide.header("Cache-Control")).contains("no-store");
		String officePhone = agencies.office(agencies.requireByCode("yiyuan-fgj").id()).phone();
		assertThat(officePhone).isNotBlank();
		assertThat(guide.body()).contains(officePhone, "国办函〔2020〕109号", "10</span>件以内", "30</span>页以内",
				"aria-current=\"page\"", "name=\"_csrf\"", "name=\"homepage\"", "个人信息处理说明", "条例第二十九条",
				"查询办理进度时，需要输入该号码的后四位");
		long before = requests();

		// a missing description and a wrong ID number: both messages, the typed values kept but not the ID number
		Map<String, String> wrong = validForm();
		wrong.put("description", "");
		wrong.put("idNumber", "110105194912310021");
		Http.Response refused = applicant.postForm(APPLY, APPLY, wrong, true);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Cache-Control")).contains("no-store");
		assertThat(refused.body()).contains("role=\"alert\"", "提交的申请有 2 处需要修改", "href=\"#f-idNumber\"",
				"href=\"#f-description\"", "居民身份证号码不正确", "请填写所需政府信息的名称", "value=\"王晓梅\"",
				"value=\"13912345678\"", "aria-invalid=\"true\"");
		assertThat(refused.body()).doesNotContain("110105194912310021");
		assertThat(requests()).isEqualTo(before);

		// without the acknowledgement of the notice nothing is saved either
		Map<String, String> noConsent = validForm();
		noConsent.remove("consent");
		Http.Response unacknowledged = applicant.postForm(APPLY, APPLY, noConsent, true);
		assertThat(unacknowledged.status()).isEqualTo(400);
		assertThat(unacknowledged.body()).contains("href=\"#f-consent\"").doesNotContain(VALID_ID);
		assertThat(requests()).isEqualTo(before);

		// a filled honeypot is refused
		Map<String, String> robot = validForm();
		robot.put("homepage", "http://spam.example.com/");
		Http.Response trapped = applicant.postForm(APPLY, APPLY, robot, true);
		assertThat(trapped.status()).isEqualTo(400);
		assertThat(trapped.body()).contains("本次提交未能受理").doesNotContain("spam.example.com", VALID_ID);
		assertThat(requests()).isEqualTo(before);

		// without the CSRF token the post is refused
		assertThat(anonymous().postForm(APPLY, APPLY, validForm(), false).status()).isEqualTo(403);
		assertThat(requests()).isEqualTo(before);

		// the application goes through and the confirmation shows a 12-character tracking code once
		Http.Response submitted = applicant.postForm(APPLY, APPLY, validForm(), true);
		assertThat(submitted.status()).isEqualTo(302);
		String confirmation = submitted.header("Location");
		assertThat(confirmation).endsWith(APPLY + "submitted");
		Http.Response shown = applicant.get(confirmation.replaceFirst("^https?://[^/]+", ""));
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.header("Cache-Control")).contains("no-store");
		Matcher m = Pattern.compile("id=\"tracking-code\">([A-Z0-9]+)<").matcher(shown.body());
		assertThat(m.find()).isTrue();
		String code = m.group(1);
		assertThat(code).hasSize(12);
		assertThat(shown.body()).contains("href=\"" + TRACK + "?code=" + code + "\"").doesNotContain(VALID_ID);
		assertThat(requests()).isEqualTo(before + 1);
		assertThat(applicant.get(confirmation.replaceFirst("^https?://[^/]+", "")).status()).as("shown only once").isEqualTo(302);

		// the tracking page: the right verifier shows the status, a wrong one or a wrong code the same neutral message
		Http tracker = anonymous();
		Http.Response tracked = tracker.postForm(TRACK, TRACK, Map.of("code", code.toLowerCase(), "verifier", "5678"), true);
		assertThat(tracked.status()).isEqualTo(200);
		assertThat(tracked.header("Cache-Control")).contains("no-store");
		assertThat(tracked.body()).contains("待确认收到", code, "沂源县发展和改革局", "网上提交申请").doesNotContain(NEUTRAL, "王晓梅",
				VALID_ID);
		Http.Response wrongVerifier = tracker.postForm(TRACK, TRACK, Map.of("code", code, "verifier", "1234"), true);
		Http.Response wrongCode = tracker.postForm(TRACK, TRACK, Map.of("code", "ZZZZZZZZZZZZ", "verifier", "5678"), true);
		for (Http.Response r : new Http.Response[] { wrongVerifier, wrongCode }) {
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.body()).contains(NEUTRAL).doesNotContain("待确认收到", "id=\"status\"");
		}
		assertThat(tracker.get(TRACK + "?code=" + code + "&verifier=5678").body()).contains("待确认收到");
		Http.Response incomplete = tracker.postForm(TRACK, TRACK, Map.of("code", code, "verifier", "56"), true);
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.body()).contains("href=\"#f-verifier\"", "联系电话的后四位数字");

		// the dynamic pages never reach the static site
		for (String path : new String[] { APPLY, APPLY + "submitted", TRACK, TRACK + "/" }) {
			assertThat(site.fileFor(path).filter(Files::exists)).as(path).isEmpty();
		}
	}
	@Test
	void anIdentityProofUploadedWithTheApplicationReachesOnlyTheHandlingStaffAndPublishedCasesShowOnTheGuide() {
		long before = requests();
		Http.Response renamed = anonymous().postFile(APPLY, APPLY, validForm(), "identityProof", "id.pdf",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 });
		assertThat(renamed.status()).isEqualTo(400);
		assertThat(renamed.body()).contains("内容与扩展名不符");
		assertThat(requests()).isEqualTo(before);

		byte[] pdf = "%PDF-1.4\n% identity proof\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Http.Response applied = anonymous().postFile(APPLY, APPLY, validForm(), "identityProof", "身份证.pdf", pdf);
		assertThat(applied.status()).as(applied.body()).isEqualTo(302);
		long id = jdbc.sql("SELECT MAX(id) FROM req_request").query(Long.class).single();
		Http handler = session("fgj-handler", DEMO_PASSWORD);
		String casePage = handler.get("/console/requests/" + id).body();
		assertThat(casePage).contains("身份证明", "身份证.pdf");
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/console/requests/" + id + "/files/(\\d+)").matcher(casePage);
		assertThat(link.find()).isTrue();
		assertThat(session("fgj-editor", DEMO_PASSWORD).get(link.group()).status()).isEqualTo(403);
		java.net.http.HttpResponse<byte[]> file = handler.getBytes(link.group());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(pdf);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'inforequest.file-downloaded' AND subject_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		// a handled request published as an anonymised case appears on the guide
		Http api = demo("fgj-handler");
		String today = java.time.LocalDate.now(org.gongkai.platform.Zones.CHINA).toString();
		assertThat(api.postJson("/api/v1/requests/" + id + "/confirm", Map.of("receivedOn", today)).status()).isEqualTo(200);
		assertThat(api.postJson("/api/v1/requests/" + id + "/reply", Map.of("outcome", "r1", "repliedOn", today, "content",
				"已通过电子邮件提供。")).status()).isEqualTo(200);
		assertThat(demo("fgj-leader").postJson("/api/v1/requests/" + id + "/case", Map.of("title", "重点建设项目计划安排情况的公开",
				"summary", "申请人要求公开年度重点建设项目计划安排情况，本机关予以公开并通过电子邮件提供。")).status()).isEqualTo(201);
		assertThat(anonymous().get(APPLY).body()).contains("典型案例", "重点建设项目计划安排情况的公开", "答复结果：予以公开");

		// the blank form for paper applications, with the place to send it
		java.net.http.HttpResponse<byte[]> blank = anonymous().getBytes(APPLY + "form.docx");
		assertThat(blank.statusCode()).isEqualTo(200);
		try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
				new java.io.ByteArrayInputStream(blank.body()))) {
			assertThat(new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText()).contains("政府信息公开申请表",
					"所需政府信息的名称、文号或者便于查询的其他特征性描述", "获取信息的方式", "沂源县发展和改革局");
		}
		catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
		assertThat(anonymous().get(APPLY).body()).contains("form.docx", "咨询电话");

		// the applicant downloads the reply notice from the tracking page; a wrong verifier gets nothing
		String code = jdbc.sql("SELECT tracking_code FROM req_request WHERE id = ?").param(id).query(String.class).single();
		String tracked = anonymous().get(TRACK + "?code=" + code + "&verifier=5678").body();
		assertThat(tracked).contains("告知书下载", "政府信息公开申请答复书");
		Http.Response wrong = anonymous().postForm(TRACK + "/notice", TRACK, Map.of("code", code, "verifier", "0000", "kind",
				"REPLY", "format", "docx"), true);
		assertThat(wrong.status()).isEqualTo(404);
		Http.Response word = anonymous().postForm(TRACK + "/notice", TRACK, Map.of("code", code, "verifier", "5678", "kind",
				"REPLY", "format", "docx"), true);
		assertThat(word.status()).isEqualTo(200);
		assertThat(word.header("Content-Type")).contains("wordprocessingml");
	}

}
