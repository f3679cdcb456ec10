package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.platform.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys of enforcement publicity over real HTTP: an agency's editor enters licence and penalty decisions
 * through the API and publishes them — a penalty published on the 8th working day after its decision is flagged late —
 * the public sees them on the agency's 行政执法公示 column, the item page, the site-wide list, the feed, the sitemap and
 * the API with a natural person's name and ID masked; a revoked penalty leaves the lists and its notice with the reason
 * takes its place; the table 二 report matches the records; the console enters, publishes and edits publicity.
 */
abstract class EnforcementJourneyTest extends JourneySupport {

	/** A resident ID with a valid check digit (GB 11643's example). */
	private static final String RESIDENT_ID = "11010519491231002X";

	private static int serial;

	@Autowired
	WorkingDayCalendar calendar;

	static synchronized String number(String prefix) {
		return prefix + "〔" + LocalDate.now(Zones.CHINA).getYear() + "〕" + (System.nanoTime() % 100_000) + "-" + (++serial) + "号";
	}

	static LocalDate today() {
		return LocalDate.now(Zones.CHINA);
	}

	/** The day before today such that today is the {@code n}th working day after it. */
	LocalDate workingDaysAgo(int n) {
		LocalDate d = today().minusDays(1);
		while (calendar.workingDaysBetween(d, today()) < n) {
			d = d.minusDays(1);
		}
		return d;
	}

	static Map<String, Object> penalty(String party, String creditCode, LocalDate decidedOn) {
		Map<String, Object> body = new HashMap<>();
		body.put("agency", "yiyuan-fgj");
		body.put("decisionNumber", number("沂发改罚"));
		body.put("party", party);
		if (creditCode != null) {
			body.put("partyType", "LEGAL_PERSON");
			body.put("partyCreditCode", creditCode);
		}
		body.put("decidedOn", decidedOn.toString());
		body.put("content", "违反《中华人民共和国节约能源法》，未按规定开展能源审计，罚款人民币三万元。");
		body.put("basis", "《中华人民共和国节约能源法》第八十三条");
		return body;
	}

	/** The part of a list page before the notices of withdrawal: the published decisions. */
	static String decisionsPart(String page) {
		int notices = page.indexOf("id=\"notices-title\"");
		return notices < 0 ? page : page.substring(0, notices);
	}

