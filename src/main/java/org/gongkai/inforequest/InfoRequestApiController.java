package org.gongkai.inforequest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
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

/** The information-request endpoints of api-contract.md: applications, the procedure, the tracking page, table 三. */
@RestController
@Tag(name = "Information requests", description = "依申请公开：申请、补正、征求意见、延期、答复、收费、复议诉讼、统计")
class InfoRequestApiController {

	private final InfoRequestManagement management;

	private final InfoRequestQueries queries;

	private final RequestStatistics statistics;

	private final AgencyDirectory agencies;

	private final java.time.Clock clock;

	private final RequestNotices notices;

	private final RequestCases cases;

	private final RequestPortalLimits limits;

	InfoRequestApiController(InfoRequestManagement management, InfoRequestQueries queries, RequestStatistics statistics,
			AgencyDirectory agencies, java.time.Clock clock, RequestNotices notices, RequestCases cases,
			RequestPortalLimits limits) {
		this.limits = limits;
		this.notices = notices;
		this.cases = cases;
		this.management = management;
		this.queries = queries;
		this.statistics = statistics;
		this.agencies = agencies;
		this.clock = clock;
	}

	@Schema(description = "政府信息公开申请（条例第二十九条）")
	record ApplicationBody(@Schema(description = "受理单位代码", requiredMode = Schema.RequiredMode.REQUIRED) String agency,
			ApplicantType applicantType, String name, IdType idType, String idNumber, String contactPerson, String phone,
			String email, String address, String postcode,
			@Schema(description = "所需政府信息的名称、文号或者便于查询的其他特征性描述") String description,
			ProvisionForm provisionForm, ObtainMethod obtainMethod,
			@Schema(description = "工作人员登记时：申请渠道") SubmissionChannel channel,
			@Schema(description = "工作人员登记时：收到申请之日（条例第三十一条）") LocalDate receivedOn) {

		Application application() {
			return new Application(applicantType, name, idType, idNumber, contactPerson, phone, email, address, postcode,
					description, provisionForm, obtainMethod);
		}
	}

	record DateBody(LocalDate receivedOn) {
	}

	record CorrectionBody(LocalDate requestedOn, List<String> items, Integer periodDays) {
	}

	record ConsultationBody(Consultation.Kind kind, String party, LocalDate sentOn,
			@Schema(description = "被征求意见方收到之日（15个工作日自此起算；省略为发出之日）") LocalDate receivedOn) {
	}

	record AnswerBody(Consultation.Answer answer, LocalDate answeredOn, String note) {
	}

	record OverrideBody(String reason, LocalDate noticeOn) {
	}

	record ExtensionBody(Integer days, String reason, LocalDate approvedOn,
			@Schema(description = "告知申请人之日（必填：延期须告知申请人）") LocalDate noticeOn) {
	}

	record DeadlineBody(LocalDate dueOn, String reason, LocalDate noticeOn) {
	}

	record FeeBody(FeeMethod method, Integer pages, LocalDate noticeOn, LocalDate paidOn) {
	}

	record ReplyBody(@Schema(description = "年度报告行：r1, r2, r3_1 … r5_5, r6_3") String outcome, LocalDate repliedOn,
			String basis, String reason, String content, String responsibleAgency, ObtainMethod deliveryChannel) {
	}

	record WithdrawalBody(LocalDate withdrawnOn, String note) {
	}

	record RemedyBody(Remedy.Kind kind, LocalDate filedOn, String body) {
	}

	record DecisionBody(Remedy.Result result, LocalDate decidedOn, String note) {
	}

	record StaffView(long id, String agency, String trackingCode, RequestStatus status, String statusLabel,
			SubmissionChannel channel, ApplicantType applicantType, String applicantName, String phone, String email,
			String description, LocalDate receivedOn, LocalDate dueOn, String dueRule, boolean dueProvisional,
			boolean overdue, LocalDate overdueSince, LocalDate correctionRequestedOn, LocalDate correctionDueOn, LocalDate correctionReceivedOn,
			int extensionDays, LocalDate customDueOn, FeeMethod feeMethod, BigDecimal feeAmount, LocalDate feePayBy,
			String outcome, String outcomeLabel, LocalDate repliedOn, String replyReason, String reconsiderationNotice,
			String handler, List<Consultation> consultations) {
	}

	// ---- applying ---------------------------------------------------------------------------------------

