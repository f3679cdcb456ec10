package org.gongkai.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The public consultation pages. The list, the feed and a consultation that is not open carry no form and are rendered
 * by {@link ConsultationPages} without a session. An open consultation's page carries the comment form: it is a
 * Thymeleaf view with a CSRF token, marked {@code Cache-Control: no-store}, and so are the answers to the form.
 */
@Controller
class ConsultationPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final List<String> FIELD_ORDER = List.of("article", "content", "name", "contact", "consent");

	/**
	 * The comment form as typed.
	 *
	 * @param consent "yes" when the personal-information notice was acknowledged
	 * @param homepage the honeypot: hidden from people and assistive technology, filled only by robots
	 */
	public record CommentForm(String article, String content, String name, String contact, String consent, String homepage) {

		Integer articleNo() {
			String v = Texts.trimToNull(article);
			if (v == null || v.equals("0")) {
				return null;
			}
			try {
				return Integer.valueOf(v);
			}
			catch (NumberFormatException e) {
				return -1;
			}
		}

		CommentForm forRedisplay() {
			return new CommentForm(article, content, name, contact, consent, null);
		}
	}

	private final ConsultationManagement management;

	private final ConsultationQueries queries;

	private final ConsultationPages pages;

	private final AgencyDirectory agencies;

	private final ConsultationLimits limits;

	private final org.gongkai.platform.FileStore files;

	ConsultationPortalController(ConsultationManagement management, ConsultationQueries queries, ConsultationPages pages,
			AgencyDirectory agencies, ConsultationLimits limits, org.gongkai.platform.FileStore files) {
		this.files = files;
		this.management = management;
		this.queries = queries;
		this.pages = pages;
		this.agencies = agencies;
		this.limits = limits;
	}

	@GetMapping({ "/participation/consultations/", "/participation/consultations" })
	ResponseEntity<String> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") String page) {
		Agency a = Texts.trimToNull(agency) == null ? null : activeAgency(agency.trim());
		ConsultationStatus s = null;
		if (Texts.trimToNull(status) != null) {
			s = ConsultationPages.publicStatus(status.trim());
			if (s == null) {
				throw notFound();
			}
		}
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
		return html(pages.list(new ConsultationPages.Filters(a, s, p)).orElseThrow(ConsultationPortalController::notFound));
	}

	@GetMapping("/participation/consultations/feed.atom")
	ResponseEntity<String> feed(@RequestParam(required = false) String agency) {
		Agency a = Texts.trimToNull(agency) == null ? null : activeAgency(agency.trim());
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(a));
	}

	@GetMapping({ "/participation/consultations/{id}/", "/participation/consultations/{id}" })
	String item(@PathVariable String id, Model model, HttpServletResponse response) throws java.io.IOException {
		Consultation c = queries.publicConsultation(number(id)).orElseThrow(ConsultationPortalController::notFound);
		if (queries.status(c) != ConsultationStatus.OPEN) {
			// no form: the page rendered without a session, written as it is (a null view name ends the request)
			byte[] body = pages.item(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
			response.setContentType(HTML.toString());
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			return null;
		}
		PortalForms.noStore(response);
		formModel(model, c, new CommentForm(null, null, null, null, null, null), List.of(), null);
		return "participation/consultation-item";
	}

	@PostMapping({ "/participation/consultations/{id}/comments", "/participation/consultations/{id}/comments/" })
	String comment(@PathVariable String id, @ModelAttribute("form") CommentForm form, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		PortalForms.noStore(response);
		Consultation c = queries.publicConsultation(number(id)).orElseThrow(ConsultationPortalController::notFound);
		OptionalLong wait = limits.comment(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			formModel(model, c, form.forRedisplay(), List.of(),
					"提交过于频繁，请约" + ConsultationLimits.minutes(wait.getAsLong()) + "分钟后再试。");
			return "participation/consultation-item";
		}
		if (form.homepage() != null && !form.homepage().isEmpty()) {
			// looks accepted to the robot; nothing is saved
			redirect.addFlashAttribute("sent", Boolean.TRUE);
			return "redirect:" + ConsultationKind.path(c.id()) + "commented";
		}
		List<FieldProblem> problems = new ArrayList<>();
		try {
			if (!"yes".equals(form.consent())) {
				problems.add(new FieldProblem("consent", "请阅读个人信息处理说明，并勾选“我已阅读并知悉”后提交"));
				if (Texts.trimToNull(form.content()) == null) {
					problems.add(new FieldProblem("content", "请填写意见内容"));
				}
			}
			else {
				management.comment(c.id(), new CommentInput(form.articleNo(), form.content(), form.name(), form.contact()), "WEB");
				redirect.addFlashAttribute("sent", Boolean.TRUE);
				return "redirect:" + ConsultationKind.path(c.id()) + "commented";
			}
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		catch (DomainException e) {
			if (e.status() == 404) {
				throw e;
			}
			response.setStatus(e.status());
			// read again: the period may have ended since the page was read
			Consultation now = queries.publicConsultation(c.id()).orElseThrow(ConsultationPortalController::notFound);
			formModel(model, now, form.forRedisplay(), List.of(), e.getMessage());
			if (queries.status(now) != ConsultationStatus.OPEN && Texts.trimToNull(form.content()) != null) {
				// the form is gone (the period ended meanwhile): the typed text is shown back, read-only
				model.addAttribute("lateText", form.content());
			}
			return "participation/consultation-item";
		}
		response.setStatus(400);
		formModel(model, c, form.forRedisplay(), problems, null);
		return "participation/consultation-item";
	}

	@GetMapping("/participation/consultations/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
		Consultation c = queries.publicConsultation(number(id)).orElseThrow(ConsultationPortalController::notFound);
		ConsultationAttachment a = queries.attachment(number(attachmentId))
			.filter(x -> x.consultationId() == c.id())
			.orElseThrow(ConsultationPortalController::notFound);
		return file(a, files.get(a.storageKey()).orElseThrow(ConsultationPortalController::notFound));
	}

	static ResponseEntity<byte[]> file(ConsultationAttachment a, byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
				.filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	/** The confirmation after a comment is sent (shown once). */
	@GetMapping("/participation/consultations/{id}/commented")
	String commented(@PathVariable String id, Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		Consultation c = queries.publicConsultation(number(id)).orElseThrow(ConsultationPortalController::notFound);
		if (!Boolean.TRUE.equals(model.getAttribute("sent"))) {
			return "redirect:" + ConsultationKind.path(c.id());
		}
		model.addAttribute("c", c);
		model.addAttribute("path", ConsultationKind.path(c.id()));
		model.addAttribute("listPath", ConsultationKind.LIST);
		return "participation/consultation-commented";
	}

	private void formModel(Model model, Consultation c, CommentForm form, List<FieldProblem> problems, String general) {
		Map<String, Object> m = pages.itemModel(c);
		model.addAllAttributes(m);
		model.addAttribute("open", queries.status(c) == ConsultationStatus.OPEN);
		model.addAttribute("form", form);
		model.addAttribute("office", agencies.office(c.agencyId()));
		model.addAttribute("errors", PortalForms.byField(problems));
		model.addAttribute("summary", PortalForms.summary(problems, FIELD_ORDER));
		model.addAttribute("general", general);
	}

	private Agency activeAgency(String code) {
		return agencies.findByCode(code).filter(Agency::active).orElseThrow(ConsultationPortalController::notFound);
	}

	private static long number(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException e) {
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
