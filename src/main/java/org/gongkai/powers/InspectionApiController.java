package org.gongkai.powers;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
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
 * The random-inspection endpoints: the public item lists, plans, draws (with seed and candidate lists) and their
 * verification — never a draft plan or an unpublished result under {@code /api/v1/public} — and the staff steps.
 */
@RestController
@Tag(name = "Inspections", description = "双随机、一公开：随机抽查事项清单、名录库、抽查计划、随机抽取（可复核）和检查结果")
class InspectionApiController {

	private final InspectionManagement management;

	private final InspectionQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	InspectionApiController(InspectionManagement management, InspectionQueries queries, AgencyDirectory agencies,
			AgencyAccess access) {
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
	}

	record ItemBody(@Schema(description = "单位代码") String agency, String name, @Schema(description = "检查对象") String objectType,
			@Schema(description = "抽查依据") String basis, @Schema(description = "现场检查、书面检查、网络监测等") String method,
			@Schema(description = "抽查比例和频次") String frequency, @Schema(description = "实施部门") String department) {
	}

	record InspectorBody(String agency, String name, @Schema(description = "执法证号") String certificateNo, String unitName,
			String area) {
	}

	record EntityBody(String agency, String name, @Schema(description = "统一社会信用代码（可省略）") String creditCode,
			String address, @Schema(description = "类别") String category, String riskGrade,
			@Schema(description = "ORGANISATION（单位）或 INDIVIDUAL（个人、个体工商户，名称对外遮蔽、地址不公开）；省略时没有统一社会信用代码的为 INDIVIDUAL") InspectionEntityKind kind) {
	}

	record ImportBody(String agency, @Schema(description = "INSPECTORS 或 ENTITIES") String pool,
			@Schema(description = "每行一条，字段以制表符分隔（行内没有制表符的，以英文逗号分隔）；列数不对的行被拒绝") String text) {
	}

	record PlanBody(String agency, String title, List<Long> items, LocalDate periodFrom, LocalDate periodTo,
			@Schema(description = "只从该类别的检查对象中抽取；省略为全部") String entityCategory, Integer entityCount,
			@Schema(description = "每个检查对象选派的执法检查人员数，至少2名") Integer inspectorsPerEntity,
			@Schema(description = "抽取前公布的公开随机数来源") String entropySource) {
	}

	record DrawBody(@Schema(description = "按计划公布的来源取得的公开随机数") String publicEntropy,
			@Schema(description = "重新抽取的理由；首次抽取省略") String redrawReason) {
	}

	record ResultBody(Integer rank, InspectionOutcome outcome, String note, LocalDate checkedOn) {
	}

	// ---- public -------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/public/inspections/items")
	@Operation(summary = "一个单位的随机抽查事项清单")
	List<Map<String, Object>> publicItems(@RequestParam String agency) {
		return queries.items(publicAgency(agency).id()).stream().map(InspectionQueries::publicItemView).toList();
	}

	@GetMapping("/api/v1/public/inspections/plans")
	@Operation(summary = "公布的抽查计划，新的在前，分页（page 从1起，size 默认50、至多200；总数见 X-Total-Count，下一页见 Link）")
	ResponseEntity<List<Map<String, Object>>> publicPlans(@RequestParam(required = false) String agency,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Long id = Texts.trimToNull(agency) == null ? null : publicAgency(agency).id();
		int p = page == null ? 1 : page;
		int s = size == null ? 50 : size;
		if (p < 1) {
			throw InvalidInputException.of("page", "页码从1开始");
		}
		if (s < 1 || s > InspectionQueries.MAX_PAGE_SIZE) {
			throw InvalidInputException.of("size", "每页条数为1至" + InspectionQueries.MAX_PAGE_SIZE);
		}
		long total = queries.countPublicPlans(id);
		ResponseEntity.BodyBuilder out = ResponseEntity.ok().header("X-Total-Count", String.valueOf(total));
		if ((long) p * s < total) {
			out = out.header("Link", "</api/v1/public/inspections/plans?" + (id == null ? "" : "agency=" + agency.trim() + "&") + "page="
					+ (p + 1) + "&size=" + s + ">; rel=\"next\"");
		}
		return out.body(queries.publicPlans(id, p, s).stream().map(queries::publicPlanView).toList());
	}

