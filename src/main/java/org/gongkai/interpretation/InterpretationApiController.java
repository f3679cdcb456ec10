package org.gongkai.interpretation;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
import org.gongkai.publication.PublicationPaths;
import org.gongkai.publication.PublicationQueries;
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

/** The interpretation endpoints of api-contract.md, and responses to public concern. */
@RestController
@Tag(name = "Interpretations", description = "政策解读与回应关切")
class InterpretationApiController {

	private final InterpretationManagement management;

	private final InterpretationQueries queries;

	private final ConcernManagement concerns;

	private final PublicationQueries documents;

	private final AgencyDirectory agencies;

	private final PolicyDossiers dossiers;

	private final java.time.Clock clock;

	InterpretationApiController(InterpretationManagement management, InterpretationQueries queries,
			ConcernManagement concerns, PublicationQueries documents, AgencyDirectory agencies, PolicyDossiers dossiers,
			java.time.Clock clock) {
		this.dossiers = dossiers;
		this.clock = clock;
		this.management = management;
		this.queries = queries;
		this.concerns = concerns;
		this.documents = documents;
		this.agencies = agencies;
	}

	@Schema(description = "一篇政策解读")
	record InterpretationRequest(@Schema(description = "发布单位代码", requiredMode = Schema.RequiredMode.REQUIRED) String agency,
			String title, @Schema(description = "TEXT | GRAPHIC | VIDEO | QA | EXPERT | MEDIA | BRIEFING | INTERVIEW") InterpretationForm form,
			@Schema(description = "所解读文件的编号（至少一件）") List<Long> documentIds, String summary,
			@Schema(description = "正文 HTML，发布前清洗") String body,
			@Schema(description = "分节内容：BACKGROUND 背景依据、GOALS 目标任务、CONTENT 主要内容、SCOPE 涉及范围、STANDARDS 执行口径、NOTES 注意事项、CHANGES 新旧政策差异") Map<InterpretationSection, String> sections,
			@Schema(description = "简明问答") List<Interpretation.QaPair> qa, String theme,
			@Schema(description = "解读单位代码；省略时为所解读文件的单位（谁起草谁解读）") String interpretingUnit,
			String interpreter, String interpreterTitle,
			@Schema(description = "主要负责人解读（第一解读人）") Boolean principalLeader,
			@Schema(description = "政策执行中的持续解读：本身不标记逾期，可满足解读时效") Boolean followUp, String mediaOutlet,
			@Schema(description = "发布会、访谈的时间（北京时间）") LocalDateTime eventAt, String eventPlace, String participants,
			String mediaUrl, @Schema(description = "文字稿或文字实录") String transcript, String repostSource,
			String repostSourceUrl, LocalDate repostOriginalOn) {

		InterpretationDraft draft() {
			return new InterpretationDraft(title, form, summary, body, theme, interpretingUnit, interpreter, interpreterTitle,
					principalLeader, followUp, mediaOutlet, eventAt, eventPlace, participants, mediaUrl, transcript,
					repostSource, repostSourceUrl, repostOriginalOn, documentIds, sections, qa);
		}
	}

	record Note(String note, String reason) {
	}

	record DocumentLink(long id, String title, String url) {
	}

	record MediaView(String kind, String fileName, String url, String altText, String description) {
	}

	record PublicInterpretation(long id, String title, InterpretationForm form, String formLabel, String agency,
			String interpretingUnit, String interpreter, String interpreterTitle, boolean principalLeader, boolean followUp,
			String summary, String body, Map<String, String> sections, List<Interpretation.QaPair> qa, String mediaOutlet,
			Instant eventAt, String eventPlace, String participants, String mediaUrl, String transcript,
			String repostSource, String repostSourceUrl, LocalDate repostOriginalOn, LocalDate publishedOn,
			LocalDate dueOn, boolean late, List<DocumentLink> documents, List<MediaView> media, String url) {
	}

	record ListItem(long id, String title, InterpretationForm form, String formLabel, String agency,
			LocalDate publishedOn, boolean late, List<DocumentLink> documents, String url) {
	}

