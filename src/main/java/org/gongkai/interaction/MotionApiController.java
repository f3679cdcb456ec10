package org.gongkai.interaction;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.Texts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The suggestion and proposal endpoints: the public published replies (nothing else is ever returned under
 * {@code /api/v1/public}), and the staff steps of the handling, the year's arrangement and the yearly figures.
 */
@RestController
@Tag(name = "Motions", description = "建议提案办理：人大代表建议、政协提案的交办、面商、答复、办理结果公开和统计")
class MotionApiController {

	private final MotionManagement management;

	private final MotionQueries queries;

	private final MotionStatistics statistics;

	private final AgencyDirectory agencies;

	MotionApiController(MotionManagement management, MotionQueries queries, MotionStatistics statistics,
			AgencyDirectory agencies) {
		this.management = management;
		this.queries = queries;
		this.statistics = statistics;
		this.agencies = agencies;
	}

	@Schema(description = "登记交办的建议或提案")
	record RegistrationBody(@Schema(description = "年度") Integer year, MotionKind kind,
			@Schema(description = "建议号或提案号，同一年度同类别内唯一") String number,
			@Schema(description = "会议，如 县十八届人大三次会议；省略取年度设置") String session, String title, String content,
			@Schema(description = "提出人（领衔人、附议人姓名）") String proposers,
			@Schema(description = "提出人联系方式：只供承办单位使用，从不公开") String proposerContact,
			@Schema(description = "主办单位代码", requiredMode = Schema.RequiredMode.REQUIRED) String leadUnit,
			@Schema(description = "协办单位代码") List<String> coUnits, @Schema(description = "交办日期") LocalDate assignedOn,
			@Schema(description = "交办单位另行确定的答复期限；省略按年度安排") LocalDate dueOn) {
	}

	record UnitsBody(String leadUnit, List<String> coUnits, String reason) {
	}

	record DeadlineBody(LocalDate dueOn, String reason) {
	}

	record OpinionBody(@Schema(description = "协办单位代码") String agency, String opinion, LocalDate givenOn) {
	}

	record ConsultationBody(LocalDate heldOn, MotionConsultationForm form, String participants, String summary) {
	}

	record ReplyBody(@Schema(description = "A：已解决或采纳；B：正在解决或列入计划；C：留作参考") MotionCategory category,
			@Schema(description = "答复全文") String content, LocalDate repliedOn) {
	}

	record PublicationBody(@Schema(description = "FULL 全文公开 | SUMMARY 摘要公开 | NOT_PUBLISHED 不予公开") MotionPublication decision,
			@Schema(description = "摘要公开、不予公开的理由") String reason, @Schema(description = "摘要公开的摘要") String summary) {
	}

	record ReasonBody(String reason) {
	}

	record FeedbackBody(MotionFeedback feedback, String note, LocalDate receivedOn) {
	}

	record RehandleBody(LocalDate dueOn, String reason) {
	}

	record YearBody(String suggestionSession, String proposalSession, Integer replyMonths, LocalDate fixedDueOn,
			Integer publishDays, Boolean consultationRequired) {
	}

	// ---- public -------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/public/motions")
	@Operation(summary = "公开的建议提案办理复文（按公开时间倒序）")
	Map<String, Object> publicList(@RequestParam(required = false) Integer year, @RequestParam(required = false) MotionKind kind,
			@RequestParam(required = false) String agency, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (size < 1 || size > 100) {
			throw InvalidInputException.of("size", "每页条数应为1至100");
		}
		if (page < 1 || page > 100_000) {
			throw InvalidInputException.of("page", "页码应为正整数");
		}
		Long agencyId = null;
		if (Texts.trimToNull(agency) != null) {
			agencyId = agencies.findByCode(agency.trim())
				.orElseThrow(() -> DomainException.notFound("没有代码为“" + agency + "”的单位"))
				.id();
		}
		Motions.Page<Motion> p = queries.publicPage(year, kind, agencyId, page, size);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("total", p.total());
		out.put("page", p.page());
		out.put("size", p.size());
		out.put("items", p.items().stream().map(m -> publicSummary(m)).toList());
		return out;
	}

	@GetMapping("/api/v1/public/motions/{id}")
	@Operation(summary = "一件公开的办理复文；未答复、不予公开或已撤回的返回 404")
	Map<String, Object> publicItem(@PathVariable long id) {
		Motion m = queries.publicMotion(id).orElseThrow(() -> DomainException.notFound("该建议提案的办理复文不存在或未公开"));
		Map<String, Object> out = publicSummary(m);
		out.put("session", m.sessionLabel());
		out.put("proposers", PersonalDataScanner.mask(m.proposers()));
		out.put("coUnits", queries.coUnits(m.id()).stream().map(u -> agencies.requireById(u.agencyId()).name()).toList());
		out.put("text", m.publishedText());
		return out;
	}