	@PostMapping("/api/v1/public/requests")
	@Operation(summary = "网上提交政府信息公开申请；201 返回查询码")
	ResponseEntity<Map<String, Object>> apply(@RequestBody ApplicationBody body, jakarta.servlet.http.HttpServletRequest request) {
		if (body == null) {
			throw InvalidInputException.of("agency", "请提供申请内容");
		}
		java.util.OptionalLong wait = limits.application(request.getRemoteAddr());
		if (wait.isPresent()) {
			throw new TooManyRequests("提交过于频繁，请约" + Math.max(1, wait.getAsLong() / 60) + "分钟后再试", wait.getAsLong());
		}
		InfoRequest r = management.applyOnline(body.agency(), body.application());
		return ResponseEntity.status(201).body(Map.of("trackingCode", r.trackingCode(), "status", r.status(),
				"verifierHint", "查询办理进度时请输入查询码和联系电话后四位"));
	}

	@PostMapping("/api/v1/requests")
	@Operation(summary = "登记当面、邮寄、传真或口头提出的申请（工作人员）")
	ResponseEntity<Map<String, Object>> enter(@RequestBody ApplicationBody body) {
		if (body == null) {
			throw InvalidInputException.of("agency", "请提供申请内容");
		}
		Agency agency = agency(body.agency());
		InfoRequest r = management.enter(agency.id(), body.channel(), body.receivedOn(), body.application());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", r.id());
		out.put("trackingCode", r.trackingCode());
		out.put("receivedOn", r.receivedOn());
		out.put("dueOn", r.dueOn());
		return ResponseEntity.created(URI.create("/api/v1/requests/" + r.id())).body(out);
	}

	@GetMapping("/api/v1/requests/{id}")
	@Operation(summary = "一件申请（承办单位的依申请公开工作人员；每次查看记入审计）")
	StaffView get(@PathVariable long id) {
		return view(queries.staffView(id));
	}

