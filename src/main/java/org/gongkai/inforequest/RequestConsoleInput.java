package org.gongkai.inforequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.gongkai.platform.InvalidInputException;

/**
 * Reads the text of a console form: a blank field is null (the service then names what is missing), a malformed
 * one is a field problem shown next to the field, never an error page.
 */
final class RequestConsoleInput {

	private RequestConsoleInput() {
	}

	static LocalDate date(String text, String field, String label) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, label + "格式不正确，请按“年-月-日”填写，如 2026-01-05");
		}
	}

	static LocalDate date(Map<String, String> params, String field, String label) {
		return date(params.get(field), field, label);
	}

	static Integer integer(Map<String, String> params, String field, String label) {
		String text = params.get(field);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, label + "应为整数");
		}
	}

	static <E extends Enum<E>> E choice(Map<String, String> params, String field, Class<E> type) {
		String text = params.get(field);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "请从列表中选择");
		}
	}
}
