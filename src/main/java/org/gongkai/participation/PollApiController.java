package org.gongkai.participation;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The poll endpoints in the style of api-contract.md: the public list and poll (questions, and results when they are
 * public; free text never), answering once per person, and the staff steps (create with questions, edit the draft,
 * publish, close early, withdraw, results with the free text, export).
 */
@RestController
@Tag(name = "Polls", description = "民意调查：问卷、每个号码限答一次（不核验号码归属）、结果公开")
class PollApiController {

	private final PollManagement management;

	private final PollQueries queries;

	private final PollRules rules;

	private final PollExport export;

	private final AgencyDirectory agencies;

	PollApiController(PollManagement management, PollQueries queries, PollRules rules, PollExport export,
			AgencyDirectory agencies) {
		this.management = management;
		this.queries = queries;
		this.rules = rules;
		this.export = export;
		this.agencies = agencies;
	}

	/** 429 with the Chinese message. */
	static final class TooMany extends DomainException {

		TooMany(String message) {
			super(429, message);
		}
	}

	@Schema(description = "一道题的回答：选择题给 options（选项编号），填空题给 text")
	record AnswerItem(@Schema(description = "题目编号") Long question, List<Long> options, String text) {
	}

	@Schema(description = "一份答卷")
	record AnswerBody(@Schema(description = "调查规定的手机号码或居民身份证号码；只保存其单向指纹，用于防止重复提交") String identity,
			List<AnswerItem> answers) {
	}

	@Schema(description = "一道题")
	record QuestionBody(@Schema(description = "SINGLE | MULTIPLE | TEXT") String kind, String prompt, Boolean required,
			Integer minChoices, Integer maxChoices, Integer maxLength, List<String> options) {

		PollQuestionInput input() {
			return new PollQuestionInput(kind, prompt, Boolean.TRUE.equals(required), str(minChoices), str(maxChoices),
					str(maxLength), options);
		}
	}

	@Schema(description = "一项民意调查（草稿）")
	record PollBody(@Schema(description = "单位代码；机构令牌可省略") String agency, String title, String description,
			@Schema(description = "YYYY-MM-DD") String opensOn, @Schema(description = "YYYY-MM-DD") String closesOn,
			@Schema(description = "MOBILE | RESIDENT_ID") String identityRule,
			@Schema(description = "AFTER_CLOSE（默认）| LIVE | WITHHELD") String resultsVisibility, String withheldReason,
			@Schema(description = "关联事项：decision | consultation") String refKind, Long refId, List<QuestionBody> questions) {

		PollDraft draft(String agencyCode) {
			return new PollDraft(agencyCode, title, description, opensOn, closesOn, identityRule, resultsVisibility,
					withheldReason, refKind, refId == null ? null : refId.toString());
		}
	}

	record ReasonBody(String reason) {
	}

	record OptionBody(String label) {
	}

	// ---- public ------------------------------------------------------------------------------------------------