	@GetMapping("/api/v1/public/motions/statistics")
	@Operation(summary = "建议提案办理总体情况：各承办单位和合计")
	Map<String, Object> publicStatistics(@RequestParam int year) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("year", year);
		out.put("total", statistics.summary(year));
		out.put("units", statistics.byUnit(year));
		return out;
	}

	private Map<String, Object> publicSummary(Motion m) {
		Agency lead = agencies.requireById(m.leadUnit());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", m.id());
		out.put("year", m.year());
		out.put("kind", m.kind());
		out.put("kindLabel", m.kind().label());
		out.put("number", m.number());
		out.put("numberLabel", m.numberLabel());
		out.put("title", PersonalDataScanner.mask(m.title()));
		out.put("leadUnit", lead.code());
		out.put("leadUnitName", lead.name());
		out.put("repliedOn", m.repliedOn());
		out.put("category", m.replyCategory());
		out.put("categoryLabel", m.replyCategory().label());
		out.put("publication", m.publication());
		out.put("publishedOn", m.publishedOn());
		out.put("url", MotionPaths.item(m.id()));
		return out;
	}

	// ---- staff --------------------------------------------------------------------------------------------

	@PostMapping("/api/v1/motions")
	@Operation(summary = "登记交办建议提案（政务公开办，或对主办单位有管理权限的单位管理员）")
	ResponseEntity<Map<String, Object>> register(@RequestBody RegistrationBody body) {
		if (body == null) {
			throw InvalidInputException.of("title", "请提供建议提案的内容");
		}
		Motion m = management.register(new MotionRegistration(body.year(), body.kind(), body.number(), body.session(),
				body.title(), body.content(), body.proposers(), body.proposerContact(), unit(body.leadUnit(), "leadUnit"),
				units(body.coUnits()), body.assignedOn(), body.dueOn()));
		return ResponseEntity.created(URI.create("/api/v1/motions/" + m.id())).body(staffView(m));
	}

	@GetMapping("/api/v1/motions/{id}")
	@Operation(summary = "一件建议提案（主办、协办单位和交办单位）")
	Map<String, Object> get(@PathVariable long id) {
		return staffView(queries.staffView(id));
	}

	@PostMapping("/api/v1/motions/{id}/accept")
	@Operation(summary = "主办单位签收")
	Map<String, Object> accept(@PathVariable long id) {
		return staffView(management.accept(id));
	}

	@PostMapping("/api/v1/motions/{id}/units")
	@Operation(summary = "答复前调整主办、协办单位（交办单位）")
	Map<String, Object> units(@PathVariable long id, @RequestBody UnitsBody body) {
		return staffView(management.changeUnits(id, body == null ? null : unit(body.leadUnit(), "leadUnit"),
				body == null ? List.of() : units(body.coUnits()), body == null ? null : body.reason()));
	}

	@PostMapping("/api/v1/motions/{id}/deadline")
	@Operation(summary = "另行确定答复期限（交办单位）")
	Map<String, Object> deadline(@PathVariable long id, @RequestBody DeadlineBody body) {
		return staffView(management.setDeadline(id, body == null ? null : body.dueOn(), body == null ? null : body.reason()));
	}

	@PostMapping("/api/v1/motions/{id}/opinions")
	@Operation(summary = "协办单位提出协办意见")
	Map<String, Object> opinion(@PathVariable long id, @RequestBody OpinionBody body) {
		if (body == null || Texts.trimToNull(body.agency()) == null) {
			throw InvalidInputException.of("agency", "请提供协办单位代码");
		}
		return staffView(management.coUnitOpinion(id, unit(body.agency(), "agency"), body.opinion(), body.givenOn()));
	}

	@PostMapping("/api/v1/motions/{id}/consultations")
	@Operation(summary = "登记与提出人面商的情况（主办单位）")
	ResponseEntity<MotionConsultation> consult(@PathVariable long id, @RequestBody ConsultationBody body) {
		return ResponseEntity.status(201).body(management.recordConsultation(id, body == null ? null : body.heldOn(),
				body == null ? null : body.form(), body == null ? null : body.participants(), body == null ? null : body.summary()));
	}

	@PostMapping("/api/v1/motions/{id}/reply")
	@Operation(summary = "主办单位答复提出人；年度要求面商而未面商的返回 409")
	Map<String, Object> reply(@PathVariable long id, @RequestBody ReplyBody body) {
		return staffView(management.reply(id, body == null ? null : body.category(), body == null ? null : body.content(),
				body == null ? null : body.repliedOn()));
	}

	@PostMapping("/api/v1/motions/{id}/publication")
	@Operation(summary = "决定答复的公开方式（主办单位负责人或单位管理员）：全文公开、摘要公开或不予公开")
	Map<String, Object> publication(@PathVariable long id, @RequestBody PublicationBody body) {
		return staffView(management.decidePublication(id, body == null ? null : body.decision(), body == null ? null : body.reason(),
				body == null ? null : body.summary()));
	}

	@PostMapping("/api/v1/motions/{id}/publication/withdraw")
	@Operation(summary = "撤回已公开的答复（须说明理由）")
	Map<String, Object> withdraw(@PathVariable long id, @RequestBody ReasonBody body) {
		return staffView(management.withdrawPublication(id, body == null ? null : body.reason()));
	}

	@PostMapping("/api/v1/motions/{id}/feedback")
	@Operation(summary = "登记提出人对办理结果的意见：满意、基本满意、不满意")
	Map<String, Object> feedback(@PathVariable long id, @RequestBody FeedbackBody body) {
		return staffView(management.recordFeedback(id, body == null ? null : body.feedback(), body == null ? null : body.note(),
				body == null ? null : body.receivedOn()));
	}

	@PostMapping("/api/v1/motions/{id}/rehandle")
	@Operation(summary = "提出人不满意的，重新办理一次（交办单位）")
	Map<String, Object> rehandle(@PathVariable long id, @RequestBody RehandleBody body) {
		return staffView(management.rehandle(id, body == null ? null : body.dueOn(), body == null ? null : body.reason()));
	}

	@PostMapping("/api/v1/motions/{id}/close")
	@Operation(summary = "办结（交办单位）")
	Map<String, Object> close(@PathVariable long id) {
		return staffView(management.close(id));
	}

	@GetMapping("/api/v1/motions/years/{year}")
	@Operation(summary = "年度办理安排（未设置的为默认值）")
	MotionYear year(@PathVariable int year) {
		return management.arrangement(year);
	}

	@PutMapping("/api/v1/motions/years/{year}")
	@Operation(summary = "设置年度办理安排（政务公开办）：答复期限、统一答复期限、公开时限、是否须先面商")
	MotionYear arrange(@PathVariable int year, @RequestBody YearBody body) {
		if (body == null) {
			throw InvalidInputException.of("replyMonths", "请提供年度办理安排");
		}
		return management.arrange(year, body.suggestionSession(), body.proposalSession(), body.replyMonths(), body.fixedDueOn(),
				body.publishDays(), body.consultationRequired());
	}

	@GetMapping("/api/v1/reports/motions")
	@Operation(summary = "建议提案办理统计：一个单位（agency）或全部单位和合计")
	Map<String, Object> report(@RequestParam int year, @RequestParam(required = false) String agency) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("year", year);
		if (Texts.trimToNull(agency) != null) {
			out.put("unit", statistics.forUnit(agencies.requireByCode(agency.trim()).id(), year));
		}
		else {
			out.put("total", statistics.summary(year));
			out.put("units", statistics.byUnit(year));
		}
		return out;
	}

	private Map<String, Object> staffView(Motion m) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", m.id());
		out.put("year", m.year());
		out.put("kind", m.kind());
		out.put("number", m.number());
		out.put("numberLabel", m.numberLabel());
		out.put("session", m.sessionLabel());
		out.put("title", m.title());
		out.put("content", m.content());
		out.put("proposers", m.proposers());
		out.put("proposerContact", m.proposerContact());
		out.put("leadUnit", agencies.requireById(m.leadUnit()).code());
		out.put("coUnits", queries.coUnits(m.id()).stream().map(u -> {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("agency", agencies.requireById(u.agencyId()).code());
			c.put("opinion", u.opinion());
			c.put("opinionOn", u.opinionOn());
			return c;
		}).toList());
		out.put("assignedOn", m.assignedOn());
		out.put("dueOn", m.dueOn());
		out.put("dueRule", m.dueRule());
		out.put("status", m.status());
		out.put("statusLabel", m.status().label());
		out.put("round", m.round());
		out.put("category", m.replyCategory());
		out.put("reply", m.replyContent());
		out.put("repliedOn", m.repliedOn());
		out.put("replyLate", m.replyLate());
		out.put("publishDueOn", m.publishDueOn());
		out.put("publishDueProvisional", m.publishDueProvisional());
		out.put("publication", m.publication());
		out.put("publicationReason", m.publicationReason());
		out.put("publishedOn", m.publishedOn());
		out.put("publicationLate", m.publicationLate());
		out.put("public", m.isPublic());
		out.put("publicUrl", m.isPublic() ? MotionPaths.item(m.id()) : null);
		out.put("feedback", m.feedback());
		out.put("feedbackNote", m.feedbackNote());
		out.put("closedOn", m.closedOn());
		return out;
	}

	private Long unit(String code, String field) {
		if (Texts.trimToNull(code) == null) {
			return null;
		}
		return agencies.findByCode(code.trim())
			.map(Agency::id)
			.orElseThrow(() -> InvalidInputException.of(field, "没有代码为“" + code + "”的单位"));
	}

	private List<Long> units(List<String> codes) {
		List<Long> out = new ArrayList<>();
		if (codes != null) {
			for (String c : codes) {
				out.add(unit(c, "coUnits"));
			}
		}
		return out;
	}
}
