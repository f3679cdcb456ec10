package org.gongkai.oversight;

import static org.gongkai.platform.FormFields.integer;
import static org.gongkai.platform.FormFields.date;
import static org.gongkai.platform.FormFields.choice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.gongkai.identity.StaffDirectory;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
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
 * Console pages of training: a unit's year (plan, planned sessions, sessions held, tests, the yearly check), recording
 * a session with its attendance, a session's page with materials and its tests, a test's page, the paper and the
 * marked result, and the supervisor's overview of the subtree with its Excel export. The bank has its own pages
 * ({@link QuestionConsoleController}).
 */
@Controller
class TrainingConsoleController {

	static final String HOME = "/console/training";

	private final TrainingManagement management;

	private final TrainingExamManagement exams;

	private final TrainingQueries queries;

	private final QuestionBank bank;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final StaffDirectory staff;

	TrainingConsoleController(TrainingManagement management, TrainingExamManagement exams, TrainingQueries queries, QuestionBank bank,
			AgencyDirectory agencies, AgencyAccess access, StaffDirectory staff) {
		this.management = management;
		this.exams = exams;
		this.queries = queries;
		this.bank = bank;
		this.agencies = agencies;
		this.access = access;
		this.staff = staff;
	}

	// ---- a unit's year -------------------------------------------------------------------------------------

