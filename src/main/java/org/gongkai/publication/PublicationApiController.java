package org.gongkai.publication;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Texts;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The document endpoints of api-contract.md: OA intake, the public document API, withdrawal. */
@RestController
@Tag(name = "Documents", description = "政府信息：办公系统推送、公开查询、撤回")
class PublicationApiController {

	private final DocumentIntake intake;

	private final DocumentManagement management;

	private final PublicationQueries queries;

	private final AgencyDirectory agencies;

	private final Catalog catalog;

	private final org.springframework.beans.factory.ObjectProvider<DocumentRelations> relations;

	PublicationApiController(DocumentIntake intake, DocumentManagement management, PublicationQueries queries,
			AgencyDirectory agencies, Catalog catalog,
			org.springframework.beans.factory.ObjectProvider<DocumentRelations> relations) {
		this.relations = relations;
		this.intake = intake;
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.catalog = catalog;
	}

	@Schema(description = "办公系统推送的一条政府信息")
	record IntakeRequest(@Schema(description = "办公系统中的唯一标识；重复推送返回原记录", example = "OA-2026-0001") String externalId,
			@Schema(description = "单位代码；使用单位令牌时可省略") String agency, String title, String summary,
			@Schema(description = "正文 HTML，发布前清洗") String body, String documentNumber, String issuingOrgan,
			LocalDate writtenOn, @Schema(description = "生成日期（形成或者变更之日），第二十六条期限由此起算") LocalDate formedOn,
			@Schema(description = "主题分类，如“综合政务”或“综合政务/政务公开”") String theme,
			@Schema(description = "公文种类：15种之一或“其他”") String documentType, String keywords, Boolean normative,
			Boolean governmentRule, @Schema(description = "公开目录栏目代码，如 a20-01") List<String> catalogNodes,
			@Schema(description = "公开属性，必填", requiredMode = Schema.RequiredMode.REQUIRED) DisclosureAttribute attribute,
			@Schema(description = "不予公开时必填") ExemptionGround exemptionGround,
			@Schema(description = "不予公开时必填") String exemptionReason, String repostSource, String repostSourceUrl,
			LocalDate repostOriginalOn) {

		DocumentDraft draft() {
			return new DocumentDraft(title, summary, body, issuingOrgan, documentNumber, writtenOn, formedOn, theme,
					documentType, keywords, normative, governmentRule, catalogNodes, attribute, exemptionGround,
					exemptionReason, repostSource, repostSourceUrl, repostOriginalOn);
		}
	}

	record IntakeResponse(long id, String indexNumber, DocumentStatus status, String publicUrl, String heldBecause) {
	}

	record ListItem(long id, String indexNumber, String title, LocalDate publishedOn, String publisher, String url) {
	}

	record ListResponse(long total, int page, int size, List<ListItem> items) {
	}

	record AttachmentView(String name, long size, String url) {
	}

	record NodeView(String code, String title, String url) {
	}

	record DocumentView(long id, String indexNumber, String title, String summary, String body, String publisher,
			String issuingOrgan, String documentNumber, LocalDate writtenOn, LocalDate formedOn, LocalDate publishedOn,
			String theme, String documentType, String keywords, String validity, LocalDate validityChangedOn,
			String validityNote, boolean normative, boolean governmentRule, int version, String correctionNote,
			String repostSource, String repostSourceUrl, LocalDate repostOriginalOn, List<NodeView> catalogNodes,
			List<AttachmentView> attachments, String url,
			@com.fasterxml.jackson.annotation.JsonIgnore java.util.Map<String, List<DocumentRelations.RelatedLink>> related) {

		/** The related public records of other modules, each under its own field (e.g. {@code interpretations}). */
		@com.fasterxml.jackson.annotation.JsonAnyGetter
		java.util.Map<String, List<DocumentRelations.RelatedLink>> relatedByKey() {
			return related;
		}
	}

	record Reason(String reason) {
	}

	@PostMapping("/api/v1/intake/documents")
	@Operation(summary = "办公系统推送政府信息（令牌用途 intake，或员工账号）",
			description = "按 externalId 幂等：同一 externalId 再次推送返回 200 和原来的 id、索引号，不会重复。主动公开的信息立即公开，"
					+ "除非本单位要求在平台审查，或发现个人信息、禁止发布的敏感词（此时状态为 SUBMITTED，heldBecause 写明原因）。")
	ResponseEntity<IntakeResponse> push(@RequestBody IntakeRequest body) {
		DocumentIntake.Outcome outcome;
		try {
			outcome = intake.push(body.agency(), body.externalId(), body.draft());
		}
		catch (DuplicateKeyException race) {
			Document existing = intake.findPushed(body.agency(), body.externalId()).orElseThrow(() -> race);
			outcome = new DocumentIntake.Outcome(existing, false, null);
		}
		Document d = outcome.document();
		Agency agency = agencies.requireById(d.agencyId());
		IntakeResponse response = new IntakeResponse(d.id(), d.indexNumber(), d.status(),
				d.isPublic() ? PublicationPaths.document(agency, d.id()) : null, outcome.heldBecause());
		if (!outcome.created()) {
			return ResponseEntity.ok(response);
		}
		ResponseEntity.BodyBuilder created = ResponseEntity.status(HttpStatus.CREATED);
		if (d.isPublic()) {
			created.location(URI.create("/api/v1/public/documents/" + d.id()));
		}
		return created.body(response);
	}

