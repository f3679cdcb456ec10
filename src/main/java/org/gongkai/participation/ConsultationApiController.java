package org.gongkai.participation;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The consultation endpoints of api-contract.md: staff create, publish, extend, close and withdraw consultations,
 * moderate comments and give the adoption feedback; the public reads public consultations and comments while one is
 * open (409 outside the period). Dates and enumerated values travel as strings and are checked here, so that a bad
 * value is a field error (400).
 */
@RestController
@Tag(name = "Consultations", description = "意见征集：决策草案征求意见、公众意见审核、采纳情况反馈")
class ConsultationApiController {

	private final ConsultationManagement management;

	private final ConsultationQueries queries;

	private final ConsultationPages pages;

	private final AgencyDirectory agencies;

	private final ConsultationLimits limits;

	ConsultationApiController(ConsultationManagement management, ConsultationQueries queries, ConsultationPages pages,
			AgencyDirectory agencies, ConsultationLimits limits) {
		this.management = management;
		this.queries = queries;
		this.pages = pages;
		this.agencies = agencies;
		this.limits = limits;
	}

	@Schema(description = "一项意见征集")
	record ConsultationBody(@Schema(description = "单位代码") String agency, String title,
			@Schema(description = "征求意见稿全文；以“第…条”开头的行为条款") String draft, @Schema(description = "决策依据") String basis,
			@Schema(description = "起草说明") String explanation, @Schema(description = "征集开始日期 yyyy-MM-dd") String opensOn,
			@Schema(description = "征集截止日期 yyyy-MM-dd") String closesOn,
			@Schema(description = "征集期限少于30日时必填：缩短期限的原因") String shortReason, String channelEmail, String channelPost,
			String channelFax, String channelPhone, @Schema(description = "关联的重大决策事项编号") Long decision,
			@Schema(description = "REQUIRED | OPTIONAL（默认 OPTIONAL）") String nameRule,
			@Schema(description = "REQUIRED | OPTIONAL（默认 OPTIONAL）") String contactRule,
			@Schema(description = "是否公开审核通过的意见（遮蔽个人信息，不含姓名）") Boolean commentsPublic) {
	}

	record CommentBody(String name, String contact, String content, @Schema(description = "条款序号（从1开始）；省略为对全文的意见") Integer article) {
	}

	record ReasonBody(String reason, String note) {
	}

	record ExtendBody(String closesOn, String shortReason) {
	}

	record AnswerBody(List<Long> comments, String topic, @Schema(description = "ADOPTED | PARTLY_ADOPTED | NOT_ADOPTED") String outcome,
			String reason) {
	}

	record SummaryBody(String mainChanges) {
	}

	record CloseBody(@Schema(description = "提前结束的原因（必填，在门户网站公开）") String reason) {
	}

	record PublishBody(@Schema(description = "当天发布、当天开始且发布日不计入后不足30日时必填：缩短期限的原因") String shortReason) {
	}

	record RecordedCommentBody(@Schema(description = "EMAIL | POST | FAX | PHONE") String channel,
			@Schema(description = "收到意见的日期 yyyy-MM-dd（征集期内）") String receivedOn, String content, String name, String contact,
			@Schema(description = "条款序号（从1开始）；省略为对全文的意见") Integer article) {
	}

