package org.gongkai.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.gongkai.interpretation.Interpretation;
import org.gongkai.interpretation.InterpretationDraft;
import org.gongkai.interpretation.InterpretationForm;
import org.gongkai.interpretation.InterpretationManagement;
import org.gongkai.interpretation.PolicyDossiers;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.Zones;
import org.gongkai.publication.DisclosureAttribute;
import org.gongkai.publication.Document;
import org.gongkai.publication.DocumentDraft;
import org.gongkai.publication.DocumentManagement;
import org.gongkai.publication.ReviewChecks;
import org.gongkai.publication.Validity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo county's published information: about twenty items of several departments and townships, written from
 * the real texts of the seeds ({@code demo/documents.txt}), with themes, document numbers, a PDF and a Word
 * attachment generated here, two normative documents (the older one later repealed) and three interpretations
 * published with their policies. Everything goes through the modules' own services and workflow (drafting, the
 * interpretation plan, review, approval), as staff of each agency would do it, dated by the injected clock.
 */
@Component
class DemoContent {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	private static final List<String> CJK_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
			"/System/Library/Fonts/PingFang.ttc", "C:/Windows/Fonts/simsun.ttc");

	record Item(String key, String agency, String title, String number, String theme, String type, String node,
			boolean normative, int daysAgo, Set<String> extras, String body) {
	}

	record Reading(String agency, String itemKey, String title, InterpretationForm form, String interpreter,
			boolean principal, String body) {
	}

	private final DocumentManagement documents;

	private final InterpretationManagement interpretations;

	private final PolicyDossiers dossiers;

	private final AgencyDirectory directory;

	private final Clock clock;

	DemoContent(DocumentManagement documents, InterpretationManagement interpretations, PolicyDossiers dossiers,
			AgencyDirectory directory, Clock clock) {
		this.documents = documents;
		this.interpretations = interpretations;
		this.dossiers = dossiers;
		this.directory = directory;
		this.clock = clock;
	}

	/** Publishes the demo items; the caller runs it once, right after the demo county was created. */
	Map<String, Long> seed() {
		SecurityContext previous = SecurityContextHolder.getContext();
		try {
			return publishAll();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private Map<String, Long> publishAll() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		List<Reading> readings = new ArrayList<>();
		List<Item> items = read(readings);
		Map<String, Long> ids = new LinkedHashMap<>();
		for (Item item : items) {
			long agencyId = directory.requireByCode(item.agency()).id();
			LocalDate formed = today.minusDays(item.daysAgo());
			Document doc = as(agencyId, "demo-editor", Role.EDITOR,
					() -> documents.createDraft(agencyId, new DocumentDraft(item.title(), null, item.body(),
							directory.requireById(agencyId).name(), item.number(), formed, formed, item.theme(), item.type(),
							null, item.normative(), false, List.of(item.node()), DisclosureAttribute.PROACTIVE, null, null,
							null, null, null)));
			ids.put(item.key(), doc.id());
			as(agencyId, "demo-editor", Role.EDITOR, () -> {
				if (item.extras().contains("plan")) {
					dossiers.savePlan(doc.id(), new PolicyDossiers.Plan(true, today, "县政府网站政策解读栏目、政务新媒体",
							"文字解读", "背景依据、主要内容、执行口径、新旧政策差异"));
				}
				if (item.extras().contains("pdf")) {
					documents.attach(doc.id(), "2019年沂源县政务公开重点任务分工表.pdf", taskTablePdf());
				}
				if (item.extras().contains("docx")) {
					documents.attach(doc.id(), "2021年度政务公开培训安排表.docx", trainingScheduleDocx());
				}
				return null;
			});
			for (Reading r : readings) {
				if (r.itemKey().equals(item.key())) {
					interpret(r, doc.id());
				}
			}
			as(agencyId, "demo-editor", Role.EDITOR, () -> documents.submit(doc.id()));
			as(agencyId, "demo-reviewer", Role.REVIEWER,
					() -> documents.review(doc.id(), new ReviewChecks(true, true, true, true), "经审查，可以公开"));
			as(agencyId, "demo-leader", Role.APPROVER, () -> documents.approve(doc.id(), "同意公开"));
		}
		for (Item item : items) {
			if (item.extras().contains("repeal")) {
				long agencyId = directory.requireByCode(item.agency()).id();
				as(agencyId, "demo-leader", Role.APPROVER, () -> documents.changeValidity(ids.get(item.key()), Validity.REPEALED,
						today, "已被《沂源县行政规范性文件制定和监督管理办法》（沂政办发〔2019〕3号）废止"));
			}
		}
		return ids;
	}

	/** Drafts, submits and signs off an interpretation with its policy (三同步); it is published with the policy. */
	private void interpret(Reading r, long documentId) {
		long agencyId = directory.requireByCode(r.agency()).id();
		Interpretation i = as(agencyId, "demo-editor", Role.EDITOR, () -> interpretations.create(agencyId,
				new InterpretationDraft(r.title(), r.form(), null, r.body(), null, null, r.interpreter(), null, r.principal(),
						false, null, null, null, null, null, null, null, null, null, List.of(documentId), null, null)));
		as(agencyId, "demo-editor", Role.EDITOR, () -> interpretations.submit(i.id()));
		as(agencyId, "demo-leader", Role.APPROVER, () -> interpretations.approve(i.id(), "同意，随文件同步发布"));
	}

	private static <T> T as(long agencyId, String username, Role role, Supplier<T> work) {
		Actor actor = new Actor(0, username, "演示数据", agencyId, List.of(new RoleGrant(role, agencyId, false)), Set.of(),
				false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
		SecurityContextHolder.setContext(context);
		return work.get();
	}

	// ---- the texts --------------------------------------------------------------------------------------------

	static List<Item> read(List<Reading> readings) {
		List<String> lines;
		try (InputStream in = DemoContent.class.getResourceAsStream("/demo/documents.txt")) {
			lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Item> items = new ArrayList<>();
		String[] head = null;
		StringBuilder body = new StringBuilder();
		for (int n = 0; n <= lines.size(); n++) {
			String line = n < lines.size() ? lines.get(n) : "=== end";
			if (line.startsWith("#") || line.isBlank()) {
				continue;
			}
			if (line.startsWith("=== ") || line.startsWith("+++ ")) {
				if (head != null) {
					add(head, body.toString(), items, readings);
				}
				head = line.substring(4).split("\\|", -1);
				head = line.startsWith("+++ ") ? prefix("+++", head) : prefix("===", head);
				body.setLength(0);
			}
			else {
				body.append("<p>").append(line.trim()).append("</p>\n");
			}
		}
		return items;
	}

	private static String[] prefix(String marker, String[] fields) {
		String[] out = new String[fields.length + 1];
		out[0] = marker;
		System.arraycopy(fields, 0, out, 1, fields.length);
		return out;
	}

	private static void add(String[] h, String body, List<Item> items, List<Reading> readings) {
		if (h[1].equals("end")) {
			return;
		}
		if (h[0].equals("===")) {
			Set<String> extras = h[10].isBlank() ? Set.of() : Set.of(h[10].split(","));
			items.add(new Item(h[1], h[2], h[3], h[4], h[5], h[6], h[7], Boolean.parseBoolean(h[8]), Integer.parseInt(h[9]),
					extras, body));
		}
		else {
			readings.add(new Reading(h[1], h[2], h[3], InterpretationForm.valueOf(h[4]), h[5], Boolean.parseBoolean(h[6]),
					body));
		}
	}

	// ---- the attachments --------------------------------------------------------------------------------------

	static final List<String[]> TASKS = List.of(
			new String[] { "全面公开政府信息", "县政府办公室，县政府各部门", "全年" },
			new String[] { "主动公开年度重大决策事项目录", "县政府办公室", "3月底前" },
			new String[] { "政策性文件与解读材料同步审签、同步发布", "各政策起草部门", "文件公布后3个工作日内" },
			new String[] { "互动交流平台公开受理日期、答复日期、答复部门", "县政府办公室", "全年" },
			new String[] { "完善政府网站搜索功能，实现搜索即服务", "县政府办公室", "年底前" },
			new String[] { "行政规范性文件统一登记、统一编号、统一印发", "县司法局，县政府办公室", "全年" });

	/** The task table of the 2019 work plan, in Chinese when a CJK font is installed (Latin otherwise). */
	static byte[] taskTablePdf() {
		Optional<Path> fontFile = CJK_FONTS.stream().map(Path::of).filter(Files::isReadable).findFirst();
		boolean ttc = fontFile.isPresent() && fontFile.get().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc");
		try (TrueTypeCollection collection = ttc ? new TrueTypeCollection(fontFile.get().toFile()) : null;
				PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDFont font = null;
			if (collection != null) {
				org.apache.fontbox.ttf.TrueTypeFont[] first = new org.apache.fontbox.ttf.TrueTypeFont[1];
				collection.processAllFonts(ttf -> {
					if (first[0] == null) {
						first[0] = ttf;
					}
				});
				font = PDType0Font.load(pdf, first[0], true);
			}
			else if (fontFile.isPresent()) {
				font = PDType0Font.load(pdf, fontFile.get().toFile());
			}
			List<String> lines = new ArrayList<>();
			if (font != null) {
				lines.add("2019年沂源县政务公开重点任务分工表");
				for (String[] t : TASKS) {
					lines.add(t[0] + "    牵头单位：" + t[1] + "    完成时限：" + t[2]);
				}
			}
			else {
				font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
				lines.add("Yiyuan County open government work plan 2019: task table");
				lines.add("Publish the annual catalogue of major decisions - county government office - by end of March");
				lines.add("Interpretations signed off and published with their policies - drafting departments");
			}
			PDPage page = new PDPage(PDRectangle.A4);
			pdf.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(pdf, page)) {
				float y = PDRectangle.A4.getHeight() - 72;
				for (int i = 0; i < lines.size(); i++) {
					stream.beginText();
					stream.setFont(font, i == 0 ? 16 : 10);
					stream.newLineAtOffset(56, y);
					stream.showText(lines.get(i));
					stream.endText();
					y -= i == 0 ? 32 : 20;
				}
			}
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The training schedule of the 农业农村局 training plan, as a Word table. */
	static byte[] trainingScheduleDocx() {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("沂源县农业农村局2021年度政务公开培训安排表");
			XWPFTable table = doc.createTable(3, 3);
			String[][] rows = { { "时间", "内容", "方式" },
					{ "上半年", "《中华人民共和国政府信息公开条例》及政务公开工作要点", "集中学习" },
					{ "下半年", "政策解读与回应关切、政务公开保密审查", "专题培训与考核" } };
			for (int r = 0; r < rows.length; r++) {
				XWPFTableRow row = table.getRow(r);
				for (int c = 0; c < 3; c++) {
					row.getCell(c).setText(rows[r][c]);
				}
			}
			doc.createParagraph().createRun().setText("日常检查每月组织一次，集中检查每季度组织一次。");
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