	@PostMapping(path = "/api/v1/documents/{id}/attachments", consumes = "multipart/form-data")
	@Operation(summary = "为草稿或被退回的信息上传附件（PDF、Word、Excel、图片）")
	ResponseEntity<AttachmentView> attach(@PathVariable long id, @RequestParam("file") MultipartFile file)
			throws IOException {
		Attachment a = management.attach(id, file.getOriginalFilename(), file.getBytes());
		return ResponseEntity.status(HttpStatus.CREATED).body(new AttachmentView(a.fileName(), a.size(), null));
	}

	@GetMapping("/api/v1/public/documents")
	@Operation(summary = "已公开的政府信息列表，最新的在前")
	ListResponse list(@RequestParam(required = false) String agency, @RequestParam(required = false) String theme,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String indexNumber,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		if (size < 1 || size > 100) {
			throw InvalidInputException.of("size", "每页条数应在1至100之间");
		}
		if (page < 1) {
			throw InvalidInputException.of("page", "页码从1开始");
		}
		List<Long> agencyIds;
		if (agency == null || agency.isBlank()) {
			List<Agency> all = agencies.all();
			// no filter at all while every agency is active, so the site-wide list walks its index in order
			agencyIds = all.stream().allMatch(Agency::active) ? null
					: all.stream().filter(Agency::active).map(Agency::id).toList();
		}
		else {
			agencyIds = List.of(agencies.findByCode(agency.trim())
				.filter(Agency::active)
				.orElseThrow(() -> DomainException.notFound("没有代码为“" + agency + "”的单位"))
				.id());
		}
		PublicationQueries.Page result = queries.publicPage(new DocumentQuery(agencyIds, null, year,
				theme == null || theme.isBlank() ? null : theme.trim(), null, null, Texts.trimToNull(indexNumber), null, null, null),
				page, size);
		Map<Long, Agency> byId = agencies.all().stream().collect(Collectors.toMap(Agency::id, a -> a));
		return new ListResponse(result.total(), result.page(), size, result.items()
			.stream()
			.map(s -> new ListItem(s.id(), s.indexNumber(), s.title(), s.publishedOn(), byId.get(s.agencyId()).name(),
					PublicationPaths.document(byId.get(s.agencyId()), s.id())))
			.toList());
	}

	@GetMapping("/api/v1/public/documents/{id}")
	@Operation(summary = "一条已公开的政府信息；未公开或已撤回的返回 404")
	DocumentView detail(@PathVariable long id) {
		Document d = queries.publicDocument(id).orElseThrow(() -> DomainException.notFound("该信息不存在或未公开"));
		Agency agency = agencies.requireById(d.agencyId());
		if (!agency.active()) {
			throw DomainException.notFound("该信息不存在或未公开");
		}
		List<NodeView> nodes = d.nodeIds()
			.stream()
			.map(catalog::nodeById)
			.flatMap(java.util.Optional::stream)
			.filter(n -> !n.hidden())
			.map((CatalogNode n) -> new NodeView(n.code(), n.title(), PublicationPaths.node(agency, n)))
			.toList();
		List<AttachmentView> files = queries.attachments(id)
			.stream()
			.map(a -> new AttachmentView(a.fileName(), a.size(), PublicationPaths.attachment(agency, a)))
			.toList();
		return new DocumentView(d.id(), d.indexNumber(), d.title(), d.summary(), d.body(), agency.name(), d.issuingOrgan(),
				d.documentNumber(), d.writtenOn(), d.formedOn(), d.publishedOn(), d.theme(), d.documentType(), d.keywords(),
				d.validity().label(), d.validityChangedOn(), d.validityNote(), d.normative(), d.governmentRule(), d.version(),
				d.correctionNote(), d.repostSource(), d.repostSourceUrl(), d.repostOriginalOn(), nodes, files,
				PublicationPaths.document(agency, d.id()), related(d.id()));
	}

	private java.util.Map<String, List<DocumentRelations.RelatedLink>> related(long documentId) {
		java.util.Map<String, List<DocumentRelations.RelatedLink>> byKey = new java.util.LinkedHashMap<>();
		relations.orderedStream().forEach(r -> byKey.put(r.key(), r.publicLinks(documentId)));
		return byKey;
	}

	@PostMapping("/api/v1/documents/{id}/withdraw")
	@Operation(summary = "撤回已公开的信息：离开门户、公开接口、订阅和站点地图，记录与历史保留")
	Map<String, Object> withdraw(@PathVariable long id, @RequestBody Reason body) {
		Document d = management.withdraw(id, body == null ? null : body.reason());
		return Map.of("id", d.id(), "status", d.status());
	}

}