	// ---- the public ------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/public/consultations")
	@Operation(summary = "公开的意见征集（征集中的在前）；可按单位和状态筛选（status 精确匹配），分页 page（从1开始）、size（1–100，默认20）",
			description = "commentCount 为收到的全部意见数（含审核未通过的），validCommentCount 为审核通过的有效意见数；采纳率以有效意见为分母。")
	List<Map<String, Object>> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		int p = positive(page, "page", 1, Integer.MAX_VALUE, 1);
		int n = positive(size, "size", 1, 100, ConsultationPages.PER_PAGE);
		Long agencyId = null;
		if (Texts.trimToNull(agency) != null) {
			agencyId = agencies.findByCode(agency.trim()).map(Agency::id)
				.orElseThrow(() -> InvalidInputException.of("agency", "没有找到这个单位"));
		}
		ConsultationStatus only = null;
		if (Texts.trimToNull(status) != null) {
			only = ConsultationPages.publicStatus(status.trim());
			if (only == null) {
				throw InvalidInputException.of("status", "状态应为 NOT_STARTED、OPEN、CLOSED 或 FEEDBACK_PUBLISHED");
			}
		}
		Map<Long, Agency> byId = new java.util.HashMap<>();
		List<Consultation> rows = queries.publicPage(agencyId, only, true, (long) (p - 1) * n, n);
		Map<Long, ConsultationTally> tallies = queries.tallies(rows.stream().map(Consultation::id).toList());
		return rows.stream().map(c -> summaryView(c, agencyOf(c.agencyId(), byId), tallies.get(c.id()))).toList();
	}

	private Agency agencyOf(long id, Map<Long, Agency> byId) {
		return byId.computeIfAbsent(id, k -> agencies.findById(k).orElse(null));
	}

	private static int positive(String value, String field, int min, int max, int fallback) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return fallback;
		}
		try {
			int i = Integer.parseInt(v);
			if (i >= min && i <= max) {
				return i;
			}
		}
		catch (NumberFormatException e) {
			// refused below
		}
		throw InvalidInputException.of(field, field.equals("size") ? "每页条数应为1至100的整数" : "页码应为从1开始的整数");
	}

	@GetMapping("/api/v1/public/consultations/{id}")
	@Operation(summary = "一项公开的意见征集：状态、起止日期、意见数、草案及条款、征集渠道；公布反馈后含采纳情况",
			description = "commentCount 为收到的全部意见数（含审核未通过的），validCommentCount 为有效意见数；提前结束的含 closedOn 和 closedEarlyReason。")
	Map<String, Object> one(@PathVariable long id) {
		Consultation c = queries.publicConsultation(id).orElseThrow(() -> DomainException.notFound(ConsultationQueries.NOT_FOUND));
		Map<String, Object> out = summaryView(c, agencies.findById(c.agencyId()).orElse(null), queries.tally(c.id()));
		out.put("draft", c.draft());
		out.put("articles", c.articles().stream().map(a -> Map.of("number", a.number(), "heading", a.heading(), "text", a.text())).toList());
		out.put("basis", c.basis());
		out.put("explanation", c.explanation());
		out.put("shortReason", c.shortReason());
		Map<String, Object> channels = new LinkedHashMap<>();
		channels.put("online", true);
		channels.put("email", c.channelEmail());
		channels.put("post", c.channelPost());
		channels.put("fax", c.channelFax());
		channels.put("phone", c.channelPhone());
		out.put("channels", channels);
		out.put("nameRule", c.nameRule().name());
		out.put("contactRule", c.contactRule().name());
		ConsultationPages.View view = pages.view(c);
		out.put("decision", view.decision() == null ? null : Map.of("title", view.decision().title(), "url", view.decision().path()));
		if (view.comments() != null) {
			out.put("comments", view.comments().stream().map(x -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("article", x.article());
				m.put("content", x.content());
				return m;
			}).toList());
		}
		if (view.status() == ConsultationStatus.FEEDBACK_PUBLISHED) {
			ConsultationTally t = view.tally();
			Map<String, Object> fb = new LinkedHashMap<>();
			fb.put("received", t.received());
			fb.put("accepted", t.accepted());
			fb.put("rejected", t.rejected());
			fb.put("adopted", t.adopted());
			fb.put("partlyAdopted", t.partlyAdopted());
			fb.put("notAdopted", t.notAdopted());
			fb.put("adoptionRate", t.rate());
			fb.put("summary", t.oneLiner());
			fb.put("mainChanges", c.mainChanges());
			fb.put("publishedAt", c.feedbackPublishedAt());
			fb.put("groups", view.groups().stream().map(g -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("topic", g.topic());
				m.put("outcome", g.outcome().name());
				m.put("outcomeLabel", g.outcome().label());
				m.put("reason", g.reason());
				m.put("commentCount", g.count());
				if (g.comments() != null) {
					m.put("comments", g.comments());
				}
				return m;
			}).toList());
			out.put("feedback", fb);
		}
		return out;
	}

	private Map<String, Object> summaryView(Consultation c, Agency agency, ConsultationTally tally) {
		ConsultationStatus s = queries.status(c);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", c.id());
		out.put("title", c.title());
		out.put("agency", agency == null ? null : agency.code());
		out.put("agencyName", agency == null ? null : agency.name());
		out.put("status", s.name());
		out.put("statusLabel", s.label());
		out.put("opensOn", c.opensOn());
		out.put("closesOn", c.closesOn());
		out.put("closedOn", c.closedEarlyOn());
		out.put("closedEarlyReason", c.closedEarlyReason());
		out.put("periodDays", ConsultationRules.periodDays(c.opensOn(), c.closesOn()));
		out.put("countdown", s == ConsultationStatus.OPEN ? ConsultationRules.countdown(c.closesOn(), queries.today()) : null);
		out.put("commentCount", tally == null ? 0 : tally.received());
		out.put("validCommentCount", tally == null ? 0 : tally.accepted());
		out.put("url", ConsultationKind.path(c.id()));
		return out;
	}

	@PostMapping("/api/v1/public/consultations/{id}/comments")
	@Operation(summary = "对征集中的决策草案提出意见；201 返回意见编号；未在征集期内 409；提交过于频繁 429")
	ResponseEntity<Map<String, Object>> comment(@PathVariable long id, @RequestBody(required = false) CommentBody body,
			HttpServletRequest request, HttpServletResponse response) {
		if (body == null) {
			throw InvalidInputException.of("content", "请提供意见内容");
		}
		queries.publicConsultation(id).orElseThrow(() -> DomainException.notFound(ConsultationQueries.NOT_FOUND));
		OptionalLong wait = limits.comment(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			throw new TooMany("提交过于频繁，请约" + ConsultationLimits.minutes(wait.getAsLong()) + "分钟后再试");
		}
		Comment c = management.comment(id, new CommentInput(body.article(), body.content(), body.name(), body.contact()), "API");
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", c.id());
		out.put("status", c.status().name());
		return ResponseEntity.created(URI.create("/api/v1/public/consultations/" + id)).body(out);
	}

	// ---- staff -----------------------------------------------------------------------------------------------

	@PostMapping("/api/v1/consultations")
	@Operation(summary = "新建意见征集（草稿）；201 返回编号和状态")
	ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) ConsultationBody body) {
		Consultation c = management.create(input(body));
		return ResponseEntity.created(URI.create("/api/v1/consultations/" + c.id())).body(brief(c));
	}

	@PutMapping("/api/v1/consultations/{id}")
	@Operation(summary = "修改尚未发布的意见征集")
	Map<String, Object> update(@PathVariable long id, @RequestBody(required = false) ConsultationBody body) {
		return brief(management.update(id, input(body)));
	}

	@GetMapping("/api/v1/consultations/{id}")
	@Operation(summary = "工作人员查看意见征集、全部意见和反馈；提出人姓名和联系方式仅起草单位的工作人员可见")
	Map<String, Object> staffView(@PathVariable long id) {
		org.gongkai.platform.Actor actor = Actors.require();
		Consultation c = queries.forStaff(actor, id);
		boolean personal = queries.mayManage(actor, c.agencyId());
		Map<String, Object> out = brief(c);
		out.put("title", c.title());
		out.put("opensOn", c.opensOn());
		out.put("closesOn", c.closesOn());
		out.put("closedOn", c.closedEarlyOn());
		out.put("closedEarlyReason", c.closedEarlyReason());
		out.put("withdrawalReason", c.withdrawalReason());
		out.put("mainChanges", c.mainChanges());
		ConsultationTally t = queries.tally(id);
		out.put("tally", t);
		out.put("summary", t.oneLiner());
		out.put("comments", queries.comments(id).stream().map(x -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", x.id());
			m.put("article", x.article());
			m.put("content", x.content());
			m.put("name", personal ? x.name() : ConsultationQueries.STAFF_ONLY);
			m.put("contact", personal ? x.contact() : ConsultationQueries.STAFF_ONLY);
			m.put("channel", x.channel());
			m.put("receivedOn", x.receivedOn());
			m.put("status", x.status().name());
			m.put("rejectionReason", x.rejectionReason() == null ? null : x.rejectionReason().name());
			m.put("rejectionNote", x.rejectionNote());
			m.put("feedback", x.feedbackId());
			m.put("submittedAt", x.submittedAt());
			return m;
		}).toList());
		out.put("feedback", queries.feedbacks(id).stream().map(f -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", f.id());
			m.put("topic", f.topic());
			m.put("outcome", f.outcome().name());
			m.put("reason", f.reason());
			return m;
		}).toList());
		return out;
	}

	@PostMapping("/api/v1/consultations/{id}/publish")
	@Operation(summary = "发布意见征集；当天发布、当天开始的，发布日不计入期限（民法典第二百零一条），不足30日时须说明缩短期限的原因")
	Map<String, Object> publish(@PathVariable long id, @RequestBody(required = false) PublishBody body) {
		return brief(management.publish(id, body == null ? null : body.shortReason()));
	}

	@PostMapping("/api/v1/consultations/{id}/close")
	@Operation(summary = "提前结束征集（须说明原因，原因在门户网站公开；记录实际结束日期）")
	Map<String, Object> close(@PathVariable long id, @RequestBody(required = false) CloseBody body) {
		return brief(management.close(id, body == null ? null : body.reason()));
	}

	@PostMapping("/api/v1/consultations/{id}/comments")
	@Operation(summary = "登记通过电子邮件、信函、传真或电话收到的意见（计入有效意见）；201 返回意见编号；公布反馈后 409")
	ResponseEntity<Map<String, Object>> record(@PathVariable long id, @RequestBody(required = false) RecordedCommentBody body) {
		if (body == null) {
			throw InvalidInputException.of("content", "请提供意见内容");
		}
		Set<String> bad = new HashSet<>();
		LocalDate received = date(body.receivedOn(), "receivedOn", bad);
		if (!bad.isEmpty()) {
			throw InvalidInputException.of("receivedOn", "日期格式不正确，应为年-月-日");
		}
		Comment c = management.recordComment(id, body.channel(), received, body.article(), body.content(), body.name(),
				body.contact());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", c.id());
		out.put("status", c.status().name());
		return ResponseEntity.created(URI.create("/api/v1/consultations/" + id)).body(out);
	}

	@PostMapping("/api/v1/consultations/{id}/extend")
	@Operation(summary = "延长征集期限")
	Map<String, Object> extend(@PathVariable long id, @RequestBody(required = false) ExtendBody body) {
		Set<String> bad = new HashSet<>();
		LocalDate closes = date(body == null ? null : body.closesOn(), "closesOn", bad);
		if (!bad.isEmpty()) {
			throw InvalidInputException.of("closesOn", "日期格式不正确，应为年-月-日");
		}
		return brief(management.extend(id, closes, body == null ? null : body.shortReason()));
	}

	@PostMapping("/api/v1/consultations/{id}/withdraw")
	@Operation(summary = "撤回已发布的意见征集（须说明理由）")
	Map<String, Object> withdraw(@PathVariable long id, @RequestBody(required = false) ReasonBody body) {
		return brief(management.withdraw(id, body == null ? null : body.reason()));
	}

	@PostMapping("/api/v1/consultations/comments/{commentId}/accept")
	@Operation(summary = "意见审核通过（有效意见）")
	Map<String, Object> accept(@PathVariable long commentId) {
		Comment c = management.accept(commentId);
		return Map.of("id", c.id(), "status", c.status().name());
	}

	@PostMapping("/api/v1/consultations/comments/{commentId}/reject")
	@Operation(summary = "意见审核不通过：SPAM | ABUSE | IRRELEVANT | DUPLICATE | OTHER（OTHER 须说明）")
	Map<String, Object> reject(@PathVariable long commentId, @RequestBody(required = false) ReasonBody body) {
		CommentRejection reason = null;
		if (body != null && Texts.trimToNull(body.reason()) != null) {
			try {
				reason = CommentRejection.valueOf(body.reason().trim());
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("reason", "理由应为 SPAM、ABUSE、IRRELEVANT、DUPLICATE 或 OTHER");
			}
		}
		Comment c = management.reject(commentId, reason, body == null ? null : body.note());
		return Map.of("id", c.id(), "status", c.status().name());
	}

	@PostMapping("/api/v1/consultations/{id}/feedback")
	@Operation(summary = "对一条或归纳后的一组有效意见反馈采纳情况；部分采纳、不予采纳须说明理由；201 返回反馈编号")
	ResponseEntity<Map<String, Object>> answer(@PathVariable long id, @RequestBody(required = false) AnswerBody body) {
		if (body == null) {
			throw InvalidInputException.of("comments", "请至少选择一条意见");
		}
		AdoptionFeedbackOutcome outcome = null;
		if (Texts.trimToNull(body.outcome()) != null) {
			try {
				outcome = AdoptionFeedbackOutcome.valueOf(body.outcome().trim());
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("outcome", "采纳情况应为 ADOPTED、PARTLY_ADOPTED 或 NOT_ADOPTED");
			}
		}
		AdoptionFeedback f = management.answer(id, body.comments(), body.topic(), outcome, body.reason());
		return ResponseEntity.created(URI.create("/api/v1/consultations/" + id)).body(Map.of("id", f.id(), "topic", f.topic()));
	}

	@DeleteMapping("/api/v1/consultations/feedback/{feedbackId}")
	@Operation(summary = "撤销一条尚未公布的反馈")
	ResponseEntity<Void> removeAnswer(@PathVariable long feedbackId) {
		management.removeAnswer(feedbackId);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/consultations/{id}/summary")
	@Operation(summary = "填写意见收集和采纳情况说明（对草案的主要修改）")
	Map<String, Object> summary(@PathVariable long id, @RequestBody(required = false) SummaryBody body) {
		return brief(management.saveSummary(id, body == null ? null : body.mainChanges()));
	}

	@PostMapping("/api/v1/consultations/{id}/feedback/publish")
	@Operation(summary = "公布意见收集和采纳情况（已反馈）；尚有意见未审核或未反馈、未填写说明或征集未结束时 409")
	Map<String, Object> publishFeedback(@PathVariable long id) {
		return brief(management.publishFeedback(id));
	}

	// ---- helpers ---------------------------------------------------------------------------------------------

	private Map<String, Object> brief(Consultation c) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", c.id());
		out.put("status", queries.status(c).name());
		return out;
	}

	static ConsultationInput input(ConsultationBody b) {
		if (b == null) {
			throw InvalidInputException.of("title", "请提供意见征集的内容");
		}
		Set<String> bad = new HashSet<>();
		LocalDate opens = date(b.opensOn(), "opensOn", bad);
		LocalDate closes = date(b.closesOn(), "closesOn", bad);
		ConsultationFieldRule name = rule(b.nameRule(), "nameRule", bad);
		ConsultationFieldRule contact = rule(b.contactRule(), "contactRule", bad);
		return new ConsultationInput(b.agency(), b.title(), b.draft(), b.basis(), b.explanation(), opens, closes, b.shortReason(),
				b.channelEmail(), b.channelPost(), b.channelFax(), b.channelPhone(), b.decision(), name, contact,
				Boolean.TRUE.equals(b.commentsPublic()), bad);
	}

	static LocalDate date(String value, String field, Set<String> bad) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return LocalDate.parse(v);
		}
		catch (DateTimeParseException e) {
			bad.add(field);
			return null;
		}
	}

	private static ConsultationFieldRule rule(String value, String field, Set<String> bad) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return ConsultationFieldRule.OPTIONAL;
		}
		try {
			return ConsultationFieldRule.valueOf(v);
		}
		catch (IllegalArgumentException e) {
			bad.add(field);
			return ConsultationFieldRule.OPTIONAL;
		}
	}

	static final class TooMany extends DomainException {

		TooMany(String message) {
			super(429, message);
		}
	}

}
