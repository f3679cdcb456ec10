package org.gongkai.powers;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Texts;
import org.springframework.stereotype.Component;

/**
 * Import and export of the lists in the layouts agencies keep them in. An import is checked row by row first (required
 * fields, known type, code format, duplicates within the file, lengths); any problem is reported by row and column in
 * Chinese and nothing is saved. A valid file is saved in one transaction, each power-list item a new version with the
 * reason given. An export re-imports unchanged.
 */
@Component
class ListWorkbookImports {

	/** The power list's columns, in order. */
	static final List<String> POWER_HEADERS = List.of("事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "承办机构", "责任事项",
			"追责情形", "监督电话");

	/** Field name of {@link PowerDetails} → column. */
	private static final Map<String, String> POWER_COLUMNS = Map.of("code", "事项编码", "name", "事项名称", "typeCode", "事项类型",
			"basis", "设定依据", "implementingBody", "实施主体", "handlingUnit", "承办机构", "responsibilities", "责任事项",
			"accountability", "追责情形", "supervisionPhone", "监督电话");

	/** The most problems reported for one file. */
	static final int MAX_PROBLEMS = 200;

	private final PowerManagement powers;

	private final PowerQueries powerQueries;

	private final ServiceManagement services;

	private final ServiceQueries serviceQueries;

	private final AgencyDirectory agencies;

	ListWorkbookImports(PowerManagement powers, PowerQueries powerQueries, ServiceManagement services,
			ServiceQueries serviceQueries, AgencyDirectory agencies) {
		this.powers = powers;
		this.powerQueries = powerQueries;
		this.services = services;
		this.serviceQueries = serviceQueries;
		this.agencies = agencies;
	}

	// ---- the power list -----------------------------------------------------------------------------------

	PowerManagement.ImportResult importPowers(long agencyId, String fileName, long size, InputStream in, String reason,
			LocalDate effectiveOn) {
		Agency agency = agencies.requireById(agencyId);
		powerQueries.requireKeeper(agencyId);
		if (Texts.trimToNull(reason) == null) {
			throw InvalidInputException.of("reason", "请填写本次调整的理由，导入的每个新增或调整事项都记录该理由");
		}
		List<ListWorkbook.Line> lines = ListWorkbook.read(fileName, size, in, POWER_HEADERS);
		if (lines.isEmpty()) {
			throw InvalidInputException.of("file", "文件中没有事项（第2行起每行一个事项）");
		}
		Map<String, String> typeCodes = new HashMap<>();
		powerQueries.activeTypes().forEach(t -> typeCodes.put(t.name(), t.code()));
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Integer> codes = new HashMap<>();
		List<PowerDetails> rows = new ArrayList<>();
		for (ListWorkbook.Line line : lines) {
			String typeName = line.get("事项类型");
			String typeCode = typeName == null ? null : typeCodes.get(typeName);
			// no level column: the row's level stays null, so an existing item keeps its level (see importRows)
			PowerDetails raw = new PowerDetails(line.get("事项编码"), line.get("事项名称"), typeCode, line.get("设定依据"), null,
					line.get("实施主体"), line.get("承办机构"), line.get("责任事项"), line.get("追责情形"), line.get("监督电话"));
			PowerDetails d = PowerManagement.normalise(raw, agency);
			for (FieldProblem p : powers.problems(d)) {
				String column = POWER_COLUMNS.get(p.field());
				String message = p.message();
				if (p.field().equals("typeCode") && typeName != null) {
					message = "未知或已停用的事项类型“" + typeName + "”，应为：" + String.join("、", typeCodes.keySet().stream().sorted().toList());
				}
				problems.add(problem(line.number(), column, message));
			}
			if (d.code() != null) {
				Integer first = codes.putIfAbsent(d.code(), line.number());
				if (first != null) {
					problems.add(problem(line.number(), "事项编码", "事项编码“" + d.code() + "”与第" + first + "行重复"));
				}
			}
			rows.add(raw);
		}
		if (!problems.isEmpty()) {
			throw report(problems);
		}
		try {
			return powers.importRows(agencyId, rows, reason, effectiveOn);
		}
		catch (InvalidInputException e) {
			throw report(e.problems());
		}
	}

	byte[] exportPowers(long agencyId) {
		powerQueries.requireVisible(agencyId);
		Map<String, PowerType> types = powerQueries.typesByCode();
		List<List<String>> rows = new ArrayList<>();
		for (PowerItem i : powerQueries.ofAgency(agencyId, true)) {
			PowerDetails d = i.details();
			PowerType t = types.get(d.typeCode());
			rows.add(java.util.Arrays.asList(d.code(), d.name(), t == null ? d.typeCode() : t.name(), d.basis(),
					d.implementingBody(), d.handlingUnit(), d.responsibilities(), d.accountability(), d.supervisionPhone()));
		}
		return ListWorkbook.write("权责清单", POWER_HEADERS, rows);
	}

	// ---- the service lists --------------------------------------------------------------------------------