	@GetMapping("/api/v1/public/polls")
	@Operation(summary = "公开的民意调查列表（进行中的在前）")
	Map<String, Object> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String status) {
		Agency a = null;
		if (Texts.trimToNull(agency) != null) {
			a = agencies.findByCode(agency.trim()).filter(Agency::active).orElseThrow(() -> InvalidInputException.of("agency", "没有找到这个单位"));
		}
		PollStatus s = null;
		if (Texts.trimToNull(status) != null) {
			try {
				s = PollStatus.valueOf(status.trim());
			}
			catch (IllegalArgumentException e) {
				s = null;
			}
			if (s == null || !s.isPublic()) {
				throw InvalidInputException.of("status", "状态应为 NOT_STARTED、OPEN 或 CLOSED");
			}
		}
		List<Map<String, Object>> items = queries.publicList(a == null ? null : a.id(), s).stream().map(x -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", x.poll().id());
			m.put("title", x.poll().title());
			m.put("agency", x.agency().code());
			m.put("agencyName", x.agency().name());
			m.put("status", x.status().name());
			m.put("statusLabel", x.status().label());
			m.put("opensOn", x.poll().opensOn());
			m.put("closesOn", x.poll().closesOn());
			m.put("participants", x.participants());
			m.put("url", x.path());
			return m;
		}).toList();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("total", items.size());
		out.put("items", items);
		return out;
	}

	@GetMapping("/api/v1/public/polls/{id}")
	@Operation(summary = "一项公开的民意调查：题目，以及按调查说明可以公开时的结果；404 表示不存在或未公开")
	Map<String, Object> poll(@PathVariable long id) {
		PollQueries.PollView v = queries.publicPoll(id).orElseThrow(PollManagement::notFound);
		return view(v, false, null);
	}

	@PostMapping("/api/v1/public/polls/{id}/answers")
	@Operation(summary = "提交答卷；201 成功，409 已参与过或调查不在进行中，400 回答不符合题目要求")
	ResponseEntity<Map<String, Object>> answer(@PathVariable long id, @RequestBody(required = false) AnswerBody body,
			HttpServletRequest request, HttpServletResponse response) {
		if (body == null) {
			throw InvalidInputException.of("identity", "请提供答卷");
		}
		OptionalLong wait = rules.takeAnswer(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			throw new TooMany("提交过于频繁，请约" + PollRules.minutes(wait.getAsLong()) + "分钟后再试");
		}
		Map<Long, List<Long>> choices = new HashMap<>();
		Map<Long, String> texts = new HashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		List<AnswerItem> items = body.answers() == null ? List.of() : body.answers();
		for (int i = 0; i < items.size(); i++) {
			AnswerItem item = items.get(i);
			if (item == null || item.question() == null) {
				problems.add(new FieldProblem("answers[" + i + "].question", "请注明回答的是哪道题"));
				continue;
			}
			if (choices.containsKey(item.question()) || texts.containsKey(item.question())) {
				problems.add(new FieldProblem("q" + item.question(), "同一道题只能回答一次"));
				continue;
			}
			if (item.options() != null && !item.options().isEmpty()) {
				choices.put(item.question(), item.options());
			}
			if (item.text() != null) {
				texts.put(item.question(), item.text());
			}
			if ((item.options() == null || item.options().isEmpty()) && item.text() == null) {
				choices.put(item.question(), List.of());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		management.answer(id, new PollAnswer(body.identity(), choices, texts), "API");
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("poll", id);
		out.put("status", "RECEIVED");
		out.put("message", "答卷已提交，感谢您的参与");
		return ResponseEntity.created(URI.create(PollQueries.path(id))).body(out);
	}

	// ---- staff -------------------------------------------------------------------------------------------------

	@PostMapping("/api/v1/polls")
	@Operation(summary = "新建民意调查草稿（可同时给出题目）→ 201 {id, status}")
	ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) PollBody body) {
		if (body == null) {
			throw InvalidInputException.of("title", "请提供调查内容");
		}
		String agency = body.agency();
		var actor = Actors.require();
		if (Texts.trimToNull(agency) == null && actor.token() && actor.agencyId() != null) {
			agency = agencies.findById(actor.agencyId()).map(Agency::code).orElse(null);
		}
		List<PollQuestionInput> questions = body.questions() == null ? List.of()
				: body.questions().stream().map(q -> q == null ? new PollQuestionInput(null, null, false, null, null, null, null) : q.input()).toList();
		Poll p = management.create(body.draft(agency), questions);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", p.id());
		out.put("status", PollStatus.DRAFT.name());
		return ResponseEntity.created(URI.create("/api/v1/polls/" + p.id())).body(out);
	}

	@GetMapping("/api/v1/polls/{id}")
	@Operation(summary = "调查详情（工作人员）：状态、题目、结果和填空题回答（已遮蔽个人信息）")
	Map<String, Object> staffPoll(@PathVariable long id) {
		PollQueries.PollView v = queries.staffPoll(id);
		return view(v, true, queries.texts(id));
	}

	@PutMapping("/api/v1/polls/{id}")
	@Operation(summary = "修改草稿的调查设置（题目另行修改）")
	Map<String, Object> update(@PathVariable long id, @RequestBody(required = false) PollBody body) {
		if (body == null) {
			throw InvalidInputException.of("title", "请提供调查内容");
		}
		PollQueries.PollView before = queries.staffPoll(id);
		management.update(id, body.draft(before.agency().code()));
		return staffPoll(id);
	}

	@PostMapping("/api/v1/polls/{id}/questions")
	@Operation(summary = "为草稿添加一道题 → 201 {id}")
	ResponseEntity<Map<String, Object>> addQuestion(@PathVariable long id, @RequestBody(required = false) QuestionBody body) {
		if (body == null) {
			throw InvalidInputException.of("prompt", "请提供题目");
		}
		long q = management.addQuestion(id, body.input());
		return ResponseEntity.created(URI.create("/api/v1/polls/" + id)).body(Map.of("id", q));
	}

	@DeleteMapping("/api/v1/polls/{id}/questions/{question}")
	@Operation(summary = "删除草稿的一道题")
	Map<String, Object> removeQuestion(@PathVariable long id, @PathVariable long question) {
		management.removeQuestion(id, question);
		return staffPoll(id);
	}

	@PostMapping("/api/v1/polls/{id}/questions/{question}/options")
	@Operation(summary = "为草稿的选择题添加一个选项")
	ResponseEntity<Map<String, Object>> addOption(@PathVariable long id, @PathVariable long question,
			@RequestBody(required = false) OptionBody body) {
		long o = management.addOption(id, question, body == null ? null : body.label());
		return ResponseEntity.created(URI.create("/api/v1/polls/" + id)).body(Map.of("id", o));
	}

	@PostMapping("/api/v1/polls/{id}/publish")
	@Operation(summary = "发布调查（发布后题目不能再修改）")
	Map<String, Object> publish(@PathVariable long id) {
		management.publish(id);
		return staffPoll(id);
	}

	@PostMapping("/api/v1/polls/{id}/close")
	@Operation(summary = "提前结束调查")
	Map<String, Object> close(@PathVariable long id) {
		management.closeEarly(id);
		return staffPoll(id);
	}

	@PostMapping("/api/v1/polls/{id}/withdraw")
	@Operation(summary = "撤回调查 {reason}：调查离开网站和公开接口，记录和答卷保留")
	Map<String, Object> withdraw(@PathVariable long id, @RequestBody(required = false) ReasonBody body) {
		management.withdraw(id, body == null ? null : body.reason());
		return staffPoll(id);
	}

	@GetMapping("/api/v1/polls/{id}/export")
	@Operation(summary = "导出全部答卷（Excel .xlsx；不含任何身份信息）")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		PollExport.File file = export.workbook(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(PollExport.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, file.disposition())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.bytes());
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private Map<String, Object> view(PollQueries.PollView v, boolean staff, List<PollQueries.StaffText> texts) {
		Poll p = v.poll();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id());
		m.put("title", p.title());
		m.put("description", p.description());
		m.put("agency", v.agency() == null ? null : v.agency().code());
		m.put("agencyName", v.agency() == null ? null : v.agency().name());
		m.put("status", v.status().name());
		m.put("statusLabel", v.status().label());
		m.put("opensOn", p.opensOn());
		m.put("closesOn", p.closesOn());
		m.put("closedEarlyOn", p.closedEarlyOn());
		m.put("identityRule", p.identityRule().name());
		m.put("answerLimit", PollRules.LIMIT_NOTICE);
		m.put("resultsVisibility", p.resultsVisibility().name());
		m.put("withheldReason", p.withheldReason());
		m.put("participants", v.participants());
		if (v.reference() != null) {
			m.put("reference", Map.of("kind", v.reference().kind(), "id", v.reference().id(), "title", v.reference().title(),
					"url", v.reference().path()));
		}
		m.put("questions", v.questions().stream().map(q -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("id", q.id());
			x.put("kind", q.kind().name());
			x.put("prompt", q.prompt());
			x.put("required", q.required());
			x.put("minChoices", q.minChoices());
			x.put("maxChoices", q.maxChoices());
			x.put("maxLength", q.maxLength());
			x.put("options", q.options().stream().map(o -> Map.of("id", o.id(), "label", o.label())).toList());
			return x;
		}).toList());
		PollResults r = v.results();
		if (r == null) {
			m.put("results", null);
		}
		else {
			Map<String, Object> results = new LinkedHashMap<>();
			results.put("participants", r.participants());
			results.put("note", PollRules.RESULTS_NOTICE);
			results.put("questions", r.questions().stream().map(qr -> {
				Map<String, Object> x = new LinkedHashMap<>();
				x.put("question", qr.question().id());
				x.put("answered", qr.answered());
				x.put("options", qr.options().stream().map(o -> {
					Map<String, Object> y = new LinkedHashMap<>();
					y.put("id", o.optionId());
					y.put("label", o.label());
					y.put("count", o.count());
					y.put("percent", o.percent());
					return y;
				}).toList());
				return x;
			}).toList());
			m.put("results", results);
		}
		if (staff) {
			m.put("publishedAt", p.publishedAt());
			m.put("withdrawnAt", p.withdrawnAt());
			m.put("withdrawalReason", p.withdrawalReason());
			m.put("texts", texts.stream().map(t -> Map.of("question", t.questionId(), "at", t.when(), "text", t.masked())).toList());
		}
		m.put("url", v.status().isPublic() ? v.path() : null);
		return m;
	}

	private static String str(Integer i) {
		return i == null ? null : i.toString();
	}


}
