package org.gongkai.participation;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.participation.MajorDecision.Catalog;
import org.gongkai.participation.MajorDecision.Method;
import org.gongkai.participation.MajorDecision.StageRecord;
import org.gongkai.participation.MajorDecisionManagement.ItemInput;
import org.gongkai.participation.MajorDecisionManagement.NewDocument;
import org.gongkai.participation.MajorDecisionManagement.StageInput;
import org.gongkai.participation.MajorDecisionStage.MeetingForm;
import org.gongkai.participation.MajorDecisionStage.Outcome;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
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

/**
 * The major-decision catalogue endpoints: the published catalogues and their items under {@code /api/v1/public} — never
 * a draft catalogue, never the content of a stage that is not public — and the staff steps (editors and administrators
 * of the agency, or its integration token with the {@code participation} scope).
 */
@RestController
@Tag(name = "Major decisions", description = "重大行政决策事项目录：决策事项、承办单位、计划决策时间、公众参与方式、法定程序（公众参与、专家论证、风险评估、合法性审查、集体讨论决定）、决策文件、执行情况和决策后评估")
class MajorDecisionApiController {

	private final MajorDecisionManagement management;

	private final MajorDecisionQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	MajorDecisionApiController(MajorDecisionManagement management, MajorDecisionQueries queries, AgencyDirectory agencies,
			AgencyAccess access) {
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
	}

	record ItemBody(@Schema(description = "目录所属单位代码；令牌可省略，取令牌所属单位") String agency,
			@Schema(description = "目录年度") Integer year, @Schema(description = "决策事项名称") String title,
			@Schema(description = "主要内容") String summary, @Schema(description = "承办单位代码") String unit,
			@Schema(description = "承办科室") String unitOffice,
			@Schema(description = "计划决策月份（1–12），与 planQuarter 只填其一") Integer planMonth,
			@Schema(description = "计划决策季度（1–4），与 planMonth 只填其一") Integer planQuarter,
			@Schema(description = "公众参与方式：HEARING 听证座谈, ONLINE 网络征集意见, CONSULTATION 咨询协商, MEDIA 媒体沟通, SURVEY 民意调查, EXPERT_MEETING 专家论证会, OTHER 其他（写明 otherMethod）") List<Method> methods,
			String otherMethod, @Schema(description = "需要专家论证") Boolean expertRequired,
			@Schema(description = "需要风险评估") Boolean riskRequired,
			@Schema(description = "依法不进行公众参与（须写明 exemptReason）") Boolean participationExempt, String exemptReason,
			@Schema(description = "目录已公布时的调整说明（公开）") String reason) {
	}

	record LinkBody(String title, @Schema(description = "http:// 或 https:// 开头的链接") String url) {
	}

	record StageBody(
			@Schema(description = "PUBLIC_PARTICIPATION | EXPERT_ARGUMENT | RISK_ASSESSMENT | LEGALITY_REVIEW | COLLECTIVE_DISCUSSION") MajorDecisionStage stage,
			LocalDate completedOn, @Schema(description = "情况说明") String summary,
			@Schema(description = "是否公开情况说明和材料；省略时合法性审查为 false，其他为 true（不公开的只公开环节和日期）") Boolean isPublic,
			@Schema(description = "合法性审查：LEGAL | UNLAWFUL；集体讨论决定：PASSED | PASSED_IN_PRINCIPLE | REJECTED | DEFERRED") Outcome outcome,
			@Schema(description = "集体讨论决定的会议形式：EXECUTIVE 常务会议 | PLENARY 全体会议 | OTHER") MeetingForm meetingForm,
			@Schema(description = "材料链接") List<LinkBody> documents) {
	}

	record TakeBody(@Schema(description = "决策文件标题") String title, @Schema(description = "文号") String number,
			LocalDate decidedOn, @Schema(description = "决策文件链接") String url) {
	}

	record PublishBody(String agency, Integer year, @Schema(description = "公布日期，省略为今天") LocalDate publishedOn,
			@Schema(description = "审定情况，如：经县委同意") String approvalNote) {
	}

	record ProgressBody(LocalDate on, String content) {
	}

	record EvaluationBody(LocalDate evaluatedOn, String summary, String url) {
	}

	record ReasonBody(String reason) {
	}

