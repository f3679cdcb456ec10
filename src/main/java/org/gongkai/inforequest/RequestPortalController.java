package org.gongkai.inforequest;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's pages: each agency's 依申请公开 column (the guide to applying and the online application form
 * under Art. 29) and the tracking page. They carry a CSRF-protected form or the applicant's own answers, so they
 * are rendered per request as Thymeleaf views, marked {@code Cache-Control: no-store}, and never written to the
 * static site. The ID number entered is never written back into a page.
 */
@Controller
class RequestPortalController {

	/** The one answer for an unknown code and a wrong verifier alike, so that codes cannot be probed. */
	static final String NOT_FOUND = "未找到与查询码和联系电话后四位相符的申请";

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The form's fields in page order: the error summary lists problems in this order. */
	private static final List<String> FIELD_ORDER = List.of("applicantType", "name", "idType", "idNumber", "file", "contactPerson",
			"phone", "email", "address", "postcode", "description", "provisionForm", "obtainMethod", "consent");

	/**
	 * The online application as typed: every field a string, so that a wrong entry is shown back as it was.
	 *
	 * @param consent "yes" when the personal-information notice was acknowledged
	 * @param homepage the honeypot: hidden from people and assistive technology, filled only by robots
	 */
	public record ApplicationForm(String applicantType, String name, String idType, String idNumber, String contactPerson,
			String phone, String email, String address, String postcode, String description, String provisionForm,
			String obtainMethod, String consent, String homepage) {

		static ApplicationForm blank() {
			return new ApplicationForm(ApplicantType.NATURAL_PERSON.name(), null, IdType.RESIDENT_ID.name(), null, null, null,
					null, null, null, null, null, null, null, null);
		}

		Application application() {
			return new Application(parse(ApplicantType.class, applicantType), name, parse(IdType.class, idType), idNumber,
					contactPerson, phone, email, address, postcode, description, parse(ProvisionForm.class, provisionForm),
					parse(ObtainMethod.class, obtainMethod));
		}

		boolean consented() {
			return "yes".equals(consent);
		}

		boolean honeypotFilled() {
			return homepage != null && !homepage.isEmpty();
		}

		/** What may be written back into the page: everything but the ID number and the honeypot. */
		ApplicationForm forRedisplay() {
			return new ApplicationForm(applicantType, name, idType, null, contactPerson, phone, email, address, postcode,
					description, provisionForm, obtainMethod, consent, null);
		}

		private static <E extends Enum<E>> E parse(Class<E> type, String value) {
			String v = Texts.trimToNull(value);
			if (v == null) {
				return null;
			}
			try {
				return Enum.valueOf(type, v);
			}
			catch (IllegalArgumentException e) {
				return null;
			}
		}
	}

	private final InfoRequestManagement management;

	private final InfoRequestQueries queries;

	private final RequestSettings settings;

	private final AgencyDirectory agencies;

	private final AgencyColumns columns;

	private final RequestPortalLimits limits;

	private final String retention;

	private final RequestCases cases;

	private final RequestNotices notices;

	RequestPortalController(InfoRequestManagement management, InfoRequestQueries queries, RequestSettings settings,
			AgencyDirectory agencies, AgencyColumns columns, RequestPortalLimits limits, RequestCases cases, RequestNotices notices,
			@Value("${gongkai.inforequest.portal.retention:申请材料和答复作为政府信息公开工作档案，按照国家档案管理规定的保管期限保存，期满后依规销毁}") String retention) {
		this.management = management;
		this.queries = queries;
		this.settings = settings;
		this.agencies = agencies;
		this.columns = columns;
		this.limits = limits;
		this.cases = cases;
		this.notices = notices;
		this.retention = retention;
	}

	// ---- the 依申请公开 column -----------------------------------------------------------------------------

	@GetMapping({ "/agencies/{code}/apply/", "/agencies/{code}/apply" })
	String applyPage(@PathVariable String code, Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		Agency agency = activeAgency(code);
		applyModel(model, agency, ApplicationForm.blank(), List.of(), null);
		return "inforequest/portal-apply";
	}

