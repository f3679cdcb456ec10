package org.gongkai.participation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public poll pages. The list, each poll (with its results when public) and the feed carry public data only and
 * no form, so they are rendered by {@link PollPages} without a session. The answer form is a Thymeleaf view with a
 * CSRF token, marked {@code Cache-Control: no-store}; a wrong answer comes back with an error summary and every answer
 * kept.
 */
@Controller
class PollPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final PollManagement management;

	private final PollQueries queries;

	private final PollPages pages;

	private final PollRules rules;

	private final AgencyDirectory agencies;

	PollPortalController(PollManagement management, PollQueries queries, PollPages pages, PollRules rules,
			AgencyDirectory agencies) {
		this.management = management;
		this.queries = queries;
		this.pages = pages;
		this.rules = rules;
		this.agencies = agencies;
	}

	@GetMapping({ "/participation/polls/", "/participation/polls" })
	ResponseEntity<String> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String status) {
		return html(pages.list(agency(agency), status(status)));
	}

	@GetMapping("/participation/polls/feed.atom")
	ResponseEntity<String> feed(@RequestParam(required = false) String agency) {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(agency(agency)));
	}

	@GetMapping({ "/participation/polls/{id}/", "/participation/polls/{id}" })
	ResponseEntity<String> poll(@PathVariable String id) {
		return html(pages.poll(number(id)).orElseThrow(PollPortalController::notFound));
	}

	// ---- the answer form --------------------------------------------------------------------------------------

	@GetMapping("/participation/polls/{id}/answer")
	String answerPage(@PathVariable String id, Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		PollQueries.PollView v = queries.publicPoll(number(id)).orElseThrow(PollPortalController::notFound);
		String refusal = refusal(v);
		if (refusal != null) {
			response.setStatus(409);
		}
		formModel(model, v, Set.of(), Map.of(), null, false, List.of(), refusal);
		return "participation/poll-answer";
	}

	@PostMapping("/participation/polls/{id}/answer")
	String answer(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		PortalForms.noStore(response);
		PollQueries.PollView v = queries.publicPoll(number(id)).orElseThrow(PollPortalController::notFound);
		Set<Long> picked = new HashSet<>();
		Map<String, String> texts = new HashMap<>();
		Map<Long, List<Long>> choices = new HashMap<>();
		Map<Long, String> answers = new HashMap<>();
		for (PollQuestion q : v.questions()) {
			List<String> values = form.getOrDefault(q.field(), List.of());
			if (q.kind().choice()) {
				List<Long> ids = new ArrayList<>();
				for (String value : values) {
					try {
						ids.add(Long.valueOf(value.trim()));
					}
					catch (NumberFormatException e) {
						ids.add(-1L);
					}
				}
				picked.addAll(ids);
				if (!ids.isEmpty()) {
					choices.put(q.id(), ids);
				}
			}
			else if (!values.isEmpty()) {
				texts.put(q.field(), values.get(0));
				answers.put(q.id(), values.get(0));
			}
		}
		String identity = form.getFirst("identity");
		boolean consent = "yes".equals(form.getFirst("consent"));
		String refusal = refusal(v);
		if (refusal != null) {
			response.setStatus(409);
			formModel(model, v, picked, texts, identity, consent, List.of(), refusal);
			return "participation/poll-answer";
		}
		OptionalLong wait = rules.takeAnswer(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			formModel(model, v, picked, texts, identity, consent, List.of(),
					"提交过于频繁，请约" + PollRules.minutes(wait.getAsLong()) + "分钟后再试。");
			return "participation/poll-answer";
		}
		if (PollRules.honeypotFilled(form.getFirst("website"))) {
			// looks accepted to the robot; nothing is saved
			return answered(v, redirect);
		}
		List<FieldProblem> problems = new ArrayList<>();
		try {
			if (!consent) {
				// the answers are still checked, so that every problem is listed at once
				try {
					management.answerCheckOnly(v.poll().id(), new PollAnswer(identity, choices, answers));
				}
				catch (InvalidInputException e) {
					problems.addAll(e.problems());
				}
				problems.add(new FieldProblem("consent", "请阅读个人信息处理说明，并勾选“我已阅读并知悉”后提交"));
				throw new InvalidInputException(problems);
			}
			management.answer(v.poll().id(), new PollAnswer(identity, choices, answers), "WEB");
			return answered(v, redirect);
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			formModel(model, v, picked, texts, identity, consent, e.problems(), null);
			return "participation/poll-answer";
		}
		catch (DomainException e) {
			response.setStatus(e.status());
			formModel(model, v, picked, texts, identity, consent, List.of(), e.getMessage());
			return "participation/poll-answer";
		}
	}

	private static String answered(PollQueries.PollView v, RedirectAttributes redirect) {
		redirect.addFlashAttribute("title", v.poll().title());
		return "redirect:" + PollQueries.path(v.poll().id()) + "answered";
	}

	@GetMapping("/participation/polls/{id}/answered")
	String answered(@PathVariable String id, Model model, HttpServletResponse response) {
		PortalForms.noStore(response);
		PollQueries.PollView v = queries.publicPoll(number(id)).orElseThrow(PollPortalController::notFound);
		if (!(model.getAttribute("title") instanceof String)) {
			return "redirect:" + v.path();
		}
		model.addAttribute("pollPath", v.path());
		return "participation/poll-answered";
	}

	/** Why the poll takes no answer now, or null when it is open. */
	private static String refusal(PollQueries.PollView v) {
		return switch (v.status()) {
			case OPEN -> null;
			case NOT_STARTED -> "本次调查尚未开始，开始日期为" + v.poll().opensOn() + "，请届时参与。";
			default -> "本次调查已经结束，不再接受提交。";
		};
	}

	private void formModel(Model model, PollQueries.PollView v, Set<Long> picked, Map<String, String> texts, String identity,
			boolean consent, List<FieldProblem> problems, String general) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : problems) {
			errors.merge(p.field(), p.message(), (a, b) -> a.equals(b) ? a : a + "；" + b);
		}
		// the summary in the order of the form: the questions, the identity, the acknowledgement
		List<String> order = new ArrayList<>(v.questions().stream().map(PollQuestion::field).toList());
		order.add("identity");
		order.add("consent");
		List<Map<String, String>> summary = new ArrayList<>();
		for (String f : order) {
			if (errors.containsKey(f)) {
				summary.add(Map.of("field", f, "message", errors.get(f)));
			}
		}
		errors.forEach((f, m) -> {
			if (!order.contains(f)) {
				summary.add(Map.of("field", "identity", "message", m));
			}
		});
		model.addAttribute("v", v);
		model.addAttribute("picked", picked);
		model.addAttribute("texts", texts);
		model.addAttribute("identity", identity);
		model.addAttribute("consent", consent);
		model.addAttribute("errors", errors);
		model.addAttribute("summary", summary);
		model.addAttribute("general", general);
		model.addAttribute("showForm", v.open());
		model.addAttribute("keptNotice", rules.keptNotice());
		model.addAttribute("office", agencies.office(v.poll().agencyId()));
		model.addAttribute("limitNotice", PollRules.LIMIT_NOTICE);
		model.addAttribute("action", PollQueries.answerPath(v.poll().id()));
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private Agency agency(String code) {
		String c = Texts.trimToNull(code);
		if (c == null) {
			return null;
		}
		return agencies.findByCode(c).filter(Agency::active).orElseThrow(PollPortalController::notFound);
	}

	private static PollStatus status(String value) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return null;
		}
		try {
			PollStatus s = PollStatus.valueOf(v);
			if (!s.isPublic()) {
				throw notFound();
			}
			return s;
		}
		catch (IllegalArgumentException e) {
			throw notFound();
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

	static DomainException notFound() {
		return DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误");
	}

	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok().contentType(HTML).body(body);
	}

}
