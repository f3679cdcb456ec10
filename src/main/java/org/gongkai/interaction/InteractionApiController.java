package org.gongkai.interaction;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The message endpoints of api-contract.md: sending a message (the public API channel), the public list and
 * entries (masked, without the sender), and the staff steps. Enumerated values travel as strings and are
 * checked here, so that an unknown value is a field error (400), never a failure.
 */
@RestController
@Tag(name = "Messages", description = "互动交流：网上留言、审看受理、转办、答复、延期，公开的留言答复")
class InteractionApiController {

	private static final String NOT_PUBLIC = "该留言不存在或未公开";

	private final InteractionManagement management;

	private final MessageQueries queries;

	private final AgencyDirectory agencies;

	private final InteractionPortalLimits limits;

	InteractionApiController(InteractionManagement management, MessageQueries queries, AgencyDirectory agencies,
			InteractionPortalLimits limits) {
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.limits = limits;
	}

	@Schema(description = "一条网上留言")
	record MessageBody(@Schema(description = "留言单位代码", requiredMode = Schema.RequiredMode.REQUIRED) String agency,
			@Schema(description = "领导信箱编号（写给单位的留言板时省略）") Long mailbox,
			@Schema(description = "CONSULTATION | SUGGESTION | COMPLAINT | HELP") String type, String title, String content,
			String name, String phone, String email,
			@Schema(description = "是否同意在网站公开留言和答复（必填）") Boolean publicAllowed) {
	}

	record RejectBody(@Schema(description = "SPAM | ABUSE | DUPLICATE | PETITION | LITIGATION | OTHER") String reason,
			String note) {
	}

	record AssignBody(@Schema(description = "承办单位代码") String agency, String note) {
	}

	record ReplyBody(String content, @Schema(description = "不在网站公开的理由（可选）") String withholdReason) {
	}

	record ExtendBody(Integer days, String reason) {
	}

	record PublicReplyView(int round, String agency, LocalDate repliedOn, String content) {
	}

	record PublicView(long id, String title, String content, MessageType type, String typeLabel, String agency,
			String agencyName, String mailbox, LocalDate submittedOn, LocalDate acceptedOn, LocalDate repliedOn,
			String replyingAgency, String reply, List<PublicReplyView> replies, boolean reopened, String url) {
	}

	record Sender(String name, String phone, String email) {
	}

	record StaffReply(long id, int round, String agency, String content, LocalDate repliedOn, LocalDate dueOn, boolean late,
			String repliedBy) {
	}

	record StaffView(long id, String trackingCode, String agency, String handlingAgency, Long mailbox, String mailboxName,
			MessageType type, MessageChannel channel, String title, String content, Sender sender, boolean publicAllowed,
			MessageStatus status, String statusLabel, LocalDate submittedOn, LocalDate reviewDueOn, LocalDate acceptedOn,
			RejectionReason rejectionReason, String rejectionNote, LocalDate dueOn, boolean dueProvisional,
			int extensionDays, String extensionReason, LocalDate repliedOn, LocalDate reopenedOn, String reopenReason,
			String hiddenReason, Rating rating, String ratingNote, List<StaffReply> replies, boolean isPublic, String url) {
	}

	// ---- the public -------------------------------------------------------------------------------------