	@GetMapping(HOME)
	String home(@RequestParam(required = false) String agency, @RequestParam(required = false) String year, Model model) {
		Actor actor = Actors.require();
		List<Agency> options = queries.readableAgencies(actor);
		model.addAttribute("toTake", exams.toTake(actor));
		model.addAttribute("mayOverview", TrainingQueries.mayOverview(actor));
		model.addAttribute("mayEditBank", QuestionBank.mayEdit(actor));
		int y = year(year);
		model.addAttribute("year", y);
		if (options.isEmpty()) {
			model.addAttribute("agency", null);
			return "oversight/training";
		}
		Agency chosen = Texts.trimToNull(agency) == null ? AgencyAccess.defaultChoice(actor, options)
				: options.stream().filter(a -> a.code().equals(agency.trim())).findFirst()
					.orElseThrow(() -> DomainException.forbidden("您没有查看该单位培训记录的权限"));
		TreeSet<Integer> years = new TreeSet<>();
		int now = queries.today().getYear();
		for (int i = now - 3; i <= now + 1; i++) {
			years.add(i);
		}
		years.add(y);
		TrainingPlan plan = queries.plan(chosen.id(), y).orElse(null);
		model.addAttribute("agency", chosen);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("years", new ArrayList<>(years.descendingSet()));
		model.addAttribute("plan", plan);
		model.addAttribute("sessions", queries.sessions(chosen.id(), y));
		model.addAttribute("exams", queries.exams(chosen.id(), y));
		model.addAttribute("check", queries.check(chosen.id(), y));
		model.addAttribute("canEdit", management.mayEdit(actor, chosen.id()));
		model.addAttribute("minSessions", management.minSessions());
		model.addAttribute("months", months());
		model.addAttribute("audienceOptions", TrainingAudience.values());
		model.addAttribute("methodOptions", TrainingMethod.values());
		Map<String, Object> planInput = new HashMap<>();
		planInput.put("title", plan == null ? chosen.name() + y + "年度政务公开培训计划" : plan.title());
		planInput.put("plannedSessions", String.valueOf(plan == null ? management.minSessions() : plan.plannedSessions()));
		planInput.put("content", plan == null ? "" : plan.content());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", Map.of());
		}
		model.addAttribute("planInput", "plan".equals(model.getAttribute("failed")) ? model.getAttribute("input") : planInput);
		return "oversight/training";
	}

	@PostMapping(HOME + "/plan")
	String savePlan(@RequestParam String agency, @RequestParam String year, @RequestParam Map<String, String> p, Model model,
			RedirectAttributes redirect) {
		Agency a = agency(agency);
		int y = year(year);
		return guarded(model, p, "plan", () -> {
			management.savePlan(a.id(), y, new TrainingManagement.PlanInput(p.get("title"), integer(p.get("plannedSessions"),
					"plannedSessions"), p.get("content")));
			redirect.addFlashAttribute("notice", y + "年度培训计划已保存");
			return "redirect:" + HOME + "?agency=" + a.code() + "&year=" + y;
		}, () -> home(a.code(), String.valueOf(y), model));
	}

	@PostMapping(HOME + "/plan/items")
	String addItem(@RequestParam String agency, @RequestParam String year, @RequestParam Map<String, String> p,
			@RequestParam MultiValueMap<String, String> multi, Model model, RedirectAttributes redirect) {
		Agency a = agency(agency);
		int y = year(year);
		return guarded(model, p, "item", () -> {
			TrainingPlan plan = queries.plan(a.id(), y).orElseThrow(() -> new DomainException("请先保存本年度培训计划，再增加计划场次"));
			List<TrainingAudience> audiences = new ArrayList<>();
			for (String code : multi.getOrDefault("audiences", List.of())) {
				audiences.add(choice(TrainingAudience.class, code, "audiences", null));
			}
			TrainingPlan.Item item = management.addItem(plan.id(), new TrainingManagement.ItemInput(integer(p.get("month"), "month"),
					p.get("topic"), audiences, choice(TrainingMethod.class, p.get("method"), "method", null), p.get("requiredAttendees")));
			redirect.addFlashAttribute("notice", "已增加" + item.month() + "月的计划场次");
			return "redirect:" + HOME + "?agency=" + a.code() + "&year=" + y;
		}, () -> home(a.code(), String.valueOf(y), model));
	}

	@PostMapping(HOME + "/plan/items/{id}/delete")
	String removeItem(@PathVariable long id, RedirectAttributes redirect) {
		TrainingPlan.Item item = queries.item(id).orElseThrow(() -> DomainException.notFound("该计划场次不存在"));
		TrainingPlan plan = queries.planOf(item);
		management.removeItem(id);
		redirect.addFlashAttribute("notice", "已删除" + item.month() + "月的计划场次");
		return "redirect:" + HOME + "?agency=" + agencies.requireById(plan.agencyId()).code() + "&year=" + plan.year();
	}

	// ---- sessions ------------------------------------------------------------------------------------------

	@GetMapping(HOME + "/sessions/new")
	String newSession(@RequestParam String agency, @RequestParam(required = false) String year, @RequestParam(required = false) Long item,
			Model model) {
		Agency a = agency(agency);
		Map<String, Object> input = new HashMap<>();
		input.put("heldOn", queries.today().toString());
		input.put("method", TrainingMethod.MEETING.name());
		if (item != null) {
			queries.item(item).ifPresent(i -> {
				input.put("planItem", String.valueOf(i.id()));
				input.put("topic", i.topic());
				input.put("method", i.method().name());
			});
		}
		for (StaffDirectory.Member m : staff.accountsOf(a.id())) {
			input.put("presence-" + m.accountId(), TrainingManagement.Presence.PRESENT.name());
		}
		return sessionForm(model, a, year(year), input);
	}

	@PostMapping(HOME + "/sessions/new")
	String recordSession(@RequestParam String agency, @RequestParam(required = false) String year, @RequestParam Map<String, String> p,
			Model model, RedirectAttributes redirect) {
		Agency a = agency(agency);
		return guarded(model, p, "session", () -> {
			List<TrainingManagement.StaffPresence> presence = new ArrayList<>();
			for (StaffDirectory.Member m : staff.accountsOf(a.id())) {
				TrainingManagement.Presence pr = choice(TrainingManagement.Presence.class, p.get("presence-" + m.accountId()), "attendance", null);
				presence.add(new TrainingManagement.StaffPresence(m.accountId(), pr == null ? TrainingManagement.Presence.NOT_REQUIRED : pr,
						p.get("reason-" + m.accountId())));
			}
			List<String> externals = new ArrayList<>();
			String ext = p.get("externalAttendees");
			if (ext != null) {
				for (String n : ext.split("[\\r\\n、,，;；]+")) {
					if (!n.isBlank()) {
						externals.add(n.trim());
					}
				}
			}
			String itemText = Texts.trimToNull(p.get("planItem"));
			TrainingSession s = management.recordSession(a.id(), new TrainingManagement.SessionInput(
					itemText == null ? null : longValue(itemText, "planItem"), date(p.get("heldOn"), "heldOn"), p.get("topic"),
					p.get("speakers"), p.get("place"), choice(TrainingMethod.class, p.get("method"), "method", null), p.get("summary"),
					presence, externals));
			redirect.addFlashAttribute("notice", "已登记培训：" + s.topic());
			return "redirect:" + HOME + "/sessions/" + s.id();
		}, () -> sessionForm(model, a, year(year), new HashMap<>(p)));
	}

	private String sessionForm(Model model, Agency a, int year, Map<String, Object> input) {
		if (!management.mayEdit(Actors.require(), a.id())) {
			throw DomainException.forbidden("您没有登记该单位培训记录的权限");
		}
		List<TrainingPlan.Item> items = new ArrayList<>();
		queries.plan(a.id(), year).ifPresent(p -> items.addAll(p.items()));
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", input);
		}
		model.addAttribute("agency", a);
		model.addAttribute("year", year);
		model.addAttribute("items", items);
		model.addAttribute("members", staff.accountsOf(a.id()));
		model.addAttribute("presenceOptions", TrainingManagement.Presence.values());
		model.addAttribute("methodOptions", TrainingMethod.values());
		return "oversight/training-session-form";
	}

	@GetMapping(HOME + "/sessions/{id}")
	String session(@PathVariable long id, Model model) {
		Actor actor = Actors.require();
		TrainingSession s = queries.session(id);
		Agency a = agencies.requireById(s.agencyId());
		List<TrainingSession.Attendance> lines = queries.attendance(id);
		model.addAttribute("s", s);
		model.addAttribute("agency", a);
		model.addAttribute("item", s.planItemId() == null ? null : queries.item(s.planItemId()).orElse(null));
		model.addAttribute("lines", lines);
		model.addAttribute("present", lines.stream().filter(TrainingSession.Attendance::attended).count());
		model.addAttribute("materials", queries.materials(id));
		model.addAttribute("exams", queries.examsOfSession(id));
		model.addAttribute("canEdit", management.mayEdit(actor, s.agencyId()));
		model.addAttribute("selectionOptions", TrainingExamManagement.Selection.values());
		model.addAttribute("choices", bank.choices());
		model.addAttribute("defaultPassMark", exams.defaultPassMark());
		if (!model.containsAttribute("input")) {
			Map<String, Object> input = new HashMap<>();
			input.put("title", s.topic() + "测试");
			input.put("selection", TrainingExamManagement.Selection.RANDOM.name());
			input.put("count", "10");
			input.put("passMark", String.valueOf(exams.defaultPassMark()));
			input.put("maxAttempts", "1");
			model.addAttribute("input", input);
		}
		return "oversight/training-session";
	}

	@PostMapping(HOME + "/sessions/{id}/materials")
	String attach(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) {
		queries.session(id);
		return guarded(model, Map.of(), "material", () -> {
			TrainingSession.Material m = management.attach(id, file == null || file.isEmpty() ? null : file.getOriginalFilename(), bytes(file));
			redirect.addFlashAttribute("notice", "已上传培训资料：" + m.fileName());
			return "redirect:" + HOME + "/sessions/" + id;
		}, () -> session(id, model));
	}

	@GetMapping(HOME + "/sessions/{id}/materials/{materialId}")
	ResponseEntity<byte[]> material(@PathVariable long id, @PathVariable long materialId) {
		TrainingManagement.Download d = management.download(id, materialId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(d.content());
	}

	@PostMapping(HOME + "/sessions/{id}/exams")
	String buildExam(@PathVariable long id, @RequestParam Map<String, String> p, @RequestParam MultiValueMap<String, String> multi,
			Model model, RedirectAttributes redirect) {
		queries.session(id);
		return guarded(model, p, "exam", () -> {
			List<Long> ids = new ArrayList<>();
			for (String q : multi.getOrDefault("questionIds", List.of())) {
				ids.add(longValue(q, "questionIds"));
			}
			String seed = Texts.trimToNull(p.get("seed"));
			TrainingExam e = exams.build(id, new TrainingExamManagement.ExamInput(p.get("title"),
					choice(TrainingExamManagement.Selection.class, p.get("selection"), "selection", null), integer(p.get("count"), "count"),
					p.get("articles"), seed == null ? null : longValue(seed, "seed"), ids, integer(p.get("passMark"), "passMark"),
					integer(p.get("maxAttempts"), "maxAttempts"), integer(p.get("timeLimitMinutes"), "timeLimitMinutes"),
					date(p.get("closesOn"), "closesOn")));
			redirect.addFlashAttribute("notice", "已组织测试：" + e.title());
			return "redirect:" + HOME + "/exams/" + e.id();
		}, () -> session(id, model));
	}

	// ---- tests ---------------------------------------------------------------------------------------------

	@GetMapping(HOME + "/exams/{id}")
	String exam(@PathVariable long id, Model model) {
		Actor actor = Actors.require();
		TrainingExam e = exams.readable(id);
		boolean reader = access.allows(actor, e.agencyId(), TrainingManagement.READERS);
		List<TrainingAttempt> attempts = exams.attempts(id);
		model.addAttribute("e", e);
		model.addAttribute("agency", agencies.requireById(e.agencyId()));
		model.addAttribute("session", reader ? queries.session(e.sessionId()) : null);
		model.addAttribute("questionCount", exams.questionCount(id));
		model.addAttribute("attempts", attempts);
		model.addAttribute("mine", attempts.stream().filter(x -> x.username().equals(actor.username())).toList());
		model.addAttribute("mayTake", exams.mayTake(actor, e));
		model.addAttribute("seeOthers", exams.maySeeAnswersOfOthers(actor, e));
		model.addAttribute("reader", reader);
		model.addAttribute("canClose", !e.closed() && management.mayEdit(actor, e.agencyId()));
		model.addAttribute("isOpen", e.open(queries.today()));
		return "oversight/training-exam";
	}

	@PostMapping(HOME + "/exams/{id}/start")
	String start(@PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			TrainingAttempt a = exams.start(id);
			return "redirect:" + HOME + "/attempts/" + a.id();
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			redirect.addFlashAttribute("notice", e.getMessage());
			return "redirect:" + HOME + "/exams/" + id;
		}
	}

	@PostMapping(HOME + "/exams/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		exams.close(id);
		redirect.addFlashAttribute("notice", "测试已结束，不再接受新的答题");
		return "redirect:" + HOME + "/exams/" + id;
	}

	@GetMapping(HOME + "/attempts/{id}")
	String attempt(@PathVariable long id, Model model) {
		TrainingAttempt a = exams.attempt(id);
		if (a.submitted()) {
			TrainingExamManagement.Result r = exams.result(id);
			model.addAttribute("r", r);
			model.addAttribute("agency", agencies.requireById(r.exam().agencyId()));
			return "oversight/training-result";
		}
		TrainingExamManagement.Paper paper = exams.paper(id);
		model.addAttribute("paper", paper);
		model.addAttribute("agency", agencies.requireById(paper.exam().agencyId()));
		return "oversight/training-paper";
	}

	@PostMapping(HOME + "/attempts/{id}")
	String submit(@PathVariable long id, @RequestParam MultiValueMap<String, String> multi, Model model, RedirectAttributes redirect) {
		TrainingExamManagement.Paper paper = exams.paper(id);
		Map<Long, String> given = new LinkedHashMap<>();
		for (TrainingExamManagement.PaperQuestion q : paper.questions()) {
			List<String> values = multi.getOrDefault("q" + q.id(), List.of());
			StringBuilder b = new StringBuilder();
			values.forEach(b::append);
			for (Question.Option o : q.options()) {
				if (multi.containsKey("q" + q.id() + "-" + o.letter())) {
					b.append(o.letter());
				}
			}
			if (!b.isEmpty()) {
				given.put(q.id(), b.toString());
			}
		}
		TrainingExamManagement.Result r = exams.submit(id, given);
		redirect.addFlashAttribute("notice", r.attempt().late() ? "已超过答题时限，本次作答未计分"
				: "已交卷：" + r.attempt().score() + "分，" + (Boolean.TRUE.equals(r.attempt().passed()) ? "合格" : "不合格"));
		return "redirect:" + HOME + "/attempts/" + id;
	}

	// ---- the overview --------------------------------------------------------------------------------------

	@GetMapping(HOME + "/overview")
	String overview(@RequestParam(required = false) String year, Model model) {
		Actor actor = Actors.require();
		if (!TrainingQueries.mayOverview(actor)) {
			throw DomainException.forbidden("只有政务公开主管部门可以查看各单位培训情况总览");
		}
		int y = year(year);
		List<TrainingQueries.YearCheck> rows = queries.overview(y);
		model.addAttribute("year", y);
		model.addAttribute("rows", rows);
		model.addAttribute("behind", rows.stream().filter(r -> r.shortfall() > 0).count());
		model.addAttribute("noPlan", rows.stream().filter(r -> !r.hasPlan()).count());
		return "oversight/training-overview";
	}

	@GetMapping(HOME + "/overview.xlsx")
	ResponseEntity<byte[]> overviewWorkbook(@RequestParam(required = false) String year) {
		Actor actor = Actors.require();
		if (!TrainingQueries.mayOverview(actor)) {
			throw DomainException.forbidden("只有政务公开主管部门可以导出各单位培训情况");
		}
		int y = year(year);
		byte[] bytes = TrainingWorkbook.write(y, queries.overview(y));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(y + "年度政务公开培训情况.xlsx", StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	/** Runs a form; invalid input or a refusal (409) shows the page again with the messages and the input. */
	static String guarded(Model model, Map<String, String> p, String form, Supplier<String> action, Supplier<String> page) {
		try {
			return ConsoleForms.attempt(model, action, () -> {
				model.addAttribute("input", new HashMap<>(p));
				model.addAttribute("failed", form);
				return page.get();
			});
		}
		catch (DomainException e) {
			if (e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", e.getMessage());
			model.addAttribute("input", new HashMap<>(p));
			model.addAttribute("failed", form);
			return page.get();
		}
	}

	private Agency agency(String code) {
		Actor actor = Actors.require();
		Agency a = agencies.findByCode(code == null ? "" : code.trim()).orElseThrow(() -> DomainException.notFound("该单位不存在"));
		if (!access.allows(actor, a.id(), TrainingManagement.READERS)) {
			throw DomainException.forbidden("您没有处理该单位培训记录的权限");
		}
		return a;
	}

	private int year(String text) {
		String t = Texts.trimToNull(text);
		if (t == null) {
			return queries.today().getYear();
		}
		try {
			int y = Integer.parseInt(t);
			if (y >= 2000 && y <= 2100) {
				return y;
			}
		}
		catch (NumberFormatException e) {
			// falls through
		}
		throw DomainException.notFound("年度不正确");
	}

	private static List<Integer> months() {
		List<Integer> all = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			all.add(i);
		}
		return all;
	}

	static long longValue(String text, String field) {
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "请填写整数");
		}
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file == null || file.isEmpty() ? null : file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
