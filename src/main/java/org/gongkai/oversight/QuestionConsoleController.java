package org.gongkai.oversight;

import org.gongkai.platform.FormFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of the question bank, for supervisors and system administrators: the list, the question form, retiring. */
@Controller
class QuestionConsoleController {

	static final String HOME = TrainingConsoleController.HOME + "/questions";

	private final QuestionBank bank;

	QuestionConsoleController(QuestionBank bank) {
		this.bank = bank;
	}

	@GetMapping(HOME)
	String list(@RequestParam(required = false) String retired, Model model) {
		boolean all = "true".equals(retired);
		List<Question> questions = bank.list(true);
		model.addAttribute("questions", all ? questions : questions.stream().filter(q -> !q.retired()).toList());
		model.addAttribute("retiredCount", questions.stream().filter(Question::retired).count());
		model.addAttribute("activeCount", questions.stream().filter(q -> !q.retired()).count());
		model.addAttribute("showRetired", all);
		return "oversight/training-questions";
	}

	@GetMapping(HOME + "/new")
	String newQuestion(Model model) {
		requireEditor();
		Map<String, Object> input = new HashMap<>();
		input.put("kind", QuestionKind.SINGLE.name());
		return form(model, null, input);
	}

	@PostMapping(HOME + "/new")
	String create(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		return TrainingConsoleController.guarded(model, p, "question", () -> {
			Question q = bank.add(input(p));
			redirect.addFlashAttribute("notice", "已增加试题（编号" + q.id() + "）");
			return "redirect:" + HOME;
		}, () -> form(model, null, new HashMap<>(p)));
	}

	@GetMapping(HOME + "/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Question q = bank.find(id);
		Map<String, Object> input = new HashMap<>();
		input.put("kind", q.kind().name());
		input.put("stem", q.stem());
		for (Question.Option o : q.lettered()) {
			input.put("option" + o.letter(), o.text());
		}
		input.put("answer", q.answer());
		input.put("articles", Question.Articles.join(q.articles()));
		input.put("explanation", q.explanation());
		return form(model, q, input);
	}

	@PostMapping(HOME + "/{id}/edit")
	String update(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
		Question q = bank.find(id);
		return TrainingConsoleController.guarded(model, p, "question", () -> {
			bank.edit(id, input(p));
			redirect.addFlashAttribute("notice", "已保存试题（编号" + id + "）");
			return "redirect:" + HOME;
		}, () -> form(model, q, new HashMap<>(p)));
	}

	@PostMapping(HOME + "/{id}/{action:retire|restore}")
	String retire(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		Question q = bank.retire(id, action.equals("retire"));
		redirect.addFlashAttribute("notice", (q.retired() ? "已停用试题（编号" : "已恢复试题（编号") + id + "）");
		return "redirect:" + HOME;
	}

	private String form(Model model, Question q, Map<String, Object> input) {
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", input);
		}
		model.addAttribute("q", q);
		model.addAttribute("kindOptions", QuestionKind.values());
		model.addAttribute("letters", List.of("A", "B", "C", "D"));
		model.addAttribute("action", q == null ? HOME + "/new" : HOME + "/" + q.id() + "/edit");
		return "oversight/training-question-form";
	}

	private static QuestionBank.QuestionInput input(Map<String, String> p) {
		List<String> options = new ArrayList<>();
		for (String l : List.of("A", "B", "C", "D")) {
			options.add(p.get("option" + l));
		}
		return new QuestionBank.QuestionInput(FormFields.choice(QuestionKind.class, p.get("kind"), "kind", null),
				p.get("stem"), options, p.get("answer"), p.get("articles"), p.get("explanation"));
	}

	private static void requireEditor() {
		if (!QuestionBank.mayEdit(Actors.require())) {
			throw DomainException.forbidden("只有政务公开主管部门和系统管理员可以维护试题库");
		}
	}
}