	@GetMapping("/api/v1/requests")
	@Operation(summary = "办理队列：按答复期限排序，标注已超期和临期")
	List<Map<String, Object>> queue(@RequestParam String agency, @RequestParam(required = false) RequestStatus status,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
		if (size < 1 || size > 200) {
			throw InvalidInputException.of("size", "每页条数应为1至200");
		}
		return queries.queue(List.of(agency(agency).id()), status, status == null, page, size).stream().map(q -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", q.request().id());
			m.put("trackingCode", q.request().trackingCode());
			m.put("status", q.request().status());
			m.put("receivedOn", q.request().receivedOn());
			m.put("dueOn", q.request().dueOn());
			m.put("overdue", q.overdue());
			m.put("dueSoon", q.dueSoon());
			return m;
		}).toList();
	}

	// ---- the procedure --------------------------------------------------------------------------------

	@PostMapping("/api/v1/requests/{id}/confirm")
	@Operation(summary = "确认收到网上申请（条例第三十一条：以双方确认之日为收到申请之日）")
	StaffView confirm(@PathVariable long id, @RequestBody DateBody body) {
		return view(management.confirmReceipt(id, body == null ? null : body.receivedOn()));
	}

	@PostMapping("/api/v1/requests/{id}/correction")
	@Operation(summary = "一次性告知补正（收到申请之日起7个工作日内）；第二次告知返回 409")
	StaffView correction(@PathVariable long id, @RequestBody CorrectionBody body) {
		return view(management.requestCorrection(id, body == null ? null : body.requestedOn(), body == null ? null : body.items(),
				body == null ? null : body.periodDays()));
	}

	@PostMapping("/api/v1/requests/{id}/correction-received")
	@Operation(summary = "收到补正后的申请：答复期限自此重新计算")
	StaffView correctionReceived(@PathVariable long id, @RequestBody DateBody body) {
		return view(management.correctionReceived(id, body == null ? null : body.receivedOn()));
	}

	@PostMapping("/api/v1/requests/{id}/consultations")
	@Operation(summary = "书面征求第三方或其他机关意见（15个工作日，期间不计入答复期限）")
	ResponseEntity<Consultation> consult(@PathVariable long id, @RequestBody ConsultationBody body) {
		Consultation c = management.consult(id, body == null ? null : body.kind(), body == null ? null : body.party(),
				body == null ? null : body.sentOn(), body == null ? null : body.receivedOn());
		return ResponseEntity.status(201).body(c);
	}

	@PostMapping("/api/v1/requests/{id}/consultations/{consultationId}/answer")
	@Operation(summary = "登记被征求意见方的答复，或期限届满未答复")
	Consultation answer(@PathVariable long id, @PathVariable long consultationId, @RequestBody AnswerBody body) {
		return management.recordAnswer(id, consultationId, body == null ? null : body.answer(),
				body == null ? null : body.answeredOn(), body == null ? null : body.note());
	}

	@PostMapping("/api/v1/requests/{id}/consultations/{consultationId}/override")
	@Operation(summary = "第三方不同意公开但因公共利益决定公开：记录理由和书面告知第三方之日（负责人）")
	Consultation override(@PathVariable long id, @PathVariable long consultationId, @RequestBody OverrideBody body) {
		return management.overrideObjection(id, consultationId, body == null ? null : body.reason(),
				body == null ? null : body.noticeOn());
	}

	@PostMapping("/api/v1/requests/{id}/extension")
	@Operation(summary = "延期答复（负责人批准，合计不超过20个工作日，须告知申请人）")
	StaffView extend(@PathVariable long id, @RequestBody ExtensionBody body) {
		return view(management.extend(id, body == null ? null : body.days(), body == null ? null : body.reason(),
				body == null ? null : body.approvedOn(), body == null ? null : body.noticeOn()));
	}

	@PostMapping("/api/v1/requests/{id}/deadline")
	@Operation(summary = "条例第三十五条：另行确定合理的答复期限并告知申请人（负责人）")
	StaffView deadline(@PathVariable long id, @RequestBody DeadlineBody body) {
		return view(management.setDeadline(id, body == null ? null : body.dueOn(), body == null ? null : body.reason(),
				body == null ? null : body.noticeOn()));
	}

	@PostMapping("/api/v1/requests/{id}/fee-notice")
	@Operation(summary = "发出信息处理费收费通知（按件或按量，二选一）")
	StaffView feeNotice(@PathVariable long id, @RequestBody FeeBody body) {
		return view(management.issueFeeNotice(id, body == null ? null : body.method(), body == null ? null : body.pages(),
				body == null ? null : body.noticeOn()));
	}

	@PostMapping("/api/v1/requests/{id}/fee-paid")
	@Operation(summary = "登记申请人已缴费")
	StaffView feePaid(@PathVariable long id, @RequestBody FeeBody body) {
		return view(management.feePaid(id, body == null ? null : body.paidOn()));
	}

	@PostMapping("/api/v1/requests/{id}/reply")
	@Operation(summary = "答复：答复类型即年度报告的一行（r1 … r6_3），不予公开须说明理由并告知复议前置")
	StaffView reply(@PathVariable long id, @RequestBody ReplyBody body) {
		if (body == null) {
			throw InvalidInputException.of("outcome", "请选择答复类型");
		}
		Outcome outcome = Texts.trimToNull(body.outcome()) == null ? null : Outcome.fromKey(body.outcome());
		if (Texts.trimToNull(body.outcome()) != null && outcome == null) {
			throw InvalidInputException.of("outcome", "答复类型“" + body.outcome() + "”不是年度报告的行（r1、r2、r3_1 … r6_3）");
		}
		return view(management.reply(id, new InfoRequestManagement.Reply(outcome, body.repliedOn(), body.basis(), body.reason(),
				body.content(), body.responsibleAgency(), body.deliveryChannel())));
	}

	@PostMapping("/api/v1/requests/{id}/withdrawal")
	@Operation(summary = "申请人撤回申请（其他处理）")
	StaffView withdraw(@PathVariable long id, @RequestBody WithdrawalBody body) {
		return view(management.withdrawByApplicant(id, body == null ? null : body.withdrawnOn(), body == null ? null : body.note()));
	}

	@PostMapping("/api/v1/requests/{id}/remedies")
	@Operation(summary = "登记行政复议或行政诉讼")
	ResponseEntity<Remedy> remedy(@PathVariable long id, @RequestBody RemedyBody body) {
		return ResponseEntity.status(201).body(management.recordRemedy(id, body == null ? null : body.kind(),
				body == null ? null : body.filedOn(), body == null ? null : body.body()));
	}

	@PostMapping("/api/v1/remedies/{id}/decision")
	@Operation(summary = "登记复议决定或判决结果")
	Remedy decide(@PathVariable long id, @RequestBody DecisionBody body) {
		return management.decideRemedy(id, body == null ? null : body.result(), body == null ? null : body.decidedOn(),
				body == null ? null : body.note());
	}

	// ---- typical cases and delivery -------------------------------------------------------------------

	record CaseBody(String title, String summary) {
	}

	@PostMapping("/api/v1/requests/{id}/case")
	@Operation(summary = "将已答复的申请作为典型案例公开（脱敏说明，负责人）")
	ResponseEntity<RequestCases.Case> publishCase(@PathVariable long id, @RequestBody CaseBody body) {
		return ResponseEntity.status(201).body(cases.publish(id, body == null ? null : body.title(), body == null ? null : body.summary()));
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/api/v1/requests/{id}/case")
	@Operation(summary = "撤下已公开的典型案例（负责人）")
	ResponseEntity<Void> withdrawCase(@PathVariable long id) {
		cases.withdraw(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/public/request-cases")
	@Operation(summary = "单位公开的依申请公开典型案例")
	List<Map<String, Object>> publicCases(@RequestParam String agency) {
		Agency a = agencies.findByCode(agency.trim()).filter(Agency::active)
			.orElseThrow(() -> DomainException.notFound("没有代码为“" + agency + "”的单位"));
		return cases.cases(a.id()).stream().map(c -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("title", c.title());
			m.put("summary", c.summary());
			m.put("outcome", c.outcome().label());
			m.put("publishedAt", c.publishedAt());
			return m;
		}).toList();
	}

	record DeliveryBody(ObtainMethod channel, LocalDate deliveredOn) {
	}

	@PostMapping("/api/v1/requests/{id}/delivery")
	@Operation(summary = "登记答复送达的方式和日期")
	StaffView delivered(@PathVariable long id, @RequestBody DeliveryBody body) {
		return view(management.recordDelivery(id, body == null ? null : body.channel(), body == null ? null : body.deliveredOn()));
	}

	// ---- notices (告知书) ------------------------------------------------------------------------------

	@GetMapping("/api/v1/requests/{id}/notices/{kind}.{format}")
	@Operation(summary = "生成告知书（补正、延期、另行确定期限、收费、答复），Word（docx）或 PDF")
	ResponseEntity<byte[]> notice(@PathVariable long id, @PathVariable String kind, @PathVariable String format) {
		RequestNotices.Kind k = noticeKind(kind);
		RequestNotices.Document d = switch (format) {
			case "docx" -> notices.word(id, k);
			case "pdf" -> notices.pdf(id, k);
			default -> throw DomainException.notFound("只能生成 docx 或 pdf 格式");
		};
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(d.contentType()))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
				.attachment().filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(d.content());
	}

	record TemplateBody(String body) {
	}

	@GetMapping("/api/v1/agencies/{code}/notice-templates/{kind}")
	@Operation(summary = "本单位告知书的措辞（含 {申请人} 等占位符）")
	Map<String, Object> template(@PathVariable String code, @PathVariable String kind) {
		Agency agency = agency(code);
		RequestNotices.Kind k = noticeKind(kind);
		return Map.of("kind", k, "label", k.label(), "body", notices.template(agency.id(), k));
	}

	@org.springframework.web.bind.annotation.PutMapping("/api/v1/agencies/{code}/notice-templates/{kind}")
	@Operation(summary = "修改本单位告知书的措辞（单位管理员）；内容为空则恢复默认")
	Map<String, Object> changeTemplate(@PathVariable String code, @PathVariable String kind, @RequestBody TemplateBody body) {
		Agency agency = agency(code);
		RequestNotices.Kind k = noticeKind(kind);
		notices.changeTemplate(agency.id(), k, body == null ? null : body.body());
		return template(code, kind);
	}

	private static RequestNotices.Kind noticeKind(String kind) {
		for (RequestNotices.Kind k : RequestNotices.Kind.values()) {
			if (k.name().equalsIgnoreCase(kind)) {
				return k;
			}
		}
		throw DomainException.notFound("没有“" + kind + "”这种告知书");
	}

	// ---- applicant and statistics -----------------------------------------------------------------------

	@GetMapping("/api/v1/public/requests/{trackingCode}")
	@Operation(summary = "申请人查询办理进度：查询码和联系电话后四位均正确才返回，否则 404")
	InfoRequestQueries.Tracking track(@PathVariable String trackingCode, @RequestParam(required = false) String verifier,
			jakarta.servlet.http.HttpServletRequest request) {
		java.util.OptionalLong wait = limits.lookup(request.getRemoteAddr());
		if (wait.isPresent()) {
			throw new TooManyRequests("查询过于频繁，请约" + Math.max(1, wait.getAsLong() / 60) + "分钟后再试", wait.getAsLong());
		}
		return queries.track(trackingCode, verifier).orElseThrow(() -> DomainException.notFound("查询码或联系电话后四位不正确"));
	}

	@GetMapping("/api/v1/reports/inforequests")
	@Operation(summary = "年度报告表三：收到和处理政府信息公开申请情况（25行×7列），附 V1–V2 校验结果")
	Map<String, Object> table3(@RequestParam String agency, @RequestParam int year) {
		RequestStatistics.Table3 t = statistics.table3(agency(agency).id(), checkedYear(year));
		Map<String, Object> rows = new LinkedHashMap<>();
		t.rows().forEach((key, cells) -> {
			Map<String, Object> columns = new LinkedHashMap<>();
			for (ApplicantType type : ApplicantType.values()) {
				columns.put(column(type), cells.getOrDefault(type, 0));
			}
			columns.put("total", t.total(key));
			rows.put(key, columns);
		});
		RequestStatistics.Performance p = statistics.performance(agency(agency).id(), year);
		Map<String, Object> performance = new LinkedHashMap<>();
		performance.put("replied", p.replied());
		performance.put("onTime", p.onTime());
		performance.put("onTimeRate", p.onTimeRate());
		performance.put("averageWorkingDays", p.averageWorkingDays());
		return Map.of("agency", agency, "year", year, "rows", rows, "failedChecks", t.failedChecks(), "performance",
				performance);
	}

	@GetMapping("/api/v1/reports/inforequests/remedies")
	@Operation(summary = "年度报告表四：政府信息公开行政复议、行政诉讼情况")
	Map<String, Object> table4(@RequestParam String agency, @RequestParam int year) {
		RequestStatistics.Table4 t = statistics.table4(agency(agency).id(), checkedYear(year));
		Map<String, Object> groups = new LinkedHashMap<>();
		for (Remedy.Kind kind : Remedy.Kind.values()) {
			Map<String, Object> cells = new LinkedHashMap<>();
			cells.put("upheld", t.cell(kind, Remedy.Result.UPHELD));
			cells.put("corrected", t.cell(kind, Remedy.Result.CORRECTED));
			cells.put("other", t.cell(kind, Remedy.Result.OTHER));
			cells.put("pending", t.cell(kind, Remedy.Result.PENDING));
			cells.put("total", t.total(kind));
			groups.put(switch (kind) {
				case RECONSIDERATION -> "reconsideration";
				case LITIGATION_DIRECT -> "litigationDirect";
				case LITIGATION_AFTER_RECONSIDERATION -> "litigationAfterReconsideration";
			}, cells);
		}
		return Map.of("agency", agency, "year", year, "table4", groups);
	}

	/** The camelCase column names of api-contract.md. */
	static String column(ApplicantType type) {
		return switch (type) {
			case NATURAL_PERSON -> "naturalPerson";
			case COMMERCIAL_ENTERPRISE -> "commercialEnterprise";
			case RESEARCH_INSTITUTION -> "researchInstitution";
			case PUBLIC_INTEREST_ORGANISATION -> "publicInterestOrganisation";
			case LEGAL_SERVICE_INSTITUTION -> "legalServiceInstitution";
			case OTHER -> "other";
		};
	}

	private static int checkedYear(int year) {
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "年份应在2000至2100之间");
		}
		return year;
	}

	private StaffView view(InfoRequest r) {
		Agency owner = agencies.requireById(r.agencyId());
		boolean overdue = InfoRequestQueries.isOverdue(r, LocalDate.now(clock.withZone(org.gongkai.platform.Zones.CHINA)));
		return new StaffView(r.id(), owner.code(), r.trackingCode(), r.status(), r.status().label(), r.channel(),
				r.applicantType(), r.applicantName(), r.phone(), r.email(), r.description(), r.receivedOn(), r.dueOn(),
				r.dueRule(), r.dueProvisional(), overdue, r.overdueSince(), r.correctionRequestedOn(), r.correctionDueOn(),
				r.correctionReceivedOn(), r.extensionDays(), r.customDueOn(), r.feeMethod(), r.feeAmount(), r.feePayBy(),
				r.outcome() == null ? null : r.outcome().key(), r.outcome() == null ? null : r.outcome().label(), r.repliedOn(),
				r.replyReason(), r.reconsiderationNotice(), r.handler(), queries.consultations(r.id()));
	}

	private Agency agency(String code) {
		if (Texts.trimToNull(code) == null) {
			throw InvalidInputException.of("agency", "请提供单位代码 agency");
		}
		return agencies.findByCode(code.trim()).orElseThrow(() -> InvalidInputException.of("agency", "没有代码为“" + code + "”的单位"));
	}
}