	@PostMapping({ "/agencies/{code}/apply/", "/agencies/{code}/apply" })
	String apply(@PathVariable String code, @ModelAttribute("form") ApplicationForm form,
			@org.springframework.web.bind.annotation.RequestParam(value = "identityProof", required = false)
			org.springframework.web.multipart.MultipartFile identityProof, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		PortalForms.noStore(response);
		Agency agency = activeAgency(code);
		OptionalLong wait = limits.application(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			applyModel(model, agency, form.forRedisplay(), List.of(),
					"提交过于频繁，请约" + minutes(wait.getAsLong()) + "分钟后再试；急需提交的，可以通过电话、当面或者邮寄方式提出申请。");
			return "inforequest/portal-apply";
		}
		if (form.honeypotFilled()) {
			response.setStatus(400);
			applyModel(model, agency, form.forRedisplay(), List.of(),
					"本次提交未能受理，请核对后重新提交；多次遇到此问题的，可以通过电话、当面或者邮寄方式提出申请。");
			return "inforequest/portal-apply";
		}
		Application application = form.application();
		List<FieldProblem> problems = new ArrayList<>();
		if (!form.consented()) {
			problems.addAll(management.validate(application, true));
			problems.add(new FieldProblem("consent", "请阅读个人信息处理说明，并勾选“我已阅读并知悉”后提交"));
		}
		else {
			try {
				byte[] proof = identityProof == null || identityProof.isEmpty() ? null : identityProof.getBytes();
				InfoRequest saved = management.applyOnline(agency.code(), application,
						identityProof == null ? null : identityProof.getOriginalFilename(), proof);
				redirect.addFlashAttribute("trackingCode", saved.trackingCode());
				return "redirect:" + RequestColumns.applyPath(agency) + "submitted";
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
			catch (java.io.IOException e) {
				problems.add(new FieldProblem("file", "身份证明文件上传失败，请重新选择文件"));
			}
		}
		response.setStatus(400);
		applyModel(model, agency, form.forRedisplay(), problems, null);
		return "inforequest/portal-apply";
	}

	/** The blank application form (Word) for applying in person, by post or by fax. */
	@GetMapping("/agencies/{code}/apply/form.docx")
	org.springframework.http.ResponseEntity<byte[]> blankForm(@PathVariable String code) {
		Agency agency = activeAgency(code);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType
				.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
				.filename(agency.name() + "政府信息公开申请表.docx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(ApplicationFormDocument.word(agency, agencies.office(agency.id())));
	}

	/** The confirmation after a successful application (shown once: the tracking code travels as a flash attribute). */
	@GetMapping("/agencies/{code}/apply/submitted")
	String submitted(@PathVariable String code, Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		Agency agency = activeAgency(code);
		Object trackingCode = model.getAttribute("trackingCode");
		if (!(trackingCode instanceof String)) {
			return "redirect:" + RequestColumns.applyPath(agency);
		}
		base(model, agency);
		model.addAttribute("office", agencies.office(agency.id()));
		model.addAttribute("trackPath", RequestColumns.TRACK_PATH);
		return "inforequest/portal-applied";
	}

	private void applyModel(Model model, Agency agency, ApplicationForm form, List<FieldProblem> problems, String general) {
		base(model, agency);
		model.addAttribute("office", agencies.office(agency.id()));
		model.addAttribute("contacts", agencies.contacts(agency.id()));
		model.addAttribute("feePaymentDays", settings.of(agency.id()).feePaymentDays());
		model.addAttribute("rules", rules());
		model.addAttribute("form", form);
		model.addAttribute("cases", cases.cases(agency.id()));
		model.addAttribute("applicantTypes", ApplicantType.values());
		model.addAttribute("idTypes", IdType.values());
		model.addAttribute("provisionForms", ProvisionForm.values());
		model.addAttribute("obtainMethods", ObtainMethod.values());
		model.addAttribute("errors", PortalForms.byField(problems));
		model.addAttribute("summary", PortalForms.summary(problems, FIELD_ORDER));
		model.addAttribute("general", general);
		model.addAttribute("retention", retention);
		model.addAttribute("action", RequestColumns.applyPath(agency));
		model.addAttribute("trackPath", RequestColumns.TRACK_PATH);
	}

	private static Map<String, Object> rules() {
		Map<String, Object> r = new HashMap<>();
		r.put("replyDays", RequestRules.REPLY_WORKING_DAYS);
		r.put("extensionDays", RequestRules.MAX_EXTENSION_WORKING_DAYS);
		r.put("correctionDays", RequestRules.CORRECTION_NOTICE_WORKING_DAYS);
		r.put("consultationDays", RequestRules.CONSULTATION_WORKING_DAYS);
		r.put("freeApplications", RequestRules.FREE_APPLICATIONS_PER_MONTH);
		r.put("perApplicationFee", RequestRules.PER_APPLICATION_FEE.toPlainString());
		r.put("freePages", RequestRules.FREE_PAGES);
		return r;
	}

	// ---- the tracking page ----------------------------------------------------------------------------

	@GetMapping({ "/requests/track", "/requests/track/" })
	String trackPage(@RequestParam(required = false) String code, @RequestParam(required = false) String verifier,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		PortalForms.noStore(response);
		if (code != null && verifier != null) {
			return lookup(code, verifier, model, request, response);
		}
		trackModel(model, Texts.trimToNull(code), List.of(), null);
		return "inforequest/portal-track";
	}

	@PostMapping({ "/requests/track", "/requests/track/" })
	String track(@RequestParam(required = false) String code, @RequestParam(required = false) String verifier, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PortalForms.noStore(response);
		return lookup(code, verifier, model, request, response);
	}

	/** The applicant downloads a notice of their request (the reply, a correction request …) from the tracking page. */
	@PostMapping("/requests/track/notice")
	org.springframework.http.ResponseEntity<byte[]> applicantNotice(@RequestParam(required = false) String code,
			@RequestParam(required = false) String verifier, @RequestParam(required = false) RequestNotices.Kind kind,
			@RequestParam(defaultValue = "pdf") String format, HttpServletRequest request, HttpServletResponse response) {
		PortalForms.noStore(response);
		OptionalLong wait = limits.lookup(request.getRemoteAddr());
		if (wait.isPresent()) {
			return org.springframework.http.ResponseEntity.status(429)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()))
				.build();
		}
		if (kind == null || !(format.equals("pdf") || format.equals("docx"))) {
			throw DomainException.notFound(NOT_FOUND);
		}
		RequestNotices.Document d = notices.forApplicant(code, verifier, kind, format.equals("pdf"))
			.orElseThrow(() -> DomainException.notFound(NOT_FOUND));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(d.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
				.filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(d.content());
	}

	private String lookup(String code, String verifier, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String c = Texts.trimToNull(code);
		String v = Texts.trimToNull(verifier);
		List<FieldProblem> problems = new ArrayList<>();
		if (c == null || c.length() > 40) {
			problems.add(new FieldProblem("code", "请填写提交申请时获得的查询码"));
		}
		if (v == null || !v.matches("\\d{4}")) {
			problems.add(new FieldProblem("verifier", "请填写申请时所留联系电话的后四位数字"));
		}
		String shownCode = c == null ? null : c.toUpperCase(Locale.ROOT);
		if (!problems.isEmpty()) {
			response.setStatus(400);
			trackModel(model, shownCode, problems, null);
			return "inforequest/portal-track";
		}
		OptionalLong wait = limits.lookup(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			trackModel(model, shownCode, List.of(), "查询过于频繁，请约" + minutes(wait.getAsLong()) + "分钟后再试。");
			return "inforequest/portal-track";
		}
		Optional<InfoRequestQueries.Tracking> found = queries.track(c, v);
		if (found.isEmpty()) {
			trackModel(model, shownCode, List.of(), NOT_FOUND);
			return "inforequest/portal-track";
		}
		InfoRequestQueries.Tracking t = found.get();
		trackModel(model, null, List.of(), null);
		model.addAttribute("t", t);
		model.addAttribute("verifier", v);
		model.addAttribute("downloads", queries.verified(c, v).map(RequestNotices::applicable).orElse(List.of()));
		model.addAttribute("statusLabel", t.status().label());
		model.addAttribute("awaitingCorrection", t.status() == RequestStatus.AWAITING_CORRECTION);
		model.addAttribute("correctionItems", lines(t.correctionItems()));
		model.addAttribute("showFee", t.feeAmount() != null && t.feeAmount().signum() > 0);
		model.addAttribute("feeAmount", t.feeAmount() == null ? null : t.feeAmount().stripTrailingZeros().toPlainString());
		model.addAttribute("awaitingPayment", t.status() == RequestStatus.AWAITING_PAYMENT);
		model.addAttribute("outcomeLabel", t.outcome() == null ? null : t.outcome().label());
		model.addAttribute("replyContent", lines(t.replyContent()));
		model.addAttribute("notices", t.notices().stream().map(e -> {
			Map<String, Object> m = new HashMap<>();
			m.put("at", MINUTES.format(e.at().atZone(Zones.CHINA)));
			m.put("iso", e.at().toString());
			m.put("note", e.note());
			return m;
		}).toList());
		return "inforequest/portal-track";
	}

	private static void trackModel(Model model, String code, List<FieldProblem> problems, String general) {
		model.addAttribute("code", code);
		model.addAttribute("errors", PortalForms.byField(problems));
		model.addAttribute("summary", PortalForms.summary(problems, FIELD_ORDER));
		model.addAttribute("general", general);
		model.addAttribute("trackPath", RequestColumns.TRACK_PATH);
	}

	// ---- helpers --------------------------------------------------------------------------------------

	private void base(Model model, Agency agency) {
		model.addAttribute("agency", agency);
		model.addAttribute("columns", columns.of(agency.id()));
	}

	private Agency activeAgency(String code) {
		return agencies.findByCode(code).filter(Agency::active)
			.orElseThrow(() -> DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误"));
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static long minutes(long seconds) {
		return Math.max(1, (seconds + 59) / 60);
	}

}