	@GetMapping("/api/v1/public/inspections/plans/{id}")
	@Operation(summary = "一个公布的抽查计划")
	Map<String, Object> publicPlan(@PathVariable long id) {
		return queries.publicPlanView(queries.publicPlan(id).orElseThrow(() -> DomainException.notFound("该抽查计划不存在或未公布")));
	}

	@GetMapping("/api/v1/public/inspections/draws/{id}")
	@Operation(summary = "一次抽取：种子、算法、候选名单（按顺序）、抽取结果；检查结果公开后含检查结果")
	Map<String, Object> publicDraw(@PathVariable long id) {
		return queries.publicDrawView(queries.publicDraw(id).orElseThrow(() -> DomainException.notFound("该抽取记录不存在或未公开")));
	}

	@GetMapping("/api/v1/public/inspections/draws/{id}/verify")
	@Operation(summary = "按公布的种子和候选名单重新计算抽取结果，并与公布的结果比较")
	Map<String, Object> verify(@PathVariable long id) {
		queries.publicDraw(id).orElseThrow(() -> DomainException.notFound("该抽取记录不存在或未公开"));
		InspectionManagement.Verification v = management.verify(id);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("consistent", v.consistent());
		out.put("detail", v.detail());
		out.put("recomputed", v.recomputed().stream()
			.map(p -> Map.of("entityKey", p.entityKey(), "inspectorKeys", p.inspectorKeys()))
			.toList());
		return out;
	}

	// ---- staff --------------------------------------------------------------------------------------------

	@PostMapping("/api/v1/inspections/items")
	@Operation(summary = "新增随机抽查事项（编辑、单位管理员）")
	ResponseEntity<Map<String, Object>> addItem(@RequestBody ItemBody b) {
		if (b == null) {
			throw InvalidInputException.of("name", "请提供抽查事项");
		}
		InspectionItem i = management.addItem(agency(b.agency()), b.name(), b.objectType(), b.basis(), b.method(), b.frequency(),
				b.department());
		return ResponseEntity.created(URI.create("/api/v1/public/inspections/items?agency=" + b.agency().trim()))
			.body(InspectionQueries.publicItemView(i));
	}

	@PostMapping("/api/v1/inspections/inspectors")
	@Operation(summary = "新增执法检查人员")
	ResponseEntity<InspectionInspector> addInspector(@RequestBody InspectorBody b) {
		if (b == null) {
			throw InvalidInputException.of("name", "请提供执法检查人员");
		}
		InspectionInspector i = management.addInspector(agency(b.agency()), b.name(), b.certificateNo(), b.unitName(), b.area());
		return ResponseEntity.status(201).body(i);
	}

	@PostMapping("/api/v1/inspections/entities")
	@Operation(summary = "新增检查对象")
	ResponseEntity<InspectionEntity> addEntity(@RequestBody EntityBody b) {
		if (b == null) {
			throw InvalidInputException.of("name", "请提供检查对象");
		}
		InspectionEntity e = management.addEntity(agency(b.agency()), b.name(), b.creditCode(), b.address(), b.category(),
				b.riskGrade(), b.kind());
		return ResponseEntity.status(201).body(e);
	}

	record RetireBody(String reason) {
	}

