package org.gongkai.powers;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
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

/**
 * The enforcement publicity endpoints: licence and penalty decisions (双公示) and other enforcement decisions entered,
 * published and withdrawn by staff; the public lists and items (published decisions with a natural person's name and ID
 * masked, and notices of withdrawal — nothing else under {@code /api/v1/public}); the table 二 figures.
 */
@RestController
@Tag(name = "Enforcement", description = "行政执法公示：行政许可、行政处罚决定（双公示）和其他执法决定的公示、撤回，年度报告表二数据")
class EnforcementApiController {

	private final EnforcementManagement management;

	private final DecisionQueries queries;

	private final EnforcementStatistics statistics;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	EnforcementApiController(EnforcementManagement management, DecisionQueries queries, EnforcementStatistics statistics,
			AgencyDirectory agencies, AgencyAccess access) {
		this.management = management;
		this.queries = queries;
		this.statistics = statistics;
		this.agencies = agencies;
		this.access = access;
	}

	@Schema(description = "一件执法决定")
	record DecisionBody(@Schema(description = "执法机关代码") String agency,
			@Schema(description = "决定类别；/licences 和 /penalties 不需要") DecisionKind kind,
			@Schema(description = "决定书文号，同一单位同一类别内唯一") String decisionNumber,
			@Schema(description = "相对人类别；省略按自然人处理（姓名遮蔽公示）") DecisionPartyType partyType,
			@Schema(description = "行政相对人名称或姓名") String party,
			@Schema(description = "统一社会信用代码：法人和非法人组织必填") String partyCreditCode,
			@Schema(description = "自然人的居民身份证号码：本单位人员看到完整号码，公开时遮蔽（只显示前六位和后四位）") String partyIdNumber,
			@Schema(description = "许可类别、处罚种类或执法类别") String category, LocalDate decidedOn,
			@Schema(description = "许可内容和有效期；违法事实、处罚种类和处罚内容；执法结论") String content,
			@Schema(description = "决定依据") String basis, @Schema(description = "罚没金额（元）") BigDecimal amountYuan,
			@Schema(description = "许可有效期截止日期") LocalDate validUntil) {
	}

	record ChangeBody(@Schema(description = "CHANGED 依法变更 | REVOKED 依法撤销 | DECLARED_UNLAWFUL 确认违法 | DECLARED_VOID 确认无效") DecisionChangeKind kind,
			@Schema(description = "变更、撤销或确认的日期") LocalDate date, @Schema(description = "理由（公开）") String reason) {
	}

	// ---- staff --------------------------------------------------------------------------------------------

	@PostMapping("/api/v1/licences")
	@Operation(summary = "登记行政许可决定；返回公示期限（决定之日起7个工作日）")
	ResponseEntity<Map<String, Object>> licence(@RequestBody DecisionBody body) {
		return register(body, DecisionKind.LICENCE);
	}

	@PostMapping("/api/v1/penalties")
	@Operation(summary = "登记行政处罚决定；返回公示期限（决定之日起7个工作日）")
	ResponseEntity<Map<String, Object>> penalty(@RequestBody DecisionBody body) {
		return register(body, DecisionKind.PENALTY);
	}

	@PostMapping("/api/v1/decisions")
	@Operation(summary = "登记任一类执法决定（行政强制、其他执法决定公示期限为20个工作日）")
	ResponseEntity<Map<String, Object>> decision(@RequestBody DecisionBody body) {
		return register(body, body == null ? null : body.kind());
	}

	private ResponseEntity<Map<String, Object>> register(DecisionBody body, DecisionKind kind) {
		if (body == null) {
			throw InvalidInputException.of("decisionNumber", "请提供执法决定的内容");
		}
		Long agencyId = null;
		if (Texts.trimToNull(body.agency()) != null) {
			agencyId = agencies.findByCode(body.agency().trim())
				.orElseThrow(() -> InvalidInputException.of("agency", "没有代码为“" + body.agency() + "”的单位"))
				.id();
		}
		Decision d = management.register(new DecisionSubmission(agencyId, kind, body.decisionNumber(), body.partyType(), body.party(),
				body.partyCreditCode(), body.partyIdNumber(), body.category(), body.decidedOn(), body.content(), body.basis(),
				body.amountYuan(), body.validUntil()));
		return ResponseEntity.created(URI.create("/api/v1/decisions/" + d.id())).body(staffView(d));
	}

