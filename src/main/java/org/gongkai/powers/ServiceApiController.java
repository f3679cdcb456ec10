package org.gongkai.powers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The service lists and guides over the API; the public only ever sees published guides. */
@RestController
@Tag(name = "Services", description = "公共服务事项、中介服务事项、收费目录、证明事项和办事指南")
class ServiceApiController {

	private final ServiceManagement management;

	private final ServiceQueries queries;

	private final ServiceGuideCompleteness completeness;

	private final ListWorkbookImports workbooks;

	private final PowerQueries powerQueries;

	private final AgencyDirectory agencies;

	ServiceApiController(ServiceManagement management, ServiceQueries queries, ServiceGuideCompleteness completeness,
			ListWorkbookImports workbooks, PowerQueries powerQueries, AgencyDirectory agencies) {
		this.management = management;
		this.queries = queries;
		this.completeness = completeness;
		this.workbooks = workbooks;
		this.powerQueries = powerQueries;
		this.agencies = agencies;
	}

	record ServiceBody(String agency, ServiceKind kind, String name, String basis, String body, String feeStandard,
			String chargingUnit, String note) {

		ServiceItemDetails details() {
			return new ServiceItemDetails(kind, name, basis, body, feeStandard, chargingUnit, note);
		}
	}

	// ---- public -------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/public/services")
	@Operation(summary = "服务清单事项：可按单位和类别筛选；hasGuide 表示有已公开的办事指南")
	List<Map<String, Object>> publicList(@RequestParam(required = false) String agency,
			@RequestParam(required = false) ServiceKind kind) {
		Long agencyId = null;
		if (Texts.trimToNull(agency) != null) {
			agencyId = agencies.findByCode(agency.trim())
				.filter(Agency::active)
				.orElseThrow(() -> DomainException.notFound("没有代码为“" + agency + "”的单位"))
				.id();
		}
		return queries.ofAgency(agencyId, kind)
			.stream()
			.filter(i -> agencies.findById(i.agencyId()).map(Agency::active).orElse(false))
			.map(this::summary)
			.toList();
	}

	@GetMapping("/api/v1/public/services/{id}")
	@Operation(summary = "一个服务事项及其已公开的办事指南（未公开的指南不返回）")
	Map<String, Object> publicItem(@PathVariable long id) {
		ServiceItem item = queries.publicItem(id).orElseThrow(() -> DomainException.notFound("该服务事项不存在"));
		Map<String, Object> out = summary(item);
		out.put("guide", queries.publishedGuide(id).map(ServiceApiController::guide).orElse(null));
		return out;
	}

	private Map<String, Object> summary(ServiceItem i) {
		Agency a = agencies.requireById(i.agencyId());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", i.id());
		out.put("agency", a.code());
		out.put("agencyName", a.name());
		out.put("kind", i.kind());
		out.put("kindLabel", i.kind().label());
		out.put("name", i.name());
		out.put("basis", i.basis());
		out.put("body", i.body());
		out.put("feeStandard", i.feeStandard());
		out.put("chargingUnit", i.chargingUnit());
		out.put("note", i.note());
		out.put("hasGuide", queries.publishedGuide(i.id()).isPresent());
		out.put("url", PowerPaths.service(a, i.id()));
		return out;
	}

	static Map<String, Object> guide(ServiceGuide g) {
		Map<String, Object> out = new LinkedHashMap<>();
		ServiceGuideDetails.KEY_ELEMENTS.keySet().forEach(f -> out.put(f, g.details().element(f)));
		ServiceGuideDetails.OPTIONAL_ELEMENTS.keySet().forEach(f -> out.put(f, g.details().element(f)));
		out.put("missing", g.missing());
		out.put("publishedAt", g.publishedAt());
		return out;
	}

	// ---- staff --------------------------------------------------------------------------------------------

