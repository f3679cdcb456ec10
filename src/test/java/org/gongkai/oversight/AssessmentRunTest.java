package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongkai.inforequest.ApplicantType;
import org.gongkai.inforequest.Application;
import org.gongkai.inforequest.IdType;
import org.gongkai.inforequest.InfoRequest;
import org.gongkai.inforequest.InfoRequestManagement;
import org.gongkai.inforequest.ObtainMethod;
import org.gongkai.inforequest.Outcome;
import org.gongkai.inforequest.ProvisionForm;
import org.gongkai.inforequest.Remedy;
import org.gongkai.inforequest.SubmissionChannel;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyManagement;
import org.gongkai.organisation.AgencyType;
import org.gongkai.organisation.CreditCode;
import org.gongkai.oversight.AssessmentManagement.SchemeInput;
import org.gongkai.oversight.AssessmentManagement.SheetView;
import org.gongkai.oversight.AssessmentRun.Sheet;
import org.gongkai.oversight.AssessmentScheme.Item;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.testing.MovableClock;
import org.gongkai.testing.StatisticsContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The done-when test of assessment runs: a supervising office of its own under the demo county with four assessed
 * agencies (and one it does not assess), known requests made through the request module (late replies, a
 * reconsideration that corrected the agency), manual deductions with evidence, the 鲤城 2020 template run for 2025 —
 * every total and rank equals the hand calculation written out below. Also: manual rows need evidence, a final run
 * never changes, agencies see only their own sheet and only once final.
 */
class AssessmentRunTest extends StatisticsContext {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	AssessmentManagement assessments;

	@Autowired
	AssessmentTemplates templates;

	@Autowired
	AgencyManagement agencyManagement;

	@Autowired
	InfoRequestManagement requests;

	@Autowired
	MovableClock clock;

	@Autowired
	org.gongkai.demo.DemoAssessment demo;

	@Autowired
	org.gongkai.organisation.AgencyDirectory agencyDirectory;

	Instant clockBefore;

	long office;

	long a;

	long b;

	long c;

	long d;

	long village;

