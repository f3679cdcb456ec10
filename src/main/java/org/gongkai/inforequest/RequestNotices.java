package org.gongkai.inforequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.DisclosureOffice;
import org.gongkai.platform.Actor;
import org.gongkai.platform.CjkFonts;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices sent to an applicant (告知书): correction, extension, the Art. 35 deadline, the fee notice and the
 * reply. Each agency may edit the wording of each kind; placeholders in braces ({申请人}, {答复期限} …) are filled
 * from the request. Generated as Word (.docx) and PDF; the PDF embeds a Chinese font found on the server.
 */
@Service
@Transactional
public class RequestNotices {

	/** The kinds of notice, each with the step it belongs to. */
	public enum Kind {
		CORRECTION("补正申请告知书"), EXTENSION("延长答复期限告知书"), DEADLINE("另行确定答复期限告知书"), FEE("收费通知书"),
		REPLY("政府信息公开申请答复书");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** Whether the request has reached the step this notice records. */
		boolean appliesTo(InfoRequest r) {
			return switch (this) {
				case CORRECTION -> r.correctionRequestedOn() != null;
				case EXTENSION -> r.extensionDays() > 0;
				case DEADLINE -> r.customDueOn() != null;
				case FEE -> r.feeMethod() != null;
				case REPLY -> r.outcome() != null;
			};
		}
	}

	/** A generated notice. */
	public record Document(String fileName, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final InfoRequestQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CjkFonts fonts;

	RequestNotices(JdbcClient jdbc, InfoRequestQueries queries, AgencyDirectory agencies, AgencyAccess access,
			ApplicationEventPublisher events, Clock clock, CjkFonts fonts) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.fonts = fonts;
	}