	@GetMapping("/api/v1/decisions/{id}")
	@Operation(summary = "一件执法决定（本单位人员和上级监督）；相对人姓名、身份证号码只对本单位信息编辑和单位管理员完整显示，其他人看到遮蔽后的内容")
	Map<String, Object> get(@PathVariable long id) {
		return staffView(queries.staffView(id));
	}

	@PostMapping("/api/v1/decisions/{id}/publish")
	@Operation(summary = "公示执法决定；超过公示期限的标记为逾期公示")
	Map<String, Object> publish(@PathVariable long id) {
		return staffView(management.publish(id));
	}

	@PostMapping("/api/v1/decisions/{id}/change")
	@Operation(summary = "登记决定被依法变更、撤销、确认违法或确认无效：撤回公示并公开撤回说明（3个工作日内，行政处罚法第四十八条、第八十五条）")
	Map<String, Object> change(@PathVariable long id, @RequestBody ChangeBody body) {
		if (body == null) {
			throw InvalidInputException.of("kind", "请选择变更情形");
		}
		return staffView(management.change(id, body.kind(), body.date(), body.reason()));
	}

	@GetMapping("/api/v1/reports/enforcement")
	@Operation(summary = "年度报告表二：行政许可、行政处罚、行政强制本年处理决定数量和行政事业性收费金额（万元），附公示及时情况")
	Map<String, Object> report(@RequestParam String agency, @RequestParam int year) {
		Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> DomainException.notFound("没有代码为“" + agency + "”的单位"));
		access.require(a.id(), Role.values());
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "年度应为2000至2100年");
		}
		EnforcementStatistics.Table2 t = statistics.table2(a.id(), year);
		EnforcementStatistics.Publication p = statistics.publication(List.of(a.id()), year);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("agency", a.code());
		out.put("year", year);
		out.put("licences", t.licences());
		out.put("penalties", t.penalties());
		out.put("compulsoryMeasures", t.compulsoryMeasures());
		out.put("feesTenThousandYuan", t.feesTenThousandYuan());
		Map<String, Object> publication = new LinkedHashMap<>();
		publication.put("published", p.published());
		publication.put("onTime", p.onTime());
		publication.put("late", p.late());
		publication.put("overdueUnpublished", p.overdueUnpublished());
		out.put("publication", publication);
		return out;
	}

	// ---- public -------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/public/licences")
	@Operation(summary = "公示中的行政许可决定（自然人姓名、身份证号码已遮蔽）")
	Map<String, Object> publicLicences(@RequestParam(required = false) String agency, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		return publicList(DecisionKind.LICENCE, agency, year, page, size);
	}

	@GetMapping("/api/v1/public/penalties")
	@Operation(summary = "公示中的行政处罚决定（自然人姓名、身份证号码已遮蔽）")
	Map<String, Object> publicPenalties(@RequestParam(required = false) String agency, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		return publicList(DecisionKind.PENALTY, agency, year, page, size);
	}

	@GetMapping("/api/v1/public/decisions/{id}")
	@Operation(summary = "一件公示的执法决定，或已撤回决定的撤回说明；未公示或已下线的返回 404")
	Map<String, Object> publicItem(@PathVariable long id) {
		Decision d = queries.publicDecision(id).orElseThrow(() -> DomainException.notFound("该执法决定不存在或未公示"));
		return publicView(d, agencies);
	}

	private Map<String, Object> publicList(DecisionKind kind, String agency, Integer year, int page, int size) {
		if (size < 1 || size > 100) {
			throw InvalidInputException.of("size", "每页条数应为1至100");
		}
		if (page < 1 || page > 100_000) {
			throw InvalidInputException.of("page", "页码应为正整数");
		}
		if (year != null && (year < Decisions.MIN_YEAR || year > Decisions.MAX_YEAR)) {
			throw InvalidInputException.of("year", "年度应为" + Decisions.MIN_YEAR + "至" + Decisions.MAX_YEAR + "年");
		}
		Long agencyId = null;
		if (Texts.trimToNull(agency) != null) {
			agencyId = agencies.findByCode(agency.trim())
				.filter(Agency::active)
				.orElseThrow(() -> DomainException.notFound("没有代码为“" + agency + "”的单位"))
				.id();
		}
		Decisions.Page<Decision> p = queries.publicPage(new Decisions.PublicFilter(agencyId, kind, year, null, false), page, size);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("total", p.total());
		out.put("page", p.page());
		out.put("size", p.size());
		out.put("items", p.items().stream().map(d -> publicView(d, agencies)).toList());
		return out;
	}

	/** What the public may see of a decision: masked, and for a withdrawn one only its notice. */
	static Map<String, Object> publicView(Decision d, AgencyDirectory agencies) {
		Agency a = agencies.requireById(d.agencyId());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", d.id());
		out.put("agency", a.code());
		out.put("agencyName", a.name());
		out.put("kind", d.kind());
		out.put("kindLabel", d.kind().label());
		out.put("decisionNumber", d.decisionNumber());
		out.put("partyType", d.partyType());
		out.put("party", d.publicPartyName());
		if (d.partyType() == DecisionPartyType.NATURAL_PERSON) {
			out.put("partyIdNumber", EnforcementRules.maskIdNumber(d.partyIdNumber()));
		}
		else {
			out.put("partyCreditCode", d.partyCreditCode());
		}
		out.put("decidedOn", d.decidedOn());
		out.put("status", d.status());
		out.put("publishedOn", d.publishedOn());
		out.put("url", EnforcementPaths.item(a, d.id()));
		if (d.status() == DecisionStatus.WITHDRAWN) {
			Map<String, Object> notice = new LinkedHashMap<>();
			notice.put("kind", d.changeKind());
			notice.put("kindLabel", d.changeKind().label());
			notice.put("date", d.changedOn());
			notice.put("reason", EnforcementRules.publicText(d, d.changeReason()));
			notice.put("withdrawnOn", d.withdrawnOn());
			out.put("withdrawal", notice);
			return out;
		}
		out.put("category", EnforcementRules.publicText(d, d.category()));
		out.put("content", EnforcementRules.publicText(d, d.content()));
		out.put("basis", EnforcementRules.publicText(d, d.basis()));
		out.put("amountYuan", d.amountYuan());
		out.put("validUntil", d.validUntil());
		return out;
	}

	/**
	 * A decision for staff: unmasked only for the deciding agency's own editors and administrators
	 * ({@link EnforcementRules#asSeenBy}), masked for supervisors and everyone else, as in the console.
	 */
	private Map<String, Object> staffView(Decision raw) {
		Actor actor = Actors.require();
		Decision d = EnforcementRules.asSeenBy(actor, raw);
		Agency a = agencies.requireById(d.agencyId());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", d.id());
		out.put("personalDataMasked", !EnforcementRules.seesPersonalData(actor, d.agencyId()));
		out.put("publishBy", d.publishBy());
		out.put("publishByProvisional", d.publishByProvisional());
		out.put("agency", a.code());
		out.put("kind", d.kind());
		out.put("decisionNumber", d.decisionNumber());
		out.put("partyType", d.partyType());
		out.put("party", d.partyName());
		out.put("partyCreditCode", d.partyCreditCode());
		out.put("partyIdNumber", d.partyIdNumber());
		out.put("category", d.category());
		out.put("decidedOn", d.decidedOn());
		out.put("content", d.content());
		out.put("basis", d.basis());
		out.put("amountYuan", d.amountYuan());
		out.put("validUntil", d.validUntil());
		out.put("status", d.status());
		out.put("publishedOn", d.publishedOn());
		out.put("publicationLate", d.publicationLate());
		out.put("changeKind", d.changeKind());
		out.put("changedOn", d.changedOn());
		out.put("changeReason", d.changeReason());
		out.put("withdrawBy", d.withdrawBy());
		out.put("withdrawByProvisional", d.withdrawByProvisional());
		out.put("withdrawnOn", d.withdrawnOn());
		out.put("withdrawalLate", d.withdrawalLate());
		out.put("offlineOn", d.offlineOn());
		out.put("public", d.hasPublicPage());
		return out;
	}
}
