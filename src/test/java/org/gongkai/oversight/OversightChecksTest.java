package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyManagement;
import org.gongkai.organisation.CreditCode;
import org.gongkai.organisation.AgencyType;
import org.gongkai.platform.Actors;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.publication.DisclosureAttribute;
import org.gongkai.publication.Document;
import org.gongkai.publication.DocumentDraft;
import org.gongkai.publication.DocumentLedger;
import org.gongkai.publication.DocumentManagement;
import org.gongkai.publication.DocumentStatus;
import org.gongkai.publication.ExemptionGround;
import org.gongkai.publication.ReviewChecks;
import org.gongkai.testing.MovableClock;
import org.gongkai.testing.StatisticsContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Self-checks, quarterly inspections with findings, bulletins and the source review, on agencies of their own (a
 * county and four departments created here) so that no other test sees their records: the self-check's figures
 * filled in from the records, a late report, rectification deadlines in working days, re-checks, an issued bulletin
 * that no longer changes and its Word and PDF files, public and non-public bulletins, and the November conversion of
 * an item to proactive disclosure by the approver only.
 */
class OversightChecksTest extends StatisticsContext {

	@Autowired
	MovableClock clock;

	@Autowired
	AgencyManagement agencyManagement;

	@Autowired
	SelfCheckManagement selfChecks;

	@Autowired
	OversightInspectionManagement inspections;

	@Autowired
	BulletinManagement bulletins;

	@Autowired
	BulletinPdf bulletinPdf;

	@Autowired
	SourceReviewManagement reviews;

	@Autowired
	DocumentManagement documents;

	@Autowired
	DocumentLedger ledger;

	@Autowired
	MonitoringFigures figures;

	Instant found;

	Agency county;

	Agency selfCheckUnit;

	Agency findingUnit;

	Agency reviewUnit;

	Agency bulletinUnit;

	@BeforeAll
	void agencies() {
		found = clock.instant();
		county = Actors.callAsSystem(() -> agencyManagement.create(new NewAgency("ovc-county", "督查测试县", null, AgencyLevel.COUNTY,
				AgencyType.PEOPLES_GOVERNMENT, null, credit(0), "测试", 900)));
		selfCheckUnit = department("ovc-sc", "督查测试自查局", 1);
		findingUnit = department("ovc-fd", "督查测试整改局", 2);
		reviewUnit = department("ovc-sr", "督查测试梳理局", 3);
		bulletinUnit = department("ovc-bl", "督查测试通报局", 4);
	}

	private Agency department(String code, String name, int order) {
		return Actors.callAsSystem(() -> agencyManagement.create(new NewAgency(code, name, null, AgencyLevel.COUNTY,
				AgencyType.DEPARTMENT, "ovc-county", credit(order), "测试", order)));
	}

