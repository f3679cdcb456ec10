package org.gongkai.interaction;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.PortalForms;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public 互动交流 pages. The column, the list of public messages, each message, an agency's column, the
 * statistics and the feeds carry public data only and no form, so they are rendered by {@link InteractionPages}
 * without a session. The message form and the tracking page carry a CSRF-protected form or the sender's own
 * message: they are Thymeleaf views marked {@code Cache-Control: no-store}; the sender's contact is never
 * written into a page other than the form being corrected.
 */
@Controller
class InteractionPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The form's fields in page order: the error summary lists problems in this order. */
	private static final List<String> FIELD_ORDER = List.of("agency", "mailbox", "type", "title", "content", "name", "phone",
			"email", "publicAllowed", "consent");

	/**
	 * The message form as typed: every field a string, so that a wrong entry is shown back as it was.
	 *
	 * @param publicAllowed "true" or "false": whether the sender agrees to publication
	 * @param consent "yes" when the personal-information notice was acknowledged
	 * @param homepage the honeypot: hidden from people and assistive technology, filled only by robots
	 */
	public record MessageForm(String agency, String mailbox, String type, String title, String content, String name,
			String phone, String email, String publicAllowed, String consent, String homepage) {

		MessageSubmission submission() {
			return new MessageSubmission(agency, mailboxId(), parseType(type), title, content, name, phone, email,
					"true".equals(publicAllowed) ? Boolean.TRUE : "false".equals(publicAllowed) ? Boolean.FALSE : null);
		}

		Long mailboxId() {
			String v = Texts.trimToNull(mailbox);
			if (v == null) {
				return null;
			}
			try {
				return Long.valueOf(v);
			}
			catch (NumberFormatException e) {
				return -1L;
			}
		}

		boolean consented() {
			return "yes".equals(consent);
		}

		boolean honeypotFilled() {
			return homepage != null && !homepage.isEmpty();
		}

		/** What may be written back into the page: everything but the honeypot. */
		MessageForm forRedisplay() {
			return new MessageForm(agency, mailbox, type, title, content, name, phone, email, publicAllowed, consent, null);
		}
	}

	private final InteractionManagement management;

	private final MessageQueries queries;

	private final InteractionPages pages;

	private final AgencyDirectory agencies;

	private final InteractionPortalLimits limits;

	private final String retention;

	InteractionPortalController(InteractionManagement management, MessageQueries queries, InteractionPages pages,
			AgencyDirectory agencies, InteractionPortalLimits limits, InteractionRetention retentionJob,
			@Value("${gongkai.interaction.portal.retention:}") String retention) {
		this.management = management;
		this.queries = queries;
		this.pages = pages;
		this.agencies = agencies;
		this.limits = limits;
		// by default the notice states the period the retention job actually applies
		this.retention = retention != null && !retention.isBlank() ? retention
				: "留言人的姓名、联系电话和电子邮箱在留言办结后保存" + retentionJob.retentionDays() + "日，期满自动删除；留言及答复内容作为政务公开工作档案保存；在网站公开的留言不含留言人的个人信息";
	}

	// ---- public pages (no form, no session) ------------------------------------------------------------

	@GetMapping({ "/interaction/", "/interaction" })
	ResponseEntity<String> home() {
		return html(pages.home());
	}

	@GetMapping({ "/interaction/messages/", "/interaction/messages" })
	ResponseEntity<String> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String type,
			@RequestParam(required = false) String mailbox, @RequestParam(defaultValue = "1") String page) {
		return html(pages.list(null, filters(agency, type, mailbox, page)).orElseThrow(InteractionPortalController::notFound));
	}

	@GetMapping("/interaction/messages/feed.atom")
	ResponseEntity<String> feed() {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(null));
	}

	@GetMapping({ "/interaction/messages/{id}/", "/interaction/messages/{id}" })
	ResponseEntity<String> item(@PathVariable String id) {
		return html(pages.item(number(id)).orElseThrow(InteractionPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/interaction/", "/agencies/{code}/interaction" })
	ResponseEntity<String> agencyColumn(@PathVariable String code, @RequestParam(required = false) String type,
			@RequestParam(required = false) String mailbox, @RequestParam(defaultValue = "1") String page) {
		return html(pages.list(activeAgency(code), filters(null, type, mailbox, page))
			.orElseThrow(InteractionPortalController::notFound));
	}

	@GetMapping("/agencies/{code}/interaction/feed.atom")
	ResponseEntity<String> agencyFeed(@PathVariable String code) {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(activeAgency(code)));
	}

	@GetMapping({ "/interaction/statistics", "/interaction/statistics/" })
	ResponseEntity<String> statistics(@RequestParam(required = false) String month) {
		YearMonth m = null;
		if (Texts.trimToNull(month) != null) {
			try {
				m = YearMonth.parse(month.trim());
			}
			catch (DateTimeParseException e) {
				throw notFound();
			}
			if (m.getYear() < 2000) {
				// no statistics before the platform's time; later months are refused below as not yet published
				throw notFound();
			}
		}
		return html(pages.statistics(m)
			.orElseThrow(() -> DomainException.notFound("该月尚未结束，统计数据在次月初公布；请查看已公布月份的统计")));
	}

	// ---- the message form ------------------------------------------------------------------------------

	@GetMapping({ "/interaction/write", "/interaction/write/" })
	String writePage(@RequestParam(required = false) String agency, @RequestParam(required = false) String mailbox,
			Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		MessageForm blank = new MessageForm(Texts.trimToNull(agency), Texts.trimToNull(mailbox), null, null, null, null, null,
				null, null, null, null);
		Target target = target(blank);
		if (target.mailboxInvalid()) {
			throw notFound();
		}
		if (target.agency() == null && blank.agency() != null) {
			throw notFound();
		}
		writeModel(model, blank, target, List.of(), null);
		return "interaction/portal-write";
	}

	@PostMapping({ "/interaction/write", "/interaction/write/" })
	String write(@ModelAttribute("form") MessageForm form, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		PortalForms.noStore(response);
		Target target = target(form);
		OptionalLong wait = limits.message(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			writeModel(model, form.forRedisplay(), target, List.of(),
					"提交过于频繁，请约" + InteractionPortalLimits.minutes(wait.getAsLong()) + "分钟后再试；急需反映的，可以拨打12345政务服务便民热线。");
			model.addAttribute("tooMany", true);
			return "interaction/portal-write";
		}
		if (form.honeypotFilled()) {
			// looks accepted to the robot; nothing is saved and no code is given
			model.addAttribute("agencyName", target.agency() == null ? null : target.agency().name());
			model.addAttribute("trackPath", InteractionColumns.TRACK);
			model.addAttribute("homePath", InteractionColumns.HOME);
			return "interaction/portal-written";
		}
		List<FieldProblem> problems = new ArrayList<>();
		String general = null;
		if (!form.consented()) {
			problems.addAll(missing(form));
			problems.add(new FieldProblem("consent", "请阅读个人信息处理说明，并勾选“我已阅读并知悉”后提交"));
		}
		else {
			try {
				Message saved = management.submit(form.submission(), MessageChannel.WEB);
				redirect.addFlashAttribute("trackingCode", saved.trackingCode());
				redirect.addFlashAttribute("agencyName", agencies.findById(saved.agencyId()).map(Agency::name).orElse(""));
				return "redirect:" + InteractionColumns.WRITE + "/submitted";
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
			catch (DomainException e) {
				response.setStatus(e.status());
				writeModel(model, form.forRedisplay(), target, List.of(), e.getMessage());
				return "interaction/portal-write";
			}
		}
		response.setStatus(400);
		writeModel(model, form.forRedisplay(), target, problems, general);
		return "interaction/portal-write";
	}

	/** The confirmation after a message is sent (shown once: the tracking code travels as a flash attribute). */
	@GetMapping("/interaction/write/submitted")
	String written(Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		if (!(model.getAttribute("trackingCode") instanceof String)) {
			return "redirect:" + InteractionColumns.WRITE;
		}
		model.addAttribute("trackPath", InteractionColumns.TRACK);
		model.addAttribute("homePath", InteractionColumns.HOME);
		return "interaction/portal-written";
	}

	/** The agency and mailbox a form writes to; {@code mailboxInvalid} when a mailbox was named but is not open. */
	private record Target(Agency agency, Mailbox mailbox, boolean mailboxInvalid) {
	}

	private Target target(MessageForm form) {
		Long boxId = form.mailboxId();
		if (boxId != null) {
			Mailbox box = queries.mailbox(boxId).filter(Mailbox::active).orElse(null);
			Agency owner = box == null ? null : agencies.findById(box.agencyId()).filter(Agency::active).orElse(null);
			if (owner == null) {
				return new Target(null, null, true);
			}
			return new Target(owner, box, false);
		}
		String code = Texts.trimToNull(form.agency());
		Agency agency = code == null ? null : agencies.findByCode(code).filter(Agency::active).orElse(null);
		return new Target(agency, null, false);
	}

	private void writeModel(Model model, MessageForm form, Target target, List<FieldProblem> problems, String general) {
		MessageForm shown = form;
		if (target.mailbox() != null) {
			shown = new MessageForm(target.agency().code(), Long.toString(target.mailbox().id()), form.type(), form.title(),
					form.content(), form.name(), form.phone(), form.email(), form.publicAllowed(), form.consent(), null);
		}
		model.addAttribute("form", shown);
		model.addAttribute("agency", target.agency());
		model.addAttribute("mailbox", target.mailbox());
		model.addAttribute("office", target.agency() == null ? null : agencies.office(target.agency().id()));
		model.addAttribute("agencyOptions", agencies.active());
		model.addAttribute("types", MessageType.values());
		model.addAttribute("settings", target.agency() == null ? InteractionSettings.defaults(0)
				: management.settings(target.agency().id()));
		model.addAttribute("errors", PortalForms.byField(problems));
		model.addAttribute("summary", PortalForms.summary(problems, FIELD_ORDER));
		model.addAttribute("general", general);
		model.addAttribute("retention", retention);
		model.addAttribute("action", InteractionColumns.WRITE);
		model.addAttribute("trackPath", InteractionColumns.TRACK);
		model.addAttribute("homePath", InteractionColumns.HOME);
	}

	/** The required fields left empty: shown with the missing acknowledgement, before anything is validated. */
	private static List<FieldProblem> missing(MessageForm f) {
		List<FieldProblem> out = new ArrayList<>();
		if (Texts.trimToNull(f.agency()) == null && f.mailboxId() == null) {
			out.add(new FieldProblem("agency", "请选择留言的单位"));
		}
		if (parseType(f.type()) == null) {
			out.add(new FieldProblem("type", "请选择留言类型"));
		}
		if (Texts.trimToNull(f.title()) == null) {
			out.add(new FieldProblem("title", "请填写留言标题"));
		}
		if (Texts.trimToNull(f.content()) == null) {
			out.add(new FieldProblem("content", "请填写留言内容"));
		}
		if (Texts.trimToNull(f.name()) == null) {
			out.add(new FieldProblem("name", "请填写姓名"));
		}
		if (Texts.trimToNull(f.phone()) == null) {
			out.add(new FieldProblem("phone", "请填写联系电话，用于答复和查询办理进度"));
		}
		if (!"true".equals(f.publicAllowed()) && !"false".equals(f.publicAllowed())) {
			out.add(new FieldProblem("publicAllowed", "请选择是否同意公开留言"));
		}
		return out;
	}

	// ---- the tracking page -----------------------------------------------------------------------------

	@GetMapping({ "/interaction/track", "/interaction/track/" })
	String trackPage(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		String c = Texts.trimToNull(code);
		trackModel(model, c == null || c.length() > 40 ? null : c.toUpperCase(Locale.ROOT), List.of(), null);
		return "interaction/portal-track";
	}

	@PostMapping({ "/interaction/track", "/interaction/track/" })
	String track(@RequestParam(required = false) String code, @RequestParam(required = false) String verifier, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PortalForms.noStore(response);
		String checked = check(code, verifier, model, request, response);
		if (checked != null) {
			return checked;
		}
		return show(code.trim(), verifier.trim(), model, null);
	}

	@PostMapping("/interaction/track/rate")
	String rate(@RequestParam(required = false) String code, @RequestParam(required = false) String verifier,
			@RequestParam(required = false) String rating, @RequestParam(required = false) String note, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PortalForms.noStore(response);
		String checked = check(code, verifier, model, request, response);
		if (checked != null) {
			return checked;
		}
		Rating r = null;
		try {
			r = rating == null ? null : Rating.valueOf(rating.trim());
		}
		catch (IllegalArgumentException e) {
			// left null: the domain asks for a choice
		}
		try {
			management.rate(code.trim(), verifier.trim(), r, note);
			return show(code.trim(), verifier.trim(), model, "感谢您的评价。");
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("rateErrors", PortalForms.byField(e.problems()));
			model.addAttribute("rateNote", note);
			return show(code.trim(), verifier.trim(), model, null);
		}
		catch (DomainException e) {
			return refused(e, code.trim(), verifier.trim(), model, response);
		}
	}

	@PostMapping("/interaction/track/reopen")
	String reopen(@RequestParam(required = false) String code, @RequestParam(required = false) String verifier,
			@RequestParam(required = false) String reason, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		PortalForms.noStore(response);
		String checked = check(code, verifier, model, request, response);
		if (checked != null) {
			return checked;
		}
		try {
			management.reopen(code.trim(), verifier.trim(), reason);
			return show(code.trim(), verifier.trim(), model, "追问已提交，承办单位将在答复期限内再次答复。");
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("reopenErrors", PortalForms.byField(e.problems()));
			model.addAttribute("reopenReason", reason);
			return show(code.trim(), verifier.trim(), model, null);
		}
		catch (DomainException e) {
			return refused(e, code.trim(), verifier.trim(), model, response);
		}
	}

	/** Checks the code and the four digits and takes a look-up; a view name when the page must stop there. */
	private String check(String code, String verifier, Model model, HttpServletRequest request, HttpServletResponse response) {
		String c = Texts.trimToNull(code);
		String v = Texts.trimToNull(verifier);
		List<FieldProblem> problems = new ArrayList<>();
		if (c == null || c.length() > 40) {
			problems.add(new FieldProblem("code", "请填写提交留言时获得的查询码"));
		}
		if (v == null || !v.matches("\\d{4}")) {
			problems.add(new FieldProblem("verifier", "请填写留言时所留联系电话的后四位数字"));
		}
		String shownCode = c == null || c.length() > 40 ? null : c.toUpperCase(Locale.ROOT);
		if (!problems.isEmpty()) {
			response.setStatus(400);
			trackModel(model, shownCode, problems, null);
			return "interaction/portal-track";
		}
		OptionalLong wait = limits.lookup(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			trackModel(model, shownCode, List.of(), "查询过于频繁，请约" + InteractionPortalLimits.minutes(wait.getAsLong()) + "分钟后再试。");
			return "interaction/portal-track";
		}
		return null;
	}

	private String refused(DomainException e, String code, String verifier, Model model, HttpServletResponse response) {
		if (e.status() == 404) {
			trackModel(model, code.toUpperCase(Locale.ROOT), List.of(), MessageQueries.NOT_FOUND);
			return "interaction/portal-track";
		}
		response.setStatus(e.status());
		model.addAttribute("refusal", e.getMessage());
		return show(code, verifier, model, null);
	}

	private String show(String code, String verifier, Model model, String done) {
		Optional<MessageQueries.SenderView> found = queries.track(code, verifier);
		if (found.isEmpty()) {
			trackModel(model, code.toUpperCase(Locale.ROOT), List.of(), MessageQueries.NOT_FOUND);
			return "interaction/portal-track";
		}
		MessageQueries.SenderView t = found.get();
		Message m = t.message();
		trackModel(model, null, List.of(), null);
		model.addAttribute("t", t);
		model.addAttribute("m", m);
		model.addAttribute("verifier", verifier);
		model.addAttribute("done", done);
		model.addAttribute("statusLabel", m.status().label());
		model.addAttribute("rejected", m.status() == MessageStatus.REJECTED);
		model.addAttribute("rejectionLabel", m.rejectionReason() == null ? null : m.rejectionReason().label());
		model.addAttribute("awaiting", m.status().awaitingReply());
		model.addAttribute("contentLines", InteractionPages.lines(m.content()));
		model.addAttribute("replies", t.replies().stream().map(r -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("round", r.round());
			x.put("agency", r.agency());
			x.put("repliedOn", r.repliedOn());
			x.put("lines", InteractionPages.lines(r.content()));
			return x;
		}).toList());
		model.addAttribute("history", t.events().stream().map(e -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("at", MINUTES.format(e.at().atZone(Zones.CHINA)));
			x.put("iso", e.at().toString());
			x.put("note", e.note());
			return x;
		}).toList());
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("reopenWindow", management.settings(m.agencyId()).reopenWindowDays());
		if (!model.containsAttribute("rateErrors")) {
			model.addAttribute("rateErrors", Map.of());
		}
		if (!model.containsAttribute("reopenErrors")) {
			model.addAttribute("reopenErrors", Map.of());
		}
		return "interaction/portal-track";
	}

	private static void trackModel(Model model, String code, List<FieldProblem> problems, String general) {
		model.addAttribute("code", code);
		model.addAttribute("errors", PortalForms.byField(problems));
		model.addAttribute("summary", PortalForms.summary(problems, FIELD_ORDER));
		model.addAttribute("general", general);
		model.addAttribute("trackPath", InteractionColumns.TRACK);
		model.addAttribute("homePath", InteractionColumns.HOME);
	}

	// ---- helpers --------------------------------------------------------------------------------------

	private static InteractionPages.Filters filters(String agency, String type, String mailbox, String page) {
		MessageType t = null;
		if (Texts.trimToNull(type) != null) {
			t = parseType(type);
			if (t == null) {
				throw notFound();
			}
		}
		Long box = Texts.trimToNull(mailbox) == null ? null : number(mailbox);
		int p;
		try {
			p = Integer.parseInt(page.trim());
		}
		catch (NumberFormatException e) {
			throw notFound();
		}
		if (p < 1) {
			throw notFound();
		}
		return new InteractionPages.Filters(Texts.trimToNull(agency), t, box, p);
	}

	static MessageType parseType(String value) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return MessageType.valueOf(v);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static long number(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException e) {
			throw notFound();
		}
	}

	private Agency activeAgency(String code) {
		return agencies.findByCode(code).filter(Agency::active).orElseThrow(InteractionPortalController::notFound);
	}

	private static DomainException notFound() {
		return DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误");
	}

	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok().contentType(HTML).body(body);
	}

}
