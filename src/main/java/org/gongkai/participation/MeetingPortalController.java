package org.gongkai.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.PortalForms;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Texts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages of open meetings. The list, each meeting, the feed and material downloads carry public data only and
 * no form: rendered by {@link MeetingPages} without a session. The application form and the tracking page carry a
 * CSRF-protected form or the applicant's own application: Thymeleaf views marked {@code Cache-Control: no-store}.
 */
@Controller
class MeetingPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final List<String> FIELD_ORDER = List.of("name", "category", "workUnit", "phone", "items", "reason",
			"consent");

	private final MeetingManagement management;

	private final MeetingQueries queries;

	private final MeetingPages pages;

	private final MeetingPortalLimits limits;

	private final FileStore files;

	private final AgencyDirectory agencies;

	MeetingPortalController(MeetingManagement management, MeetingQueries queries, MeetingPages pages, AgencyDirectory agencies,
			MeetingPortalLimits limits, FileStore files) {
		this.management = management;
		this.queries = queries;
		this.pages = pages;
		this.limits = limits;
		this.files = files;
		this.agencies = agencies;
	}

	/**
	 * The application form as typed.
	 *
	 * @param consent "yes" when the personal-information notice was acknowledged
	 * @param homepage the honeypot, filled only by robots
	 */
	record ApplicationForm(String name, String category, String workUnit, String phone, List<String> items,
			String reason, String consent, String homepage) {

		ApplicationForm {
			items = items == null ? List.of() : List.copyOf(items);
		}

		AttendanceSubmission submission() {
			return new AttendanceSubmission(name, category, workUnit, phone, items, reason);
		}

		ApplicationForm forRedisplay() {
			return new ApplicationForm(name, category, workUnit, phone, items, reason, consent, null);
		}
	}

	// ---- public pages (no form, no session) ----------------------------------------------------------------

	@GetMapping({ "/participation/meetings/", "/participation/meetings" })
	ResponseEntity<String> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String type,
			@RequestParam(required = false) String year, @RequestParam(defaultValue = "1") String page) {
		MeetingType t = null;
		if (Texts.trimToNull(type) != null) {
			t = MeetingType.parse(type);
			if (t == null) {
				throw notFound();
			}
		}
		Integer y = null;
		if (Texts.trimToNull(year) != null) {
			y = (int) number(year);
			if (y < 2000 || y > 2100) {
				throw notFound();
			}
		}
		long p = number(page);
		if (p < 1 || p > 100000) {
			throw notFound();
		}
		return html(pages.list(new MeetingPages.Filters(Texts.trimToNull(agency), t, y, (int) p)).orElseThrow(MeetingPortalController::notFound));
	}

	@GetMapping("/participation/meetings/feed.atom")
	ResponseEntity<String> feed(@RequestParam(required = false) String agency) {
		if (agency != null && !agency.isBlank()) {
			return pages.agencyFeed(agency.strip())
				.map(body -> ResponseEntity.ok().contentType(ATOM).body(body))
				.orElseGet(() -> ResponseEntity.notFound().build());
		}
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed());
	}

	@GetMapping({ "/participation/meetings/{id}/", "/participation/meetings/{id}" })
	ResponseEntity<String> item(@PathVariable String id) {
		return html(pages.item(number(id)).orElseThrow(MeetingPortalController::notFound));
	}

	@GetMapping("/participation/meetings/{id}/materials/{material}")
	ResponseEntity<byte[]> material(@PathVariable String id, @PathVariable String material) {
		MeetingMaterial m = queries.publicMaterial(number(id), number(material)).orElseThrow(MeetingPortalController::notFound);
		byte[] content = files.get(m.fileKey()).orElseThrow(MeetingPortalController::notFound);
		MediaType type;
		try {
			type = MediaType.parseMediaType(m.contentType());
		}
		catch (RuntimeException e) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(m.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	// ---- the application form ------------------------------------------------------------------------------

	@GetMapping({ "/participation/meetings/{id}/apply", "/participation/meetings/{id}/apply/" })
	String applyPage(@PathVariable String id, Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		MeetingQueries.PublicMeeting p = queries.publicMeeting(number(id)).orElseThrow(MeetingPortalController::notFound);
		if (!p.applicationsOpen()) {
			response.setStatus(409);
		}
		applyModel(model, p, new ApplicationForm(null, null, null, null, List.of(), null, null, null), List.of(),
				p.applicationsOpen() ? null : closedMessage(p));
		return "participation/meeting-apply";
	}

	@PostMapping({ "/participation/meetings/{id}/apply", "/participation/meetings/{id}/apply/" })
	String apply(@PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String category, @RequestParam(required = false) String workUnit,
			@RequestParam(required = false) String phone, @RequestParam(required = false) List<String> items,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String consent,
			@RequestParam(required = false) String homepage, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		PortalForms.noStore(response);
		ApplicationForm form = new ApplicationForm(name, category, workUnit, phone, items, reason, consent, homepage);
		MeetingQueries.PublicMeeting p = queries.publicMeeting(number(id)).orElseThrow(MeetingPortalController::notFound);
		OptionalLong wait = limits.application(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			applyModel(model, p, form.forRedisplay(), List.of(),
					"提交过于频繁，请约" + MeetingPortalLimits.minutes(wait.getAsLong()) + "分钟后再试。");
			return "participation/meeting-apply";
		}
		if (homepage != null && !homepage.isEmpty()) {
			// looks accepted to the robot; nothing is saved and no code is given
			model.addAttribute("meetingTitle", p.meeting().title());
			model.addAttribute("trackPath", MeetingQueries.TRACK);
			model.addAttribute("meetingPath", p.path());
			return "participation/meeting-applied";
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (!"yes".equals(consent)) {
			problems.add(new FieldProblem("consent", "请阅读个人信息处理说明，并勾选“我已阅读并知悉”后提交"));
		}
		try {
			if (problems.isEmpty()) {
				AttendanceApplication a = management.apply(p.meeting().id(), form.submission());
				redirect.addFlashAttribute("trackingCode", a.trackingCode());
				redirect.addFlashAttribute("meetingTitle", p.meeting().title());
				redirect.addFlashAttribute("meetingPath", p.path());
				return "redirect:/participation/meetings/applied";
			}
			// nothing is saved without consent: the required fields left empty are named with it
			if (Texts.trimToNull(name) == null) {
				problems.add(new FieldProblem("name", "请填写姓名"));
			}
			if (Texts.trimToNull(category) == null) {
				problems.add(new FieldProblem("category", "请选择列席人员类别"));
			}
			if (Texts.trimToNull(phone) == null) {
				problems.add(new FieldProblem("phone", "请填写手机号码，用于通知审核结果和查询"));
			}
			if (form.items().isEmpty()) {
				problems.add(new FieldProblem("items", "请选择您希望列席的议题"));
			}
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		catch (DomainException e) {
			response.setStatus(e.status());
			applyModel(model, p, form.forRedisplay(), problems, e.getMessage());
			return "participation/meeting-apply";
		}
		response.setStatus(400);
		applyModel(model, p, form.forRedisplay(), problems, null);
		return "participation/meeting-apply";
	}

	@GetMapping("/participation/meetings/applied")
	String applied(Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		if (!(model.getAttribute("trackingCode") instanceof String)) {
			return "redirect:" + MeetingQueries.LIST;
		}
		model.addAttribute("trackPath", MeetingQueries.TRACK);
		return "participation/meeting-applied";
	}

	private static String closedMessage(MeetingQueries.PublicMeeting p) {
		if (p.upcoming() && p.meeting().seats() > 0 && MeetingRules.seatsLeft(p.meeting()) <= 0) {
			return "该会议的列席名额已满，不再接受申请";
		}
		return p.upcoming() && p.meeting().seats() > 0 ? "该会议的列席申请已截止" : "该会议不接受公众列席申请";
	}

	private void applyModel(Model model, MeetingQueries.PublicMeeting p, ApplicationForm form, List<FieldProblem> problems,
			String general) {
		model.addAttribute("p", p);
		model.addAttribute("m", p.meeting());
		model.addAttribute("form", form);
		model.addAttribute("startsAt", p.startsAt());
		model.addAttribute("deadline", MeetingQueries.when(p.meeting().applyDeadline()));
		model.addAttribute("categories", p.meeting().invited().stream().sorted().toList());
		model.addAttribute("openItems", p.items().stream().filter(MeetingRules::itemOpen).toList());
		model.addAttribute("chosen", form.items());
		model.addAttribute("errors", PortalForms.byField(problems));
		model.addAttribute("summary", PortalForms.summary(problems, FIELD_ORDER));
		model.addAttribute("general", general);
		model.addAttribute("retentionDays", MeetingRules.CONTACT_RETENTION_DAYS);
		model.addAttribute("office", agencies.office(p.meeting().agencyId()));
		model.addAttribute("action", MeetingQueries.applyPath(p.meeting().id()));
		model.addAttribute("trackPath", MeetingQueries.TRACK);
	}

	// ---- the tracking page ------------------------------------------------------------------------------------

	@GetMapping({ "/participation/meetings/track", "/participation/meetings/track/" })
	String trackPage(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		String c = MeetingManagement.normaliseCode(code);
		trackModel(model, c == null || c.length() > 40 ? null : c, List.of(), null);
		return "participation/meeting-track";
	}

	@PostMapping({ "/participation/meetings/track", "/participation/meetings/track/" })
	String track(@RequestParam(required = false) String code, @RequestParam(required = false) String verifier, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PortalForms.noStore(response);
		String c = MeetingManagement.normaliseCode(code);
		String v = Texts.trimToNull(verifier);
		List<FieldProblem> problems = new ArrayList<>();
		if (c == null || c.length() > 40) {
			problems.add(new FieldProblem("code", "请填写提交申请时获得的查询码"));
		}
		if (v == null || !v.matches("\\d{4}")) {
			problems.add(new FieldProblem("verifier", "请填写申请时所留手机号码的后四位数字"));
		}
		String shown = c == null || c.length() > 40 ? null : c;
		if (!problems.isEmpty()) {
			response.setStatus(400);
			trackModel(model, shown, problems, null);
			return "participation/meeting-track";
		}
		OptionalLong wait = limits.lookup(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			trackModel(model, shown, List.of(), "查询过于频繁，请约" + MeetingPortalLimits.minutes(wait.getAsLong()) + "分钟后再试。");
			return "participation/meeting-track";
		}
		Optional<MeetingQueries.ApplicantView> found = queries.track(c, v);
		if (found.isEmpty()) {
			trackModel(model, shown, List.of(), MeetingQueries.NOT_FOUND);
			return "participation/meeting-track";
		}
		MeetingQueries.ApplicantView t = found.get();
		trackModel(model, null, List.of(), null);
		model.addAttribute("t", t);
		model.addAttribute("a", t.application());
		model.addAttribute("m", t.meeting());
		model.addAttribute("startsAt", MeetingQueries.when(t.meeting().startsAt()));
		model.addAttribute("submittedAt", MeetingQueries.when(t.application().submittedAt()));
		return "participation/meeting-track";
	}

	private static void trackModel(Model model, String code, List<FieldProblem> problems, String general) {
		model.addAttribute("code", code);
		model.addAttribute("errors", PortalForms.byField(problems));
		model.addAttribute("summary", PortalForms.summary(problems, FIELD_ORDER));
		model.addAttribute("general", general);
		model.addAttribute("trackPath", MeetingQueries.TRACK);
		model.addAttribute("listPath", MeetingQueries.LIST);
	}

	// ---- helpers -----------------------------------------------------------------------------------------

	private static long number(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException | NullPointerException e) {
			throw notFound();
		}
	}

	private static DomainException notFound() {
		return DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误");
	}

	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok().contentType(HTML).body(body);
	}

}