	@PostMapping("/api/v1/public/messages")
	@Operation(summary = "网上留言；201 返回编号和查询码（凭查询码和联系电话后四位查询办理进度）")
	ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) MessageBody body, HttpServletRequest request,
			HttpServletResponse response) {
		if (body == null) {
			throw InvalidInputException.of("agency", "请提供留言内容");
		}
		OptionalLong wait = limits.message(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			throw new TooMany("提交过于频繁，请约" + InteractionPortalLimits.minutes(wait.getAsLong()) + "分钟后再试");
		}
		MessageType type = InteractionPortalController.parseType(body.type());
		boolean badType = type == null && Texts.trimToNull(body.type()) != null;
		Message m;
		try {
			m = management.submit(new MessageSubmission(body.agency(), body.mailbox(), type, body.title(), body.content(),
					body.name(), body.phone(), body.email(), body.publicAllowed()), MessageChannel.API);
		}
		catch (InvalidInputException e) {
			if (!badType) {
				throw e;
			}
			List<FieldProblem> problems = new ArrayList<>();
			for (FieldProblem p : e.problems()) {
				problems.add(p.field().equals("type")
						? new FieldProblem("type", "留言类型应为 CONSULTATION、SUGGESTION、COMPLAINT 或 HELP") : p);
			}
			throw new InvalidInputException(problems);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", m.id());
		out.put("trackingCode", m.trackingCode());
		out.put("verifierHint", "查询办理进度时请输入查询码和联系电话后四位");
		return ResponseEntity.created(URI.create("/api/v1/messages/" + m.id())).body(out);
	}

	@GetMapping("/api/v1/public/messages")
	@Operation(summary = "公开的留言及答复，按答复日期倒序；可按单位、类型、领导信箱筛选；个人信息已遮蔽")
	Map<String, Object> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String type,
			@RequestParam(required = false) Long mailbox, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (size < 1 || size > 100) {
			throw InvalidInputException.of("size", "每页条数应为1至100");
		}
		if (page < 1) {
			throw InvalidInputException.of("page", "页码从1开始");
		}
		MessageType t = InteractionPortalController.parseType(type);
		if (t == null && Texts.trimToNull(type) != null) {
			throw InvalidInputException.of("type", "留言类型应为 CONSULTATION、SUGGESTION、COMPLAINT 或 HELP");
		}
		Long agencyId = Texts.trimToNull(agency) == null ? null : agency(agency).id();
		MessageQueries.PublicPage result = queries.publicPage(agencyId, t, mailbox, page, size);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("total", result.total());
		out.put("page", result.page());
		out.put("size", result.pageSize());
		out.put("items", result.items().stream().map(InteractionApiController::publicView).toList());
		return out;
	}

	@GetMapping("/api/v1/public/messages/{id}")
	@Operation(summary = "一条公开的留言及答复（受理日期、答复日期、答复部门、答复内容）；未公开的返回 404")
	PublicView detail(@PathVariable long id) {
		return publicView(queries.publicMessage(id).orElseThrow(() -> DomainException.notFound(NOT_PUBLIC)));
	}

	// ---- staff ------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/messages/{id}")
	@Operation(summary = "一条留言（受理或承办单位的互动交流工作人员），含留言人联系方式")
	StaffView get(@PathVariable long id) {
		return staff(id);
	}

	@PostMapping("/api/v1/messages/{id}/accept")
	@Operation(summary = "审看受理：答复期限自今日起按工作日计算")
	StaffView accept(@PathVariable long id) {
		management.accept(id);
		return staff(id);
	}

	@PostMapping("/api/v1/messages/{id}/reject")
	@Operation(summary = "不予受理（写明理由，留言人可见）；不予受理的留言不公开")
	StaffView reject(@PathVariable long id, @RequestBody(required = false) RejectBody body) {
		String value = body == null ? null : Texts.trimToNull(body.reason());
		RejectionReason reason = null;
		if (value != null) {
			try {
				reason = RejectionReason.valueOf(value);
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("reason", "不予受理理由应为 SPAM、ABUSE、DUPLICATE、PETITION、LITIGATION 或 OTHER");
			}
		}
		management.reject(id, reason, body == null ? null : body.note());
		return staff(id);
	}

	@PostMapping("/api/v1/messages/{id}/assign")
	@Operation(summary = "转办至承办单位（待审看的留言同时受理）")
	StaffView assign(@PathVariable long id, @RequestBody(required = false) AssignBody body) {
		Agency target = agency(body == null ? null : body.agency());
		management.assign(id, target.id(), body.note());
		return staff(id);
	}

	@PostMapping("/api/v1/messages/{id}/reply")
	@Operation(summary = "答复；写明不公开理由时不在网站公开")
	StaffView reply(@PathVariable long id, @RequestBody(required = false) ReplyBody body) {
		management.reply(id, body == null ? null : body.content(), body == null ? null : body.withholdReason());
		return staff(id);
	}

	@PostMapping("/api/v1/messages/{id}/extend")
	@Operation(summary = "延期一次（写明理由，留言人可见）")
	StaffView extend(@PathVariable long id, @RequestBody(required = false) ExtendBody body) {
		if (body == null || body.days() == null) {
			throw InvalidInputException.of("days", "请填写延期天数");
		}
		management.extend(id, body.days(), body.reason());
		return staff(id);
	}

	// ---- helpers ----------------------------------------------------------------------------------------

	private static PublicView publicView(MessageQueries.PublicMessage m) {
		return new PublicView(m.id(), m.title(), m.content(), m.type(), m.type().label(), m.agencyCode(), m.agencyName(),
				m.mailbox(), m.submittedOn(), m.acceptedOn(), m.repliedOn(), m.replyingAgency(), m.reply(),
				m.replies().stream().map(r -> new PublicReplyView(r.round(), r.agency(), r.repliedOn(), r.content())).toList(),
				m.reopened(), InteractionColumns.item(m.id()));
	}

	private StaffView staff(long id) {
		MessageQueries.StaffView v = queries.staffView(id);
		Message m = v.message();
		String agency = agencies.findById(m.agencyId()).map(Agency::code).orElse(null);
		String handling = agencies.findById(m.handlingAgencyId()).map(Agency::code).orElse(null);
		List<StaffReply> replies = v.replies()
			.stream()
			.map(r -> new StaffReply(r.id(), r.round(), agencies.findById(r.agencyId()).map(Agency::code).orElse(null), r.content(),
					r.repliedOn(), r.dueOn(), r.late(), r.repliedBy()))
			.toList();
		return new StaffView(m.id(), m.trackingCode(), agency, handling, m.mailboxId(),
				v.mailbox() == null ? null : v.mailbox().name(), m.type(), m.channel(), m.title(), m.content(),
				new Sender(m.senderName(), m.senderPhone(), m.senderEmail()), m.publicAllowed(), m.status(),
				m.status().label(), m.submittedOn(), m.reviewDueOn(), m.acceptedOn(), m.rejectionReason(), m.rejectionNote(),
				m.dueOn(), m.dueProvisional(), m.extensionDays(), m.extensionReason(), m.repliedOn(), m.reopenedOn(),
				m.reopenReason(), m.hiddenReason(), m.rating(), m.ratingNote(), replies, m.isPublic(),
				m.isPublic() ? InteractionColumns.item(m.id()) : null);
	}

	private Agency agency(String code) {
		if (Texts.trimToNull(code) == null) {
			throw InvalidInputException.of("agency", "请提供单位代码 agency");
		}
		return agencies.findByCode(code.trim())
			.filter(Agency::active)
			.orElseThrow(() -> InvalidInputException.of("agency", "没有代码为“" + code + "”的单位"));
	}

	/** 429: a message beyond the per-address limit. */
	static final class TooMany extends DomainException {

		TooMany(String message) {
			super(429, message);
		}
	}
}