	private static String credit(int n) {
		String prefix = "11379923" + String.format("%09d", 990_000 + n);
		return prefix + CreditCode.checkCharacter(prefix);
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@AfterAll
	void restoreClock() {
		clock.now = found;
	}

	private void supervisor() {
		as("ovc-gkb", county.id(), Role.SUPERVISOR, true);
	}

	@Test
	void selfCheckIsPrefilledFromTheFiguresAndALateReportIsFlagged() {
		// a finding of 2 November, due 5 working days later (9 November), is overdue on 10 November
		clock.today(LocalDate.of(2026, 11, 2));
		supervisor();
		OversightInspection round = inspections.create(county.id(), "自查测试督查", 2026, 4, LocalDate.of(2026, 11, 2),
				List.of(selfCheckUnit.id()));
		OversightFinding f = inspections.addFinding(round.id(), selfCheckUnit.id(), null, "政策文件栏目半年未更新", "立即更新", "办公室", null);
		assertThat(f.dueOn()).isEqualTo(LocalDate.of(2026, 11, 9));

		clock.today(LocalDate.of(2026, 11, 10));
		as("ovc-sc-editor", selfCheckUnit.id(), Role.EDITOR, false);
		SelfCheck check = selfChecks.open(selfCheckUnit.id(), YearMonth.of(2026, 11));
		assertThat(check.dueOn()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(check.figuresOn()).isEqualTo(LocalDate.of(2026, 11, 10));
		List<SelfCheckAnswer> lines = selfChecks.answers(check.id());
		assertThat(lines).extracting(SelfCheckAnswer::label).contains("栏目是否按时更新", "是否落实保密审查");
		SelfCheckAnswer rectification = lines.stream().filter(a -> OversightFindingFigures.OVERDUE.equals(a.figureKey())).findFirst().orElseThrow();
		assertThat(rectification.figureValue()).isEqualTo(1L);
		assertThat(rectification.records()).extracting(CountedRecord::consoleUrl)
			.containsExactly("/console/oversight-inspections/findings/" + f.id());
		// opening again gives the same check
		assertThat(selfChecks.open(selfCheckUnit.id(), YearMonth.of(2026, 11)).id()).isEqualTo(check.id());

		// not all answered: refused, naming each missing item
		assertThatThrownBy(() -> selfChecks.submit(check.id())).isInstanceOf(InvalidInputException.class)
			.extracting(e -> ((InvalidInputException) e).problems().size()).isEqualTo(lines.size());
		Map<Long, SelfCheckManagement.Answer> answers = new HashMap<>();
		lines.forEach(a -> answers.put(a.id(), new SelfCheckManagement.Answer("COMPLIANT", null)));
		answers.put(rectification.id(), new SelfCheckManagement.Answer("NON_COMPLIANT", " "));
		assertThatThrownBy(() -> selfChecks.answer(check.id(), answers, null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("请说明存在的问题和整改措施");
		assertThat(selfChecks.answers(check.id())).allMatch(a -> a.answer() == null);
		answers.put(rectification.id(), new SelfCheckManagement.Answer("NON_COMPLIANT", "政策文件栏目更新不及时，11月底前补齐"));
		selfChecks.answer(check.id(), answers, "本月自查发现1个问题");

		// reported on the 26th: late
		clock.today(LocalDate.of(2026, 11, 26));
		SelfCheck submitted = selfChecks.submit(check.id());
		assertThat(submitted.status()).isEqualTo(SelfCheckStatus.SUBMITTED);
		assertThat(submitted.submittedOn()).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(submitted.late(LocalDate.of(2026, 11, 26))).isTrue();
		assertThatThrownBy(() -> selfChecks.answer(check.id(), answers, null)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(409);

		// the supervisor's overview: the unit reported late with one item not compliant; the others are missing and late
		supervisor();
		List<SelfCheckManagement.OverviewRow> rows = selfChecks.overview(Actors.require(), YearMonth.of(2026, 11));
		SelfCheckManagement.OverviewRow mine = rows.stream().filter(r -> r.agency().id() == selfCheckUnit.id()).findFirst().orElseThrow();
		assertThat(mine.statusLabel()).isEqualTo("已报送");
		assertThat(mine.late()).isTrue();
		assertThat(mine.nonCompliant()).isEqualTo(1);
		SelfCheckManagement.OverviewRow other = rows.stream().filter(r -> r.agency().id() == reviewUnit.id()).findFirst().orElseThrow();
		assertThat(other.check()).isNull();
		assertThat(other.late()).isTrue();
		// another unit's editor cannot open this unit's check
		as("ovc-sr-editor", reviewUnit.id(), Role.EDITOR, false);
		assertThatThrownBy(() -> selfChecks.view(check.id())).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
	}

	@Test
	void findingsAreDueInWorkingDaysAndReCheckedUntilClosed() {
		clock.today(LocalDate.of(2026, 11, 6));
		supervisor();
		OversightInspection round = inspections.create(county.id(), "整改测试督查", 2026, 4, LocalDate.of(2026, 11, 6),
				List.of(findingUnit.id()));
		OversightInspectionRow row = inspections.addRow(round.id(), findingUnit.id(), "按时更新政策文件栏目", false, "半年未更新");
		// Friday + 5 working days skips the weekend
		OversightFinding f = inspections.addFinding(round.id(), findingUnit.id(), row.id(), "政策文件栏目超过6个月未更新",
				"补充发布并建立更新台账", "办公室", null);
		assertThat(f.dueOn()).isEqualTo(LocalDate.of(2026, 11, 13));
		assertThat(f.status()).isEqualTo(OversightFindingStatus.OPEN);
		// a unit outside the round is refused
		assertThatThrownBy(() -> inspections.addFinding(round.id(), bulletinUnit.id(), null, "问题", null, null, null))
			.isInstanceOf(InvalidInputException.class);

		// before the National Day holiday: 5 working days end after the holiday
		clock.today(LocalDate.of(2026, 9, 30));
		OversightInspection autumn = inspections.create(county.id(), "国庆前督查", 2026, 3, LocalDate.of(2026, 9, 30),
				List.of(findingUnit.id()));
		OversightFinding holiday = inspections.addFinding(autumn.id(), findingUnit.id(), null, "节前发现的问题", null, null, null);
		assertThat(holiday.dueOn()).isAfter(LocalDate.of(2026, 10, 7));

		// overdue on 16 November: counted by the figure with its record
		clock.today(LocalDate.of(2026, 11, 16));
		OversightFigure overdue = figures.compute(findingUnit.id(), LocalDate.of(2026, 11, 16)).get(OversightFindingFigures.OVERDUE);
		assertThat(overdue.value()).isEqualTo(2);
		assertThat(f.overdue(LocalDate.of(2026, 11, 16))).isTrue();

		// another unit's editor cannot answer; the unit's editor does
		as("ovc-sc-editor", selfCheckUnit.id(), Role.EDITOR, false);
		assertThatThrownBy(() -> inspections.answer(f.id(), "已整改")).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		as("ovc-fd-editor", findingUnit.id(), Role.EDITOR, false);
		assertThatThrownBy(() -> inspections.answer(f.id(), " ")).isInstanceOf(InvalidInputException.class);
		OversightFinding answered = inspections.answer(f.id(), "已补充发布3条政策文件");
		assertThat(answered.status()).isEqualTo(OversightFindingStatus.ANSWERED);
		assertThat(answered.overdue(LocalDate.of(2026, 11, 16))).isFalse();
		// the unit cannot re-check its own rectification
		assertThatThrownBy(() -> inspections.recheck(f.id(), true, null, null)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);

		// not passed: a note is required, a new deadline of 5 working days follows
		supervisor();
		assertThatThrownBy(() -> inspections.recheck(f.id(), false, null, null)).isInstanceOf(InvalidInputException.class);
		OversightFinding failed = inspections.recheck(f.id(), false, "仍缺少2025年文件", null);
		assertThat(failed.status()).isEqualTo(OversightFindingStatus.OPEN);
		assertThat(failed.dueOn()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(failed.rechecks()).isEqualTo(1);
		assertThatThrownBy(() -> inspections.recheck(f.id(), true, null, null)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(409);

		as("ovc-fd-admin", findingUnit.id(), Role.AGENCY_ADMIN, false);
		inspections.answer(f.id(), "已补齐2025年文件");
		supervisor();
		OversightFinding passed = inspections.recheck(f.id(), true, "整改到位", null);
		assertThat(passed.status()).isEqualTo(OversightFindingStatus.PASSED);
		assertThat(passed.closedOn()).isEqualTo(LocalDate.of(2026, 11, 16));
		assertThat(inspections.steps(f.id())).extracting(OversightFindingStep::action)
			.containsExactly("found", "answered", "failed", "answered", "passed");
		// closed: only the autumn finding is still overdue
		assertThat(figures.compute(findingUnit.id(), LocalDate.of(2026, 11, 16)).get(OversightFindingFigures.OVERDUE).value())
			.isEqualTo(1);
	}

	@Test
	void bulletinIsGeneratedEditedIssuedThenImmutableWithWordAndPdf() throws Exception {
		clock.today(LocalDate.of(2026, 10, 12));
		supervisor();
		OversightInspection round = inspections.create(county.id(), "通报测试督查", 2026, 3, LocalDate.of(2026, 10, 12),
				List.of(bulletinUnit.id()));
		inspections.addFinding(round.id(), bulletinUnit.id(), null, "互动交流栏目留言超期未答复", "立即答复", "办公室", null);
		Bulletin draft = bulletins.generate(county.id(), round.id(), null, null);
		assertThat(draft.status()).isEqualTo(BulletinStatus.DRAFT);
		assertThat(draft.periodFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(draft.periodTo()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(draft.title()).contains("2026年第3季度");
		assertThat(draft.overall()).contains("1个单位共主动公开政府信息0条", "发现问题1个", "自动监测得分：督查测试通报局");
		assertThat(draft.problems()).contains("（一）督查测试通报局：", "1. 互动交流栏目留言超期未答复");
		assertThat(draft.requirements()).contains("5个工作日");

		// a unit's editor cannot edit or issue
		as("ovc-bl-editor", bulletinUnit.id(), Role.EDITOR, false);
		assertThatThrownBy(() -> bulletins.issue(draft.id())).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		supervisor();
		assertThatThrownBy(() -> bulletins.update(draft.id(), "标题", null, "", "问题", "要求", true))
			.isInstanceOf(InvalidInputException.class);
		Bulletin edited = bulletins.update(draft.id(), draft.title(), "沂公开办〔2026〕9号", draft.overall(), draft.problems(),
				"各单位于10月20日前报送整改情况。", true);
		assertThat(bulletins.publicBulletins()).extracting(Bulletin::id).doesNotContain(draft.id());
		assertThat(bulletins.publicBulletin(draft.id())).isEmpty();
		Bulletin issued = bulletins.issue(edited.id());
		assertThat(issued.status()).isEqualTo(BulletinStatus.ISSUED);
		assertThat(issued.issuedOn()).isEqualTo(LocalDate.of(2026, 10, 12));
		assertThatThrownBy(() -> bulletins.update(issued.id(), "改标题", null, "a", "b", "c", false)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(409);
		assertThatThrownBy(() -> bulletins.issue(issued.id())).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> bulletins.discard(issued.id())).isInstanceOf(DomainException.class);
		assertThat(bulletins.publicBulletin(issued.id())).isPresent();

		// a staff-only bulletin issued stays off the portal
		Bulletin internal = bulletins.generate(county.id(), null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
		bulletins.issue(internal.id());
		assertThat(bulletins.publicBulletins()).extracting(Bulletin::id).contains(issued.id()).doesNotContain(internal.id());
		assertThat(bulletins.publicBulletin(internal.id())).isEmpty();

		// Word and PDF carry the three parts and the issuing line
		BulletinFile word = BulletinWord.write(issued, county.name());
		assertThat(word.fileName()).endsWith(".docx");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word.content()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains(issued.title(), "沂公开办〔2026〕9号", "一、总体情况", "二、存在问题",
					"互动交流栏目留言超期未答复", "三、下一步工作要求", "各单位于10月20日前报送整改情况。", "督查测试县", "2026年10月12日");
		}
		if (bulletinPdf.available()) {
			BulletinFile pdf = bulletinPdf.write(issued, county.name());
			try (PDDocument doc = Loader.loadPDF(pdf.content())) {
				String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
				assertThat(text).contains("一、总体情况", "二、存在问题", "三、下一步工作要求", "互动交流栏目留言超期未答复",
						"各单位于10月20日前报送整改情况。");
			}
		}
	}

	@Test
	void januaryReviewListsTheYearsItemsAndNovemberConvertsOneToProactiveByTheApproverOnly() {
		clock.today(LocalDate.of(2025, 6, 2));
		Document onRequest = finalItem("督查测试梳理局内部工作方案", DisclosureAttribute.ON_REQUEST, LocalDate.of(2025, 6, 2));
		Document withheld = finalItem("督查测试梳理局涉密事项请示", DisclosureAttribute.NOT_DISCLOSED, LocalDate.of(2025, 6, 2));
		assertThat(onRequest.status()).isEqualTo(DocumentStatus.LISTED);
		assertThat(withheld.status()).isEqualTo(DocumentStatus.WITHHELD);

		// January: the items made in 2025 listed with their attribute, confirmed or flagged
		clock.today(LocalDate.of(2026, 1, 12));
		as("ovc-sr-editor", reviewUnit.id(), Role.EDITOR, false);
		assertThat(reviews.defaultYear(SourceReviewKind.JANUARY)).isEqualTo(2025);
		SourceReview january = reviews.open(reviewUnit.id(), SourceReviewKind.JANUARY, 2025);
		List<SourceReviewItem> items = reviews.items(january.id());
		assertThat(items).extracting(SourceReviewItem::documentId).containsExactlyInAnyOrder(onRequest.id(), withheld.id());
		assertThat(items).extracting(SourceReviewItem::attribute)
			.containsExactlyInAnyOrder(DisclosureAttribute.ON_REQUEST, DisclosureAttribute.NOT_DISCLOSED);
		SourceReviewItem first = items.get(0);
		assertThatThrownBy(() -> reviews.decide(first.id(), SourceReviewDecision.FLAGGED, null)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> reviews.submit(january.id(), null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("还有2条信息未处理");
		reviews.decide(first.id(), SourceReviewDecision.FLAGGED, "可能可以主动公开");
		reviews.decide(items.get(1).id(), SourceReviewDecision.CONFIRMED, null);
		assertThatThrownBy(() -> reviews.convert(first.id(), "理由", List.of("a20-01-03"))).isInstanceOf(DomainException.class);
		assertThat(reviews.submit(january.id(), "梳理完毕").submitted()).isTrue();

		// November: the items not public, kept or converted in one step
		clock.today(LocalDate.of(2026, 11, 10));
		SourceReview november = reviews.open(reviewUnit.id(), SourceReviewKind.NOVEMBER, 2026);
		List<SourceReviewItem> open = reviews.items(november.id());
		assertThat(open).extracting(SourceReviewItem::documentId).containsExactlyInAnyOrder(onRequest.id(), withheld.id());
		SourceReviewItem toConvert = open.stream().filter(i -> i.documentId() == onRequest.id()).findFirst().orElseThrow();
		SourceReviewItem toKeep = open.stream().filter(i -> i.documentId() == withheld.id()).findFirst().orElseThrow();
		// an editor cannot convert: the leader (APPROVER) decides
		assertThatThrownBy(() -> reviews.convert(toConvert.id(), "已无不公开的理由", List.of("a20-01-03")))
			.isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		assertThat(ledger.entry(onRequest.id()).orElseThrow().status()).isEqualTo(DocumentStatus.LISTED);
		assertThatThrownBy(() -> reviews.decide(toKeep.id(), SourceReviewDecision.KEPT, null)).isInstanceOf(InvalidInputException.class);
		reviews.decide(toKeep.id(), SourceReviewDecision.KEPT, "涉及国家秘密，依据《条例》第十四条维持不予公开");

		as("ovc-sr-leader", reviewUnit.id(), Role.APPROVER, false);
		assertThatThrownBy(() -> reviews.convert(toConvert.id(), " ", List.of("a20-01-03"))).isInstanceOf(InvalidInputException.class);
		SourceReviewItem converted = reviews.convert(toConvert.id(), "方案已实施完毕，可转为主动公开", List.of("a20-01-03"));
		assertThat(converted.decision()).isEqualTo(SourceReviewDecision.CONVERTED);
		DocumentLedger.Entry now = ledger.entry(onRequest.id()).orElseThrow();
		assertThat(now.status()).isEqualTo(DocumentStatus.PUBLISHED);
		assertThat(now.status().isPublic()).isTrue();
		assertThat(now.attribute()).isEqualTo(DisclosureAttribute.PROACTIVE);
		assertThat(ledger.notPublic(reviewUnit.id())).extracting(DocumentLedger.Entry::id).containsExactly(withheld.id());
		reviews.submit(november.id(), "自查完毕，1条转为主动公开");

		// the supervisor sees the result
		supervisor();
		SourceReviewManagement.OverviewRow row = reviews.overview(Actors.require(), SourceReviewKind.NOVEMBER, 2026)
			.stream()
			.filter(r -> r.agency().id() == reviewUnit.id())
			.findFirst()
			.orElseThrow();
		assertThat(row.statusLabel()).isEqualTo("已报送");
		assertThat(row.counts().kept()).isEqualTo(1);
		assertThat(row.counts().converted()).isEqualTo(1);
		assertThat(row.counts().pending()).isZero();
	}

	/** An item of the review unit taken through the workflow to its final state. */
	private Document finalItem(String title, DisclosureAttribute attribute, LocalDate on) {
		long unit = reviewUnit.id();
		as("ovc-sr-editor", unit, Role.EDITOR, false);
		boolean withheld = attribute == DisclosureAttribute.NOT_DISCLOSED;
		Document d = documents.createDraft(unit, new DocumentDraft(title, null, "<p>" + title + "</p>", null, null, on, on,
				"综合政务/其他", "通知", null, false, false, List.of(), attribute, withheld ? ExemptionGround.STATE_SECRET : null,
				withheld ? "属于国家秘密" : null, null, null, null));
		documents.submit(d.id());
		as("ovc-sr-reviewer", unit, Role.REVIEWER, false);
		documents.review(d.id(), new ReviewChecks(true, true, true, true), "属性正确");
		as("ovc-sr-leader", unit, Role.APPROVER, false);
		return documents.approve(d.id(), "同意");
	}
}