	record StaffView(long id, String agency, String title, InterpretationForm form, InterpretationStatus status,
			String statusLabel, List<Long> documentIds, LocalDate publishedOn, LocalDate dueOn, boolean late,
			String returnedReason, String url) {
	}

	@PostMapping("/api/v1/interpretations")
	@Operation(summary = "起草政策解读（编辑）；201 返回编号和状态")
	ResponseEntity<Map<String, Object>> create(@RequestBody InterpretationRequest body) {
		Agency agency = agency(body == null ? null : body.agency());
		Interpretation i = management.create(agency.id(), body.draft());
		return ResponseEntity.created(URI.create("/api/v1/interpretations/" + i.id()))
			.body(Map.of("id", i.id(), "status", i.status()));
	}

	@PutMapping("/api/v1/interpretations/{id}")
	@Operation(summary = "修改草稿或被退回的解读")
	StaffView update(@PathVariable long id, @RequestBody InterpretationRequest body) {
		if (body == null) {
			throw InvalidInputException.of("title", "请提供解读内容");
		}
		return staff(management.update(id, body.draft()));
	}

	@GetMapping("/api/v1/interpretations/{id}")
	@Operation(summary = "本单位的一篇解读（任何状态）")
	StaffView get(@PathVariable long id) {
		return staff(queries.staffView(id));
	}

	@PostMapping("/api/v1/interpretations/{id}/submit")
	@Operation(summary = "提交审签；各形式的必备内容缺失时 400")
	StaffView submit(@PathVariable long id) {
		return staff(management.submit(id));
	}

	@PostMapping("/api/v1/interpretations/{id}/publish")
	@Operation(summary = "负责人审签：所解读文件均已公开时立即发布，否则待文件公开时同步发布（状态 READY）")
	StaffView publish(@PathVariable long id, @RequestBody(required = false) Note body) {
		return staff(management.approve(id, body == null ? null : body.note()));
	}

	@PostMapping("/api/v1/interpretations/{id}/return")
	@Operation(summary = "退回修改（写明理由）")
	StaffView returnToDrafter(@PathVariable long id, @RequestBody(required = false) Note body) {
		return staff(management.returnToDrafter(id, body == null ? null : body.reason()));
	}

	@PostMapping("/api/v1/interpretations/{id}/withdraw")
	@Operation(summary = "撤回已发布的解读：离开门户、接口和订阅")
	StaffView withdraw(@PathVariable long id, @RequestBody(required = false) Note body) {
		return staff(management.withdraw(id, body == null ? null : body.reason()));
	}

	@GetMapping("/api/v1/public/interpretations")
	@Operation(summary = "已发布的政策解读，按发布时间倒序；可按单位、文件、形式筛选")
	Map<String, Object> list(@RequestParam(required = false) String agency, @RequestParam(required = false) Long document,
			@RequestParam(required = false) InterpretationForm form, @RequestParam(required = false) String theme,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		if (size < 1 || size > 100) {
			throw InvalidInputException.of("size", "每页条数应为1至100");
		}
		if (page < 1) {
			throw InvalidInputException.of("page", "页码从1开始");
		}
		List<Long> scope = null;
		if (Texts.trimToNull(agency) != null) {
			scope = List.of(agencies.findByCode(agency.trim()).filter(Agency::active)
				.orElseThrow(() -> InvalidInputException.of("agency", "没有代码为“" + agency + "”的单位")).id());
		}
		InterpretationQueries.Page<Interpretation> result = queries.publicPage(scope, form, Texts.trimToNull(theme), document,
				page, size);
		return Map.of("total", result.total(), "page", result.page(), "size", result.size(), "items", result.items()
			.stream()
			.map(i -> {
				Agency owner = agencies.requireById(i.agencyId());
				return new ListItem(i.id(), i.title(), i.form(), i.form().label(), owner.name(), i.publishedOn(), i.late(),
						documentLinks(i), InterpretationPaths.item(owner, i.id()));
			})
			.toList());
	}