	// ---- public -------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/public/major-decisions")
	@Operation(summary = "公布的重大行政决策事项目录（year 默认今年；指定单位而未指定年度的，与门户页面相同：今年目录未公布时取该单位最近公布的目录；指定单位而该单位该年度目录未公布的，404）")
	Map<String, Object> publicCatalogs(@RequestParam(required = false) String agency, @RequestParam(required = false) String year) {
		Long agencyId = null;
		if (Texts.trimToNull(agency) != null) {
			Agency a = agencies.findByCode(agency.trim()).filter(Agency::active)
				.orElseThrow(() -> DomainException.notFound("该单位不存在"));
			agencyId = a.id();
		}
		int y;
		if (Texts.trimToNull(year) != null) {
			y = MajorDecisionManagement.parseYear(year)
				.filter(v -> v >= 2000 && v <= 2100)
				.orElseThrow(() -> InvalidInputException.of("year", "年度应为2000至2100"));
		}
		else {
			y = queries.defaultYear(agencyId);
		}
		List<Catalog> catalogs = queries.publicCatalogs(agencyId, y);
		if (agencyId != null && catalogs.isEmpty()) {
			throw DomainException.notFound("该单位" + y + "年度重大行政决策事项目录不存在或未公布");
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("year", y);
		out.put("catalogues", queries.publicCatalogViews(catalogs));
		return out;
	}

	@GetMapping("/api/v1/public/major-decisions/{id}")
	@Operation(summary = "一个公开的重大决策事项：公开的程序环节（不公开的只有环节和日期）、引用它的意见征集等、决策文件、执行情况和决策后评估")
	Map<String, Object> publicItem(@PathVariable long id) {
		return queries.publicItemView(queries.publicItem(id).orElseThrow(() -> DomainException.notFound("该重大决策事项不存在或未公开")));
	}

	// ---- staff --------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/major-decisions/{id}")
	@Operation(summary = "一个决策事项的全部记录（本单位编辑、单位管理员、监督人员，或本单位令牌）")
	Map<String, Object> staffItem(@PathVariable long id) {
		MajorDecision d = readable(id);
		Map<String, Object> out = queries.publicRow(d);
		out.put("agency", queries.agency(d.agencyId()).code());
		out.put("year", d.year());
		out.put("summary", d.summary());
		out.put("public", queries.isPublic(d));
		out.put("expertRequired", d.expertRequired());
		out.put("riskRequired", d.riskRequired());
		out.put("participationExempt", d.participationExempt());
		out.put("exemptReason", d.exemptReason());
		List<StageRecord> stages = queries.stages(id);
		MajorDecisionStage next = MajorDecisionRules.pending(d, stages);
		out.put("pendingStage", next == null ? null : next.name());
		out.put("stages", stages.stream().map(MajorDecisionApiController::stageView).toList());
		out.put("decisionTitle", d.decisionTitle());
		out.put("decisionNumber", d.decisionNumber());
		out.put("decidedOn", d.decidedOn());
		return out;
	}

	@PostMapping("/api/v1/major-decisions")
	@Operation(summary = "在单位某年度目录中增加决策事项（目录已公布的，作为目录调整立即公开）→ 201")
	ResponseEntity<Map<String, Object>> add(@RequestBody ItemBody b) {
		if (b == null) {
			throw InvalidInputException.of("title", "请提供决策事项");
		}
		MajorDecision d = management.add(agencyFor(b.agency()), b.year(), new ItemInput(b.title(), b.summary(), b.unit(), b.unitOffice(),
				b.planMonth(), b.planQuarter(), b.methods() == null ? List.of() : b.methods(), b.otherMethod(),
				Boolean.TRUE.equals(b.expertRequired()), Boolean.TRUE.equals(b.riskRequired()),
				Boolean.TRUE.equals(b.participationExempt()), b.exemptReason()), b.reason());
		return ResponseEntity.created(URI.create("/api/v1/major-decisions/" + d.id())).body(brief(d));
	}

	@PostMapping("/api/v1/major-decisions/catalogues/publish")
	@Operation(summary = "公布单位某年度的重大行政决策事项目录（整体公布，记录公布日期和审定情况）")
	Map<String, Object> publish(@RequestBody PublishBody b) {
		if (b == null) {
			throw InvalidInputException.of("year", "请提供目录年度");
		}
		Catalog c = management.publish(agencyFor(b.agency()), b.year(), b.publishedOn(), b.approvalNote());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("year", c.year());
		out.put("publishedOn", c.publishedOn());
		out.put("url", MajorDecisionQueries.listPath(queries.agency(c.agencyId()).code(), c.year()));
		return out;
	}

	@PostMapping("/api/v1/major-decisions/{id}/stages")
	@Operation(summary = "登记决策程序环节 → 201；顺序不符（如未完成公众参与即合法性审查、合法性审查不合格即集体讨论）→ 409")
	ResponseEntity<Map<String, Object>> stage(@PathVariable long id, @RequestBody StageBody b) {
		if (b == null) {
			throw InvalidInputException.of("stage", "请选择决策程序环节");
		}
		List<NewDocument> docs = new ArrayList<>();
		if (b.documents() != null) {
			b.documents().forEach(l -> docs.add(l == null ? null : new NewDocument(l.title(), l.url(), null, null)));
		}
		StageRecord s = management.recordStage(id,
				new StageInput(b.stage(), b.completedOn(), b.summary(), b.isPublic(), b.outcome(), b.meetingForm()), docs);
		return ResponseEntity.created(URI.create("/api/v1/major-decisions/" + id)).body(stageView(s));
	}

	@PostMapping("/api/v1/major-decisions/{id}/take")
	@Operation(summary = "标记为已决策并公开决策文件；缺少合法性审查或集体讨论决定（通过、原则通过）→ 409，说明缺少的环节")
	Map<String, Object> take(@PathVariable long id, @RequestBody TakeBody b) {
		if (b == null) {
			throw InvalidInputException.of("title", "请提供决策文件");
		}
		return brief(management.take(id, b.title(), b.number(), b.decidedOn(), b.url(), null, null));
	}

	@PostMapping("/api/v1/major-decisions/{id}/progress")
	@Operation(summary = "登记决策执行情况（公开）")
	Map<String, Object> progress(@PathVariable long id, @RequestBody ProgressBody b) {
		return brief(management.addProgress(id, b == null ? null : b.on(), b == null ? null : b.content()));
	}

	@PostMapping("/api/v1/major-decisions/{id}/evaluation")
	@Operation(summary = "登记决策后评估（公开）")
	Map<String, Object> evaluation(@PathVariable long id, @RequestBody EvaluationBody b) {
		return brief(management.evaluate(id, b == null ? null : b.evaluatedOn(), b == null ? null : b.summary(),
				b == null ? null : b.url(), null, null));
	}

	@PostMapping("/api/v1/major-decisions/{id}/suspend")
	@Operation(summary = "暂缓推进（理由公开）")
	Map<String, Object> suspend(@PathVariable long id, @RequestBody(required = false) ReasonBody b) {
		return brief(management.suspend(id, b == null ? null : b.reason()));
	}

	@PostMapping("/api/v1/major-decisions/{id}/resume")
	@Operation(summary = "恢复推进")
	Map<String, Object> resume(@PathVariable long id) {
		return brief(management.resume(id));
	}

	@PostMapping("/api/v1/major-decisions/{id}/remove")
	@Operation(summary = "调出目录（理由公开）；目录尚未公布的，删除该事项（deleted: true）")
	Map<String, Object> remove(@PathVariable long id, @RequestBody(required = false) ReasonBody b) {
		return management.remove(id, b == null ? null : b.reason()).map(this::brief).orElseGet(() -> {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("id", id);
			out.put("deleted", true);
			return out;
		});
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private Map<String, Object> brief(MajorDecision d) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", d.id());
		out.put("status", d.status().name());
		out.put("statusLabel", d.status().label());
		out.put("public", queries.isPublic(d));
		out.put("url", MajorDecisionQueries.path(d.id()));
		return out;
	}

	private static Map<String, Object> stageView(StageRecord s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", s.id());
		m.put("stage", s.stage().name());
		m.put("stageLabel", s.stage().label());
		m.put("completedOn", s.completedOn());
		m.put("summary", s.summary());
		m.put("public", s.isPublic());
		m.put("outcome", s.outcome() == null ? null : s.outcome().name());
		m.put("meetingForm", s.meetingForm() == null ? null : s.meetingForm().name());
		m.put("documents", s.documents().stream().map(doc -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("title", doc.title());
			x.put("url", doc.url());
			x.put("fileName", doc.fileName());
			return x;
		}).toList());
		return m;
	}

	/** The agency of a staff request: the code given, or the token's own agency when omitted. */
	private long agencyFor(String code) {
		if (Texts.trimToNull(code) == null) {
			Actor actor = Actors.require();
			if (actor.token() && actor.agencyId() != null) {
				return actor.agencyId();
			}
			throw InvalidInputException.of("agency", "请填写单位代码");
		}
		return agencies.findByCode(code.trim()).orElseThrow(() -> InvalidInputException.of("agency", "单位代码不存在")).id();
	}

	private MajorDecision readable(long id) {
		Actor actor = Actors.require();
		MajorDecision d = queries.find(id).orElseThrow(() -> DomainException.notFound("该重大决策事项不存在"));
		boolean token = actor.token() && actor.hasScope(MajorDecisionManagement.SCOPE) && actor.agencyId() != null
				&& actor.agencyId() == d.agencyId();
		if (!token && !access.allows(actor, d.agencyId(), MajorDecisionManagement.READERS)) {
			throw DomainException.forbidden("您没有查看该单位重大决策事项的权限");
		}
		return d;
	}
}