	/** A service list's columns, in order. */
	static List<String> serviceHeaders(ServiceKind kind) {
		return switch (kind) {
			case PUBLIC_SERVICE, INTERMEDIARY -> List.of("事项名称", "设定依据", "实施机构", "备注");
			case FEE -> List.of("收费项目名称", "收费依据", "收费标准", "计费单位", "备注");
			case CERTIFICATION -> List.of("证明事项名称", "设定依据", "开具单位", "备注");
		};
	}

	/** Field name of {@link ServiceItemDetails} → column of the kind's layout. */
	private static Map<String, String> serviceColumns(ServiceKind kind) {
		List<String> h = serviceHeaders(kind);
		return switch (kind) {
			case PUBLIC_SERVICE, INTERMEDIARY -> Map.of("name", h.get(0), "basis", h.get(1), "body", h.get(2), "note", h.get(3));
			case FEE -> Map.of("name", h.get(0), "basis", h.get(1), "feeStandard", h.get(2), "chargingUnit", h.get(3), "note",
					h.get(4));
			case CERTIFICATION -> Map.of("name", h.get(0), "basis", h.get(1), "body", h.get(2), "note", h.get(3));
		};
	}

	private static ServiceItemDetails serviceRow(ServiceKind kind, ListWorkbook.Line line) {
		List<String> h = serviceHeaders(kind);
		return switch (kind) {
			case PUBLIC_SERVICE, INTERMEDIARY, CERTIFICATION -> new ServiceItemDetails(kind, line.get(h.get(0)), line.get(h.get(1)),
					line.get(h.get(2)), null, null, line.get(h.get(3)));
			case FEE -> new ServiceItemDetails(kind, line.get(h.get(0)), line.get(h.get(1)), null, line.get(h.get(2)),
					line.get(h.get(3)), line.get(h.get(4)));
		};
	}

	private static List<String> serviceValues(ServiceItem i) {
		return switch (i.kind()) {
			case PUBLIC_SERVICE, INTERMEDIARY, CERTIFICATION -> java.util.Arrays.asList(i.name(), i.basis(), i.body(), i.note());
			case FEE -> java.util.Arrays.asList(i.name(), i.basis(), i.feeStandard(), i.chargingUnit(), i.note());
		};
	}

	ServiceManagement.ImportResult importServices(long agencyId, ServiceKind kind, String fileName, long size, InputStream in) {
		agencies.requireById(agencyId);
		powerQueries.requireKeeper(agencyId);
		List<String> headers = serviceHeaders(kind);
		List<ListWorkbook.Line> lines = ListWorkbook.read(fileName, size, in, headers);
		if (lines.isEmpty()) {
			throw InvalidInputException.of("file", "文件中没有事项（第2行起每行一个事项）");
		}
		Map<String, String> columns = serviceColumns(kind);
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Integer> names = new HashMap<>();
		List<ServiceItemDetails> rows = new ArrayList<>();
		for (ListWorkbook.Line line : lines) {
			ServiceItemDetails d = ServiceManagement.normalise(serviceRow(kind, line));
			for (FieldProblem p : ServiceManagement.problems(d)) {
				problems.add(problem(line.number(), columns.getOrDefault(p.field(), headers.get(0)), p.message()));
			}
			if (d.name() != null) {
				Integer first = names.putIfAbsent(d.name(), line.number());
				if (first != null) {
					problems.add(problem(line.number(), headers.get(0), "“" + d.name() + "”与第" + first + "行重复"));
				}
			}
			rows.add(d);
		}
		if (!problems.isEmpty()) {
			throw report(problems);
		}
		try {
			return services.importRows(agencyId, kind, rows);
		}
		catch (InvalidInputException e) {
			throw report(e.problems());
		}
	}

	byte[] exportServices(long agencyId, ServiceKind kind) {
		powerQueries.requireVisible(agencyId);
		List<List<String>> rows = serviceQueries.ofAgency(agencyId, kind).stream().map(ListWorkbookImports::serviceValues).toList();
		return ListWorkbook.write(kind.label(), serviceHeaders(kind), rows);
	}

	// ---- the report ---------------------------------------------------------------------------------------

	private static FieldProblem problem(int row, String column, String message) {
		return new FieldProblem("row" + row + "." + column, "第" + row + "行“" + column + "”：" + message);
	}

	/** The row report: a summary first (nothing was saved), then each problem, at most {@link #MAX_PROBLEMS}. */
	private static InvalidInputException report(List<FieldProblem> problems) {
		List<FieldProblem> out = new ArrayList<>();
		out.add(new FieldProblem("file", "文件中有" + problems.size() + "处错误，未导入任何内容；请按提示修改后重新导入"));
		out.addAll(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
		if (problems.size() > MAX_PROBLEMS) {
			out.add(new FieldProblem("file", "另有" + (problems.size() - MAX_PROBLEMS) + "处错误未列出"));
		}
		return new InvalidInputException(out);
	}
}