	@GetMapping("/api/v1/public/interpretations/{id}")
	@Operation(summary = "一篇已发布的政策解读及其所解读的文件；未发布或已撤回的返回 404")
	PublicInterpretation detail(@PathVariable long id) {
		Interpretation i = queries.publicInterpretation(id).orElseThrow(() -> DomainException.notFound("该解读不存在或未发布"));
		Agency owner = agencies.requireById(i.agencyId());
		if (!owner.active()) {
			throw DomainException.notFound("该解读不存在或未发布");
		}
		List<DocumentLink> docs = documentLinks(i);
		Map<String, String> sections = new java.util.LinkedHashMap<>();
		i.sections().forEach((k, v) -> sections.put(k.name(), v));
		List<MediaView> media = queries.media(i.id())
			.stream()
			.map(m -> new MediaView(m.kind().name(), m.fileName(), InterpretationPaths.media(owner, m), m.altText(),
					m.description()))
			.toList();
		return new PublicInterpretation(i.id(), i.title(), i.form(), i.form().label(), owner.name(),
				agencies.findById(i.interpretingUnitId()).map(Agency::name).orElse(owner.name()), i.interpreter(),
				i.interpreterTitle(), i.principalLeader(), i.followUp(), i.summary(), i.body(), sections, i.qa(),
				i.mediaOutlet(), i.eventAt(), i.eventPlace(), i.participants(), i.mediaUrl(), i.transcript(),
				i.repostSource(), i.repostSourceUrl(), i.repostOriginalOn(), i.publishedOn(), i.dueOn(), i.late(), docs,
				media, InterpretationPaths.item(owner, i.id()));
	}

	// ---- the policy's dossier (三同步) -------------------------------------------------------------------

	record DossierView(long documentId, boolean requiresInterpretation, boolean needsInterpretation, LocalDate planOn,
			String planChannels, String planForms, String planOutline, String waiverReason, boolean drawsAttention,
			PolicyDossier.RiskLevel riskLevel, String riskAssessment, String responsePlan, String obligation,
			LocalDate dueOn, boolean dueProvisional, LocalDate metOn) {
	}

	@GetMapping("/api/v1/documents/{id}/interpretation")
	@Operation(summary = "文件的解读方案、无需解读理由、舆情风险评估和解读时效")
	DossierView dossier(@PathVariable long id) {
		return dossierView(id);
	}

	@PutMapping("/api/v1/documents/{id}/interpretation-plan")
	@Operation(summary = "填报解读方案（时间、途径、形式、提纲），或标记文件需要解读（三同步）")
	DossierView savePlan(@PathVariable long id, @RequestBody PolicyDossiers.Plan body) {
		dossiers.savePlan(id, body == null ? new PolicyDossiers.Plan(null, null, null, null, null) : body);
		return dossierView(id);
	}

	@PutMapping("/api/v1/documents/{id}/risk-assessment")
	@Operation(summary = "可能引发社会关注的文件：舆情风险评估和回应预案")
	DossierView saveRisk(@PathVariable long id, @RequestBody PolicyDossiers.Risk body) {
		dossiers.saveRisk(id, body == null ? new PolicyDossiers.Risk(null, null, null, null) : body);
		return dossierView(id);
	}

	@PostMapping("/api/v1/documents/{id}/interpretation-waiver")
	@Operation(summary = "负责人记录无需解读的理由（本单位允许时）")
	DossierView waive(@PathVariable long id, @RequestBody(required = false) Note body) {
		dossiers.waive(id, body == null ? null : body.reason());
		return dossierView(id);
	}

	private DossierView dossierView(long id) {
		PolicyDossier d = dossiers.of(id);
		java.util.Optional<Obligation> o = dossiers.obligation(id).filter(x -> !x.cancelled());
		LocalDate today = LocalDate.now(clock.withZone(org.gongkai.platform.Zones.CHINA));
		return new DossierView(id, dossiers.requiresInterpretation(id), d.needsInterpretation(), d.planOn(), d.planChannels(),
				d.planForms(), d.planOutline(), d.waiverReason(), d.drawsAttention(), d.riskLevel(), d.riskAssessment(),
				d.responsePlan(), o.map(x -> x.state(today).name()).orElse(null), o.map(Obligation::dueOn).orElse(null),
				o.map(Obligation::provisional).orElse(false), o.map(Obligation::metOn).orElse(null));
	}

	// ---- public concern ---------------------------------------------------------------------------------

