package org.gongkai.powers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The power list over the API: the public's current items and histories, staff changes and the spreadsheet import. */
@RestController
@Tag(name = "Powers", description = "权责清单：现行事项、调整历史、跨层级比对、新增调整取消和 Excel 导入导出")
class PowerApiController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final PowerManagement management;

	private final PowerQueries queries;

	private final ListWorkbookImports workbooks;

	private final AgencyDirectory agencies;

	PowerApiController(PowerManagement management, PowerQueries queries, ListWorkbookImports workbooks,
			AgencyDirectory agencies) {
		this.management = management;
		this.queries = queries;
		this.workbooks = workbooks;
		this.agencies = agencies;
	}

	@Schema(description = "一个责任事项：环节和内容")
	record ResponsibilityBody(@Schema(description = "环节，如 受理、审查、决定") String stage, String text) {
	}

	@Schema(description = "权责清单事项及调整理由")
	record PowerBody(@Schema(description = "单位代码（新增时）") String agency,
			@Schema(description = "事项编码，省市县统一") String code, String name,
			@Schema(description = "事项类型代码，如 LICENSING；见 /api/v1/public/powers/types") String type,
			@Schema(description = "设定依据") String basis,
			@Schema(description = "层级；省略时新增事项取单位的层级，调整保留事项原有层级") AgencyLevel level,
			@Schema(description = "实施主体；省略取单位名称") String implementingBody,
			@Schema(description = "承办机构") String handlingUnit, List<ResponsibilityBody> responsibilities,
			@Schema(description = "追责情形") String accountability, String supervisionPhone,
			@Schema(description = "新增或调整理由", requiredMode = Schema.RequiredMode.REQUIRED) String reason,
			@Schema(description = "生效日期；省略为今天") LocalDate effectiveOn) {

		PowerDetails details() {
			return new PowerDetails(code, name, type, basis, level, implementingBody, handlingUnit,
					PowerResponsibility.format(responsibilities == null ? null
							: responsibilities.stream().map(r -> new PowerResponsibility(r.stage(), r.text())).toList()),
					accountability, supervisionPhone);
		}
	}

	record RemovalBody(String reason, LocalDate effectiveOn) {
	}

	// ---- public -------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/public/powers")
	@Operation(summary = "现行权责清单事项：可按单位、类型筛选，按名称或编码检索")
	Map<String, Object> publicList(@RequestParam(required = false) String agency, @RequestParam(required = false) String type,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
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
				.filter(Agency::active)
				.orElseThrow(() -> DomainException.notFound("没有代码为“" + agency + "”的单位"))
				.id();
		}
		String typeCode = Texts.trimToNull(type);
		if (typeCode != null && queries.typesByCode().get(typeCode) == null) {
			throw InvalidInputException.of("type", "未知的事项类型“" + typeCode + "”");
		}
		PowerItems.Page<PowerItem> p = queries.currentPage(agencyId, typeCode, Texts.trimToNull(q), page, size);
		Map<String, PowerType> types = queries.typesByCode();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("total", p.total());
		out.put("page", p.page());
		out.put("size", p.size());
		out.put("items", p.items().stream().map(i -> summary(i, types)).toList());
		return out;
	}

	@GetMapping("/api/v1/public/powers/types")
	@Operation(summary = "事项类型")
	List<PowerType> types() {
		return queries.activeTypes();
	}

	@GetMapping("/api/v1/public/powers/{id}")
	@Operation(summary = "一个权责清单事项及其全部调整历史（已取消的事项仍可查看历史）")
	Map<String, Object> publicItem(@PathVariable long id) {
		PowerItem item = queries.publicItem(id).orElseThrow(() -> DomainException.notFound("该权责清单事项不存在"));
		Map<String, PowerType> types = queries.typesByCode();
		Map<String, Object> out = summary(item, types);
		out.put("history", queries.history(id).stream().map(v -> {
			Map<String, Object> h = new LinkedHashMap<>();
			h.put("version", v.versionNo());
			h.put("change", v.changeKind());
			h.put("changeLabel", v.changeKind().label());
			h.put("reason", v.reason());
			h.put("effectiveOn", v.effectiveOn());
			h.put("changedAt", v.changedAt());
			h.put("snapshot", fields(v.snapshot(), types));
			return h;
		}).toList());
		return out;
	}

	@GetMapping("/api/v1/public/powers/{id}/comparison")
	@Operation(summary = "同一编码事项在其他层级的名称、类型、依据比对（三级四同）")
	Map<String, Object> comparison(@PathVariable long id) {
		PowerItem item = queries.publicItem(id).filter(PowerItem::current)
			.orElseThrow(() -> DomainException.notFound("该权责清单事项不存在或已取消"));
		Map<String, PowerType> types = queries.typesByCode();
		PowerComparison c = queries.compare(item);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("item", summary(item, types));
		out.put("differs", c.differs());
		out.put("others", c.rows().stream().map(r -> {
			Map<String, Object> m = summary(r.item(), types);
			m.put("nameDiffers", r.nameDiffers());
			m.put("typeDiffers", r.typeDiffers());
			m.put("basisDiffers", r.basisDiffers());
			return m;
		}).toList());
		return out;
	}

	private Map<String, Object> summary(PowerItem i, Map<String, PowerType> types) {
		Agency a = agencies.requireById(i.agencyId());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", i.id());
		out.putAll(fields(i.details(), types));
		out.put("agency", a.code());
		out.put("agencyName", a.name());
		out.put("version", i.currentVersion());
		out.put("status", i.status());
		out.put("url", PowerPaths.item(a, i.id()));
		return out;
	}

	private static Map<String, Object> fields(PowerDetails d, Map<String, PowerType> types) {
		Map<String, Object> out = new LinkedHashMap<>();
		PowerType t = types.get(d.typeCode());
		out.put("code", d.code());
		out.put("name", d.name());
		out.put("type", d.typeCode());
		out.put("typeName", t == null ? d.typeCode() : t.name());
		out.put("basis", d.basis());
		out.put("level", d.level());
		out.put("implementingBody", d.implementingBody());
		out.put("handlingUnit", d.handlingUnit());
		out.put("responsibilities", PowerResponsibility.parse(d.responsibilities()));
		out.put("accountability", d.accountability());
		out.put("supervisionPhone", d.supervisionPhone());
		return out;
	}

	// ---- staff --------------------------------------------------------------------------------------------

	@PostMapping("/api/v1/powers")
	@Operation(summary = "新增权责清单事项（本单位信息编辑或单位管理员），须填写理由")
	ResponseEntity<Map<String, Object>> add(@RequestBody PowerBody body) {
		if (body == null || Texts.trimToNull(body.agency()) == null) {
			throw InvalidInputException.of("agency", "请指定单位代码");
		}
		Agency a = agencies.findByCode(body.agency().trim()).orElseThrow(() -> InvalidInputException.of("agency", "单位不存在"));
		PowerItem item = management.add(a.id(), body.details(), body.reason(), body.effectiveOn());
		return ResponseEntity.created(URI.create("/api/v1/powers/" + item.id())).body(publicItem(item.id()));
	}

	@PutMapping("/api/v1/powers/{id}")
	@Operation(summary = "调整权责清单事项，生成新版本，须填写理由")
	Map<String, Object> adjust(@PathVariable long id, @RequestBody PowerBody body) {
		if (body == null) {
			throw InvalidInputException.of("reason", "请提供事项内容和调整理由");
		}
		management.adjust(id, body.details(), body.reason(), body.effectiveOn());
		return publicItem(id);
	}

	@PostMapping("/api/v1/powers/{id}/removal")
	@Operation(summary = "取消权责清单事项，须填写理由")
	Map<String, Object> remove(@PathVariable long id, @RequestBody RemovalBody body) {
		management.remove(id, body == null ? null : body.reason(), body == null ? null : body.effectiveOn());
		return publicItem(id);
	}

	@PostMapping(path = "/api/v1/powers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "从 .xlsx 导入权责清单：有任何一行错误即不保存，返回逐行错误报告（400）")
	Map<String, Object> importList(@RequestParam String agency, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String reason, @RequestParam(required = false) LocalDate effectiveOn) {
		Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> InvalidInputException.of("agency", "单位不存在"));
		if (file == null) {
			throw InvalidInputException.of("file", "请选择要导入的 .xlsx 文件");
		}
		try (InputStream in = file.getInputStream()) {
			PowerManagement.ImportResult r = workbooks.importPowers(a.id(), file.getOriginalFilename(), file.getSize(), in,
					reason, effectiveOn);
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("created", r.created());
			out.put("adjusted", r.adjusted());
			out.put("unchanged", r.unchanged());
			return out;
		}
		catch (IOException e) {
			throw InvalidInputException.of("file", "文件上传不完整，请重新上传");
		}
	}

	@GetMapping("/api/v1/powers/export")
	@Operation(summary = "导出现行权责清单（.xlsx，与导入格式相同）")
	ResponseEntity<byte[]> export(@RequestParam String agency) {
		Agency a = agencies.findByCode(agency.trim()).orElseThrow(() -> DomainException.notFound("单位不存在"));
		return xlsx(workbooks.exportPowers(a.id()), a.code() + "-权责清单.xlsx");
	}

	static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(body);
	}
}