	@BeforeAll
	void records() {
		clockBefore = clock.instant();
		// the agencies exist since 2024, so their 2024 annual report was due on 31 January 2025 (report.late counts)
		clock.today(LocalDate.of(2024, 1, 2));
		office = create("asmt-office", "考核测试县直机关工委", AgencyLevel.COUNTY, AgencyType.OTHER, "yiyuan");
		a = create("asmt-a", "考核测试甲局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "asmt-office");
		b = create("asmt-b", "考核测试乙局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "asmt-office");
		c = create("asmt-c", "考核测试丙局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "asmt-office");
		d = create("asmt-d", "考核测试丁镇人民政府", AgencyLevel.TOWNSHIP, AgencyType.PEOPLES_GOVERNMENT, "asmt-office");
		village = create("asmt-v", "考核测试戊村村民委员会", AgencyLevel.VILLAGE, AgencyType.OTHER, "asmt-d");
		clock.today(LocalDate.of(2026, 3, 2));

		// A: one request answered on time (received Mon 3 Mar 2025, answered 10 Mar, due after 20 working days)
		reply(received(a, LocalDate.of(2025, 3, 3)), LocalDate.of(2025, 3, 10));
		// B: one request answered late (received 3 Mar 2025, answered 6 May 2025: past the 20 working days)
		reply(received(b, LocalDate.of(2025, 3, 3)), LocalDate.of(2025, 5, 6));
		// C: two late requests, and a reconsideration filed in 2025 that corrected the agency
		InfoRequest c1 = reply(received(c, LocalDate.of(2025, 3, 3)), LocalDate.of(2025, 5, 6));
		reply(received(c, LocalDate.of(2025, 4, 1)), LocalDate.of(2025, 6, 3));
		as("asmt-handler", c, Role.REQUEST_HANDLER, false);
		Remedy remedy = requests.recordRemedy(c1.id(), Remedy.Kind.RECONSIDERATION, LocalDate.of(2025, 6, 10), "沂源县人民政府");
		requests.decideRemedy(remedy.id(), Remedy.Result.CORRECTED, LocalDate.of(2025, 8, 1), null);
		// D (a township): no requests
		SecurityContextHolder.clearContext();
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	@AfterAll
	void restoreClock() {
		clock.now = clockBefore;
	}

	@Test
	void aRunOfTheLichengTemplateEqualsTheHandCalculation() {
		supervisor();
		long schemeId = assessments.installTemplate(office, "licheng-2020", 2025, "考核测试2025年度方案（鲤城）");
		AssessmentScheme scheme = assessments.scheme(schemeId);
		// 鲤城 2020 as read: 主动公开 10 + 年度报告 10 + 依申请公开 6 + 保密审查 6 + 公开栏更新 5 = 37
		assertThat(scheme.basePoints()).isEqualByComparingTo("37");
		assertThat(scheme.sourceUrl()).contains("qzlc.gov.cn");
		assertThat(assessments.assessed(scheme)).extracting(Agency::id).containsExactlyInAnyOrder(a, b, c, d);

		long runId = assessments.startRun(schemeId);
		AssessmentRun run = assessments.run(runId);
		// figures for 2025 are taken on 31 December 2025 (today is 2 March 2026)
		assertThat(run.figuresOn()).isEqualTo(LocalDate.of(2025, 12, 31));

		// manual rows, each with the assessor's note and evidence:
		// C: 标题、索引号等要素未规范录入 −1 each, two found → 2; D: 未按要素撰写 −5; D: 公开栏更新 −1
		manual(runId, c, scheme, "标题、索引号等要素未规范录入", "2", "两条信息索引号缺失");
		manual(runId, d, scheme, "未按要素撰写", "5", "年度报告缺第五部分");
		manual(runId, d, scheme, "网站内容保障工作清单", "1", "公开栏一季度未更新");

		Map<Long, Sheet> sheets = new LinkedHashMap<>();
		assessments.ranking(runId).forEach(s -> sheets.put(s.agencyId(), s));
		assertThat(sheets).containsOnlyKeys(a, b, c, d);

		// Every agency's 2024 annual report was not published by its deadline (31 Jan 2025): report.late = 1 → −5.
		// A: 主动公开 10 + 年度报告 (10 − 5) + 依申请 6 + 保密 6 + 公开栏 5                          = 32
		// B: 10 + 5 + 依申请 (6 − one late × 6 = 0) + 6 + 5                                         = 26
		// C: 主动公开 (10 − 2) + 5 + 依申请 (6 − min(6, min(6, 2 × 6) + 1 × 3 = 9) = 0) + 6 + 5     = 24
		// D: 10 + 年度报告 (10 − 5 − 5 = 0) + 6 + 6 + 公开栏 (5 − 1 = 4)                             = 26
		// ranks: A 32 → 1; B and D 26 → both 2; C 24 → 4 (the rank after a tie skips)
		assertThat(sheets.get(a).total()).isEqualByComparingTo("32");
		assertThat(sheets.get(b).total()).isEqualByComparingTo("26");
		assertThat(sheets.get(c).total()).isEqualByComparingTo("24");
		assertThat(sheets.get(d).total()).isEqualByComparingTo("26");
		assertThat(sheets.get(a).rank()).isEqualTo(1);
		assertThat(sheets.get(b).rank()).isEqualTo(2);
		assertThat(sheets.get(d).rank()).isEqualTo(2);
		assertThat(sheets.get(c).rank()).isEqualTo(4);

		// C's sheet: the figure values, the row caps, the first-level cap and the records behind them
		SheetView cs = assessments.sheet(runId, c);
		Item late = row(scheme, "超期办理");
		Item corrected = row(scheme, "被纠错");
		Item requestsItem = scheme.item(late.parentId());
		assertThat(cs.lines().get(late.id()).figureValue()).isEqualTo(2L);
		assertThat(cs.lines().get(late.id()).amount()).isEqualByComparingTo("6");
		assertThat(cs.lines().get(late.id()).capped()).isTrue();
		assertThat(cs.lines().get(corrected.id()).figureValue()).isEqualTo(1L);
		assertThat(cs.lines().get(corrected.id()).amount()).isEqualByComparingTo("3");
		assertThat(cs.lines().get(corrected.id()).records()).hasSize(1);
		assertThat(cs.lines().get(requestsItem.id()).amount()).isEqualByComparingTo("6");
		assertThat(cs.lines().get(requestsItem.id()).capped()).isTrue();
		assertThat(cs.lines().get(requestsItem.id()).score()).isEqualByComparingTo("0");
		assertThat(cs.lines().get(row(scheme, "未及时公开").id()).figureValue()).isEqualTo(1L);
		assertThat(cs.manual().get(row(scheme, "标题、索引号等要素未规范录入").id()).evidenceName()).isEqualTo("佐证.pdf");

		// the assessed agency sees nothing of the draft, then its own sheet once final, never another agency's
		as("asmt-c-editor", c, Role.EDITOR, false);
		assertThatThrownBy(() -> assessments.sheet(runId, c)).isInstanceOf(DomainException.class);
		supervisor();
		assessments.finalise(runId, assessments.run(runId).revision());
		as("asmt-c-editor", c, Role.EDITOR, false);
		assertThat(assessments.sheet(runId, c).sheet().total()).isEqualByComparingTo("24");
		assertThatThrownBy(() -> assessments.sheet(runId, a)).isInstanceOf(DomainException.class)
			.hasMessageContaining("尚未定稿");
		assertThatThrownBy(() -> assessments.ranking(runId)).isInstanceOf(DomainException.class);
	}

	@Test
	void manualDeductionsNeedANoteAndEvidenceAndNothingIsSavedWithout() {
		supervisor();
		long schemeId = assessments.installTemplate(office, "licheng-2020", 2025, "考核测试证据方案");
		AssessmentScheme scheme = assessments.scheme(schemeId);
		long runId = assessments.startRun(schemeId);
		Item secret = row(scheme, "泄露国家秘密");
		assertThatThrownBy(() -> assessments.enterManual(runId, a, secret.id(), "6", "发现泄露个人隐私", null, null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("evidence"));
		assertThatThrownBy(() -> assessments.enterManual(runId, a, secret.id(), "6", " ", "x.pdf", bytes()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("note"));
		// above the row's cap (6), negative, not a number
		assertThatThrownBy(() -> assessments.enterManual(runId, a, secret.id(), "7", "说明", "x.pdf", bytes()))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("最多扣6分");
		assertThatThrownBy(() -> assessments.enterManual(runId, a, secret.id(), "-1", "说明", "x.pdf", bytes()))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> assessments.enterManual(runId, a, secret.id(), "六", "说明", "x.pdf", bytes()))
			.isInstanceOf(InvalidInputException.class);
		// an automatic row is not entered by hand
		assertThatThrownBy(() -> assessments.enterManual(runId, a, row(scheme, "超期办理").id(), "6", "说明", "x.pdf", bytes()))
			.isInstanceOf(DomainException.class);
		// the village is not assessed by this scheme
		assertThatThrownBy(() -> assessments.enterManual(runId, village, secret.id(), "0", null, null, null))
			.isInstanceOf(DomainException.class);
		assertThat(assessments.sheet(runId, a).manual()).isEmpty();
		// zero needs neither; a deduction with both is scored at once (A: 32 − 6 = 26)
		assessments.enterManual(runId, a, secret.id(), "0", null, null, null);
		assertThat(assessments.sheet(runId, a).sheet().total()).isEqualByComparingTo("32");
		assessments.enterManual(runId, a, secret.id(), "6", "发现泄露个人隐私", "截图.png", bytes());
		assertThat(assessments.sheet(runId, a).sheet().total()).isEqualByComparingTo("26");
		// changing the amount later keeps the evidence already on the entry
		assessments.enterManual(runId, a, secret.id(), "3", "经复核减半", null, null);
		SheetView v = assessments.sheet(runId, a);
		assertThat(v.sheet().total()).isEqualByComparingTo("29");
		assertThat(v.manual().get(secret.id()).evidenceName()).isEqualTo("截图.png");
		assertThat(assessments.evidence(runId, v.manual().get(secret.id()).id()).getValue()).isEqualTo(bytes());
	}

	@Test
	void aFinalRunNeverChangesAndItsSchemeIsLockedUntilCopied() {
		supervisor();
		long schemeId = assessments.installTemplate(office, "licheng-2020", 2025, "考核测试定稿方案");
		AssessmentScheme scheme = assessments.scheme(schemeId);
		long runId = assessments.startRun(schemeId);
		Item filed = row(scheme, "未及时向区政务公开办备案");
		assessments.enterManual(runId, b, filed.id(), "5", "未备案", "备案登记表.pdf", bytes());
		assertThat(total(runId, b)).isEqualByComparingTo("21");
		int revision = assessments.run(runId).revision();
		assessments.finalise(runId, revision);

		assertThatThrownBy(() -> assessments.enterManual(runId, b, filed.id(), "0", null, null, null))
			.isInstanceOf(DomainException.class).hasMessageContaining("定稿");
		assertThatThrownBy(() -> assessments.compute(runId)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> assessments.finalise(runId, revision + 1)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> assessments.deleteRun(runId)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> assessments.updateScheme(schemeId, scheme.revision(),
				new SchemeInput("改名", 2025, scheme.levels(), scheme.types(), null, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("复制");
		assertThatThrownBy(() -> assessments.removeItem(schemeId, scheme.revision(), filed.id()))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> assessments.deleteScheme(schemeId)).isInstanceOf(DomainException.class);
		// new records after finalising change nothing in the final run
		reply(received(b, LocalDate.of(2025, 9, 1)), LocalDate.of(2025, 11, 3));
		supervisor();
		assertThat(total(runId, b)).isEqualByComparingTo("21");
		assertThat(assessments.run(runId).isFinal()).isTrue();

		// the copy for 2026 is a new, editable scheme with the same items
		long copy = assessments.copyScheme(schemeId, 2026, null);
		AssessmentScheme copied = assessments.scheme(copy);
		assertThat(copied.year()).isEqualTo(2026);
		assertThat(copied.items()).hasSameSizeAs(scheme.items());
		assertThat(copied.basePoints()).isEqualByComparingTo("37");
		assertThat(assessments.editable(copy)).isTrue();
		assessments.removeItem(copy, copied.revision(), row(copied, "未及时向区政务公开办备案").id());
		assertThat(assessments.scheme(copy).items()).hasSize(scheme.items().size() - 1);
		assertThat(assessments.scheme(schemeId).items()).hasSameSizeAs(scheme.items());
	}

	@Test
	void theLaiyuanTemplateAwardsItsThresholdRowAndOthersMayNotRunSchemes() {
		assertThat(templates.all()).extracting(AssessmentTemplates.Template::code).containsExactly("laiyuan-2023", "licheng-2020");
		supervisor();
		long schemeId = assessments.installTemplate(office, "laiyuan-2023", 2025, null);
		AssessmentScheme scheme = assessments.scheme(schemeId);
		// 制度建设 30 + 平台管理与信息更新 30 read of the 108; grades from the template
		assertThat(scheme.basePoints()).isEqualByComparingTo("60");
		assertThat(scheme.note()).contains("108");
		Item total = row(scheme, "年度信息总量");
		assertThat(total.figureKey()).isEqualTo("proactive.published");
		assertThat(total.threshold()).isEqualTo(200L);
		long runId = assessments.startRun(schemeId);
		// no agency published 200 items in 2025: every one loses 2 on the row
		for (long agency : List.of(a, b, c, d)) {
			SheetView v = assessments.sheet(runId, agency);
			assertThat(v.lines().get(total.id()).figureValue()).isZero();
			assertThat(v.lines().get(total.id()).amount()).isEqualByComparingTo("2");
		}
		assessments.deleteRun(runId);
		assertThat(assessments.runsOf(List.of(schemeId))).isEmpty();

		// an editor of an assessed agency may neither install, nor read the scheme
		as("asmt-a-editor", a, Role.EDITOR, false);
		assertThatThrownBy(() -> assessments.installTemplate(office, "laiyuan-2023", 2025, null))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> assessments.scheme(schemeId)).isInstanceOf(DomainException.class);
	}

	@Test
	void theDemoSeedInstallsBothTemplatesForTheCountyOnce() {
		clock.today(LocalDate.of(2026, 3, 2));
		demo.seed();
		demo.seed();
		as("asmt-county", agencyDirectory.requireByCode("yiyuan").id(), Role.SUPERVISOR, true);
		assertThat(assessments.schemes(org.gongkai.platform.Actors.require())
			.stream()
			.filter(s -> s.year() == 2026 && s.ownerAgencyId() == agencyDirectory.requireByCode("yiyuan").id()))
			.extracting(AssessmentScheme::templateCode)
			.containsExactlyInAnyOrder("laiyuan-2023", "licheng-2020");
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private void supervisor() {
		as("asmt-supervisor", office, Role.SUPERVISOR, true);
	}

	private BigDecimal total(long runId, long agency) {
		return assessments.sheet(runId, agency).sheet().total();
	}

	private void manual(long runId, long agency, AssessmentScheme scheme, String rowText, String amount, String note) {
		assessments.enterManual(runId, agency, row(scheme, rowText).id(), amount, note, "佐证.pdf", bytes());
	}

	private static Item row(AssessmentScheme scheme, String text) {
		return scheme.items().stream().filter(i -> !i.firstLevel() && i.title().contains(text)).findFirst().orElseThrow();
	}

	private static byte[] bytes() {
		return "%PDF-1.4 evidence".getBytes(StandardCharsets.US_ASCII);
	}

	private long create(String code, String name, AgencyLevel level, AgencyType type, String parent) {
		String first17 = "1137032" + String.format("%010d", 770_000 + SERIAL.incrementAndGet());
		String credit = first17 + CreditCode.checkCharacter(first17);
		return Actors.callAsSystem(() -> agencyManagement.create(new NewAgency(code, name, null, level, type, parent, credit,
				"考核测试", 900))).id();
	}

	private InfoRequest received(long agency, LocalDate on) {
		as("asmt-handler", agency, Role.REQUEST_HANDLER, false);
		return requests.enter(agency, SubmissionChannel.IN_PERSON, on,
				new Application(ApplicantType.NATURAL_PERSON, "李四", IdType.RESIDENT_ID, "11010519491231002X", null,
						"13800001234", null, "沂源县南麻街道1号", null, "请公开本单位2024年度项目清单", ProvisionForm.PAPER,
						ObtainMethod.POST));
	}

	private InfoRequest reply(InfoRequest r, LocalDate on) {
		as("asmt-handler", r.agencyId(), Role.REQUEST_HANDLER, false);
		return requests.reply(r.id(), new InfoRequestManagement.Reply(Outcome.R1, on, null, null, "答复内容", null, null));
	}
}
