package org.gongkai.platform;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.springframework.ui.Model;

/** How every console form reacts to invalid input: the same page again, each field with its message. */
public final class ConsoleForms {

	private ConsoleForms() {
	}

	/**
	 * Runs a change and returns its view name; on {@link InvalidInputException} puts {@code errors}
	 * (field → Chinese message) and {@code error} into the model and returns {@code formPage}'s view.
	 * Nothing was saved in that case: the service validates before it writes.
	 */
	public static String attempt(Model model, Supplier<String> action, Supplier<String> formPage) {
		try {
			return action.get();
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = e.problems()
				.stream()
				.collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a + "；" + b,
					java.util.LinkedHashMap::new));
			model.addAttribute("errors", errors);
			model.addAttribute("error", "提交的内容有误，请按提示修改后重新提交");
			return formPage.get();
		}
	}
}