	record TopicRequest(String agency, String title, ConcernTopic.Source source, String sourceNote, String description,
			@Schema(description = "发现时间（北京时间）；省略为现在") LocalDateTime detectedAt, List<Long> documentIds) {
	}

	record ResponseRequest(String title, String body, String channel) {
	}

	@PostMapping("/api/v1/concerns/topics")
	@Operation(summary = "记录一项社会关切（来自留言、热线、媒体、舆情监测或督查）")
	ResponseEntity<Map<String, Object>> recordTopic(@RequestBody TopicRequest body) {
		Agency agency = agency(body == null ? null : body.agency());
		ConcernTopic t = concerns.recordTopic(agency.id(), new ConcernManagement.TopicDraft(body.title(), body.source(),
				body.sourceNote(), body.description(), body.detectedAt(), body.documentIds()));
		return ResponseEntity.status(201).body(Map.of("id", t.id(), "status", t.status()));
	}

	@PostMapping("/api/v1/concerns/topics/{id}/responses")
	@Operation(summary = "起草对社会关切的回应")
	ResponseEntity<Map<String, Object>> draftResponse(@PathVariable long id, @RequestBody ResponseRequest body) {
		if (body == null) {
			throw InvalidInputException.of("title", "请提供回应内容");
		}
		ConcernResponse r = concerns.draftResponse(id, body.title(), body.body(), body.channel());
		return ResponseEntity.status(201).body(Map.of("id", r.id(), "status", r.status()));
	}

	@PostMapping("/api/v1/concerns/responses/{id}/publish")
	@Operation(summary = "负责人发布回应")
	Map<String, Object> publishResponse(@PathVariable long id) {
		ConcernResponse r = concerns.publishResponse(id);
		Agency owner = agencies.requireById(r.agencyId());
		return Map.of("id", r.id(), "status", r.status(), "url", InterpretationPaths.concern(owner, r.id()));
	}

	@GetMapping("/api/v1/public/concerns")
	@Operation(summary = "已发布的回应关切，含发现时间到回应时间的用时")
	Map<String, Object> publicConcerns(@RequestParam(required = false) String agency, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (size < 1 || size > 100) {
			throw InvalidInputException.of("size", "每页条数应为1至100");
		}
		List<Long> scope = Texts.trimToNull(agency) == null ? null : List.of(agency(agency).id());
		InterpretationQueries.Page<ConcernResponse> result = queries.publicResponses(scope, page, size);
		return Map.of("total", result.total(), "items", result.items().stream().map(r -> {
			ConcernTopic t = queries.topicOfPublicResponse(r).orElseThrow();
			Agency owner = agencies.requireById(r.agencyId());
			Map<String, Object> m = new java.util.LinkedHashMap<>();
			m.put("id", r.id());
			m.put("title", r.title());
			m.put("topic", t.title());
			m.put("agency", owner.name());
			m.put("detectedAt", t.detectedAt());
			m.put("respondedAt", r.publishedAt());
			m.put("hoursToRespond", java.time.Duration.between(t.detectedAt(), r.publishedAt()).toHours());
			m.put("url", InterpretationPaths.concern(owner, r.id()));
			return m;
		}).toList());
	}

	private List<DocumentLink> documentLinks(Interpretation i) {
		return i.documentIds()
			.stream()
			.map(documents::publicDocument)
			.flatMap(java.util.Optional::stream)
			.map(d -> new DocumentLink(d.id(), d.title(), PublicationPaths.document(agencies.requireById(d.agencyId()), d.id())))
			.toList();
	}

	private StaffView staff(Interpretation i) {
		Agency owner = agencies.requireById(i.agencyId());
		return new StaffView(i.id(), owner.code(), i.title(), i.form(), i.status(), i.status().label(), i.documentIds(),
				i.publishedOn(), i.dueOn(), i.late(), i.returnedReason(),
				i.isPublic() ? InterpretationPaths.item(owner, i.id()) : null);
	}

	private Agency agency(String code) {
		if (Texts.trimToNull(code) == null) {
			throw InvalidInputException.of("agency", "请提供单位代码 agency");
		}
		return agencies.findByCode(code.trim())
			.orElseThrow(() -> InvalidInputException.of("agency", "没有代码为“" + code + "”的单位"));
	}
}