	// ---- templates ------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public String template(long agencyId, Kind kind) {
		return jdbc.sql("SELECT body FROM req_notice_template WHERE agency_id = ? AND kind = ?")
			.params(agencyId, kind.name())
			.query(String.class)
			.optional()
			.orElseGet(() -> defaultTemplate(kind));
	}

	/** An agency administrator rewords a notice; a blank body restores the shipped wording. */
	public void changeTemplate(long agencyId, Kind kind, String body) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN);
		String text = Texts.trimToNull(body);
		if (text != null && text.length() > 10_000) {
			throw InvalidInputException.of("body", "告知书内容不能超过10000字");
		}
		if (text != null && text.lines().findFirst().map(String::isBlank).orElse(true)) {
			throw InvalidInputException.of("body", "告知书第一行为标题，不能为空");
		}
		jdbc.sql("DELETE FROM req_notice_template WHERE agency_id = ? AND kind = ?").params(agencyId, kind.name()).update();
		if (text != null) {
			jdbc.sql("INSERT INTO req_notice_template (agency_id, kind, body, updated_by, updated_at) VALUES (?,?,?,?,?)")
				.params(agencyId, kind.name(), text, actor.username(), java.sql.Timestamp.from(clock.instant()))
				.update();
		}
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "inforequest.notice-template-changed",
				"NoticeTemplate", kind.name(), (text == null ? "恢复默认的" : "修改") + kind.label(), null, text));
	}

	static String defaultTemplate(Kind kind) {
		try (InputStream in = RequestNotices.class.getResourceAsStream("/inforequest/notices/" + kind.name() + ".txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		catch (IOException | NullPointerException e) {
			throw new IllegalStateException("missing notice template " + kind, e);
		}
	}

	// ---- filling --------------------------------------------------------------------------------------

	/** The notice's text for this request: the agency's template with the request's facts filled in. */
	@Transactional // reading the applicant's data is audited
	public List<String> text(long requestId, Kind kind) {
		return text(queries.staffView(requestId), kind);
	}

	/** The notices the applicant may download from the tracking page (code and verifier both right). */
	@Transactional
	public Optional<Document> forApplicant(String trackingCode, String verifier, Kind kind, boolean pdf) {
		return queries.verified(trackingCode, verifier).filter(kind::appliesTo).map(r -> {
			List<String> lines = text(r, kind);
			return pdf ? pdf(r.id(), kind, lines) : word(r.id(), kind, lines);
		});
	}

	/** The kinds of notice a request has reached. */
	public static List<Kind> applicable(InfoRequest r) {
		return java.util.Arrays.stream(Kind.values()).filter(k -> k.appliesTo(r)).toList();
	}

	private List<String> text(InfoRequest r, Kind kind) {
		if (!kind.appliesTo(r)) {
			throw new DomainException("本申请尚未办理到“" + kind.label() + "”这一步");
		}
		Agency agency = agencies.requireById(r.agencyId());
		Map<String, String> values = values(r, agency);
		String filled = template(r.agencyId(), kind);
		for (Map.Entry<String, String> v : values.entrySet()) {
			filled = filled.replace("{" + v.getKey() + "}", v.getValue());
		}
		List<String> lines = new ArrayList<>();
		for (String line : filled.split("\\R")) {
			lines.add(line.strip());
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		lines.add("");
		lines.add(agency.name());
		LocalDate on = switch (kind) {
			case CORRECTION -> r.correctionRequestedOn();
			case EXTENSION -> r.extensionNoticeOn();
			case DEADLINE -> r.customDueNoticeOn();
			case FEE -> r.feeNoticeOn();
			case REPLY -> r.repliedOn();
		};
		lines.add(chineseDate(on));
		return lines;
	}

	private Map<String, String> values(InfoRequest r, Agency agency) {
		DisclosureOffice office = agencies.office(agency.id());
		Map<String, String> v = new LinkedHashMap<>();
		v.put("申请人", r.applicantName());
		v.put("查询码", r.trackingCode());
		v.put("收到日期", chineseDate(r.receivedOn()));
		v.put("所需信息", r.description());
		v.put("补正事项", r.correctionItems() == null ? "" : numbered(r.correctionItems()));
		v.put("补正期限", chineseDate(r.correctionDueOn()));
		v.put("延长天数", String.valueOf(r.extensionDays()));
		v.put("延期理由", r.extensionReason() == null ? "" : r.extensionReason());
		v.put("答复期限", chineseDate(r.dueOn()));
		v.put("另行确定理由", r.customDueReason() == null ? "" : r.customDueReason());
		v.put("计费方式", r.feeMethod() == null ? "" : r.feeMethod().label());
		v.put("收费金额", r.feeAmount() == null ? "" : r.feeAmount().toPlainString());
		v.put("计费说明", r.feeMethod() == null ? "" : r.feeMethod() == FeeMethod.PER_APPLICATION
				? "本自然月内第" + r.feeQuantity() + "件申请" : "共" + r.feeQuantity() + "页");
		v.put("缴费期限", chineseDate(r.feePayBy()));
		v.put("答复类型", r.outcome() == null ? "" : r.outcome().label());
		v.put("答复内容", r.replyContent() == null ? "" : r.replyContent());
		v.put("理由", r.replyReason() == null ? "" : "理由：" + r.replyReason());
		v.put("依据", r.replyBasis() == null ? (r.outcome() == null ? "" : r.outcome().basis()) : r.replyBasis());
		v.put("负责机关", r.responsibleAgency() == null ? "" : "负责公开该政府信息的机关及联系方式：" + r.responsibleAgency());
		v.put("复议告知", r.reconsiderationNotice() == null ? "" : r.reconsiderationNotice());
		v.put("机关名称", agency.name());
		v.put("联系电话", office == null || office.phone() == null ? "" : office.phone());
		v.put("地址", office == null || office.address() == null ? "" : office.address());
		return v;
	}

	private static String numbered(String items) {
		String[] lines = items.split("\\R");
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			sb.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(lines[i].strip());
		}
		return sb.toString();
	}

	static String chineseDate(LocalDate d) {
		return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	// ---- documents ------------------------------------------------------------------------------------

	@Transactional // reading the applicant's data is audited
	public Document word(long requestId, Kind kind) {
		return word(requestId, kind, text(requestId, kind));
	}

	private Document word(long requestId, Kind kind, List<String> lines) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < lines.size(); i++) {
				XWPFParagraph p = doc.createParagraph();
				XWPFRun run = p.createRun();
				run.setFontFamily("宋体");
				run.setFontSize(i == 0 ? 18 : 14);
				run.setBold(i == 0);
				run.setText(lines.get(i));
				if (i == 0) {
					p.setAlignment(ParagraphAlignment.CENTER);
				}
				else if (i >= lines.size() - 2) {
					p.setAlignment(ParagraphAlignment.RIGHT);
				}
			}
			doc.write(out);
			return new Document(fileName(requestId, kind, "docx"),
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document", out.toByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the notice", e);
		}
	}

	@Transactional // reading the applicant's data is audited
	public Document pdf(long requestId, Kind kind) {
		return pdf(requestId, kind, text(requestId, kind));
	}

	private Document pdf(long requestId, Kind kind, List<String> lines) {
		try (PDDocument doc = new PDDocument(); CjkFonts.Embedded embedded = fonts.embed(doc);
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDType0Font font = embedded.font();
			float margin = 72;
			PDRectangle size = PDRectangle.A4;
			float width = size.getWidth() - 2 * margin;
			PDPage page = new PDPage(size);
			doc.addPage(page);
			PDPageContentStream stream = new PDPageContentStream(doc, page);
			float y = size.getHeight() - margin;
			for (int i = 0; i < lines.size(); i++) {
				lines.set(i, CjkFonts.printable(lines.get(i), font));
				float fontSize = i == 0 ? 18 : 12;
				float leading = fontSize * 1.6f;
				boolean right = i >= lines.size() - 2;
				for (String piece : CjkFonts.wrap(lines.get(i), font, fontSize, width)) {
					if (y - leading < margin) {
						stream.close();
						page = new PDPage(size);
						doc.addPage(page);
						stream = new PDPageContentStream(doc, page);
						y = size.getHeight() - margin;
					}
					y -= leading;
					float textWidth = font.getStringWidth(piece) / 1000 * fontSize;
					float x = i == 0 ? margin + (width - textWidth) / 2 : right ? margin + width - textWidth : margin;
					stream.beginText();
					stream.setFont(font, fontSize);
					stream.newLineAtOffset(x, y);
					stream.showText(piece);
					stream.endText();
				}
			}
			stream.close();
			doc.save(out);
			return new Document(fileName(requestId, kind, "pdf"), "application/pdf", out.toByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the notice", e);
		}
	}

	private String fileName(long requestId, Kind kind, String extension) {
		return kind.label() + "-" + requestId + "." + extension;
	}
}
