package org.gongkai.powers;

import static org.gongkai.platform.FormFields.integer;
import static org.gongkai.platform.FormFields.date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of random inspections: an agency's item list, pools and plans, the forms to add to them (one by one
 * or pasted as a list), and a plan's page with the steps its state allows — publish, draw, redraw with a reason,
 * record results and publish them. Editors and administrators of the agency act; supervisors look at the subtree.
 */
@Controller
class InspectionConsoleController implements ConsoleMenuContributor {

	/** One field of a console form. */
	record Field(String name, String label, String type, boolean required, String hint, Map<String, String> options) {

		static Field of(String name, String label, String type, boolean required, String hint) {
			return new Field(name, label, type, required, hint, Map.of());
		}
	}

	private final InspectionManagement management;

	private final InspectionQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	InspectionConsoleController(InspectionManagement management, InspectionQueries queries, AgencyDirectory agencies,
			AgencyAccess access) {
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(26, "双随机一公开", "/console/inspections",
				a -> !a.token() && !access.agenciesFor(a, InspectionManagement.READERS).isEmpty()));
	}

	// ---- the overview --------------------------------------------------------------------------------------

	@GetMapping("/console/inspections")
	String overview(@RequestParam(required = false) String agency, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = access.agenciesFor(actor, InspectionManagement.READERS);
		if (options.isEmpty()) {
			throw DomainException.forbidden("您没有查看双随机一公开的权限");
		}
		Agency chosen = Texts.trimToNull(agency) == null ? AgencyAccess.defaultChoice(actor, options)
				: options.stream().filter(a -> a.code().equals(agency.trim())).findFirst()
					.orElseThrow(() -> DomainException.forbidden("您没有查看该单位双随机一公开的权限"));
		model.addAttribute("agency", chosen);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("canEdit", access.allows(actor, chosen.id(), InspectionManagement.STAFF));
		model.addAttribute("items", queries.items(chosen.id()));
		model.addAttribute("inspectors", queries.inspectors(chosen.id()));
		model.addAttribute("entities", queries.entities(chosen.id()));
		model.addAttribute("retiredInspectors", queries.retiredInspectors(chosen.id()));
		model.addAttribute("retiredEntities", queries.retiredEntities(chosen.id()));
		model.addAttribute("plans", queries.plans(List.of(chosen.id())));
		model.addAttribute("publicPath", InspectionPaths.column(chosen));
		return "powers/inspection-console";
	}

	// ---- the forms -----------------------------------------------------------------------------------------

	private Map<String, Object> form(String kind, Agency agency) {
		List<Field> fields = new ArrayList<>();
		String title;
		switch (kind) {
			case "item" -> {
				title = "新增随机抽查事项";
				fields.add(Field.of("name", "抽查事项名称", "text", true, null));
				fields.add(Field.of("objectType", "检查对象", "text", true, "如：从事价格经营活动的企业"));
				fields.add(Field.of("basis", "抽查依据", "textarea", true, "法律、法规、规章的名称和条款"));
				fields.add(new Field("method", "检查方式", "select", true, null,
						InspectionItem.METHODS.stream().collect(Collectors.toMap(m -> m, m -> m, (a, b) -> a, LinkedHashMap::new))));
				fields.add(Field.of("frequency", "抽查比例和频次", "text", false, "如：每年抽查比例不低于3%"));
				fields.add(Field.of("department", "实施部门", "text", false, null));
			}
			case "inspector" -> {
				title = "新增执法检查人员";
				fields.add(Field.of("name", "姓名", "text", true, null));
				fields.add(Field.of("certificateNo", "执法证号", "text", true, null));
				fields.add(Field.of("unitName", "所在单位", "text", false, null));
				fields.add(Field.of("area", "执法区域", "text", false, null));
			}
			case "entity" -> {
				title = "新增检查对象";
				fields.add(Field.of("name", "名称", "text", true, "个人、个体工商户的名称对外公开时遮蔽为“张**”，地址不公开"));
				fields.add(Field.of("creditCode", "统一社会信用代码", "text", false, "18位；没有的可不填"));
				fields.add(Field.of("address", "地址", "text", false, null));
				fields.add(Field.of("category", "类别", "text", false, "如：企业、个体工商户、个人"));
				fields.add(Field.of("riskGrade", "风险等级", "text", false, null));
				fields.add(new Field("kind", "性质", "select", false, "不选的，没有统一社会信用代码的按个人对待：名称遮蔽、地址不公开",
						new LinkedHashMap<>(Map.of("ORGANISATION", "单位", "INDIVIDUAL", "个人或个体工商户"))));
			}
			case "import" -> {
				title = "粘贴导入名录库";
				fields.add(new Field("pool", "名录库", "select", true, null,
						new LinkedHashMap<>(Map.of("INSPECTORS", "执法检查人员", "ENTITIES", "检查对象"))));
				fields.add(Field.of("text", "名单", "textarea", true,
						"每行一条，字段以制表符（可从表格直接复制）分隔；行内没有制表符的，以英文逗号分隔。执法检查人员：姓名、执法证号、所在单位、执法区域；"
								+ "检查对象：名称、统一社会信用代码、地址、类别、风险等级，可加性质（单位或个人）。空的项也要保留分隔符。"
								+ "有任何一行有误的，一行也不保存。"));
			}
			case "plan" -> {
				title = "拟定抽查计划";
				fields.add(Field.of("title", "计划名称", "text", true, null));
				fields.add(new Field("items", "抽查事项", "multiselect", true, "可多选（按住 Ctrl 键）",
						queries.items(agency.id()).stream().collect(Collectors.toMap(i -> String.valueOf(i.id()),
								InspectionItem::name, (a, b) -> a, LinkedHashMap::new))));
				fields.add(Field.of("periodFrom", "检查开始日期", "date", true, null));
				fields.add(Field.of("periodTo", "检查结束日期", "date", true, null));
				fields.add(Field.of("entityCategory", "检查对象类别", "text", false, "只从该类别的检查对象中抽取；不填为全部"));
				fields.add(Field.of("entityCount", "抽取检查对象数量", "number", true, null));
				fields.add(Field.of("inspectorsPerEntity", "每个对象选派执法检查人员数", "number", true, "至少2名"));
				fields.add(Field.of("entropySource", "公开随机数来源", "text", true,
						"抽取前随计划公布，如：抽取当日福彩3D开奖号码；抽取时填写其取值，作为种子的一部分"));
			}
			default -> throw DomainException.notFound("没有这个表单");
		}
		Map<String, Object> f = new HashMap<>();
		f.put("kind", kind);
		f.put("title", title);
		f.put("fields", fields);
		f.put("action", "/console/inspections/" + kind + "?agency=" + agency.code());
		return f;
	}

	@GetMapping("/console/inspections/{kind:item|inspector|entity|import|plan}")
	String formPage(@PathVariable String kind, @RequestParam String agency, Model model) {
		Agency a = staffAgency(agency);
		model.addAttribute("agency", a);
		model.addAttribute("form", form(kind, a));
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of("inspectorsPerEntity", "2"));
		}
		model.addAttribute("chosen", List.of());
		return "powers/inspection-console-form";
	}

	@PostMapping("/console/inspections/{kind:item|inspector|entity|import|plan}")
	String submit(@PathVariable String kind, @RequestParam String agency, @RequestParam Map<String, String> p,
			@RequestParam MultiValueMap<String, String> multi, Model model, RedirectAttributes redirect) {
		Agency a = staffAgency(agency);
		List<String> chosen = multi.getOrDefault("items", List.of());
		return ConsoleForms.attempt(model, () -> {
			String notice = switch (kind) {
				case "item" -> "已新增抽查事项：" + management.addItem(a.id(), p.get("name"), p.get("objectType"), p.get("basis"),
						p.get("method"), p.get("frequency"), p.get("department")).name();
				case "inspector" -> "已新增执法检查人员："
						+ management.addInspector(a.id(), p.get("name"), p.get("certificateNo"), p.get("unitName"), p.get("area")).name();
				case "entity" -> "已新增检查对象：" + management.addEntity(a.id(), p.get("name"), p.get("creditCode"), p.get("address"),
						p.get("category"), p.get("riskGrade"), kind(p.get("kind"))).name();
				case "import" -> {
					String pool = p.getOrDefault("pool", "");
					if (!pool.equals("INSPECTORS") && !pool.equals("ENTITIES")) {
						throw InvalidInputException.of("pool", "请选择名录库");
					}
					int n = pool.equals("INSPECTORS") ? management.importInspectors(a.id(), p.get("text"))
							: management.importEntities(a.id(), p.get("text"));
					yield "已导入" + n + "条";
				}
				default -> {
					InspectionPlan plan = management.createPlan(a.id(), p.get("title"), ids(chosen), date(p.get("periodFrom"), "periodFrom"),
							date(p.get("periodTo"), "periodTo"), p.get("entityCategory"), integer(p.get("entityCount"), "entityCount"),
							integer(p.get("inspectorsPerEntity"), "inspectorsPerEntity"), p.get("entropySource"));
					redirect.addFlashAttribute("notice", "已拟定抽查计划，公布后才能抽取");
					yield "plan:" + plan.id();
				}
			};
			if (notice.startsWith("plan:")) {
				return "redirect:/console/inspections/plans/" + notice.substring(5);
			}
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/console/inspections?agency=" + a.code();
		}, () -> {
			model.addAttribute("agency", a);
			model.addAttribute("form", form(kind, a));
			model.addAttribute("input", p);
			model.addAttribute("chosen", chosen);
			return "powers/inspection-console-form";
		});
	}

	@PostMapping("/console/inspections/{pool:inspectors|entities}/{id}/retire")
	String retire(@PathVariable String pool, @PathVariable long id, @RequestParam String agency, RedirectAttributes redirect) {
		Agency a = staffAgency(agency);
		management.retire(pool.equals("inspectors") ? InspectionCandidate.INSPECTOR : InspectionCandidate.ENTITY, id, null);
		redirect.addFlashAttribute("notice", "已移出名录库；已有的抽取记录不受影响");
		return "redirect:/console/inspections?agency=" + a.code();
	}

	@PostMapping("/console/inspections/{pool:inspectors|entities}/{id}/reactivate")
	String reactivate(@PathVariable String pool, @PathVariable long id, @RequestParam String agency, RedirectAttributes redirect) {
		Agency a = staffAgency(agency);
		management.reactivate(pool.equals("inspectors") ? InspectionCandidate.INSPECTOR : InspectionCandidate.ENTITY, id);
		redirect.addFlashAttribute("notice", "已恢复到名录库");
		return "redirect:/console/inspections?agency=" + a.code();
	}

	// ---- a plan --------------------------------------------------------------------------------------------

	@GetMapping("/console/inspections/plans/{id}")
	String plan(@PathVariable long id, Model model) {
		Actor actor = Actors.require();
		InspectionPlan p = queries.plan(id).orElseThrow(() -> DomainException.notFound("该抽查计划不存在"));
		if (!access.allows(actor, p.agencyId(), InspectionManagement.READERS)) {
			throw DomainException.forbidden("您没有查看该单位抽查计划的权限");
		}
		Agency a = agencies.requireById(p.agencyId());
		boolean staff = access.allows(actor, p.agencyId(), InspectionManagement.STAFF);
		List<InspectionDraw> draws = queries.draws(id);
		InspectionDraw current = draws.stream().filter(d -> !d.superseded()).findFirst().orElse(null);
		model.addAttribute("p", p);
		model.addAttribute("agency", a);
		model.addAttribute("items", queries.planItems(id));
		model.addAttribute("draws", draws);
		model.addAttribute("current", current);
		if (current != null) {
			Map<String, String> names = new HashMap<>();
			queries.candidates(current.id(), InspectionCandidate.ENTITY).forEach(c -> names.put(c.key(), c.name()));
			Map<String, String> people = queries.candidates(current.id(), InspectionCandidate.INSPECTOR).stream()
				.collect(Collectors.toMap(InspectionCandidate::key, InspectionCandidate::name, (x, y) -> x));
			model.addAttribute("picks", queries.picks(current.id()).stream().map(x -> {
				Map<String, Object> m = new HashMap<>();
				m.put("rank", x.rank());
				m.put("entity", names.getOrDefault(x.entityKey(), x.entityKey()));
				m.put("key", x.entityKey());
				m.put("inspectors", String.join("、", x.inspectorKeys().stream().map(k -> people.getOrDefault(k, k)).toList()));
				m.put("outcome", x.outcome() == null ? null : x.outcome().label());
				m.put("note", x.note());
				m.put("checkedOn", x.checkedOn());
				return m;
			}).toList());
		}
		model.addAttribute("outcomes", InspectionOutcome.values());
		model.addAttribute("canPublish", staff && p.status() == InspectionPlanStatus.DRAFT);
		boolean admin = access.allows(actor, p.agencyId(), Role.AGENCY_ADMIN);
		model.addAttribute("canDraw", staff && (p.status() == InspectionPlanStatus.PUBLISHED || p.status() == InspectionPlanStatus.DRAWN));
		model.addAttribute("canRedraw", admin);
		model.addAttribute("canRecord", staff && p.status() == InspectionPlanStatus.DRAWN);
		model.addAttribute("publicPath", p.status().isPublic() ? InspectionPaths.plan(a, p.id()) : null);
		model.addAttribute("drawPaths", draws.stream().collect(Collectors.toMap(d -> d.id(), d -> InspectionPaths.draw(a, d.id()))));
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		return "powers/inspection-console-plan";
	}

	@PostMapping("/console/inspections/plans/{id}/publish")
	String publish(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return act(id, p, model, redirect, () -> {
			management.publishPlan(id);
			return "抽查计划已公布";
		});
	}

	@PostMapping("/console/inspections/plans/{id}/draw")
	String draw(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return act(id, p, model, redirect, () -> "已抽取，种子：" + management.draw(id, p.get("publicEntropy"), p.get("redrawReason")).seed());
	}

	@PostMapping("/console/inspections/plans/{id}/results")
	String result(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return act(id, p, model, redirect, () -> {
			Integer drawId = integer(p.get("drawId"), "drawId");
			Integer rank = integer(p.get("rank"), "rank");
			if (drawId == null) {
				throw InvalidInputException.of("drawId", "请指明抽取记录");
			}
			if (rank == null) {
				throw InvalidInputException.of("rank", "请选择抽中的检查对象");
			}
			InspectionOutcome outcome = Texts.trimToNull(p.get("outcome")) == null ? null
					: choice(p.get("outcome"));
			management.recordResult(drawId, rank, outcome, p.get("note"), date(p.get("checkedOn"), "checkedOn"));
			return "已登记第" + rank + "个检查对象的检查结果";
		});
	}

	@PostMapping("/console/inspections/plans/{id}/results/publish")
	String publishResults(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return act(id, p, model, redirect, () -> {
			management.publishResults(id);
			return "检查结果已公开";
		});
	}

	private String act(long id, Map<String, String> params, Model model, RedirectAttributes redirect, Supplier<String> action) {
		try {
			return ConsoleForms.attempt(model, () -> {
				redirect.addFlashAttribute("notice", action.get());
				return "redirect:/console/inspections/plans/" + id;
			}, () -> {
				model.addAttribute("input", params);
				return plan(id, model);
			});
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", e.getMessage());
			model.addAttribute("input", params);
			return plan(id, model);
		}
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private Agency staffAgency(String code) {
		Agency a = agencies.findByCode(Texts.trimToNull(code) == null ? "" : code.trim())
			.orElseThrow(() -> DomainException.notFound("没有该单位"));
		access.require(a.id(), InspectionManagement.STAFF);
		return a;
	}

	private static List<Long> ids(List<String> values) {
		List<Long> out = new ArrayList<>();
		for (String v : values) {
			if (Texts.trimToNull(v) != null) {
				out.add((long) integer(v, "items"));
			}
		}
		return out;
	}

	private static InspectionEntityKind kind(String value) {
		if (Texts.trimToNull(value) == null) {
			return null;
		}
		try {
			return InspectionEntityKind.valueOf(value.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("kind", "请选择性质");
		}
	}

	private static InspectionOutcome choice(String value) {
		try {
			return InspectionOutcome.valueOf(value.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("outcome", "请选择检查结果");
		}
	}

}
