package org.gongkai.platform;

import java.util.List;

/** 400: one or more fields are missing or invalid. Each message is Chinese and names the fix. */
public class InvalidInputException extends DomainException {

	/** One field's problem, as in {@code "errors": [{"field": "…", "message": "…"}]}. */
	public record FieldProblem(String field, String message) {
	}

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(400, problems.isEmpty() ? "提交的内容有误" : problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}
}
