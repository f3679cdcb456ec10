package org.gongkai.participation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.PortalForms;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console of open meetings: the list, a meeting with its agenda, publication and withdrawal, the applications queue
 * (approve or refuse, seats left), decided items with their references, the attendance summary and materials, and the
 * export of approved attendees. Supervisors see meetings read-only and never the applicants.
 */
@Controller
class MeetingConsoleController {

	static final String BASE = "/console/participation/meetings";

	private static final String VIEW = "participation/meeting-console-view";

	private static final String FORM = "participation/meeting-console-form";

	private final MeetingManagement management;

	private final MeetingQueries queries;

	private final AgencyDirectory agencies;

	private final ParticipationLinks links;

	MeetingConsoleController(MeetingManagement management, MeetingQueries queries, AgencyDirectory agencies,
			ParticipationLinks links) {
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.links = links;
	}

	// ---- list -------------------------------------------------------------------------------------------

	@GetMapping(BASE)
	String list(@RequestParam(required = false) String agency, @RequestParam(required = false) String view,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Actor actor = Actors.require();
		List<Agency> visible = queries.staffAgencies(actor);
		if (visible.isEmpty()) {
			throw DomainException.forbidden("您没有查看会议公开的权限");
		}
		List<Long> ids = visible.stream().map(Agency::id).toList();
		Agency chosen = Texts.trimToNull(agency) == null ? null
				: visible.stream().filter(a -> a.code().equals(agency.trim())).findFirst().orElse(null);
		if (chosen != null) {
			ids = List.of(chosen.id());
		}
		int p = Math.max(1, page);
		List<Meeting> rows;
		String v = view == null ? "" : view;
		if ("outcome".equals(v)) {
			rows = queries.awaitingOutcome(ids);
		}
		else if ("applications".equals(v)) {
			rows = queries.withPendingApplications(ids);
		}
		else {
			rows = queries.staffMeetings(ids, null, (p - 1) * 50, 51);
		}
		boolean hasNext = rows.size() > 50 && !"outcome".equals(v) && !"applications".equals(v);
		List<Meeting> page50 = "outcome".equals(v) || "applications".equals(v) ? rows : rows.stream().limit(50).toList();
		Map<Long, Integer> pendingCounts = queries.pendingCounts(page50.stream().map(Meeting::id).toList());
		Map<Long, Agency> agencyById = new java.util.HashMap<>();
		visible.forEach(a -> agencyById.put(a.id(), a));
		List<Map<String, Object>> shown = page50.stream().map(m -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("m", m);
			x.put("agencyName", agencyById.containsKey(m.agencyId()) ? agencyById.get(m.agencyId()).name()
					: agencies.findById(m.agencyId()).map(Agency::name).orElse(""));
			x.put("startsAt", MeetingQueries.when(m.startsAt()));
			x.put("pending", pendingCounts.getOrDefault(m.id(), 0));
			x.put("isPublic", MeetingRules.isPublic(m, queries.now()));
			return x;
		}).toList();
		model.addAttribute("rows", shown);
		model.addAttribute("agencyOptions", visible);
		model.addAttribute("chosen", chosen);
		model.addAttribute("view", v);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("canCreate", !queries.managedAgencies(actor).isEmpty());
		return "participation/meeting-console-list";
	}

	// ---- create and edit ---------------------------------------------------------------------------------------

	@GetMapping(BASE + "/new")
	String newForm(Model model) {
		Actor actor = Actors.require();
		List<Agency> managed = queries.managedAgencies(actor).stream().filter(Agency::active).toList();
		if (managed.isEmpty()) {
			throw DomainException.forbidden("您没有新建会议的权限");
		}
		Agency d = AgencyAccess.defaultChoice(actor, managed);
		Map<String, String> input = new LinkedHashMap<>();
		input.put("agency", d == null ? "" : d.code());
		input.put("seats", "0");
		formModel(model, null, input, List.of(), managed);
		return FORM;
	}

	@PostMapping(BASE + "/new")
	String create(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		Actor actor = Actors.require();
		List<Agency> managed = queries.managedAgencies(actor).stream().filter(Agency::active).toList();
		String code = Texts.trimToNull(form.getFirst("agency"));
		Optional<Agency> agency = managed.stream().filter(a -> a.code().equals(code)).findFirst();
		try {
			if (agency.isEmpty()) {
				throw InvalidInputException.of("agency", "请选择您可以管理的单位");
			}
			Meeting m = management.create(agency.get().id(), draft(form));
			return "redirect:" + BASE + "/" + m.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errors", PortalForms.byField(e.problems()));
			model.addAttribute("error", "提交的内容有误，请按提示修改后重新提交");
			formModel(model, null, form.toSingleValueMap(), form.getOrDefault("invited", List.of()), managed);
			return FORM;
		}
	}

	@GetMapping(BASE + "/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Meeting m = queries.staffMeeting(Actors.require(), id);
		management.requireManager(m.agencyId());
		Map<String, String> input = new LinkedHashMap<>();
		input.put("title", m.title());
		input.put("type", m.type().name());
		input.put("startsAt", local(m.startsAt()));
		input.put("place", m.place() == null ? "" : m.place());
		input.put("advanceNotice", m.advanceNotice() ? "true" : "");
		input.put("liveUrl", m.liveUrl() == null ? "" : m.liveUrl());
		input.put("seats", String.valueOf(m.seats()));
		input.put("applyDeadline", local(m.applyDeadline()));
		formModel(model, m, input, m.invited().stream().map(Enum::name).toList(), List.of());
		return FORM;
	}

	@PostMapping(BASE + "/{id}/edit")
	String edit(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Meeting m = queries.staffMeeting(Actors.require(), id);
		try {
			management.update(id, draft(form));
			redirect.addFlashAttribute("notice", "会议已保存");
			return "redirect:" + BASE + "/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errors", PortalForms.byField(e.problems()));
			model.addAttribute("error", "提交的内容有误，请按提示修改后重新提交");
			formModel(model, m, form.toSingleValueMap(), form.getOrDefault("invited", List.of()), List.of());
			return FORM;
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:" + BASE + "/" + id;
		}
	}

	private static MeetingDraft draft(MultiValueMap<String, String> f) {
		return new MeetingDraft(f.getFirst("title"), f.getFirst("type"), f.getFirst("startsAt"), f.getFirst("place"),
				"true".equals(f.getFirst("advanceNotice")), f.getFirst("liveUrl"), f.getOrDefault("invited", List.of()),
				f.getFirst("seats"), f.getFirst("applyDeadline"));
	}

	private void formModel(Model model, Meeting m, Map<String, String> input, List<String> invited, List<Agency> managed) {
		model.addAttribute("meeting", m);
		model.addAttribute("input", input);
		model.addAttribute("failed", "meeting");
		model.addAttribute("chosenInvited", invited);
		model.addAttribute("types", MeetingType.values());
		model.addAttribute("categories", AttendanceCategory.values());
		model.addAttribute("agencyOptions", managed);
		model.addAttribute("action", m == null ? BASE + "/new" : BASE + "/" + m.id() + "/edit");
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	// ---- one meeting ----------------------------------------------------------------------------------------

	@GetMapping(BASE + "/{id}")
	String view(@PathVariable long id, Model model) {
		viewModel(model, id);
		return VIEW;
	}

	@PostMapping(BASE + "/{id}/publish")
	String publish(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "publish", form, model, response, redirect, () -> {
			Meeting m = management.publish(id);
			return m.advanceNotice() ? "会议已预告，在网站公开" : "会议已在网站公开";
		});
	}

	@PostMapping(BASE + "/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "withdraw", form, model, response, redirect, () -> {
			management.withdraw(id, form.getFirst("reason"));
			return "会议已从网站撤回";
		});
	}

	@PostMapping(BASE + "/{id}/items")
	String addItem(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "item", form, model, response, redirect, () -> {
			management.addItem(id, itemDraft(form));
			return "议题已添加";
		});
	}

	@PostMapping(BASE + "/{id}/items/{itemId}")
	String updateItem(@PathVariable long id, @PathVariable long itemId, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "item-" + itemId, form, model, response, redirect, () -> {
			management.updateItem(id, itemId, itemDraft(form));
			return "议题已保存";
		});
	}

	@PostMapping(BASE + "/{id}/items/{itemId}/delete")
	String removeItem(@PathVariable long id, @PathVariable long itemId, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "item-delete", form, model, response, redirect, () -> {
			management.removeItem(id, itemId);
			return "议题已删除";
		});
	}

	private static MeetingItemDraft itemDraft(MultiValueMap<String, String> f) {
		return new MeetingItemDraft(f.getFirst("itemTitle"), f.getFirst("proposer"), "true".equals(f.getFirst("isPublic")),
				"true".equals(f.getFirst("openToApplications")), f.getFirst("sortOrder"));
	}

	@PostMapping(BASE + "/{id}/decided")
	String addDecided(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "decided", form, model, response, redirect, () -> {
			management.recordDecided(id, null, decidedDraft(form));
			return "议定事项已记录";
		});
	}

	@PostMapping(BASE + "/{id}/decided/{decidedId}")
	String updateDecided(@PathVariable long id, @PathVariable long decidedId, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "decided-" + decidedId, form, model, response, redirect, () -> {
			management.recordDecided(id, decidedId, decidedDraft(form));
			return "议定事项已保存";
		});
	}

	@PostMapping(BASE + "/{id}/decided/{decidedId}/delete")
	String removeDecided(@PathVariable long id, @PathVariable long decidedId, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "decided-delete", form, model, response, redirect, () -> {
			management.removeDecided(id, decidedId);
			return "议定事项已删除";
		});
	}

	private static MeetingDecidedDraft decidedDraft(MultiValueMap<String, String> f) {
		List<String> refs = new ArrayList<>(f.getOrDefault("links", List.of()));
		String typed = Texts.trimToNull(f.getFirst("linkTyped"));
		if (typed != null) {
			String kind = Texts.trimToNull(f.getFirst("linkKind"));
			for (String part : typed.split("[,，\\s]+")) {
				if (!part.isBlank()) {
					refs.add(part.contains(":") ? part : (kind == null ? "" : kind) + ":" + part);
				}
			}
		}
		return new MeetingDecidedDraft(f.getFirst("itemId"), f.getFirst("content"), refs, f.getFirst("sortOrder"));
	}

	@PostMapping(BASE + "/{id}/outcome")
	String publishOutcome(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "outcome", form, model, response, redirect, () -> {
			management.publishOutcome(id);
			return "议定事项已公开";
		});
	}

	@PostMapping(BASE + "/{id}/outcome-closed")
	String closeOutcome(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "outcomeClosed", form, model, response, redirect, () -> {
			management.closeOutcome(id, form.getFirst("reason"));
			return "已确认无需公开的议定事项";
		});
	}

	@PostMapping(BASE + "/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "attendance", form, model, response, redirect, () -> {
			management.recordAttendance(id, form.toSingleValueMap());
			return "列席情况已保存";
		});
	}

	@PostMapping(BASE + "/{id}/materials")
	String addMaterial(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
			@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return step(id, "material", form, model, response, redirect, () -> {
			byte[] content = null;
			try {
				content = file == null || file.isEmpty() ? null : file.getBytes();
			}
			catch (IOException e) {
				throw InvalidInputException.of("file", "文件读取失败，请重新上传");
			}
			management.addMaterial(id, form.getFirst("materialTitle"), content, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getContentType(), form.getFirst("url"));
			return "会议材料已添加";
		});
	}

	@PostMapping(BASE + "/{id}/materials/{materialId}/delete")
	String removeMaterial(@PathVariable long id, @PathVariable long materialId, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "material-delete", form, model, response, redirect, () -> {
			management.removeMaterial(id, materialId);
			return "会议材料已删除";
		});
	}

	@PostMapping(BASE + "/{id}/applications/{applicationId}/approve")
	String approve(@PathVariable long id, @PathVariable long applicationId, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "approve-" + applicationId, form, model, response, redirect, () -> {
			AttendanceApplication a = management.approve(applicationId);
			return "已同意列席申请（" + a.trackingCode() + "）";
		});
	}

	@PostMapping(BASE + "/{id}/applications/{applicationId}/refuse")
	String refuse(@PathVariable long id, @PathVariable long applicationId, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "refuse-" + applicationId, form, model, response, redirect, () -> {
			AttendanceApplication a = management.refuse(applicationId, form.getFirst("reason"));
			return "已不同意列席申请（" + a.trackingCode() + "）";
		});
	}

	/** The approved attendees for the meeting's organisers (CSV; personal data, managers only, audited by access rules). */
	@GetMapping(BASE + "/{id}/attendees.csv")
	ResponseEntity<byte[]> attendees(@PathVariable long id) {
		queries.staffMeeting(Actors.require(), id);
		management.applicantsRead(id, "导出同意列席人员名单");
		List<MeetingItem> items = queries.items(id);
		StringBuilder csv = new StringBuilder("\uFEFF查询码,姓名,类别,工作单位,手机号码,列席议题\r\n");
		for (AttendanceApplication a : queries.applications(id, AttendanceStatus.APPROVED)) {
			String titles = items.stream().filter(i -> a.itemIds().contains(i.id())).map(MeetingItem::title)
				.reduce((x, y) -> x + "；" + y).orElse("");
			csv.append(String.join(",", cell(a.trackingCode()), cell(a.name()), cell(a.category().label()), cell(a.workUnit()),
					cell(a.phone()), cell(titles))).append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("列席人员名单-" + id + ".csv", StandardCharsets.UTF_8).build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String cell(String v) {
		if (v == null) {
			return "";
		}
		String s = v;
		if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
			s = "'" + s;
		}
		return "\"" + s.replace("\"", "\"\"") + "\"";
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	/** Runs one step: back to the meeting with a notice; on invalid input the page again with that form's messages. */
	private String step(long id, String step, MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
			return "redirect:" + BASE + "/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("failed", step);
			model.addAttribute("errors", PortalForms.byField(e.problems()));
			model.addAttribute("error", "提交的内容有误，请按提示修改后重新提交");
			model.addAttribute("input", form.toSingleValueMap());
			viewModel(model, id);
			return VIEW;
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:" + BASE + "/" + id;
		}
	}

	private void viewModel(Model model, long id) {
		Actor actor = Actors.require();
		Meeting m = queries.staffMeeting(actor, id);
		boolean manager = management.manages(actor, m.agencyId());
		List<MeetingItem> items = queries.items(id);
		model.addAttribute("m", m);
		model.addAttribute("agencyName", agencies.findById(m.agencyId()).map(Agency::name).orElse(""));
		model.addAttribute("startsAt", MeetingQueries.when(m.startsAt()));
		model.addAttribute("deadline", MeetingQueries.when(m.applyDeadline()));
		model.addAttribute("invited", m.invited().stream().sorted().map(AttendanceCategory::label).toList());
		model.addAttribute("items", items);
		model.addAttribute("publicItems", items.stream().filter(MeetingRules::itemPublic).toList());
		model.addAttribute("decided", queries.decided(id).stream().map(d -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("d", d);
			x.put("itemTitle", d.itemId() == null ? null
					: items.stream().filter(i -> i.id() == d.itemId()).map(MeetingItem::title).findFirst().orElse(null));
			x.put("links", d.links().stream().map(l -> links.findVisible(l.kind(), l.targetId())
				.map(t -> t.title() + "（" + l.kind() + ":" + l.targetId() + (t.isPublic() ? "" : "，未公开") + "）")
				.orElse(l.kind() + ":" + l.targetId() + "（已不存在）")).toList());
			x.put("linkValues", d.links().stream().map(l -> l.kind() + ":" + l.targetId()).toList());
			return x;
		}).toList());
		List<Map<String, String>> choices = new ArrayList<>();
		for (String kind : MeetingManagement.LINK_KINDS) {
			links.kind(kind).ifPresent(k -> k.linkable(m.agencyId()).forEach(l -> choices.add(Map.of("value", kind + ":" + l.id(),
					"label", k.title() + "：" + l.title() + (l.isPublic() ? "" : "（未公开）")))));
		}
		model.addAttribute("linkChoices", choices);
		model.addAttribute("linkKinds", MeetingManagement.LINK_KINDS);
		Map<AttendanceCategory, Integer> att = queries.attendance(id);
		model.addAttribute("attendance", java.util.Arrays.stream(AttendanceCategory.values())
			.map(c -> Map.of("name", c.name(), "label", c.label(), "count", String.valueOf(att.getOrDefault(c, 0))))
			.toList());
		model.addAttribute("materials", queries.materials(id));
		model.addAttribute("manager", manager);
		model.addAttribute("held", MeetingRules.held(m, queries.now()));
		model.addAttribute("outcomeClosedReason", queries.outcomeClosedReason(id).orElse(null));
		model.addAttribute("isPublic", MeetingRules.isPublic(m, queries.now()));
		model.addAttribute("live", MeetingRules.liveLinkShown(m, queries.now()));
		model.addAttribute("publicPath", MeetingQueries.path(id));
		model.addAttribute("seatsLeft", m.seatsLeft());
		model.addAttribute("applications", manager ? queries.applications(id, null).stream().map(a -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("a", a);
			x.put("submittedAt", MeetingQueries.when(a.submittedAt()));
			x.put("items", items.stream().filter(i -> a.itemIds().contains(i.id())).map(MeetingItem::title).toList());
			return x;
		}).toList() : List.of());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		if (!model.containsAttribute("failed")) {
			model.addAttribute("failed", "");
		}
	}

	private static String local(java.time.Instant at) {
		return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
			.format(at.atZone(org.gongkai.platform.Zones.CHINA));
	}
}