	@PostMapping("/api/v1/services")
	@Operation(summary = "新增服务清单事项（本单位信息编辑或单位管理员）")
	ResponseEntity<Map<String, Object>> add(@RequestBody ServiceBody body) {
		if (body == null || Texts.trimToNull(body.agency()) == null) {
			throw InvalidInputException.of("agency", "请指定单位代码");
		}
		Agency a = agencies.findByCode(body.agency().trim()).orElseThrow(() -> InvalidInputException.of("agency", "单位不存在"));
		ServiceItem item = management.add(a.id(), body.details());
		return ResponseEntity.created(URI.create("/api/v1/services/" + item.id())).body(staffItem(item.id()));
	}

	@GetMapping("/api/v1/services/{id}")
	@Operation(summary = "服务事项及其办事指南（含未公开的）")
	Map<String, Object> staffItem(@PathVariable long id) {
		ServiceItem item = queries.item(id).orElseThrow(() -> DomainException.notFound("该服务事项不存在"));
		powerQueries.requireVisible(item.agencyId());
		Map<String, Object> out = summary(item);
		queries.guide(id).ifPresent(g -> {
			Map<String, Object> m = guide(g);
			m.put("published", g.published());
			out.put("guide", m);
		});
		return out;
	}

	@PutMapping("/api/v1/services/{id}")
	@Operation(summary = "修改服务清单事项")
	Map<String, Object> change(@PathVariable long id, @RequestBody ServiceBody body) {
		management.change(id, body.details());
		return staffItem(id);
	}

	@PutMapping("/api/v1/services/{id}/guide")
	@Operation(summary = "保存办事指南（十要素及办理时限、咨询方式、监督投诉）")
	Map<String, Object> saveGuide(@PathVariable long id, @RequestBody ServiceGuideDetails body) {
		management.saveGuide(id, body);
		return staffItem(id);
	}

	@PostMapping("/api/v1/services/{id}/guide/publication")
	@Operation(summary = "公开办事指南")
	Map<String, Object> publish(@PathVariable long id) {
		management.publishGuide(id, true);
		return staffItem(id);
	}

	@DeleteMapping("/api/v1/services/{id}/guide/publication")
	@Operation(summary = "撤下办事指南")
	Map<String, Object> withdraw(@PathVariable long id) {
		management.publishGuide(id, false);
		return staffItem(id);
	}

	@GetMapping("/api/v1/services/incomplete-guides")
	@Operation(summary = "缺少十要素的办事指南（单位或其下级，按权限）")
	List<ServiceGuideCompleteness.Incomplete> incomplete(@RequestParam String agency) {
		Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> DomainException.notFound("单位不存在"));
		powerQueries.requireVisible(a.id());
		return completeness.incompleteGuides(List.of(a.id()));
	}

	@PostMapping(path = "/api/v1/services/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "从 .xlsx 导入一类服务清单：有任何一行错误即不保存，返回逐行错误报告（400）")
	Map<String, Object> importList(@RequestParam String agency, @RequestParam ServiceKind kind,
			@RequestParam(required = false) MultipartFile file) {
		Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> InvalidInputException.of("agency", "单位不存在"));
		if (file == null) {
			throw InvalidInputException.of("file", "请选择要导入的 .xlsx 文件");
		}
		try (InputStream in = file.getInputStream()) {
			ServiceManagement.ImportResult r = workbooks.importServices(a.id(), kind, file.getOriginalFilename(), file.getSize(), in);
			return Map.of("created", r.created(), "changed", r.changed(), "unchanged", r.unchanged());
		}
		catch (IOException e) {
			throw InvalidInputException.of("file", "文件上传不完整，请重新上传");
		}
	}

	@GetMapping("/api/v1/services/export")
	@Operation(summary = "导出一类服务清单（.xlsx，与导入格式相同）")
	ResponseEntity<byte[]> export(@RequestParam String agency, @RequestParam ServiceKind kind) {
		Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> DomainException.notFound("单位不存在"));
		return PowerApiController.xlsx(workbooks.exportServices(a.id(), kind), a.code() + "-" + kind.label() + ".xlsx");
	}
}