	@Test
	void penaltiesArePublishedLateOrOnTimeMaskedForAPersonAndWithdrawnWithANotice() {
		Http editor = demo("fgj-editor");

		// an invalid credit code is a 400 field error, as problem JSON
		String company = creditCode("91370323MA3C4J8K1");
		String wrongCheck = company.substring(0, 17) + (company.charAt(17) == '0' ? '1' : '0');
		Http.Response invalid = editor.postJson("/api/v1/penalties", penalty("沂源县某某化工有限公司", wrongCheck, today()));
		assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
		assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
		assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("partyCreditCode");

		// a penalty decided 8 working days ago and published today is late
		LocalDate eightAgo = workingDaysAgo(8);
		Http.Response created = editor.postJson("/api/v1/penalties", penalty("沂源县某某化工有限公司", company, eightAgo));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long late = created.json().get("id").asLong();
		assertThat(created.json().get("publishBy").asString()).isEqualTo(calendar.addWorkingDays(eightAgo, 7).toString());
		String latePage = "/agencies/yiyuan-fgj/enforcement/decisions/" + late + "/";
		assertThat(anonymous().get(latePage).status()).as("unpublished decisions are never public").isEqualTo(404);
		assertThat(anonymous().get("/api/v1/public/decisions/" + late).status()).isEqualTo(404);
		assertThat(demo("gkb").postJson("/api/v1/decisions/" + late + "/publish", Map.of()).status()).isEqualTo(403);
		Http.Response published = editor.postJson("/api/v1/decisions/" + late + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("publicationLate").asBoolean()).isTrue();

		// a penalty decided today is on time
		Http.Response fresh = editor.postJson("/api/v1/penalties", penalty("沂源县某某商贸有限公司", creditCode("91370323MA3C4J8K2"), today()));
		assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
		long onTime = fresh.json().get("id").asLong();
		assertThat(editor.postJson("/api/v1/decisions/" + onTime + "/publish", Map.of()).json().get("publicationLate").asBoolean()).isFalse();

		// a natural person's licence: the name and ID masked on every public surface
		Map<String, Object> personal = new HashMap<>();
		personal.put("agency", "yiyuan-fgj");
		personal.put("decisionNumber", number("沂发改许"));
		personal.put("partyType", "NATURAL_PERSON");
		personal.put("party", "赵铁柱");
		personal.put("partyIdNumber", RESIDENT_ID);
		personal.put("decidedOn", today().toString());
		personal.put("content", "准予赵铁柱（身份证号码 " + RESIDENT_ID + "）从事农产品收购，有效期三年。");
		personal.put("basis", "《中华人民共和国行政许可法》第三十八条");
		Http.Response licence = editor.postJson("/api/v1/licences", personal);
		assertThat(licence.status()).as(licence.body()).isEqualTo(201);
		long person = licence.json().get("id").asLong();
		editor.postJson("/api/v1/decisions/" + person + "/publish", Map.of());
		String personPage = "/agencies/yiyuan-fgj/enforcement/decisions/" + person + "/";
		Http.Response item = anonymous().get(personPage);
		assertThat(item.status()).isEqualTo(200);
		assertThat(item.header("Set-Cookie")).isNull();
		assertThat(item.body()).contains("<html lang=\"zh-CN\">", "赵**", "110105********002X", "农产品收购");
		for (String surface : new String[] { item.body(), anonymous().get("/agencies/yiyuan-fgj/enforcement/").body(),
				anonymous().get("/enforcement/").body(), anonymous().get("/enforcement/feed.atom").body(),
				anonymous().get("/agencies/yiyuan-fgj/enforcement/feed.atom").body(),
				anonymous().get("/api/v1/public/licences?agency=yiyuan-fgj").body(), anonymous().get("/api/v1/public/decisions/" + person).body() }) {
			assertThat(surface).doesNotContain("赵铁柱", RESIDENT_ID, "19491231");
		}
		// staff: the full name and ID only for the deciding agency's editors and administrators, masked for the supervisor
		// and the agency's other roles, in the staff API and the console alike
		JsonNode own = editor.get("/api/v1/decisions/" + person).json();
		assertThat(own.get("party").asString()).isEqualTo("赵铁柱");
		assertThat(own.get("partyIdNumber").asString()).isEqualTo(RESIDENT_ID);
		assertThat(own.get("personalDataMasked").asBoolean()).isFalse();
		assertThat(session("fgj-admin", DEMO_PASSWORD).get("/console/enforcement/decisions/" + person).body()).contains("赵铁柱", RESIDENT_ID);
		for (String login : new String[] { "gkb", "fgj-reviewer" }) {
			Http.Response staffApi = demo(login).get("/api/v1/decisions/" + person);
			assertThat(staffApi.status()).as(login).isEqualTo(200);
			assertThat(staffApi.json().get("party").asString()).as(login).isEqualTo("赵**");
			assertThat(staffApi.json().get("partyIdNumber").asString()).as(login).isEqualTo("110105********002X");
			assertThat(staffApi.json().get("personalDataMasked").asBoolean()).as(login).isTrue();
			Http console = session(login, DEMO_PASSWORD);
			for (String page : new String[] { staffApi.body(), console.get("/console/enforcement/decisions/" + person).body(),
					console.get("/console/enforcement?agency=yiyuan-fgj").body() }) {
				assertThat(page).as(login).contains("赵**").doesNotContain("赵铁柱", RESIDENT_ID, "19491231");
			}
		}

		JsonNode licences = anonymous().get("/api/v1/public/licences?agency=yiyuan-fgj").json();
		assertThat(licences.get("items").findValuesAsString("party")).contains("赵**");

		// the column, the filters and the site-wide list
		String lateHref = "href=\"" + latePage + "\"";
		String column = anonymous().get("/agencies/yiyuan-fgj/enforcement/").body();
		assertThat(column).contains("行政执法公示", "事前公开", "执法人员", lateHref, "href=\"" + personPage + "\"");
		assertThat(anonymous().get("/agencies/yiyuan-fgj/enforcement/?kind=LICENCE").body()).doesNotContain(lateHref);
		assertThat(anonymous().get("/enforcement/?agency=yiyuan-fgj&kind=PENALTY&q=" + java.net.URLEncoder.encode("化工", java.nio.charset.StandardCharsets.UTF_8)).body())
			.contains(lateHref);
		assertThat(anonymous().get("/enforcement/?agency=yiyuan-nyj").body()).doesNotContain(lateHref);
		assertThat(anonymous().get("/enforcement/?agency=no-such-unit").status()).isEqualTo(404);
		Http.Response feed = anonymous().get("/enforcement/feed.atom");
		assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
		assertThat(feed.body()).contains("urn:gongkai:decision:" + late);
		// a year out of range is a 400 field error, as problem JSON, never a 500
		for (String y : new String[] { "1000000000", "1999", "2101", "-5" }) {
			Http.Response outOfRange = anonymous().get("/api/v1/public/penalties?year=" + y);
			assertThat(outOfRange.status()).as(y + ": " + outOfRange.body()).isEqualTo(400);
			assertThat(outOfRange.header("Content-Type")).startsWith("application/problem+json");
			assertThat(outOfRange.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
		}
		assertThat(anonymous().get("/api/v1/public/licences?year=1000000000").status()).isEqualTo(400);
		assertThat(anonymous().get("/api/v1/public/penalties?year=" + today().getYear()).status()).isEqualTo(200);
		JsonNode penalties = anonymous().get("/api/v1/public/penalties?agency=yiyuan-fgj").json();
		assertThat(penalties.get("items").findValuesAsString("url")).contains(latePage);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Files.readString(site.fileFor("/sitemap.xml").orElseThrow())).contains(personPage));

