package org.gongkai.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Role;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.Zones;
import org.gongkai.search.PreparedQuery;
import org.gongkai.search.SearchEngine;
import org.gongkai.search.SearchFilter;
import org.gongkai.search.SearchOrder;
import org.gongkai.testing.SearchSourcesContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The items the site search sees: only what is on the portal now (published, by an agency that is not abolished),
 * with the text of their PDF and Word attachments, repealed items still public but out of force; and the index
 * follows publication and withdrawal through the module's event.
 */
class DocumentSearchSourceTest extends SearchSourcesContext {

	@Autowired
	DocumentSearchSource source;

	@Autowired
	DocumentManagement management;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	SearchEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	long fgj;

	@BeforeEach
	void setUp() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
	}

	@Test
	void aPublishedItemIsFoundWithItsMetadataAndTheTextOfItsPdfAndWordAttachments() throws IOException {
		Document doc = draft("关于开展政务公开标准化规范化工作的通知", DisclosureAttribute.PROACTIVE, "<p>各乡镇、各部门：<b>现将</b>有关事项通知如下。</p>");
		as("fgj-editor", fgj, Role.EDITOR);
		management.attach(doc.id(), "任务分工.pdf", pdf("Annex one: standardisation checklist for townships"));
		management.attach(doc.id(), "工作台账.docx", docx("附件二：政务公开工作台账模板"));
		Document published = publish(doc.id());

		SearchEntry entry = source.publicEntry(doc.id()).orElseThrow();

		assertThat(entry.kind()).isEqualTo("document");
		assertThat(entry.id()).isEqualTo(doc.id());
		assertThat(entry.agencyId()).isEqualTo(fgj);
		assertThat(entry.url()).isEqualTo("/agencies/yiyuan-fgj/documents/" + doc.id() + "/");
		assertThat(entry.title()).isEqualTo("关于开展政务公开标准化规范化工作的通知");
		assertThat(entry.body()).contains("各乡镇、各部门：现将有关事项通知如下。").doesNotContain("<p>").doesNotContain("<b>");
		assertThat(entry.attachmentText()).contains("standardisation checklist for townships").contains("政务公开工作台账模板");
		assertThat(entry.keywords()).contains("沂发改发〔2026〕" + (doc.id() % 100) + "号").contains(published.indexNumber());
		assertThat(entry.theme()).isEqualTo("综合政务");
		assertThat(entry.date()).isEqualTo(published.publishedOn());
		assertThat(entry.outOfForce()).isFalse();
	}

	@Test
	void draftsItemsListedOnRequestAndWithdrawnItemsAreNotPublic() {
		Document draft = draft("草稿不应被检索到的通知", DisclosureAttribute.PROACTIVE, "草稿正文");
		Document onRequest = draft("依申请公开的内部事项", DisclosureAttribute.ON_REQUEST, "依申请公开正文");
		assertThat(publish(onRequest.id()).status()).isEqualTo(DocumentStatus.LISTED);
		Document withdrawn = draft("发布后撤回的通知", DisclosureAttribute.PROACTIVE, "撤回正文");
		publish(withdrawn.id());
		assertThat(source.publicEntry(withdrawn.id())).isPresent();
		as("fgj-leader", fgj, Role.APPROVER);
		management.withdraw(withdrawn.id(), "内容有误，撤回");

		assertThat(source.publicEntry(draft.id())).isEmpty();
		assertThat(source.publicEntry(onRequest.id())).isEmpty();
		assertThat(source.publicEntry(withdrawn.id())).isEmpty();
		assertThat(source.publicEntry(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void aRepealedItemStaysPublicButOutOfForce() {
		Document doc = draft("关于印发某某管理办法的通知（已废止测试）", DisclosureAttribute.PROACTIVE, "管理办法全文");
		publish(doc.id());
		as("fgj-leader", fgj, Role.APPROVER);
		management.changeValidity(doc.id(), Validity.REPEALED, LocalDate.now(clock.withZone(Zones.CHINA)), "已被新办法替代");

		SearchEntry entry = source.publicEntry(doc.id()).orElseThrow();
		assertThat(entry.outOfForce()).isTrue();
	}

	@Test
	void everyPublicItemIsYieldedOnceAndNothingElse() {
		Document published = draft("全量重建应包含的通知", DisclosureAttribute.PROACTIVE, "正文");
		publish(published.id());
		Document draft = draft("全量重建不应包含的草稿", DisclosureAttribute.PROACTIVE, "正文");

		List<Long> yielded = new ArrayList<>();
		source.forEachPublic(e -> yielded.add(e.id()));

		Set<Long> expected = new HashSet<>(jdbc.sql("SELECT id FROM pub_document WHERE status = 'PUBLISHED'")
			.query(Long.class)
			.list());
		assertThat(yielded).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected)
			.contains(published.id())
			.doesNotContain(draft.id());
	}

	@Test
	void attachmentTextSkipsDamagedFilesAndOtherTypesAndIsCapped() throws IOException {
		assertThat(AttachmentText.extract("broken.pdf", "%PDF-1.7 this is not a pdf".getBytes())).isEmpty();
		assertThat(AttachmentText.extract("broken.docx", new byte[] { 'P', 'K', 3, 4, 1, 2 })).isEmpty();
		assertThat(AttachmentText.extract("broken.doc", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 })).isEmpty();
		assertThat(AttachmentText.extract("picture.png", new byte[] { (byte) 0x89, 'P', 'N', 'G' })).isEmpty();
		assertThat(AttachmentText.extract("ok.docx", docx("正文 第二段"))).contains("正文 第二段");
		assertThat(AttachmentText.clean("甲".repeat(AttachmentText.MAX_CHARS + 50))).hasSize(AttachmentText.MAX_CHARS);
		assertThat(AttachmentText.clean(" 一\n\n二\t三 ")).isEqualTo("一 二 三");
	}

	@Test
	void publishingThenWithdrawingMakesAnItemFindableThenUnfindable() {
		quiet();
		String word = probe();
		Document doc = draft("关于" + word + "项目建设的公告", DisclosureAttribute.PROACTIVE, "项目公告正文");
		publish(doc.id());

		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found(word)).contains(doc.id()));

		as("fgj-leader", fgj, Role.APPROVER);
		management.withdraw(doc.id(), "公告有误，撤回");

		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(found(word)).doesNotContain(doc.id()));
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private List<Long> found(String word) {
		return engine.search(new PreparedQuery(word, List.of(word), List.of()), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 20)
			.hits()
			.stream()
			.filter(h -> h.kind().equals("document"))
			.map(h -> h.id())
			.toList();
	}

	/** A word no other record contains: lower-case letters only, so the analyser keeps it whole. */
	static String probe() {
		StringBuilder sb = new StringBuilder("probe");
		for (int i = 0; i < 8; i++) {
			sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return sb.toString();
	}

	private Document draft(String title, DisclosureAttribute attribute, String body) {
		as("fgj-editor", fgj, Role.EDITOR);
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		Document created = management.createDraft(fgj, new DocumentDraft(title, "摘要：" + title, body, "沂源县发展和改革局",
				null, today, today, "综合政务/政务公开", "通知", "检索测试", false, false, List.of("a20-01"), attribute,
				attribute == DisclosureAttribute.NOT_DISCLOSED ? ExemptionGround.PROCESS_INFORMATION : null, null, null, null,
				null));
		// the document number carries the id, so each test item has its own
		return management.updateDraft(created.id(), new DocumentDraft(title, "摘要：" + title, body, "沂源县发展和改革局",
				"沂发改发〔2026〕" + (created.id() % 100) + "号", today, today, "综合政务/政务公开", "通知", "检索测试", false,
				false, List.of("a20-01"), attribute, null, null, null, null, null));
	}

	private Document publish(long id) {
		as("fgj-editor", fgj, Role.EDITOR);
		management.submit(id);
		as("fgj-reviewer", fgj, Role.REVIEWER);
		management.review(id, new ReviewChecks(true, true, true, true), "同意");
		as("fgj-leader", fgj, Role.APPROVER);
		return management.approve(id, "同意");
	}

	static byte[] pdf(String text) throws IOException {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(doc, page)) {
				stream.beginText();
				stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				stream.newLineAtOffset(72, 700);
				stream.showText(text);
				stream.endText();
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	static byte[] docx(String text) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText(text);
			doc.write(out);
			return out.toByteArray();
		}
	}
}