	@PostMapping("/api/v1/inspections/inspectors/{id}/retire")
	@Operation(summary = "将执法检查人员移出名录库（已有的抽取记录不受影响）")
	ResponseEntity<Void> retireInspector(@PathVariable long id, @RequestBody(required = false) RetireBody b) {
		management.retire(InspectionCandidate.INSPECTOR, id, b == null ? null : b.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/inspections/entities/{id}/retire")
	@Operation(summary = "将检查对象移出名录库（已有的抽取记录不受影响）")
	ResponseEntity<Void> retireEntity(@PathVariable long id, @RequestBody(required = false) RetireBody b) {
		management.retire(InspectionCandidate.ENTITY, id, b == null ? null : b.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/inspections/inspectors/{id}/reactivate")
	@Operation(summary = "将移出的执法检查人员恢复到名录库")
	ResponseEntity<Void> reactivateInspector(@PathVariable long id) {
		management.reactivate(InspectionCandidate.INSPECTOR, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/inspections/entities/{id}/reactivate")
	@Operation(summary = "将移出的检查对象恢复到名录库")
	ResponseEntity<Void> reactivateEntity(@PathVariable long id) {
		management.reactivate(InspectionCandidate.ENTITY, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/inspections/pools/import")
	@Operation(summary = "粘贴导入名录库：有任何一行有误的，一行也不保存，并指出行号")
	Map<String, Object> importPool(@RequestBody ImportBody b) {
		if (b == null) {
			throw InvalidInputException.of("text", "请粘贴名单");
		}
		long agencyId = agency(b.agency());
		int n = switch (b.pool() == null ? "" : b.pool().trim()) {
			case "INSPECTORS" -> management.importInspectors(agencyId, b.text());
			case "ENTITIES" -> management.importEntities(agencyId, b.text());
			default -> throw InvalidInputException.of("pool", "请选择名录库：INSPECTORS（执法检查人员）或 ENTITIES（检查对象）");
		};
		return Map.of("imported", n);
	}

	@PostMapping("/api/v1/inspections/plans")
	@Operation(summary = "拟定抽查计划（草稿）")
	ResponseEntity<Map<String, Object>> createPlan(@RequestBody PlanBody b) {
		if (b == null) {
			throw InvalidInputException.of("title", "请提供抽查计划");
		}
		InspectionPlan p = management.createPlan(agency(b.agency()), b.title(), b.items(), b.periodFrom(), b.periodTo(),
				b.entityCategory(), b.entityCount(), b.inspectorsPerEntity(), b.entropySource());
		return ResponseEntity.created(URI.create("/api/v1/inspections/plans/" + p.id())).body(staffPlan(p));
	}

	@GetMapping("/api/v1/inspections/plans/{id}")
	@Operation(summary = "一个抽查计划（本单位人员和上级监督）")
	Map<String, Object> plan(@PathVariable long id) {
		InspectionPlan p = queries.plan(id).orElseThrow(() -> DomainException.notFound("该抽查计划不存在"));
		if (!access.allows(Actors.require(), p.agencyId(), InspectionManagement.READERS)) {
			throw DomainException.forbidden("您没有查看该单位抽查计划的权限");
		}
		return staffPlan(p);
	}

	@PostMapping("/api/v1/inspections/plans/{id}/publish")
	@Operation(summary = "公布抽查计划（抽取前）")
	Map<String, Object> publish(@PathVariable long id) {
		return staffPlan(management.publishPlan(id));
	}

	@PostMapping("/api/v1/inspections/plans/{id}/draw")
	@Operation(summary = "随机抽取检查对象和执法检查人员；每个计划只抽取一次，重新抽取须说明理由")
	ResponseEntity<Map<String, Object>> draw(@PathVariable long id, @RequestBody DrawBody b) {
		InspectionDraw d = management.draw(id, b == null ? null : b.publicEntropy(), b == null ? null : b.redrawReason());
		return ResponseEntity.created(URI.create("/api/v1/public/inspections/draws/" + d.id())).body(queries.publicDrawView(d));
	}

	@PostMapping("/api/v1/inspections/draws/{id}/results")
	@Operation(summary = "登记一个抽中对象的检查结果")
	Map<String, Object> result(@PathVariable long id, @RequestBody ResultBody b) {
		if (b == null || b.rank() == null) {
			throw InvalidInputException.of("rank", "请指明抽中的第几个检查对象");
		}
		InspectionPick x = management.recordResult(id, b.rank(), b.outcome(), b.note(), b.checkedOn());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("rank", x.rank());
		out.put("entityKey", x.entityKey());
		out.put("outcome", x.outcome());
		out.put("note", x.note());
		out.put("checkedOn", x.checkedOn());
		return out;
	}

	@PostMapping("/api/v1/inspections/plans/{id}/results/publish")
	@Operation(summary = "公开检查结果（全部抽中对象都已登记结果后）")
	Map<String, Object> publishResults(@PathVariable long id) {
		return staffPlan(management.publishResults(id));
	}

	private Map<String, Object> staffPlan(InspectionPlan p) {
		Map<String, Object> out = queries.publicPlanView(p);
		out.put("createdBy", p.createdBy());
		out.put("public", p.status().isPublic());
		return out;
	}

	private long agency(String code) {
		if (Texts.trimToNull(code) == null) {
			throw InvalidInputException.of("agency", "请指明单位");
		}
		return agencies.findByCode(code.trim()).filter(Agency::active)
			.orElseThrow(() -> InvalidInputException.of("agency", "没有代码为“" + code.trim() + "”的单位"))
			.id();
	}

	private Agency publicAgency(String code) {
		return agencies.findByCode(code.trim()).filter(Agency::active)
			.orElseThrow(() -> DomainException.notFound("没有代码为“" + code.trim() + "”的单位"));
	}
}