		// the penalty is revoked: it leaves the lists and its notice with the reason takes its place
		Http.Response noReason = editor.postJson("/api/v1/decisions/" + late + "/change", Map.of("kind", "REVOKED", "date", today().toString()));
		assertThat(noReason.status()).isEqualTo(400);
		Http.Response revoked = editor.postJson("/api/v1/decisions/" + late + "/change",
				Map.of("kind", "REVOKED", "date", workingDaysAgo(4).toString(),
						"reason", "经行政复议，原处罚决定被依法撤销。"));
		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		assertThat(revoked.json().get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(revoked.json().get("withdrawalLate").asBoolean()).as("4 working days after the revocation is late").isTrue();
		assertThat(anonymous().get("/api/v1/public/penalties?agency=yiyuan-fgj").json().get("items").findValuesAsString("url"))
			.doesNotContain(latePage);
		String siteList = anonymous().get("/enforcement/").body();
		assertThat(decisionsPart(siteList)).doesNotContain(lateHref);
		assertThat(siteList.substring(siteList.indexOf("撤回公示说明"))).as("the notice is listed instead").contains(lateHref);
		Http.Response notice = anonymous().get(latePage);
		assertThat(notice.status()).isEqualTo(200);
		assertThat(notice.body()).contains("撤回说明", "依法撤销", "经行政复议，原处罚决定被依法撤销。").doesNotContain("未按规定开展能源审计");
		JsonNode api = anonymous().get("/api/v1/public/decisions/" + late).json();
		assertThat(api.has("content")).isFalse();
		assertThat(api.get("withdrawal").get("reason").asString()).contains("经行政复议");

		// table 二 from the records
		int year = today().getYear();
		JsonNode report = demo("fgj-admin").get("/api/v1/reports/enforcement?agency=yiyuan-fgj&year=" + year).json();
		long penaltiesInYear = jdbc.sql("SELECT COUNT(*) FROM pw_decision WHERE agency_id = ? AND kind = 'PENALTY' AND decided_on >= ? AND decided_on < ?")
			.params(agencies.requireByCode("yiyuan-fgj").id(), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query(Long.class)
			.single();
		long licencesInYear = jdbc.sql("SELECT COUNT(*) FROM pw_decision WHERE agency_id = ? AND kind = 'LICENCE' AND decided_on >= ? AND decided_on < ?")
			.params(agencies.requireByCode("yiyuan-fgj").id(), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query(Long.class)
			.single();
		assertThat(report.get("penalties").asLong()).isEqualTo(penaltiesInYear);
		assertThat(report.get("licences").asLong()).isEqualTo(licencesInYear).isGreaterThanOrEqualTo(1);
		assertThat(demo("nyj-editor").get("/api/v1/reports/enforcement?agency=yiyuan-fgj&year=" + year).status()).isEqualTo(403);
	}

	@Test
	void theConsoleEntersPublishesAndEditsPublicity() {
		Http admin = session("fgj-admin", DEMO_PASSWORD);
		assertThat(admin.get("/console").body()).contains("href=\"/console/enforcement\"", "行政执法公示");

		// publicity before the act: an officer needs a certificate number
		Map<String, String> officer = new HashMap<>(Map.of("agency", "yiyuan-fgj", "section", "OFFICER", "title", "刘执法", "area", "全县"));
		Http.Response missing = admin.postForm("/console/enforcement/publicity", "/console/enforcement/publicity", officer, true);
		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.body()).contains("请填写执法证件号码");
		officer.put("certificateNumber", "37030012345");
		assertThat(admin.postForm("/console/enforcement/publicity", "/console/enforcement/publicity", officer, true).status()).isEqualTo(302);
		assertThat(admin.postForm("/console/enforcement/publicity", "/console/enforcement/publicity", Map.of("agency", "yiyuan-fgj",
				"section", "SUPERVISION", "title", "监督电话", "body", "0533-3221234"), true).status()).isEqualTo(302);
		assertThat(anonymous().get("/agencies/yiyuan-fgj/enforcement/").body()).contains("刘执法", "37030012345", "0533-3221234");
		long entry = jdbc.sql("SELECT id FROM pw_enf_entry WHERE title = '监督电话' AND agency_id = ?")
			.param(agencies.requireByCode("yiyuan-fgj").id()).query(Long.class).single();
		String edit = "/console/enforcement/publicity?agency=yiyuan-fgj&edit=" + entry;
		assertThat(admin.get(edit).body()).contains("修改事项", "0533-3221234");
		assertThat(admin.postForm("/console/enforcement/publicity", edit, Map.of("agency", "yiyuan-fgj", "id", String.valueOf(entry),
				"section", "SUPERVISION", "title", "监督电话", "body", "0533-3229999"), true).status()).isEqualTo(302);
		assertThat(anonymous().get("/agencies/yiyuan-fgj/enforcement/").body()).contains("0533-3229999").doesNotContain("0533-3221234");

		// a decision through the form: an invalid credit code is shown at its field, nothing saved
		Map<String, String> form = new HashMap<>(Map.of("agency", "yiyuan-fgj", "kind", "PENALTY", "decisionNumber", number("沂发改罚"),
				"partyType", "LEGAL_PERSON", "party", "沂源县某某能源有限公司", "partyCreditCode", "913703231234567890",
				"decidedOn", today().toString(), "content", "未按规定报送能源利用状况报告，责令改正并罚款一万元。", "basis", "《中华人民共和国节约能源法》第八十二条"));
		Http.Response bad = admin.postForm("/console/enforcement/new", "/console/enforcement/new", form, true);
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("统一社会信用代码不正确");
		form.put("partyCreditCode", creditCode("91370323MA3C4J8K3"));
		Http.Response created = admin.postForm("/console/enforcement/new", "/console/enforcement/new", form, true);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String view = created.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(view).matches("/console/enforcement/decisions/\\d+");
		assertThat(admin.get(view).body()).contains("未公示", "公示期限");
		assertThat(admin.postForm(view + "/publish", view, Map.of(), true).status()).isEqualTo(302);
		assertThat(admin.get(view).body()).contains("已公示", "按时公示");
		long id = Long.parseLong(view.substring(view.lastIndexOf('/') + 1));
		assertThat(anonymous().get("/agencies/yiyuan-fgj/enforcement/decisions/" + id + "/").body()).contains("沂源县某某能源有限公司");

		// the fee for table 二, and the supervisor's view of the subtree
		int year = today().getYear();
		String stats = "/console/enforcement/statistics?agency=yiyuan-fgj&year=" + year;
		assertThat(admin.postForm("/console/enforcement/fees", stats, Map.of("agency", "yiyuan-fgj", "year", String.valueOf(year),
				"amount", "3.25"), true).status()).isEqualTo(302);
		assertThat(admin.get(stats).body()).contains("行政事业性收费", "3.25");
		assertThat(demo("fgj-admin").get("/api/v1/reports/enforcement?agency=yiyuan-fgj&year=" + year).json().get("feesTenThousandYuan")
			.decimalValue()).isEqualByComparingTo("3.25");
		Http gkb = session("gkb", DEMO_PASSWORD);
		assertThat(gkb.get("/console/enforcement").body()).contains("沂源县某某能源有限公司");

		// an unpublished penalty past its limit is overdue on the supervisor's dashboard
		Http.Response overdue = demo("fgj-editor").postJson("/api/v1/penalties", penalty("沂源县某某物流有限公司",
				creditCode("91370323MA3C4J8K4"), workingDaysAgo(8)));
		assertThat(overdue.status()).as(overdue.body()).isEqualTo(201);
		assertThat(gkb.get("/console").body()).contains("逾期未公示的执法决定");
		assertThat(gkb.get("/console/enforcement?status=DRAFT").body()).contains("逾期未公示", "沂源县某某物流有限公司");
	}
}
